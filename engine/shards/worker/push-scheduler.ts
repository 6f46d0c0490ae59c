/**
 * Schedules recs pushes: after each batch, the users it touched wait for a recompute,
 * which runs in slices between batches. Users waiting are coalesced: one recompute
 * names their latest event. So when recomputes cannot keep up, folding (state,
 * cursors, asks) still does, and each waiting shopper gets one fresh push per round
 * instead of a growing backlog.
 */
import type { PushMessage } from '../../../protos/contract.js';
import { recordRecompute, type RecomputeTimes } from './recompute-times.js';

/** Recompute slice between batches, in ms. */
export const PUSH_SLICE_MS = 8;
/**
 * With a backlog, slices grow: each slice ends with a fold of whatever arrived meanwhile,
 * and many tiny folds (one LMDB commit each) cost more than the recomputes they let through.
 */
export const BACKLOG_SLICE_MS = 50;
export const BACKLOG_USERS = 200;

export interface PushSchedulerDeps {
  /** Recomputes a user's recs (default k, no context) and returns the push. */
  recompute(userId: string, causedBy: string, seq: number): PushMessage;
  publish(userId: string, msg: PushMessage): void;
  /** A push left for an event of time `eventTs` (ms). */
  pushed?(eventTs: number): void;
  /** Still serving? Pushes are for live shoppers. */
  live(): boolean;
  /** After a slice (a waiting user may have been reactivated). */
  afterSlice(): void;
  times: RecomputeTimes;
}

export class PushScheduler {
  readonly #d: PushSchedulerDeps;
  /** userId -> the latest event whose recs push is still to be computed (insertion order = waiting order). */
  readonly #pending = new Map<string, { id: string; seq: number; ts: number }>();
  #scheduled = false;

  constructor(deps: PushSchedulerDeps) {
    this.#d = deps;
  }

  get pending(): number {
    return this.#pending.size;
  }

  enqueue(touched: ReadonlyMap<string, { id: string; seq: number; ts: number }>): void {
    for (const [userId, cause] of touched) this.#pending.set(userId, cause);
    this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled || this.#pending.size === 0) return;
    this.#scheduled = true;
    setImmediate(() => this.#run());
  }

  /** One slice of recomputes; the rest wait for the next turn, after any newly arrived batch is folded. */
  #run(): void {
    this.#scheduled = false;
    if (!this.#d.live()) return;
    const end = performance.now() + (this.#pending.size > BACKLOG_USERS ? BACKLOG_SLICE_MS : PUSH_SLICE_MS);
    for (const [userId, cause] of this.#pending) {
      this.#pending.delete(userId);
      const t0 = performance.now();
      const msg = this.#d.recompute(userId, cause.id, cause.seq);
      recordRecompute(this.#d.times, performance.now() - t0);
      this.#d.publish(userId, msg);
      this.#d.pushed?.(cause.ts);
      if (performance.now() >= end) break;
    }
    this.#d.afterSlice();
    this.#schedule();
  }
}
