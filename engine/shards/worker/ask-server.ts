/**
 * Answers asks to the user actors of a shard's partitions (profile, recommend, a
 * checkout's outcome), from this process's main thread or over NATS, once the shard
 * has applied the asker's last acked event (read-your-writes).
 */
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { clampK } from '../../../actors/recommend/index.js';
import { findCheckout, type Profile, type UserState } from '../../../actors/user/index.js';
import { EngineError, toEngineError } from '../../errors/index.js';
import type { Logger } from '../../observability/index.js';
import { ASK_QUEUE, askSubject, type ShardPlacement } from '../../placement/index.js';
import type { AskReply, AskRequest } from '../protocol/messages.js';
import { recordRecompute, type RecomputeTimes } from './recompute-times.js';
import type { RecsCache } from './recs-cache.js';
import type { RecItem, RecommendContext } from './shard-recommender.js';

/** Longest an ask waits for the shard to reach the asker's sequence. */
export const WAIT_TIMEOUT_MS = 3000;

export interface AskServerDeps {
  placement: ShardPlacement;
  user(userId: string): UserState;
  /** The profile of a user's state, with what the shard computes at read time (intent reasons, category picks). */
  profile(state: UserState): Profile;
  /** Sequence an answer must reflect at least (recovering: the log's end at start). */
  floorSeq(): number;
  appliedSeq(): number;
  /** Recommends with the shopper's experiment variants applied (and their exposures logged). */
  recommend(state: UserState, ctx: RecommendContext): RecItem[];
  recsCache: RecsCache;
  times: RecomputeTimes;
  log: Logger;
}

export class AskServer {
  readonly #d: AskServerDeps;
  #waiters: Array<{ seq: number; resolve: () => void }> = [];
  #subs: Subscription[] = [];

  constructor(deps: AskServerDeps) {
    this.#d = deps;
  }

  /** Serves the ask subjects of owned partitions over NATS (asks from other nodes, or while a local shard restarts). */
  listen(nc: NatsConnection): void {
    for (const p of this.#d.placement.owned) {
      this.#subs.push(nc.subscribe(askSubject(p), { queue: ASK_QUEUE, callback: (err, msg) => {
        if (err) return;
        void this.#answerEncoded(msg.data).then((reply) => msg.respond(JSON.stringify(reply)));
      } }));
    }
  }

  close(): void {
    for (const s of this.#subs) s.unsubscribe();
    this.#subs = [];
  }

  /** The shard applied everything up to seq: wake asks waiting for it. */
  reached(seq: number): void {
    if (this.#waiters.length) this.#waiters = this.#waiters.filter((w) => (w.seq <= seq ? (w.resolve(), false) : true));
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

  async answer(req: AskRequest): Promise<AskReply> {
    try {
      if (typeof req?.userId !== 'string') throw new EngineError('E_BAD_REQUEST', 'userId is required');
      const need = Math.max(req.minSeq ?? 0, this.#d.floorSeq());
      if (need > this.#d.appliedSeq()) await this.#waitFor(need);
      const state = this.#d.user(req.userId);
      if (req.op === 'profile') return { ok: true, result: this.#d.profile(state) };
      if (req.op === 'checkout') return { ok: true, result: findCheckout(state, req.checkoutId) ?? null };
      if (req.op === 'recommend') return { ok: true, result: this.#recommend(req, state) };
      throw new EngineError('E_BAD_REQUEST', `unknown ask op ${String((req as { op: unknown }).op)}`);
    } catch (err) {
      const e = toEngineError(err);
      if (e.code === 'E_INTERNAL') this.#d.log.error('ask failed', { err });
      return { ok: false, error: { code: e.code, message: e.message } };
    }
  }

  #recommend(req: Extract<AskRequest, { op: 'recommend' }>, state: UserState) {
    const t0 = performance.now();
    const ctx: RecommendContext = { k: clampK(req.k) };
    if (req.itemId) ctx.itemId = req.itemId;
    if (req.category) ctx.category = req.category;
    if (req.exclude) ctx.exclude = req.exclude;
    const plain = !ctx.itemId && !ctx.category && !ctx.exclude?.length;
    const cached = plain ? this.#d.recsCache.get(req.userId, state.lastSeq, ctx.k) : undefined;
    if (cached) return { items: cached, ts: Date.now() };
    const items = this.#d.recommend(state, ctx);
    recordRecompute(this.#d.times, performance.now() - t0);
    if (plain) this.#d.recsCache.put(req.userId, state.lastSeq, items);
    return { items, ts: Date.now() };
  }

  #waitFor(seq: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new EngineError('E_TIMEOUT', `shard did not reach log sequence ${seq} within ${WAIT_TIMEOUT_MS} ms`)), WAIT_TIMEOUT_MS);
      this.#waiters.push({ seq, resolve: () => (clearTimeout(t), resolve()) });
    });
  }
}
