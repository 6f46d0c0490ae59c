/**
 * The definitions live at a point of the log: model versions today (rules,
 * campaigns and experiments use the same events later). Every shard folds the
 * definitions subject into its own registry in log order, so all of them, and a
 * replay, apply the same definition from the same event on.
 *
 * Kinds: `intent_model` (the live purchase-intent model), `promo_rule` (one
 * promotion rule per id, its versions replacing each other), `ad_campaign` (one sponsored
 * products campaign per id, likewise) and `experiment` (one A/B test per id; a version
 * with changed weights starts a new phase).
 *
 * A definition that does not parse (a corrupt model file, a rule with a bad field) is refused and the
 * previous one keeps serving; the refusal is remembered for operators. A version
 * that is not newer than the one in force is ignored (a re-published old model).
 */
import type { ShopEvent } from '../../protos/index.js';
import { liveFeatureByName, parseModel, type IntentModel, type LiveIntentSession } from '../propensity/index.js';
import { parseRulePayload, PROMO_RULE_KIND, PromoRuleSet, type PromoRule } from '../promo/index.js';
import { AD_CAMPAIGN_KIND, parseCampaignPayload, type Campaign } from '../ads/index.js';
import { EXPERIMENT_KIND, parseExperimentPayload, type Experiment } from '../experiments/definition.js';

export const INTENT_MODEL_KIND = 'intent_model';
/** An experiment in force: its definition, the log position of its version, and when its current phase began. */
export type LiveExperiment = Experiment & { seq: number; ts: number; phaseTs: number };
/** The one live intent model (per shop). */
export const INTENT_MODEL_ID = 'live';
const MAX_REFUSALS = 10;

export interface LiveIntentModel {
  model: IntentModel<LiveIntentSession>;
  version: number;
  /** Log sequence of the definition event. */
  seq: number;
  /** When it was published (the event's time). */
  ts: number;
}

export interface Refusal {
  defKind: string;
  defId: string;
  defVersion: number;
  seq: number;
  message: string;
}

/** What is persisted: enough to rebuild the registry without the log. */
export interface RegistrySnapshot {
  entries: Array<{ defKind: string; defId: string; defVersion: number; seq: number; ts: number; payload: string; /** experiments: the phase and when it began, which depend on earlier versions */ phase?: number; phaseTs?: number }>;
  refusals: Refusal[];
}

export type ApplyOutcome = 'applied' | 'stale' | 'refused' | 'unknown-kind';

export class DefinitionRegistry {
  readonly #entries = new Map<string, RegistrySnapshot['entries'][number]>();
  #intent: LiveIntentModel | undefined;
  readonly #rules = new Map<string, { rule: PromoRule; version: number; seq: number; ts: number }>();
  #ruleSet: PromoRuleSet | undefined;
  readonly #campaigns = new Map<string, { campaign: Campaign; version: number; seq: number; ts: number }>();
  readonly refusals: Refusal[] = [];
  readonly #experiments = new Map<string, LiveExperiment>();

  /** Experiments in force (stopped ones included, marked so), by id. */
  get experiments(): ReadonlyMap<string, LiveExperiment> {
    return this.#experiments;
  }

  /** The promotion rules in force (paused ones included, marked so), indexed by trigger. */
  get promoRules(): PromoRuleSet {
    return (this.#ruleSet ??= new PromoRuleSet([...this.#rules.values()].map((r) => r.rule)));
  }

  /** One rule in force with its version, log sequence and publish time. */
  promoRule(id: string): { rule: PromoRule; version: number; seq: number; ts: number } | undefined {
    return this.#rules.get(id);
  }

  /** One ad campaign in force with its version, log sequence and publish time. */
  campaign(id: string): { campaign: Campaign; version: number; seq: number; ts: number } | undefined {
    return this.#campaigns.get(id);
  }

  /** Every campaign in force (paused and ended ones included). */
  get campaigns(): Campaign[] {
    return [...this.#campaigns.values()].map((c) => c.campaign);
  }

  get intent(): LiveIntentModel | undefined {
    return this.#intent;
  }

  /** Applies a `definition` event at log sequence `seq`. */
  apply(e: ShopEvent, seq: number): ApplyOutcome {
    const defKind = e.defKind ?? '';
    const defId = e.defId ?? '';
    const defVersion = e.defVersion ?? 0;
    const key = `${defKind}/${defId}`;
    const cur = this.#entries.get(key);
    if (cur && defVersion <= cur.defVersion) return 'stale';
    if (defKind === PROMO_RULE_KIND) {
      try {
        const rule = parseRulePayload(e.payload ?? '', defId, defVersion);
        this.#entries.set(key, { defKind, defId, defVersion, seq, ts: e.ts, payload: e.payload ?? '' });
        this.#rules.set(defId, { rule, version: defVersion, seq, ts: e.ts });
        this.#ruleSet = undefined;
        return 'applied';
      } catch (err) {
        this.#refuse(defKind, defId, defVersion, seq, err);
        return 'refused';
      }
    }
    if (defKind === AD_CAMPAIGN_KIND) {
      try {
        const campaign = parseCampaignPayload(e.payload ?? '', defId, defVersion);
        this.#entries.set(key, { defKind, defId, defVersion, seq, ts: e.ts, payload: e.payload ?? '' });
        this.#campaigns.set(defId, { campaign, version: defVersion, seq, ts: e.ts });
        return 'applied';
      } catch (err) {
        this.#refuse(defKind, defId, defVersion, seq, err);
        return 'refused';
      }
    }
    if (defKind === EXPERIMENT_KIND) {
      try {
        const prev = this.#experiments.get(defId);
        const exp = parseExperimentPayload(e.payload ?? '', defId, defVersion, prev);
        const phaseTs = prev && prev.phase === exp.phase ? prev.phaseTs : e.ts;
        this.#entries.set(key, { defKind, defId, defVersion, seq, ts: e.ts, payload: e.payload ?? '', phase: exp.phase, phaseTs });
        this.#experiments.set(defId, { ...exp, seq, ts: e.ts, phaseTs });
        return 'applied';
      } catch (err) {
        this.#refuse(defKind, defId, defVersion, seq, err);
        return 'refused';
      }
    }
    if (defKind !== INTENT_MODEL_KIND) {
      // Kept for the day this build learns the kind; nothing uses it yet.
      this.#entries.set(key, { defKind, defId, defVersion, seq, ts: e.ts, payload: e.payload ?? '' });
      return 'unknown-kind';
    }
    try {
      const model = parseModel(e.payload ?? '', liveFeatureByName);
      this.#entries.set(key, { defKind, defId, defVersion, seq, ts: e.ts, payload: e.payload ?? '' });
      if (defId === INTENT_MODEL_ID) this.#intent = { model, version: defVersion, seq, ts: e.ts };
      return 'applied';
    } catch (err) {
      this.#refuse(defKind, defId, defVersion, seq, err);
      return 'refused';
    }
  }

  #refuse(defKind: string, defId: string, defVersion: number, seq: number, err: unknown): void {
    this.refusals.unshift({ defKind, defId, defVersion, seq, message: (err as Error).message });
    if (this.refusals.length > MAX_REFUSALS) this.refusals.length = MAX_REFUSALS;
  }

  /** The version in force of a definition (0 = none). */
  version(defKind: string, defId: string): number {
    return this.#entries.get(`${defKind}/${defId}`)?.defVersion ?? 0;
  }

  toSnapshot(): RegistrySnapshot {
    return { entries: [...this.#entries.values()], refusals: [...this.refusals] };
  }

  static fromSnapshot(snap: RegistrySnapshot | undefined): DefinitionRegistry {
    const r = new DefinitionRegistry();
    for (const d of snap?.entries ?? []) {
      r.apply({ id: '', userId: '', kind: 'definition', ts: d.ts, defKind: d.defKind, defId: d.defId, defVersion: d.defVersion, payload: d.payload }, d.seq);
      // The phase counts weight changes of versions the snapshot no longer holds.
      const exp = d.phase !== undefined ? r.#experiments.get(d.defId) : undefined;
      if (exp && d.defKind === EXPERIMENT_KIND) {
        exp.phase = d.phase!;
        exp.phaseTs = d.phaseTs ?? d.ts;
        Object.assign(r.#entries.get(`${d.defKind}/${d.defId}`)!, { phase: d.phase, phaseTs: exp.phaseTs });
      }
    }
    r.refusals.push(...(snap?.refusals ?? []));
    return r;
  }
}
