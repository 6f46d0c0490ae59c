/**
 * A draft rule's dry run: the recent log folded into fresh user actors with only the
 * draft in force and a fresh budget owner, the same pure code the shards run. It says
 * how many coupons the draft would have issued, to whom and at what estimated cost.
 *
 * What it cannot see: history before the window (a shopper's older orders, so
 * "orders" and "days away" count from the window's start) and other rules' coupons
 * (stacking is judged among the draft's own).
 */
import { emptyRuleBudget, foldRuleCommand, PromoRuleSet, type PromoRule } from '../../actors/promo/index.js';
import { emptyUserState, foldUserEvent, type FoldContext, type UserState } from '../../actors/user/index.js';
import type { ShopEvent } from '../../protos/index.js';
import type { ReadRecord } from '../log/index.js';

export const DRY_RUN_MAX_EVENTS = 200_000;
export const DRY_RUN_MAX_USERS_LISTED = 100;

export interface DryRunResult {
  rule: string;
  window: { from: number; to: number; events: number; shoppers: number };
  /** Coupons the draft would have issued (granted by its budget). */
  issued: number;
  refusedByBudget: number;
  /** Sum of the issued coupons' estimated costs (the budget's money holds). */
  cost: number;
  users: Array<{ userId: string; code: string; cost: number; ts: number; causedBy: string }>;
}

/** Kinds the dry run re-derives itself (its own reminders and coupon decisions) or that are not shoppers'. */
const SKIP = new Set<ShopEvent['kind']>(['reminder', 'definition', 'coupon_reserve', 'coupon_granted', 'coupon_refused', 'coupon_commit', 'coupon_release']);

export function dryRunRule(draft: PromoRule, records: readonly ReadRecord[], item: FoldContext['item'], opts: { from: number; to: number; cartAbandonMs: number }): DryRunResult {
  const rule: PromoRule = { ...draft, status: 'active' };
  const set = new PromoRuleSet([rule]);
  const ctx: FoldContext = { item, cartAbandonMs: opts.cartAbandonMs, promoRules: () => set };
  const users = new Map<string, UserState>();
  const budget = emptyRuleBudget(rule.id);
  const out: DryRunResult = { rule: rule.id, window: { from: opts.from, to: opts.to, events: 0, shoppers: 0 }, issued: 0, refusedByBudget: 0, cost: 0, users: [] };
  let seq = 0;
  const userOf = (id: string) => users.get(id) ?? users.set(id, emptyUserState(id)).get(id)!;

  const play = (first: ShopEvent) => {
    const queue = [first];
    while (queue.length > 0) {
      const e = queue.shift()!;
      seq++;
      if (e.kind === 'coupon_reserve' || e.kind === 'coupon_commit' || e.kind === 'coupon_release') {
        for (const d of foldRuleCommand(budget, e, seq, rule)) {
          if (d.event.kind === 'coupon_granted') {
            out.issued++;
            out.cost = Math.round((out.cost + (d.event.price ?? 0)) * 100) / 100;
            if (out.users.length < DRY_RUN_MAX_USERS_LISTED) out.users.push({ userId: d.event.userId, code: d.event.coupon ?? '', cost: d.event.price ?? 0, ts: d.event.ts, causedBy: e.reason ?? '' });
          } else out.refusedByBudget++;
          queue.push(d.event);
        }
        continue;
      }
      const s = userOf(e.userId);
      for (const f of foldUserEvent(s, e, seq, ctx)) {
        // Only the draft's own commands are played: stock was decided in the real log.
        if (f.type === 'command' && f.event.kind.startsWith('coupon_')) queue.push(f.event);
      }
    }
  };
  /** Shoppers with reminders armed (the ones a due check must look at). */
  const armed = new Set<UserState>();
  const fireDue = (now: number) => {
    for (const s of [...armed]) {
      // A reminder that fired early moves itself later: fire until none is due.
      for (let round = 0; round < 10; round++) {
        const due = s.reminders.filter((x) => x.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt);
        if (due.length === 0) break;
        for (const r of due) play({ id: `rm.${r.name}.${r.dueAt}`, userId: s.userId, kind: 'reminder', ts: r.dueAt, reminder: r.name, dueAt: r.dueAt, source: 'engine' });
      }
      if (s.reminders.length === 0) armed.delete(s);
    }
  };
  let lastFire = 0;
  for (const { event: e } of records) {
    if (SKIP.has(e.kind) || !e.userId) continue;
    out.window.events++;
    // Reminders come due in log time; checking once a second of it is enough for a count.
    if (e.ts - lastFire >= 1000) {
      fireDue(e.ts);
      lastFire = e.ts;
    }
    play(e);
    const s = users.get(e.userId);
    if (s && s.reminders.length > 0) armed.add(s);
  }
  fireDue(opts.to);
  out.window.shoppers = users.size;
  return out;
}
