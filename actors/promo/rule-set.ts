/**
 * The rules in force, indexed by what triggers them, so that the user actor looks at
 * only the rules an event can fire (most events fire none: a map lookup).
 */
import type { PromoRule, TriggerEventKind } from './rule.js';

export class PromoRuleSet {
  readonly all: readonly PromoRule[];
  readonly #byId = new Map<string, PromoRule>();
  readonly #onEvent = new Map<string, PromoRule[]>();
  readonly #armOn = new Map<string, PromoRule[]>();
  readonly onOrder: readonly PromoRule[];
  readonly onScore: readonly PromoRule[];

  /** Highest priority first (ties: by id), so one stacking group issues its best rule. */
  constructor(rules: Iterable<PromoRule>) {
    this.all = [...rules].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1));
    const order: PromoRule[] = [];
    const score: PromoRule[] = [];
    const push = (m: Map<string, PromoRule[]>, k: TriggerEventKind, r: PromoRule) => (m.get(k) ?? m.set(k, []).get(k)!).push(r);
    for (const r of this.all) {
      this.#byId.set(r.id, r);
      if (r.status !== 'active') continue;
      const t = r.trigger;
      if (t.type === 'event') for (const k of t.kinds) push(this.#onEvent, k, r);
      else if (t.type === 'idle') for (const k of t.armOn) push(this.#armOn, k, r);
      else if (t.type === 'order') order.push(r);
      else score.push(r);
    }
    this.onOrder = order;
    this.onScore = score;
  }

  get(id: string): PromoRule | undefined {
    return this.#byId.get(id);
  }

  onEvent(kind: string): readonly PromoRule[] {
    return this.#onEvent.get(kind) ?? NONE;
  }

  armedBy(kind: string): readonly PromoRule[] {
    return this.#armOn.get(kind) ?? NONE;
  }

  static readonly EMPTY = new PromoRuleSet([]);
}

const NONE: readonly PromoRule[] = [];
