/**
 * One loadgen thread's shoppers: opens their sessions and push channels, sends
 * their events on an open-loop schedule (each send has an intended time fixed in
 * advance by the clock, never by replies), matches acks and pushes to events, and
 * at the end reads every profile to check that nothing acked was lost. The
 * protocol (WebSocket or gRPC) is the transport's business (transport/).
 *
 * Latency is measured from the intended send time, so when the engine (or this
 * thread) falls behind, the wait counts: no coordinated omission. How late this
 * thread itself sent is recorded separately (send lag).
 *
 * Lifecycle: connecting -> ready -> sending -> draining -> verifying -> closed.
 */
import { BrowseShopper, CatalogIndex, THINK_AFTER } from './behaviour/browse.js';
import { PUSHING_KINDS, type ShopperAction } from './behaviour/types.js';
import { encodeHistogram, newHistogram, recordMs } from './histogram.js';
import { TimeHeap } from './heap.js';
import { deriveSeed, Rng } from './rng.js';
import { verifyShoppers } from './verify.js';
import { ConnectError, createTransport, UNCERTAIN_STATUS_CODES, type ShopperReplies, type ShopperTransport } from './transport/index.js';
import { behaviourFor, clock, pool, type VirtualShopper } from './virtual-shopper.js';
import type { VerifyResult, WorkerInit, WorkerResult, WorkerTick } from './worker-protocol.js';

/** Flood (closed loop): an event unanswered this long frees its slot (the engine may have dropped it). */
const FLOOD_REPLY_TIMEOUT_MS = 5000;
/** Error codes after which an event may still have been stored (the log did not confirm in time). */
const UNCERTAIN_CODES: ReadonlySet<string> = new Set(['E_UNAVAILABLE', 'E_TIMEOUT', 'E_INTERNAL', ...UNCERTAIN_STATUS_CODES]);

interface Pending {
  shopper: VirtualShopper;
  action: ShopperAction;
  intended: number;
  measured: boolean;
  acked: boolean;
  /** Still waiting for a recs push (the push may come before the ack: the shard and the gateway race). */
  awaitingPush: boolean;
}

export class LoadDriver {
  readonly #init: WorkerInit;
  readonly #rng: Rng;
  readonly #transport: ShopperTransport;
  readonly #shoppers: VirtualShopper[] = [];
  readonly #pending = new Map<string, Pending>();
  readonly #heap = new TimeHeap();
  readonly #errors: Record<string, number> = {};
  readonly #ackH = newHistogram();
  readonly #pushH = newHistogram();
  readonly #lagH = newHistogram();
  #tickAck = newHistogram();
  #tickPush = newHistogram();
  #tick = { sent: 0, acked: 0, pushes: 0, errors: 0 };
  #meanGapMs = 0;
  #measureFrom = 0;
  #sendUntil = 0;
  #sending = false;
  /** Events sent and not yet answered by an ack or an error. */
  #awaitingAck = 0;
  #timer: NodeJS.Timeout | undefined;
  #onIdle: (() => void) | undefined;
  readonly #stats = {
    connected: 0, connectFailed: 0, connectMs: 0, sent: 0, acked: 0, duplicates: 0, pushes: 0, pushMatched: 0,
    pushCoalesced: 0, pushUnmatched: 0, pushMissing: 0, coupons: 0, measuredSent: 0, measuredAcked: 0, measuredPushes: 0,
  };

  constructor(init: WorkerInit) {
    this.#init = init;
    this.#rng = new Rng(deriveSeed(init.seed, init.workerIndex, 0xbeef));
    this.#transport = createTransport(init, this.#replies);
  }

  #error(code: string): void {
    this.#errors[code] = (this.#errors[code] ?? 0) + 1;
    this.#tick.errors++;
  }

  get errorsByCode(): Record<string, number> {
    return { ...this.#errors };
  }

  get stats() {
    return this.#stats;
  }

  /** Sessions and sockets for every shopper of this thread; reports progress through `onProgress`. */
  async connect(onProgress: (connected: number, failed: number) => void): Promise<void> {
    const t0 = clock();
    const { shoppers, firstShopper } = this.#init;
    const catalog = new CatalogIndex(this.#init.catalog);
    const indices = Array.from({ length: shoppers }, (_, i) => i);
    let lastReport = 0;
    const report = () => {
      const now = clock();
      if (now - lastReport > 500) {
        lastReport = now;
        onProgress(this.#stats.connected, this.#stats.connectFailed);
      }
    };
    const created: VirtualShopper[] = new Array(shoppers);
    const t = this.#transport;
    await pool(indices, t.createConcurrency, async (i) => {
      try {
        created[i] = await t.create(i, firstShopper + i, behaviourFor(this.#init, firstShopper + i, catalog));
      } catch (err) {
        this.#error(err instanceof ConnectError ? err.code : 'LG_SESSION');
        this.#stats.connectFailed++;
      }
    });
    const ok = created.filter((s): s is VirtualShopper => s !== undefined);
    await pool(ok, t.openConcurrency, async (s) => {
      try {
        await t.open(s);
        this.#shoppers.push(s);
        this.#stats.connected++;
      } catch (err) {
        this.#error(err instanceof ConnectError ? err.code : 'LG_CONNECT');
        this.#stats.connectFailed++;
      }
      report();
    });
    this.#shoppers.sort((a, b) => a.index - b.index);
    this.#stats.connectMs = Math.round(clock() - t0);
  }

  readonly #replies: ShopperReplies = {
    ack: (s, id, seq, duplicate) => this.#onAck(s, id, seq, duplicate),
    recs: (s, causedBy, itemIds) => this.#onRecs(s, causedBy, itemIds),
    refused: (s, id, code) => this.#onRefused(s, id, code),
    coupon: () => {
      this.#stats.coupons++;
    },
    fault: (code) => this.#error(code),
    closed: (s, code) => {
      if (this.#sending || s.outstanding > 0) this.#error(code);
    },
  };

  /** Starts sending at `startAt`; resolves when sending stopped and outstanding replies arrived (or the drain timed out). */
  run(startAt: number, measureFrom: number, sendUntil: number): Promise<void> {
    this.#measureFrom = measureFrom;
    this.#sendUntil = sendUntil;
    this.#sending = true;
    const n = this.#shoppers.length;
    const flood = this.#init.scenario === 'flood';
    // Each shopper's mean gap is n / rate; think factors are normalised to mean 1.
    this.#meanGapMs = n > 0 ? (1000 * n) / this.#init.rate / this.#meanThinkFactor() : Infinity;
    if (flood) {
      const delay = Math.max(0, startAt - clock());
      setTimeout(() => {
        for (const s of this.#shoppers) for (let k = 0; k < this.#init.inflight; k++) this.#send(s, clock());
        this.#floodWatchdog();
      }, delay);
    } else {
      // First events at an exponential offset: the memoryless gap makes the schedule stationary from
      // t=0 (a uniform spread over one gap would send ~1.6x the rate at first), with no herd at t=0.
      for (const s of this.#shoppers) this.#heap.push(s.index, startAt + this.#rng.exp(this.#meanGapMs * THINK_AFTER.view));
      this.#arm();
    }
    return new Promise<void>((resolve) => {
      const stopAt = setTimeout(() => this.#stopSending(resolve), Math.max(0, sendUntil - clock()));
      stopAt.unref?.();
    });
  }

  /** The mean of `thinkAfter` over a long simulated walk of this scenario's behaviour. */
  #meanThinkFactor(): number {
    const probe = this.#shoppers[0]?.behaviour;
    if (!probe) return 1;
    const sim = this.#init.scenario === 'replay'
      ? behaviourFor(this.#init, this.#init.firstShopper, new CatalogIndex(this.#init.catalog))
      : new BrowseShopper(new Rng(deriveSeed(this.#init.seed, 0x51a7)), new CatalogIndex(this.#init.catalog));
    let total = 0;
    const steps = 20_000;
    // The engine answers pushing events with recs; the walk gets stand-ins so the impressions they lead to count too.
    const ids = this.#init.catalog.itemIds;
    for (let i = 0; i < steps; i++) {
      const a = sim.next();
      total += a.thinkAfter;
      if (PUSHING_KINDS.has(a.kind) && ids.length > 0) sim.onRecs(Array.from({ length: 8 }, (_, k) => ids[(i * 8 + k) % ids.length]!));
    }
    return total / steps;
  }

  #arm(): void {
    if (!this.#sending) return;
    const next = this.#heap.peekTime();
    if (next === Infinity) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#fire(), Math.max(0, next - clock()));
  }

  #fire(): void {
    const now = clock();
    while (this.#heap.peekTime() <= now) {
      const intended = this.#heap.peekTime();
      const idx = this.#heap.pop()!;
      const s = this.#shoppers[idx];
      if (!s || !s.alive) continue;
      const action = this.#send(s, intended);
      const next = intended + this.#rng.exp(this.#meanGapMs) * action.thinkAfter;
      if (next < this.#sendUntil) this.#heap.push(idx, next);
    }
    this.#arm();
  }

  #send(s: VirtualShopper, intended: number): ShopperAction {
    const action = s.behaviour.next();
    if (!s.alive) return action;
    const id = `${(this.#init.firstShopper + s.index).toString(36)}.${(s.counter++).toString(36)}`;
    const measured = intended >= this.#measureFrom && intended < this.#sendUntil;
    const expectsPush = PUSHING_KINDS.has(action.kind);
    this.#pending.set(id, { shopper: s, action, intended, measured, acked: false, awaitingPush: expectsPush });
    if (expectsPush) s.awaitingPush.push(id);
    s.outstanding++;
    this.#awaitingAck++;
    this.#transport.send(s, id, action);
    recordMs(this.#lagH, clock() - intended);
    this.#stats.sent++;
    this.#tick.sent++;
    if (measured) this.#stats.measuredSent++;
    return action;
  }

  #onAck(s: VirtualShopper, id: string, seq: number | undefined, duplicate: boolean): void {
    const now = clock();
    const p = this.#pending.get(id);
    if (!p || p.acked) return;
    p.acked = true;
    s.outstanding--;
    this.#awaitingAck--;
    if (duplicate) this.#stats.duplicates++;
    else {
      s.acked++;
      if (seq !== undefined) {
        s.ackedSeqs.push(seq);
        const k = p.action.kind;
        if (k === 'cart_add' || k === 'cart_remove' || k === 'purchase') s.cartOps.push({ seq, kind: k, itemId: p.action.itemId!, qty: p.action.qty });
      }
    }
    this.#stats.acked++;
    this.#tick.acked++;
    if (p.measured) {
      this.#stats.measuredAcked++;
      recordMs(this.#ackH, now - p.intended);
      recordMs(this.#tickAck, now - p.intended);
    }
    if (!p.awaitingPush) this.#pending.delete(id);
    this.#afterReply(s);
  }

  #onRecs(s: VirtualShopper, causedBy: string, itemIds: readonly string[] | undefined): void {
    const now = clock();
    this.#stats.pushes++;
    this.#tick.pushes++;
    if (itemIds) s.behaviour.onRecs(itemIds);
    const at = causedBy === '' ? -1 : s.awaitingPush.indexOf(causedBy);
    if (at < 0) {
      this.#stats.pushUnmatched++;
      return;
    }
    // Events are applied in order, so this push reflects every earlier event of the shopper too.
    for (let i = 0; i <= at; i++) {
      const id = s.awaitingPush[i]!;
      const p = this.#pending.get(id);
      if (!p) continue;
      p.awaitingPush = false;
      if (p.acked) this.#pending.delete(id);
      this.#stats.pushMatched++;
      if (i < at) this.#stats.pushCoalesced++;
      if (p.measured) {
        this.#stats.measuredPushes++;
        recordMs(this.#pushH, now - p.intended);
        recordMs(this.#tickPush, now - p.intended);
      }
    }
    s.awaitingPush.splice(0, at + 1);
    this.#checkIdle();
  }

  #onRefused(s: VirtualShopper, id: string | undefined, code: string): void {
    this.#error(code);
    const p = id === undefined ? undefined : this.#pending.get(id);
    if (!p || p.acked) return;
    this.#pending.delete(id!);
    if (p.awaitingPush) s.awaitingPush.splice(s.awaitingPush.indexOf(id!), 1);
    s.outstanding--;
    this.#awaitingAck--;
    // The engine could not confirm the write: it may or may not be in the log.
    if (UNCERTAIN_CODES.has(code)) s.unanswered++;
    s.behaviour.onRejected(p.action, code);
    this.#afterReply(s);
  }

  #afterReply(s: VirtualShopper): void {
    if (this.#init.scenario === 'flood' && this.#sending && s.alive) this.#send(s, clock());
    this.#checkIdle();
  }

  /** Flood: replies the engine dropped (rate limit) would stall a slot forever; free them. */
  #floodWatchdog(): void {
    const t = setInterval(() => {
      if (!this.#sending) return clearInterval(t);
      const old = clock() - FLOOD_REPLY_TIMEOUT_MS;
      for (const [id, p] of this.#pending) {
        if (p.acked || p.intended > old) continue;
        this.#pending.delete(id);
        if (p.awaitingPush) p.shopper.awaitingPush.splice(p.shopper.awaitingPush.indexOf(id), 1);
        p.shopper.outstanding--;
        this.#awaitingAck--;
        p.shopper.unanswered++;
        this.#error('LG_NO_ACK');
        this.#afterReply(p.shopper);
      }
    }, 1000);
  }

  #stopSending(resolve: () => void): void {
    this.#sending = false;
    clearTimeout(this.#timer);
    const done = () => {
      clearTimeout(t);
      this.#onIdle = undefined;
      this.#finishDrain();
      resolve();
    };
    const t = setTimeout(done, this.#init.drainMs);
    this.#onIdle = done;
    this.#checkIdle();
  }

  #checkIdle(): void {
    if (this.#onIdle && this.#pending.size === 0) this.#onIdle();
  }

  /** What is still outstanding after the drain: unanswered events and pushes that never came. */
  #finishDrain(): void {
    for (const p of this.#pending.values()) {
      if (!p.acked) {
        p.shopper.unanswered++;
        this.#error('LG_NO_ACK');
      } else if (p.awaitingPush) this.#stats.pushMissing++;
    }
    this.#pending.clear();
    this.#awaitingAck = 0;
  }

  /** Counters and interval histograms since the previous call. */
  takeTick(): WorkerTick {
    const t: WorkerTick = { ...this.#tick, pending: this.#pending.size, awaitingAck: this.#awaitingAck, ack: encodeHistogram(this.#tickAck), push: encodeHistogram(this.#tickPush) };
    this.#tick = { sent: 0, acked: 0, pushes: 0, errors: 0 };
    this.#tickAck.reset();
    this.#tickPush.reset();
    return t;
  }

  /** Reads every shopper's profile and compares it with what was acked. */
  verify(): Promise<VerifyResult> {
    return verifyShoppers(this.#shoppers, (s, timeoutMs) => this.#transport.readProfile(s, timeoutMs), () => this.#error('LG_PROFILE'));
  }

  close(): void {
    for (const s of this.#shoppers) s.alive = false;
    this.#transport.close();
  }

  result(verify: VerifyResult | undefined, elu: number): WorkerResult {
    const st = this.#stats;
    return {
      connected: st.connected, connectFailed: st.connectFailed, connectMs: st.connectMs,
      sent: st.sent, acked: st.acked, duplicates: st.duplicates, pushes: st.pushes, pushMatched: st.pushMatched,
      pushCoalesced: st.pushCoalesced, pushUnmatched: st.pushUnmatched, pushMissing: st.pushMissing, coupons: st.coupons,
      measured: { sent: st.measuredSent, acked: st.measuredAcked, pushes: st.measuredPushes },
      errorsByCode: { ...this.#errors },
      ack: encodeHistogram(this.#ackH), push: encodeHistogram(this.#pushH), lag: encodeHistogram(this.#lagH),
      verify, elu,
    };
  }
}

export { clock };
