/**
 * Main-thread side of the shards: starts one worker per shard, restarts a crashed
 * one (with backoff) while the others keep serving, and drains them on shutdown.
 */
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../observability/index.js';
import type { AskReply, AskRequest, MainToShard, ShardInit, ShardState, ShardStats, ShardToMain } from '../protocol/messages.js';

const RESTART_BACKOFF_MS = [100, 250, 500, 1000, 2000, 5000];
const DRAIN_TIMEOUT_MS = 10_000;
const TERMINATE_TIMEOUT_MS = 3_000;

interface PendingAsk {
  resolve: (r: AskReply) => void;
  timer: NodeJS.Timeout;
}

interface Slot {
  index: number;
  /** Asks posted to this slot's current worker, by id. */
  asks: Map<number, PendingAsk>;
  /** Asks of this turn not posted yet (they leave together at the end of the turn). */
  outbox: Array<{ id: number; req: AskRequest }>;
  worker: Worker | undefined;
  state: ShardState;
  appliedSeq: number;
  stats: ShardStats | undefined;
  restarts: number;
  startedAt: number;
}

export class ShardSupervisor {
  readonly #base: Omit<ShardInit, 'shardIndex'>;
  readonly #log: Logger;
  readonly #slots: Slot[] = [];
  #stopping = false;
  #listeners = new Set<() => void>();
  #nextRequestId = 1;
  readonly #pending = new Map<number, { left: number; done: () => void }>();
  #nextAskId = 1;

  constructor(base: Omit<ShardInit, 'shardIndex'>, log: Logger) {
    this.#base = base;
    this.#log = log;
    for (let i = 0; i < base.shards; i++) {
      this.#slots.push({ index: i, asks: new Map(), outbox: [], worker: undefined, state: 'stopped', appliedSeq: 0, stats: undefined, restarts: 0, startedAt: 0 });
    }
  }

  start(): void {
    for (const s of this.#slots) this.#spawn(s);
  }

  get shards(): ReadonlyArray<Readonly<Pick<Slot, 'index' | 'state' | 'appliedSeq' | 'stats' | 'restarts'>>> {
    return this.#slots;
  }

  allServing(): boolean {
    return this.#slots.every((s) => s.state === 'serving');
  }

  /** Resolves when every shard is serving (recovery done), or rejects after timeoutMs. */
  whenServing(timeoutMs = 60_000): Promise<void> {
    if (this.allServing()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.#listeners.delete(check);
        reject(new Error(`shards not serving after ${timeoutMs} ms: ${this.#slots.map((s) => s.state).join(',')}`));
      }, timeoutMs);
      const check = () => {
        if (!this.allServing()) return;
        clearTimeout(t);
        this.#listeners.delete(check);
        resolve();
      };
      this.#listeners.add(check);
    });
  }

  broadcast(m: MainToShard): void {
    for (const s of this.#slots) s.worker?.postMessage(m);
  }

  /**
   * Tells every running shard about changed catalog items and resolves once each has
   * applied them (a shard that is down reloads the catalog from LMDB when it restarts).
   */
  catalogChanged(itemIds: string[], timeoutMs = 5000): Promise<void> {
    const running = this.#slots.filter((s) => s.worker);
    if (running.length === 0) return Promise.resolve();
    const requestId = this.#nextRequestId++;
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.#pending.delete(requestId);
        this.#log.warn('a shard did not confirm a catalog change in time', { requestId });
        resolve();
      }, timeoutMs);
      this.#pending.set(requestId, { left: running.length, done: () => (clearTimeout(t), resolve()) });
      for (const s of running) s.worker!.postMessage({ type: 'catalog-changed', requestId, itemIds } satisfies MainToShard);
    });
  }

  /**
   * Asks the shard of this process that owns `partition` over its worker port
   * (structured clone, no NATS hop). Undefined when that shard is not running
   * (restarting after a crash): the caller then asks over NATS, where another
   * node's replica of the partition may answer.
   */
  ask(partition: number, req: AskRequest, timeoutMs: number): Promise<AskReply> | undefined {
    const slot = this.#slots[partition % this.#slots.length];
    const w = slot?.worker;
    if (!slot || !w || (slot.state !== 'serving' && slot.state !== 'recovering')) return undefined;
    const id = this.#nextAskId++;
    return new Promise<AskReply>((resolve) => {
      const timer = setTimeout(() => {
        slot.asks.delete(id);
        resolve({ ok: false, error: { code: 'E_TIMEOUT', message: `shard ${slot.index} did not answer within ${timeoutMs} ms` } });
      }, timeoutMs);
      slot.asks.set(id, { resolve, timer });
      // Calls started in the same turn (see NextTurn) ask with one message per shard.
      if (slot.outbox.push({ id, req }) === 1) queueMicrotask(() => this.#flushAsks(slot));
    });
  }

  #flushAsks(slot: Slot): void {
    const asks = slot.outbox;
    slot.outbox = [];
    // A worker that exited meanwhile already failed these asks (#failAsks on exit).
    slot.worker?.postMessage({ type: 'asks', asks } satisfies MainToShard);
  }

  #settleAsk(slot: Slot, id: number, reply: AskReply): void {
    const a = slot.asks.get(id);
    if (!a) return;
    slot.asks.delete(id);
    clearTimeout(a.timer);
    a.resolve(reply);
  }

  /** The worker is gone: its unanswered asks will never be answered. */
  #failAsks(slot: Slot, why: string): void {
    for (const id of [...slot.asks.keys()]) this.#settleAsk(slot, id, { ok: false, error: { code: 'E_UNAVAILABLE', message: why } });
  }

  /**
   * Crashes one shard the way a bug does: an uncaught error in its thread, with its
   * in-memory batch lost; the supervisor restarts it. Not worker.terminate(): lmdb-js
   * 3.5 deadlocks when a thread is terminated inside transactionSync (its cleanup
   * waits on a lock the dead transaction holds, and every other shard then waits on
   * LMDB's writer lock).
   */
  async crash(index: number): Promise<void> {
    const w = this.#slots[index]?.worker;
    if (!w) return;
    const exited = new Promise<void>((r) => w.once('exit', () => r()));
    w.postMessage({ type: 'crash' } satisfies MainToShard);
    await exited;
  }

  #spawn(slot: Slot): void {
    const init: ShardInit = { ...this.#base, shardIndex: slot.index };
    const worker = new Worker(new URL('../worker/shard-worker.js', import.meta.url), { workerData: init, name: `shard-${slot.index}` });
    slot.worker = worker;
    slot.state = 'starting';
    slot.startedAt = Date.now();
    worker.on('message', (m: ShardToMain) => {
      if (m.type === 'state') {
        slot.state = m.state;
        slot.appliedSeq = m.appliedSeq;
        this.#log.info('shard state', { shard: slot.index, state: m.state, appliedSeq: m.appliedSeq });
        for (const l of [...this.#listeners]) l();
      } else if (m.type === 'stats') {
        slot.stats = m.stats;
        slot.appliedSeq = m.stats.appliedSeq;
      } else if (m.type === 'ask-replies') {
        for (const r of m.replies) this.#settleAsk(slot, r.id, r.reply);
      } else if (m.type === 'applied') {
        const p = this.#pending.get(m.requestId);
        if (p && --p.left === 0) {
          this.#pending.delete(m.requestId);
          p.done();
        }
      } else if (m.type === 'fatal') {
        this.#log.error('shard reported a fatal error', { shard: slot.index, message: m.message, stack: m.stack });
      }
    });
    worker.on('error', (err) => this.#log.error('shard thread error', { shard: slot.index, err }));
    worker.on('exit', (code) => {
      if (slot.worker !== worker) return;
      slot.worker = undefined;
      this.#failAsks(slot, `shard ${slot.index} stopped before answering`);
      if (this.#stopping) {
        slot.state = 'stopped';
        return;
      }
      slot.state = 'crashed';
      // A shard that ran a while before crashing restarts fast; a crash loop backs off.
      if (Date.now() - slot.startedAt > 30_000) slot.restarts = 0;
      const delay = RESTART_BACKOFF_MS[Math.min(slot.restarts, RESTART_BACKOFF_MS.length - 1)]!;
      slot.restarts++;
      this.#log.warn('shard exited; restarting', { shard: slot.index, code, inMs: delay });
      setTimeout(() => {
        if (!this.#stopping) this.#spawn(slot);
      }, delay).unref();
    });
  }

  /** Asks every shard to apply what it has, commit and stop; terminates stragglers. */
  async drain(): Promise<void> {
    this.#stopping = true;
    await Promise.all(this.#slots.map(async (s) => {
      const w = s.worker;
      if (!w) return;
      const exited = new Promise<void>((r) => w.once('exit', () => r()));
      w.postMessage({ type: 'drain' } satisfies MainToShard);
      // A straggler is terminated; if even that does not end it (see crash()), stop
      // waiting so the process can still exit: the log replays whatever it lost.
      let t: NodeJS.Timeout;
      const gaveUp = new Promise<void>((r) => {
        t = setTimeout(() => {
          this.#log.error('shard did not drain in time; terminating it', { shard: s.index });
          void w.terminate();
          t = setTimeout(() => {
            this.#log.error('shard thread did not terminate; leaving it', { shard: s.index });
            r();
          }, TERMINATE_TIMEOUT_MS);
        }, DRAIN_TIMEOUT_MS);
      });
      await Promise.race([exited, gaveUp]);
      clearTimeout(t!);
    }));
  }
}
