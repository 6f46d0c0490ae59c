/**
 * Experiments at the shard's decision point (recommendations): the shopper's
 * variants give the ranking strategy, and once a variant's ranking was actually
 * served (pushed or answered) its `exposure` goes on the log, on the shopper's own
 * partition, once per user and phase.
 *
 * Once: the user actor folds the exposure into its state (the durable "already
 * exposed"); until it is back from the log a pending set stops repeats; the entry
 * is written to the outbox in LMDB before it is sent, so a crash re-sends it at
 * start; and its id (exposure:<experiment>:<phase>:<user>) lets JetStream drop a
 * copy. The analytics fold counts a user once per phase whatever reaches it.
 */
import { assignmentsFor, exposureId, mergedConfig, type Assignment } from '../../../actors/experiments/index.js';
import type { LiveExperiment } from '../../../actors/definitions/index.js';
import type { UserState } from '../../../actors/user/index.js';
import type { ShopEvent } from '../../../protos/index.js';
import type { ShardPlacement } from '../../placement/index.js';
import type { OutboxEntry, StateStore } from '../../store/index.js';
import type { Outbox } from './outbox.js';
import type { RecommendContext } from './shard-recommender.js';

/** Exposures sent and not yet seen folded, remembered at most (the oldest are forgotten: the log's dedupe still holds). */
const MAX_PENDING = 100_000;

export interface ExperimentServingDeps {
  experiments(): ReadonlyMap<string, LiveExperiment>;
  store: StateStore;
  outbox: Outbox;
  placement: ShardPlacement;
  now?: () => number;
}

export class ExperimentServing {
  readonly #d: ExperimentServingDeps;
  readonly #pending = new Set<string>();
  exposuresSent = 0;

  constructor(deps: ExperimentServingDeps) {
    this.#d = deps;
  }

  /** The shopper's recommendation experiments (empty when none runs: one map walk). */
  recs(state: UserState): Assignment[] {
    const exps = this.#d.experiments();
    if (exps.size === 0) return [];
    return assignmentsFor(exps.values(), 'recs', state);
  }

  /** The ranking strategy the assignments add up to (undefined: the defaults). */
  static strategy(assignments: readonly Assignment[]): RecommendContext['strategy'] {
    if (assignments.length === 0) return undefined;
    const c = mergedConfig(assignments);
    const s: NonNullable<RecommendContext['strategy']> = {};
    if (c.fusionMode !== undefined) s.fusionMode = c.fusionMode;
    if (c.diversity !== undefined) s.diversity = c.diversity;
    if (c.categoryCap !== undefined) s.categoryCap = c.categoryCap;
    return Object.keys(s).length ? s : undefined;
  }

  /** The decision was served: log each assignment's exposure unless this user already has it for this phase. */
  served(state: UserState, assignments: readonly Assignment[]): void {
    for (const a of assignments) {
      const { id, phase } = a.experiment;
      if ((state.experiments?.[id]?.phase ?? 0) >= phase) continue;
      const key = exposureId(id, phase, state.userId);
      if (this.#pending.has(key)) continue;
      const partition = this.#d.placement.partitionOf(state.userId);
      const event: ShopEvent = {
        id: key, userId: state.userId, kind: 'exposure', ts: (this.#d.now ?? Date.now)(),
        experimentId: id, experimentPhase: phase, variant: a.variant.name, source: 'engine',
      };
      const entry: OutboxEntry = { key, partition, owner: partition, event };
      // In LMDB before it leaves: a crash after serving re-sends it at start.
      this.#d.store.outbox.putSync(key, entry);
      this.#d.outbox.send([entry]);
      this.#pending.add(key);
      if (this.#pending.size > MAX_PENDING) this.#pending.delete(this.#pending.values().next().value as string);
      this.exposuresSent++;
    }
  }
}
