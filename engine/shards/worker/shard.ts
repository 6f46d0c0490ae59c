/**
 * One shard: consumes the event log from where its LMDB cursors say, folds each
 * event into the user actors of the partitions it owns and the item actors of the
 * item slots it owns, and commits the changed state together with its cursors in
 * one LMDB write transaction per batch. Effects (pushes) run after the commit.
 *
 * Lifecycle: starting -> recovering (replaying up to the log's end at start) ->
 * serving -> draining -> stopped.
 */
import { DeliverPolicy, type JetStreamClient, type ConsumerMessages } from '@nats-io/jetstream';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { clampK, RECOMMEND_K } from '../../../actors/recommend/index.js';
import { emptyItemState, foldItemEvent, type ItemState } from '../../../actors/item/index.js';
import { emptyUserState, foldUserEvent, profileOf, type FoldContext, type UserEffect, type UserState } from '../../../actors/user/index.js';
import { decodeEvent, encodeEvent, type ShopEvent } from '../../../protos/index.js';
import { EngineError, toEngineError } from '../../errors/index.js';
import { dedupKey } from '../../log/index.js';
import { askSubject, EVENT_STREAM, eventSubject, hash32, partitionOf, pushSubject } from '../../placement/index.js';
import type { Logger } from '../../observability/index.js';
import { itemCursorKey, reminderKey, userCursorKey, type ReminderEntry, type StateStore } from '../../store/index.js';
import { ActorCache } from './actor-cache.js';
import type { AskReply, AskRequest, ShardInit, ShardState, ShardStats } from '../protocol/messages.js';
import type { RecItem, ShardRecommender } from './shard-recommender.js';
import type { ModelReplica } from './model-replica.js';

const MAX_BATCH = 1000;
/**
 * Recs are recomputed after folding, in slices of this many ms between batches. Users
 * waiting for a recompute are coalesced: one recompute names their latest event. So
 * when recomputes cannot keep up, folding (state, cursors, asks) still does, and each
 * waiting shopper gets one fresh push per round instead of a growing backlog.
 */
const PUSH_SLICE_MS = 8;
/**
 * With a backlog, slices grow: each slice ends with a fold of whatever arrived meanwhile,
 * and many tiny folds (one LMDB commit each) cost more than the recomputes they let through.
 */
const BACKLOG_SLICE_MS = 50;
const BACKLOG_USERS = 200;
const REMINDER_TICK_MS = 200;
const SWEEP_TICK_MS = 5000;
/** How often the model replica is snapshotted (and at drain). */
const MODEL_SNAPSHOT_MS = 60_000;
const WAIT_TIMEOUT_MS = 3000;
/**
 * A user's last computed recs (no context) answer a plain Recommend while the user's
 * state is unchanged and they are younger than this; the shared model moves with
 * every shopper's events, so they are not reused for longer. Stock is re-checked on
 * every reuse. Bounded by RECS_CACHE_MAX users (oldest dropped first).
 */
const RECS_CACHE_TTL_MS = 2000;
const RECS_CACHE_MAX = 50_000;

export interface ShardDeps {
  init: ShardInit;
  store: StateStore;
  nc: NatsConnection;
  js: JetStreamClient;
  catalog: FoldContext['item'];
  recommender: ShardRecommender;
  model: ModelReplica;
  log: Logger;
  onState(state: ShardState, appliedSeq: number): void;
}

interface RawMsg {
  seq: number;
  data: Uint8Array;
}

export class Shard {
  readonly #d: ShardDeps;
  readonly #users: ActorCache<UserState>;
  readonly #items: ActorCache<ItemState>;
  readonly #ownedPartitions: number[];
  #state: ShardState = 'starting';
  /** Last sequence this shard has read and handled (applied, or skipped as already applied). */
  #appliedSeq = 0;
  /** Per owned partition / item slot: last sequence whose effects are in LMDB. */
  #userCursor = new Map<number, number>();
  #itemCursor = new Map<number, number>();
  #recoverUntil = 0;
  #queue: RawMsg[] = [];
  #scheduled = false;
  #messages: ConsumerMessages | undefined;
  #subs: Subscription[] = [];
  #timers: NodeJS.Timeout[] = [];
  #waiters: Array<{ seq: number; resolve: () => void }> = [];
  #publishedReminders = new Set<string>();
  #foldCtx: FoldContext;
  #recomputeTimes: number[] = [];
  stats = { eventsApplied: 0, batches: 0, recomputes: 0, recsCacheHits: 0 };

  constructor(deps: ShardDeps) {
    this.#d = deps;
    const { init, store } = deps;
    this.#users = new ActorCache<UserState>({ cap: init.actorCap, idleMs: init.actorIdleMs, load: (id) => store.users.get(id), create: emptyUserState });
    this.#items = new ActorCache<ItemState>({ cap: init.actorCap, idleMs: init.actorIdleMs, load: (id) => store.items.get(id), create: emptyItemState });
    this.#ownedPartitions = [];
    for (let p = 0; p < init.partitions; p++) if (this.ownsPartition(p)) this.#ownedPartitions.push(p);
    this.#foldCtx = { item: deps.catalog, cartAbandonMs: init.cartAbandonMs };
  }

  get state(): ShardState {
    return this.#state;
  }

  ownsPartition(p: number): boolean {
    return p % this.#d.init.shards === this.#d.init.shardIndex;
  }

  #itemSlot(itemId: string): number {
    return hash32(itemId) % this.#d.init.partitions;
  }

  #setState(s: ShardState): void {
    this.#state = s;
    this.#d.onState(s, this.#appliedSeq);
  }

  async start(lastSeqInLog: number): Promise<void> {
    const { store, init } = this.#d;
    // Resume at the lowest owned cursor (they differ only after SHARDS changed, when
    // partitions come from different former owners) or the model snapshot's sequence;
    // per-partition checks in #flush skip what a cursor says is already applied.
    let from = this.#d.model.seq;
    for (const p of this.#ownedPartitions) {
      this.#userCursor.set(p, store.cursor(userCursorKey(p)));
      this.#itemCursor.set(p, store.cursor(itemCursorKey(p)));
      from = Math.min(from, this.#userCursor.get(p)!, this.#itemCursor.get(p)!);
    }
    this.#appliedSeq = from;
    this.#recoverUntil = lastSeqInLog;
    this.#setState(lastSeqInLog > from ? 'recovering' : 'serving');
    this.#d.log.info('shard starting', { shard: init.shardIndex, resumeAfter: from, logEnd: lastSeqInLog, partitions: this.#ownedPartitions.length });

    for (const p of this.#ownedPartitions) {
      const sub = this.#d.nc.subscribe(askSubject(p), { queue: 'shards', callback: (err, msg) => {
        if (err) return;
        void this.#answerEncoded(msg.data).then((reply) => msg.respond(JSON.stringify(reply)));
      } });
      this.#subs.push(sub);
    }
    const consumer = await this.#d.js.consumers.get(EVENT_STREAM, {
      filter_subjects: 'shop.ev.>',
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: from + 1,
    });
    this.#messages = await consumer.consume({ max_messages: 4 * MAX_BATCH });
    void this.#pump(this.#messages);
    this.#timers.push(setInterval(() => this.#tickReminders(), REMINDER_TICK_MS));
    this.#timers.push(setInterval(() => { this.#users.sweep(); this.#items.sweep(); }, SWEEP_TICK_MS));
    this.#timers.push(setInterval(() => this.#saveModel(), MODEL_SNAPSHOT_MS));
  }

  async #pump(messages: ConsumerMessages): Promise<void> {
    try {
      for await (const m of messages) {
        this.#queue.push({ seq: m.seq, data: m.data });
        if (this.#queue.length >= MAX_BATCH) this.#flush();
        else if (!this.#scheduled) {
          this.#scheduled = true;
          setImmediate(() => this.#flush());
        }
      }
    } catch (err) {
      if (this.#state !== 'draining' && this.#state !== 'stopped') throw err;
    }
  }

  /** Applies the queued events as one batch: fold, commit state + cursors atomically, then effects. */
  #flush(): void {
    this.#scheduled = false;
    const batch = this.#queue;
    if (batch.length === 0) return;
    this.#queue = [];
    const { init, store, log } = this.#d;
    const touched = new Map<string, { id: string; seq: number }>(); // userId -> the latest event that caused a recompute
    const coupons: Array<{ userId: string; effect: Extract<UserEffect, { type: 'coupon' }> }> = [];
    const reminderPuts: ReminderEntry[] = [];
    const reminderDels: string[] = [];
    let applied = 0;
    for (const m of batch) {
      if (m.seq <= this.#appliedSeq) continue; // redelivered after a consumer reset
      let e: ShopEvent;
      try {
        e = decodeEvent(m.data);
      } catch (err) {
        log.error('skipping an undecodable log record', { seq: m.seq, err });
        this.#appliedSeq = m.seq;
        continue;
      }
      const p = partitionOf(e.userId, init.partitions);
      if (this.ownsPartition(p) && m.seq > this.#userCursor.get(p)!) {
        const s = this.#users.get(e.userId);
        for (const eff of foldUserEvent(s, e, m.seq, this.#foldCtx)) {
          if (eff.type === 'recompute') touched.set(e.userId, { id: e.id, seq: m.seq });
          else if (eff.type === 'set-reminder') reminderPuts.push({ userId: e.userId, name: eff.name, dueAt: eff.dueAt, partition: p });
          else if (eff.type === 'cancel-reminder') reminderDels.push(reminderKey(eff.dueAt, e.userId, eff.name));
          else coupons.push({ userId: e.userId, effect: eff });
        }
        this.#users.markDirty(e.userId);
      }
      const slot = e.itemId ? this.#itemSlot(e.itemId) : -1;
      if (e.itemId && this.ownsPartition(slot) && m.seq > this.#itemCursor.get(slot)!) {
        const it = this.#items.get(e.itemId);
        if (foldItemEvent(it, e, m.seq)) this.#items.markDirty(e.itemId);
      }
      this.#d.model.observe(e, m.seq);
      this.#appliedSeq = m.seq;
      applied++;
    }
    const seq = this.#appliedSeq;
    const users = this.#users.takeDirty();
    const items = this.#items.takeDirty();
    try {
      store.root.transactionSync(() => {
        for (const [id, s] of users) store.users.put(id, s);
        for (const [id, s] of items) store.items.put(id, s);
        for (const r of reminderPuts) store.reminders.put(reminderKey(r.dueAt, r.userId, r.name), r);
        for (const k of reminderDels) store.reminders.remove(k);
        // Cursors only move forward: while the model replica replays history that the
        // actors already hold, a batch's last sequence can be below a partition's cursor.
        for (const p of this.#ownedPartitions) {
          const u = Math.max(seq, this.#userCursor.get(p)!);
          const i = Math.max(seq, this.#itemCursor.get(p)!);
          store.cursors.put(userCursorKey(p), u);
          store.cursors.put(itemCursorKey(p), i);
          this.#userCursor.set(p, u);
          this.#itemCursor.set(p, i);
        }
      });
    } catch (err) {
      // In-memory state is now ahead of LMDB: let the supervisor restart this shard from its cursors.
      throw new EngineError('E_INTERNAL', 'LMDB commit failed; shard must recover', { cause: err });
    }
    this.stats.eventsApplied += applied;
    this.stats.batches++;
    for (const k of reminderDels) this.#publishedReminders.delete(k);
    this.#users.enforceCap();
    this.#items.enforceCap();

    if (this.#state === 'recovering' && seq >= this.#recoverUntil) this.#setState('serving');
    // Pushes are for live shoppers: events replayed during recovery are history.
    if (this.#state === 'serving') {
      for (const [userId, cause] of touched) this.#pendingRecs.set(userId, cause);
      this.#schedulePushes();
      for (const c of coupons) this.#publishPush(c.userId, { type: 'coupon', coupon: c.effect.coupon, causedBy: c.effect.coupon.causedBy, ts: Date.now() });
    }
    if (this.#waiters.length) {
      this.#waiters = this.#waiters.filter((w) => (w.seq <= seq ? (w.resolve(), false) : true));
    }
  }

  /** userId -> the latest event whose recs push is still to be computed (insertion order = waiting order). */
  readonly #pendingRecs = new Map<string, { id: string; seq: number }>();
  #pushesScheduled = false;

  #schedulePushes(): void {
    if (this.#pushesScheduled || this.#pendingRecs.size === 0) return;
    this.#pushesScheduled = true;
    setImmediate(() => this.#runPushes());
  }

  /** One slice of recomputes; the rest wait for the next turn, after any newly arrived batch is folded. */
  #runPushes(): void {
    this.#pushesScheduled = false;
    if (this.#state !== 'serving') return;
    const end = performance.now() + (this.#pendingRecs.size > BACKLOG_USERS ? BACKLOG_SLICE_MS : PUSH_SLICE_MS);
    for (const [userId, cause] of this.#pendingRecs) {
      this.#pendingRecs.delete(userId);
      this.#pushRecs(userId, cause.id, cause.seq);
      if (performance.now() >= end) break;
    }
    // A waiting user may have been passivated since its batch: recomputing reactivated it.
    this.#users.enforceCap();
    this.#schedulePushes();
  }

  /** `seq`: log sequence of `causedBy`; the recs reflect every event of the user up to it. */
  #pushRecs(userId: string, causedBy: string, seq: number): void {
    const t0 = performance.now();
    const state = this.#users.get(userId);
    const items = this.#d.recommender.recommend(state, { k: RECOMMEND_K.default });
    this.#recordRecompute(performance.now() - t0);
    this.#cacheRecs(userId, state.lastSeq, items);
    this.#publishPush(userId, { type: 'recs', items, causedBy, seq, ts: Date.now() });
  }

  #recordRecompute(ms: number): void {
    this.stats.recomputes++;
    if (this.#recomputeTimes.length >= 2048) this.#recomputeTimes.length = 0;
    this.#recomputeTimes.push(ms);
  }

  #publishPush(userId: string, msg: unknown): void {
    this.#d.nc.publish(pushSubject(userId), JSON.stringify(msg));
  }

  #answerEncoded(data: Uint8Array): Promise<AskReply> {
    let req: AskRequest;
    try {
      req = JSON.parse(new TextDecoder().decode(data)) as AskRequest;
    } catch {
      return Promise.resolve({ ok: false, error: { code: 'E_BAD_REQUEST', message: 'an ask must be JSON' } });
    }
    return this.answer(req);
  }

  /** Answers an ask (from NATS or this process's main thread) from the user actor's live state. */
  async answer(req: AskRequest): Promise<AskReply> {
    try {
      if (typeof req?.userId !== 'string') throw new EngineError('E_BAD_REQUEST', 'userId is required');
      // A recovering shard's state is behind the log: answer once it has caught up.
      const need = Math.max(req.minSeq ?? 0, this.#state === 'recovering' ? this.#recoverUntil : 0);
      if (need > this.#appliedSeq) await this.#waitFor(need);
      const state = this.#users.get(req.userId);
      if (req.op === 'profile') return { ok: true, result: profileOf(state) };
      if (req.op === 'recommend') {
        const t0 = performance.now();
        const ctx: { k: number; itemId?: string; category?: string; exclude?: string[] } = { k: clampK(req.k) };
        if (req.itemId) ctx.itemId = req.itemId;
        if (req.category) ctx.category = req.category;
        if (req.exclude) ctx.exclude = req.exclude;
        const plain = !ctx.itemId && !ctx.category && !ctx.exclude?.length;
        const cached = plain ? this.#cachedRecs(req.userId, state.lastSeq, ctx.k) : undefined;
        if (cached) {
          this.stats.recsCacheHits++;
          return { ok: true, result: { items: cached, ts: Date.now() } };
        }
        const items = this.#d.recommender.recommend(state, ctx);
        this.#recordRecompute(performance.now() - t0);
        if (plain) this.#cacheRecs(req.userId, state.lastSeq, items);
        return { ok: true, result: { items, ts: Date.now() } };
      }
      throw new EngineError('E_BAD_REQUEST', `unknown ask op ${(req as { op: unknown }).op}`);
    } catch (err) {
      const e = toEngineError(err);
      if (e.code === 'E_INTERNAL') this.#d.log.error('ask failed', { err });
      return { ok: false, error: { code: e.code, message: e.message } };
    }
  }

  readonly #recsCache = new Map<string, { seq: number; at: number; items: RecItem[] }>();

  /** Catalog or index changed: cached recs may show old names, prices or items. */
  clearRecsCache(): void {
    this.#recsCache.clear();
  }

  #cacheRecs(userId: string, seq: number, items: RecItem[]): void {
    this.#recsCache.delete(userId); // re-insert: Map order is age order
    if (this.#recsCache.size >= RECS_CACHE_MAX) {
      const oldest = this.#recsCache.keys().next().value;
      if (oldest !== undefined) this.#recsCache.delete(oldest);
    }
    this.#recsCache.set(userId, { seq, at: performance.now(), items });
  }

  /** The cached recs if still valid for this state and k, minus items sold out since. */
  #cachedRecs(userId: string, seq: number, k: number): RecItem[] | undefined {
    const c = this.#recsCache.get(userId);
    if (!c || c.seq !== seq || performance.now() - c.at > RECS_CACHE_TTL_MS) return undefined;
    const items = c.items.filter((r) => this.#d.recommender.inStock(r.itemId));
    return items.length >= k ? items.slice(0, k) : undefined;
  }

  #waitFor(seq: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new EngineError('E_TIMEOUT', `shard did not reach log sequence ${seq} within ${WAIT_TIMEOUT_MS} ms`)), WAIT_TIMEOUT_MS);
      this.#waiters.push({ seq, resolve: () => (clearTimeout(t), resolve()) });
    });
  }

  /** Publishes due reminders of owned partitions to the log; the actor folds them like any event. */
  #tickReminders(): void {
    if (this.#state !== 'serving') return;
    const now = Date.now();
    const end = reminderKey(now + 1, '', '');
    for (const { key, value } of this.#d.store.reminders.getRange({ end })) {
      if (!this.ownsPartition(value.partition) || this.#publishedReminders.has(key)) continue;
      this.#publishedReminders.add(key);
      const e: ShopEvent = { id: `rem-${hash32(key).toString(36)}-${value.dueAt}`, userId: value.userId, kind: 'reminder', ts: now, reminder: value.name, dueAt: value.dueAt, source: 'engine' };
      // msgID makes a re-published reminder (after a crash) a no-op in the log.
      this.#d.js.publish(eventSubject(value.partition), encodeEvent(e), { msgID: dedupKey(e) }).catch((err: unknown) => {
        this.#publishedReminders.delete(key);
        this.#d.log.warn('reminder publish failed; will retry', { err });
      });
    }
  }

  snapshotStats(): ShardStats {
    const t = [...this.#recomputeTimes].sort((a, b) => a - b);
    return {
      appliedSeq: this.#appliedSeq,
      eventsApplied: this.stats.eventsApplied,
      batches: this.stats.batches,
      activeUsers: this.#users.size,
      activeItems: this.#items.size,
      activations: this.#users.activations + this.#items.activations,
      passivations: this.#users.passivations + this.#items.passivations,
      recomputes: this.stats.recomputes,
      recomputeMsP50: t.length ? t[Math.floor(t.length / 2)]! : 0,
      pendingPushes: this.#pendingRecs.size,
      recsCacheHits: this.stats.recsCacheHits,
      heapUsed: process.memoryUsage().heapUsed,
    };
  }

  #saveModel(): void {
    try {
      const t0 = performance.now();
      this.#d.model.save();
      this.#d.log.debug('model snapshot saved', { seq: this.#d.model.seq, ms: Math.round(performance.now() - t0) });
    } catch (err) {
      this.#d.log.warn('model snapshot failed; the log still has everything', { err });
    }
  }

  /** Stops taking events, applies what is queued, commits, snapshots the model and releases subscriptions. */
  async drain(): Promise<void> {
    this.#setState('draining');
    for (const t of this.#timers) clearInterval(t);
    for (const s of this.#subs) s.unsubscribe();
    await this.#messages?.close();
    this.#flush();
    this.#saveModel();
    this.#setState('stopped');
  }
}
