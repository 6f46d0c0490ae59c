/**
 * One shard, a small state machine over its parts: the log pump feeds batches to the
 * pure apply-batch; the result is committed (state + outbox + cursors in one LMDB
 * transaction); then its effects run: outbox appends, pushes (recs through the push
 * scheduler, coupons and order outcomes at once), and waiting asks wake up.
 *
 * Lifecycle: starting -> recovering (replaying up to the log's end at start) ->
 * serving -> draining -> stopped.
 */
import { emptyPushLatency, recordPushLatency } from './push-latency.js';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { emptyItemState, type CatalogStock, type ItemState } from '../../../actors/item/index.js';
import { emptyRuleBudget, type RuleBudgetState } from '../../../actors/promo/index.js';
import { emptyCampaignBudget, type CampaignBudgetState } from '../../../actors/ads/index.js';
import { bandName, categoryPicks, emptyUserState, intentView, profileOf, refusedLine, type FoldContext, type UserState } from '../../../actors/user/index.js';
import { encodePush, type CategoryPick, type OrderPush, type PushMessage } from '../../../protos/contract.js';
import { decodeEvent, type ShopEvent } from '../../../protos/index.js';
import { LogPump, type LogRecord } from '../../log/index.js';
import type { Logger } from '../../observability/index.js';
import { pushSubject, ShardPlacement } from '../../placement/index.js';
import { itemCursorKey, userCursorKey, type StateStore } from '../../store/index.js';
import type { AskReply, AskRequest, ShardInit, ShardState, ShardStats } from '../protocol/messages.js';
import { ActorCache } from './actor-cache.js';
import { applyBatch, type OrderOutcome } from './apply-batch.js';
import { AskServer } from './ask-server.js';
import { RECOMMEND_K } from '../../../actors/recommend/index.js';
import { commitBatch } from './commit.js';
import type { ModelReplica } from './model-replica.js';
import { Outbox } from './outbox.js';
import { PushScheduler } from './push-scheduler.js';
import { medianMs, type RecomputeTimes } from './recompute-times.js';
import { RecsCache } from './recs-cache.js';
import { REMINDER_TICK_MS, ReminderTicker } from './reminder-ticker.js';
import type { RecommendContext, ShardRecommender } from './shard-recommender.js';
import { ExperimentServing } from './experiment-serving.js';

const SWEEP_TICK_MS = 5000;
/** How often the model replica is snapshotted (and at drain). */
const MODEL_SNAPSHOT_MS = 60_000;
/** Order outcomes folded during recovery are pushed only if this recent (a shopper may be waiting). */
const RECENT_ORDER_MS = 30_000;
/** Users whose last pushed category picks are remembered (to push only changes). */
const PICKS_MEMORY = 50_000;
/** Picks a push carries (the storefront's "Categories for you"). */
const PUSHED_PICKS = 4;

export interface ShardDeps {
  init: ShardInit;
  store: StateStore;
  nc: NatsConnection;
  js: JetStreamClient;
  catalog: FoldContext['item'];
  catalogStock(itemId: string): CatalogStock | undefined;
  recommender: ShardRecommender;
  model: ModelReplica;
  log: Logger;
  onState(state: ShardState, appliedSeq: number): void;
}

export class Shard {
  readonly #d: ShardDeps;
  readonly #placement: ShardPlacement;
  readonly #users: ActorCache<UserState>;
  readonly #items: ActorCache<ItemState>;
  readonly #rules: ActorCache<RuleBudgetState>;
  readonly #campaigns: ActorCache<CampaignBudgetState>;
  readonly #outbox: Outbox;
  readonly #pushes: PushScheduler;
  readonly #asks: AskServer;
  readonly #reminders: ReminderTicker;
  readonly #recsCache: RecsCache;
  readonly #times: RecomputeTimes = { count: 0, recent: [] };
  #state: ShardState = 'starting';
  /** Last sequence this shard has read and handled (applied, or skipped as already applied). */
  #appliedSeq = 0;
  /** Per owned partition / item slot: last sequence whose effects are in LMDB. */
  readonly #userCursor = new Map<number, number>();
  readonly #itemCursor = new Map<number, number>();
  #recoverUntil = 0;
  #pump: LogPump | undefined;
  readonly #pushLatency = emptyPushLatency();
  #timers: NodeJS.Timeout[] = [];
  readonly #foldCtx: FoldContext;
  readonly #experiments: ExperimentServing;
  /** userId -> the category picks last pushed, as a key. */
  readonly #pushedPicks = new Map<string, string>();
  stats = { eventsApplied: 0, batches: 0 };

  constructor(deps: ShardDeps) {
    this.#d = deps;
    const { init, store, log } = deps;
    this.#placement = new ShardPlacement({ partitions: init.partitions, shards: init.shards, shardIndex: init.shardIndex });
    this.#users = new ActorCache<UserState>({ cap: init.actorCap, idleMs: init.actorIdleMs, load: (id) => store.users.get(id), create: emptyUserState });
    this.#items = new ActorCache<ItemState>({ cap: init.actorCap, idleMs: init.actorIdleMs, load: (id) => store.items.get(id), create: emptyItemState });
    this.#rules = new ActorCache<RuleBudgetState>({ cap: init.actorCap, idleMs: init.actorIdleMs, load: (id) => store.rules.get(id), create: emptyRuleBudget });
    this.#campaigns = new ActorCache<CampaignBudgetState>({ cap: init.actorCap, idleMs: init.actorIdleMs, load: (id) => store.campaigns.get(id), create: emptyCampaignBudget });
    this.#recsCache = new RecsCache((id) => deps.recommender.inStock(id));
    const intent = init.intent;
    this.#foldCtx = {
      item: deps.catalog, cartAbandonMs: init.cartAbandonMs,
      promoRules: () => deps.model.definitions.promoRules,
      ...(intent.enabled ? { intent: { model: () => deps.model.definitions.intent, bands: intent.bands, gapMs: intent.gapMs } } : {}),
    };
    this.#outbox = new Outbox({ js: deps.js, store, log, placement: this.#placement });
    this.#experiments = new ExperimentServing({ experiments: () => deps.model.definitions.experiments, store, outbox: this.#outbox, placement: this.#placement });
    this.#reminders = new ReminderTicker({ js: deps.js, store, placement: this.#placement, log });
    this.#pushes = new PushScheduler({
      recompute: (userId, causedBy, seq) => {
        const state = this.#users.get(userId);
        const items = this.#serveRecs(state, { k: RECOMMEND_K.default });
        this.#recsCache.put(userId, state.lastSeq, items);
        this.#pushPicksIfChanged(userId, state, causedBy);
        return { type: 'recs', items, causedBy, seq, ts: Date.now() };
      },
      publish: (userId, msg) => this.#publishPush(userId, msg),
      pushed: (eventTs) => recordPushLatency(this.#pushLatency, Date.now() - eventTs),
      live: () => this.#state === 'serving',
      afterSlice: () => this.#users.enforceCap(),
      times: this.#times,
    });
    this.#asks = new AskServer({
      placement: this.#placement,
      user: (id) => this.#users.get(id),
      profile: (state) => profileOf(state, {
        intent: intent.enabled ? intentView(state, deps.model.definitions.intent, intent.bands) : null,
        categoryPicks: this.#picks(state),
        experiments: this.#experiments.recs(state).map((a) => ({
          id: a.experiment.id, phase: a.experiment.phase, variant: a.variant.name,
          exposed: (state.experiments?.[a.experiment.id]?.phase ?? 0) >= a.experiment.phase,
        })),
      }),
      // A recovering shard's state is behind the log: answer once it has caught up.
      floorSeq: () => (this.#state === 'recovering' ? this.#recoverUntil : 0),
      appliedSeq: () => this.#appliedSeq,
      recommend: (state, ctx) => this.#serveRecs(state, ctx),
      recsCache: this.#recsCache,
      times: this.#times,
      log,
    });
  }

  get state(): ShardState {
    return this.#state;
  }

  #setState(s: ShardState): void {
    this.#state = s;
    this.#d.onState(s, this.#appliedSeq);
  }

  async start(lastSeqInLog: number): Promise<void> {
    const { store, init, log } = this.#d;
    // Resume at the lowest owned cursor (they differ only after SHARDS changed, when
    // partitions come from different former owners) or the model snapshot's sequence;
    // per-partition checks in applyBatch skip what a cursor says is already applied.
    let from = this.#d.model.seq;
    for (const p of this.#placement.owned) {
      this.#userCursor.set(p, store.cursor(userCursorKey(p)));
      this.#itemCursor.set(p, store.cursor(itemCursorKey(p)));
      from = Math.min(from, this.#userCursor.get(p)!, this.#itemCursor.get(p)!);
    }
    this.#appliedSeq = from;
    this.#recoverUntil = lastSeqInLog;
    this.#setState(lastSeqInLog > from ? 'recovering' : 'serving');
    const resent = this.#outbox.resume();
    log.info('shard starting', { shard: init.shardIndex, resumeAfter: from, logEnd: lastSeqInLog, partitions: this.#placement.owned.length, outboxResent: resent });
    this.#asks.listen(this.#d.nc);
    this.#pump = new LogPump({
      js: this.#d.js,
      startSeq: from + 1,
      onBatch: (batch) => this.#apply(batch),
      onError: (err) => {
        throw err;
      },
    });
    await this.#pump.start();
    this.#timers.push(setInterval(() => {
      if (this.#state === 'serving') this.#reminders.tick();
    }, REMINDER_TICK_MS));
    this.#timers.push(setInterval(() => { this.#users.sweep(); this.#items.sweep(); this.#rules.sweep(); this.#campaigns.sweep(); }, SWEEP_TICK_MS));
    this.#timers.push(setInterval(() => this.#saveModel(), MODEL_SNAPSHOT_MS));
  }

  /** One batch: decode, apply (pure), commit, then effects. */
  #apply(batch: LogRecord[]): void {
    const { log } = this.#d;
    const records = batch.map((m) => {
      let event: ShopEvent | undefined;
      try {
        event = decodeEvent(m.data);
      } catch (err) {
        log.error('skipping an undecodable log record', { seq: m.seq, err });
      }
      return { seq: m.seq, event };
    });
    const result = applyBatch({
      records, appliedSeq: this.#appliedSeq, placement: this.#placement,
      userCursor: this.#userCursor, itemCursor: this.#itemCursor,
      users: this.#users, items: this.#items, rules: this.#rules,
      rule: (id) => this.#d.model.definitions.promoRule(id)?.rule,
      campaigns: this.#campaigns,
      campaign: (id) => this.#d.model.definitions.campaign(id)?.campaign,
      foldCtx: this.#foldCtx,
      catalogStock: this.#d.catalogStock,
      observe: (e, seq) => this.#d.model.observe(e, seq),
    });
    this.#appliedSeq = result.appliedSeq;
    commitBatch(this.#d.store, {
      users: this.#users.takeDirty(), items: this.#items.takeDirty(), rules: this.#rules.takeDirty(), campaigns: this.#campaigns.takeDirty(), result, placement: this.#placement,
      userCursor: this.#userCursor, itemCursor: this.#itemCursor,
    });
    this.stats.eventsApplied += result.applied;
    this.stats.batches++;
    this.#reminders.forget(result.reminderDels);
    this.#users.enforceCap();
    this.#items.enforceCap();
    this.#rules.enforceCap();
    this.#campaigns.enforceCap();

    this.#outbox.send(result.outbox);
    if (this.#state === 'recovering' && result.appliedSeq >= this.#recoverUntil) this.#setState('serving');
    const now = Date.now();
    // Pushes are for live shoppers: events replayed during recovery are history.
    if (this.#state === 'serving') {
      this.#pushes.enqueue(result.touched);
      for (const c of result.coupons) this.#publishPush(c.userId, { type: 'coupon', coupon: c.coupon, causedBy: c.coupon.causedBy, ts: now });
      const bands = this.#d.init.intent.bands;
      for (const { userId, change, causedBy } of result.intents) {
        this.#publishPush(userId, {
          type: 'intent', score: Math.round(change.score * 1e4) / 1e4, band: bandName(change.band, bands),
          previousBand: change.previousBand < 0 ? '' : bandName(change.previousBand, bands), version: change.version, causedBy, ts: now,
        });
      }
    }
    for (const o of result.orders) {
      if (this.#state === 'serving' || now - o.ts < RECENT_ORDER_MS) this.#publishPush(o.userId, orderPush(o, now));
    }
    this.#asks.reached(result.appliedSeq);
  }

  /** Recommendations with the shopper's experiment variants applied; their exposures are logged as they are served. */
  #serveRecs(state: UserState, ctx: RecommendContext): ReturnType<ShardRecommender['recommend']> {
    const assignments = this.#experiments.recs(state);
    const strategy = ExperimentServing.strategy(assignments);
    const items = this.#d.recommender.recommend(state, strategy ? { ...ctx, strategy } : ctx);
    if (assignments.length) this.#experiments.served(state, assignments);
    return items;
  }

  #picks(state: UserState): CategoryPick[] {
    return categoryPicks(state, this.#d.model.categories, state.intentScore?.score);
  }

  /** After a recompute: the shopper's category picks, pushed when the top ones changed. */
  #pushPicksIfChanged(userId: string, state: UserState, causedBy: string): void {
    const picks = this.#picks(state).slice(0, PUSHED_PICKS);
    const key = picks.map((p) => p.category).join('|');
    if (this.#pushedPicks.get(userId) === key) return;
    this.#pushedPicks.delete(userId);
    this.#pushedPicks.set(userId, key);
    if (this.#pushedPicks.size > PICKS_MEMORY) this.#pushedPicks.delete(this.#pushedPicks.keys().next().value as string);
    this.#publishPush(userId, { type: 'categories', picks, causedBy, ts: Date.now() });
  }

  #publishPush(userId: string, msg: PushMessage): void {
    this.#d.nc.publish(pushSubject(userId), encodePush(msg));
  }

  answer(req: AskRequest): Promise<AskReply> {
    return this.#asks.answer(req);
  }

  /** Catalog or index changed: cached recs may show old names, prices or items. */
  clearRecsCache(): void {
    this.#recsCache.clear();
  }

  snapshotStats(): ShardStats {
    return {
      appliedSeq: this.#appliedSeq,
      eventsApplied: this.stats.eventsApplied,
      batches: this.stats.batches,
      activeUsers: this.#users.size,
      activeItems: this.#items.size,
      activations: this.#users.activations + this.#items.activations,
      passivations: this.#users.passivations + this.#items.passivations,
      recomputes: this.#times.count,
      recomputeMsP50: medianMs(this.#times),
      pendingPushes: this.#pushes.pending,
      recsCacheHits: this.#recsCache.hits,
      outboxPending: this.#outbox.pending,
      pushLatency: this.#pushLatency,
      lagEvents: this.#pump?.pending ?? 0,
      heapUsed: process.memoryUsage().heapUsed,
      intentModelVersion: this.#d.model.definitions.intent?.version ?? 0,
      definitionsRefused: this.#d.model.definitions.refusals.length,
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
    this.#asks.close();
    await this.#pump?.close();
    this.#outbox.close();
    this.#saveModel();
    this.#setState('stopped');
  }
}

function orderPush(o: OrderOutcome, now: number): OrderPush {
  const c = o.effect.checkout;
  const push: OrderPush = {
    type: 'order', checkoutId: c.checkoutId, orderId: c.orderId, status: c.status === 'placed' ? 'placed' : 'refused',
    lines: c.lines.map((l) => ({ ...l, discount: c.lineDiscounts?.[l.itemId] ?? 0 })),
    total: c.total ?? Math.round(c.lines.reduce((s, l) => s + l.qty * l.price, 0) * 100) / 100,
    subtotal: c.subtotal ?? 0, discount: c.discount ?? 0, delivery: c.delivery ?? 0,
    causedBy: o.effect.causedBy, seq: o.seq, ts: now,
  };
  if (c.coupon) push.coupon = c.coupon;
  if (c.autoCoupon) push.couponAuto = true;
  if (c.couponError) push.couponError = c.couponError;
  const r = refusedLine(c);
  if (r) push.refused = r;
  return push;
}
