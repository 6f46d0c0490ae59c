/**
 * Pure promotion tests' kit: the default rules as the registry would hold them, a fold
 * context over a small catalog, and a loop that plays the budget owner (the rule actor)
 * for the commands a fold emits, the way the shards do through the log.
 */
import { DEFAULT_RULES, emptyRuleBudget, foldRuleCommand, parseRule, PromoRuleSet, type PromoRule, type RuleBudgetState } from '../../actors/promo/index.js';
import { foldUserEvent, type FoldContext, type ItemFacts, type UserEffect, type UserState } from '../../actors/user/index.js';
import type { ShopEvent } from '../../protos/index.js';

export const CATALOG: Record<string, ItemFacts> = {
  cheap1: { category: 'coffee', price: 9 }, cheap2: { category: 'coffee', price: 12 }, cheap3: { category: 'tea', price: 6 },
  tee1: { category: 't-shirts', price: 20 }, tee2: { category: 't-shirts', price: 15 }, tee3: { category: 't-shirts', price: 10 },
  laptop: { category: 'laptops', price: 900 }, phones1: { category: 'phones', price: 400 }, book1: { category: 'books', price: 25 },
  soldout: { category: 'cameras', price: 300, stock: 0 }, cam2: { category: 'cameras', price: 250, stock: 5 },
  hp1: { category: 'headphones', price: 80 }, drop: { category: 'garden', price: 100 },
};

export function defaultRules(only?: string[]): PromoRule[] {
  return DEFAULT_RULES.map((r, i) => ({ ...parseRule(r), version: i + 1 })).filter((r) => !only || only.includes(r.id));
}

export class PromoWorld {
  readonly rules: Map<string, PromoRule>;
  readonly budgets = new Map<string, RuleBudgetState>();
  readonly catalog: Record<string, ItemFacts>;
  ctx: FoldContext;
  seq = 0;
  readonly log: ShopEvent[] = [];
  #set: PromoRuleSet;

  constructor(rules: PromoRule[] = defaultRules(), catalog: Record<string, ItemFacts> = { ...CATALOG }) {
    this.rules = new Map(rules.map((r) => [r.id, r]));
    this.catalog = catalog;
    this.#set = new PromoRuleSet(rules);
    this.ctx = { item: (id) => this.catalog[id], cartAbandonMs: 60_000, promoRules: () => this.#set };
  }

  setRule(r: PromoRule): void {
    this.rules.set(r.id, r);
    this.#set = new PromoRuleSet([...this.rules.values()]);
  }

  budget(ruleId: string): RuleBudgetState {
    return this.budgets.get(ruleId) ?? this.budgets.set(ruleId, emptyRuleBudget(ruleId)).get(ruleId)!;
  }

  /** Folds `e` into `s`, then plays every command it causes through its owner (rule budgets; stock always granted) until quiet. */
  fold(s: UserState, e: ShopEvent): UserEffect[] {
    const all: UserEffect[] = [];
    const queue: ShopEvent[] = [e];
    while (queue.length > 0) {
      const next = queue.shift()!;
      this.log.push(next);
      const seq = ++this.seq;
      if (next.kind === 'coupon_reserve' || next.kind === 'coupon_commit' || next.kind === 'coupon_release') {
        for (const eff of foldRuleCommand(this.budget(next.defId!), next, seq, this.rules.get(next.defId!))) queue.push(eff.event);
        continue;
      }
      if (next.kind === 'stock_reserve') {
        queue.push({ id: `${next.id}.d`, userId: next.userId, kind: 'stock_granted', ts: next.ts, itemId: next.itemId!, qty: next.qty!, checkoutId: next.checkoutId!, stockLeft: 10 });
        continue;
      }
      if (next.kind === 'stock_commit' || next.kind === 'stock_release') continue;
      const fx = foldUserEvent(s, next, seq, this.ctx);
      all.push(...fx);
      for (const f of fx) if (f.type === 'command') queue.push(f.event);
    }
    return all;
  }

  /** Fires every reminder of `s` due by `now` (as the reminder ticker would). */
  fireDue(s: UserState, now: number): UserEffect[] {
    const out: UserEffect[] = [];
    // A reminder that fired early moves itself later: fire until none is due.
    for (let round = 0; round < 10; round++) {
      const due = s.reminders.filter((x) => x.dueAt <= now);
      if (due.length === 0) break;
      for (const r of due) out.push(...this.fold(s, { id: `rm.${r.name}.${r.dueAt}`, userId: s.userId, kind: 'reminder', ts: r.dueAt, reminder: r.name, dueAt: r.dueAt, source: 'engine' }));
    }
    return out;
  }
}

export const couponsOf = (fx: UserEffect[]) => fx.filter((f): f is Extract<UserEffect, { type: 'coupon' }> => f.type === 'coupon').map((f) => f.coupon);
