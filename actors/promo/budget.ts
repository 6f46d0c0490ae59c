/**
 * The rule actor: the one owner of a promotion rule's budget. Its commands arrive on the
 * rule slot's subject in log order (reserve when a shopper qualifies, commit when an
 * order redeems the coupon, release when it expires unused) and each reservation is
 * answered by a decision event to the shopper's partition. Pure: a replay of the log
 * decides the same way, so a budget is never overspent and a code never granted twice.
 */
import type { ShopEvent } from '../../protos/index.js';
import type { PromoRule } from './rule.js';

const DAY_MS = 86_400_000;
/** Settled codes remembered (a late duplicate reserve of one is a no-op). */
const MAX_SETTLED = 256;
/** Days of per-day spend kept. */
const MAX_DAYS = 40;

export interface Spend {
  count: number;
  money: number;
}

export interface RuleBudgetState {
  ruleId: string;
  /** Coupons granted, refused by budget (or because the rule was paused), redeemed and released, ever. */
  issued: number;
  refused: number;
  redeemed: number;
  released: number;
  /** Discount given by redeemed coupons. */
  redeemedMoney: number;
  /** Held + committed spend, in all and per UTC day (`YYYY-MM-DD`). */
  total: Spend;
  days: Record<string, Spend>;
  /** Open holds by code: the estimated cost and the day it counts on. */
  holds: Record<string, { cost: number; day: string }>;
  settled: string[];
  /** Refusals by the limit that refused them. */
  refusedBy: Record<string, number>;
  lastSeq: number;
}

export function emptyRuleBudget(ruleId: string): RuleBudgetState {
  return { ruleId, issued: 0, refused: 0, redeemed: 0, released: 0, redeemedMoney: 0, total: { count: 0, money: 0 }, days: {}, holds: {}, settled: [], refusedBy: {}, lastSeq: 0 };
}

export type RuleEffect = { type: 'decision'; event: ShopEvent };

const r2 = (x: number) => Math.round(x * 100) / 100;
export const dayOf = (ts: number) => new Date(Math.floor(ts / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
/** The decision's id is derived from the reserve's, so a re-published decision is de-duplicated. */
export const couponDecisionId = (reserveId: string) => `${reserveId}.d`;

function settle(s: RuleBudgetState, code: string): void {
  s.settled.push(code);
  if (s.settled.length > MAX_SETTLED) s.settled.splice(0, s.settled.length - MAX_SETTLED);
}

function add(s: RuleBudgetState, day: string, count: number, money: number): void {
  const d = s.days[day] ?? (s.days[day] = { count: 0, money: 0 });
  d.count += count;
  d.money = r2(d.money + money);
  s.total.count += count;
  s.total.money = r2(s.total.money + money);
  const keys = Object.keys(s.days);
  if (keys.length > MAX_DAYS) for (const k of keys.sort().slice(0, keys.length - MAX_DAYS)) delete s.days[k];
}

/** Which limit a grant of `cost` on `day` would break ('' = none). */
export function budgetProblem(s: RuleBudgetState, rule: PromoRule | undefined, day: string, cost: number): string {
  if (!rule) return 'unknown_rule';
  if (rule.status !== 'active') return 'paused';
  const b = rule.budget;
  const d = s.days[day] ?? { count: 0, money: 0 };
  if (b.count?.total !== undefined && s.total.count + 1 > b.count.total) return 'count_total';
  if (b.count?.perDay !== undefined && d.count + 1 > b.count.perDay) return 'count_day';
  if (b.money?.total !== undefined && s.total.money + cost > b.money.total + 1e-9) return 'money_total';
  if (b.money?.perDay !== undefined && d.money + cost > b.money.perDay + 1e-9) return 'money_day';
  return '';
}

/** Folds one rule command (RULE_COMMAND_KINDS); `rule` is the definition in force at this log position. */
export function foldRuleCommand(s: RuleBudgetState, e: ShopEvent, seq: number, rule: PromoRule | undefined): RuleEffect[] {
  const code = e.coupon ?? '';
  const effects: RuleEffect[] = [];
  switch (e.kind) {
    case 'coupon_reserve': {
      // A duplicate reserve: its decision is already on its way (the shard's outbox).
      if (!code || s.holds[code] || s.settled.includes(code)) break;
      const cost = Math.max(0, e.price ?? 0);
      const day = dayOf(e.ts);
      const problem = budgetProblem(s, rule, day, cost);
      if (problem) {
        s.refused++;
        s.refusedBy[problem] = (s.refusedBy[problem] ?? 0) + 1;
        settle(s, code);
      } else {
        s.issued++;
        s.holds[code] = { cost, day };
        add(s, day, 1, cost);
      }
      effects.push({ type: 'decision', event: {
        id: couponDecisionId(e.id), userId: e.userId, kind: problem ? 'coupon_refused' : 'coupon_granted', ts: e.ts,
        defId: s.ruleId, defVersion: e.defVersion ?? 0, coupon: code, price: cost, ...(problem ? { reason: problem } : {}), source: 'engine',
      } });
      break;
    }
    case 'coupon_commit':
    case 'coupon_release': {
      const h = s.holds[code];
      if (!h) break;
      delete s.holds[code];
      settle(s, code);
      if (e.kind === 'coupon_commit') {
        const discount = Math.max(0, e.discount ?? 0);
        s.redeemed++;
        s.redeemedMoney = r2(s.redeemedMoney + discount);
        add(s, h.day, 0, discount - h.cost);
      } else {
        s.released++;
        add(s, h.day, -1, -h.cost);
      }
      break;
    }
    default:
      return effects;
  }
  s.lastSeq = seq;
  return effects;
}
