/**
 * The user actor's side of promotions: pure and cheap. On an event it arms the idle
 * rules that event re-arms and evaluates the rules the event triggers; a rule that
 * fires asks its budget owner for a coupon (a `coupon_reserve` command with an id
 * derived from the rule and the trigger, so a replay or retry asks once). The coupon is
 * the shopper's only when the owner grants it (`coupon_granted`), then pushed.
 */
import type { Coupon } from '../../protos/contract.js';
import type { ShopEvent } from '../../protos/index.js';
import { MAX_COUPONS, type UserState } from '../user/state.js';
import { MetricCache, type MetricInput } from './metrics.js';
import { estimatedCost, inScope } from './pricing.js';
import type { PromoRule, RuleCondition } from './rule.js';
import { rewardText } from './rule.js';
import type { PromoRuleSet } from './rule-set.js';

export const PROMO_REMINDER = 'promo:';
export const EXPIRY_REMINDER = 'coupon-exp:';

export interface PromoContext {
  rules: PromoRuleSet;
  /** Config that shortens idle triggers with `setting: cartAbandonMs` (tests, demos). */
  cartAbandonMs: number;
}

/** What evaluation asks the fold to do. */
export interface PromoSink {
  command(e: ShopEvent): void;
  coupon(c: Coupon): void;
  setReminder(name: string, dueAt: number): void;
  cancelReminder(name: string): void;
}

export interface PendingCoupon {
  reserveId: string;
  coupon: Coupon;
}

export interface PromoUserState {
  /** Per rule: coupons granted or asked for (the per-user limit counts both) and when the last was asked. */
  perRule: Record<string, { n: number; lastTs: number }>;
  pending: PendingCoupon[];
  /** Idle rules: when each was last armed (the reminder is moved lazily, when it fires early). */
  armed?: Record<string, number>;
}

export function promoState(s: UserState): PromoUserState {
  return s.promo ?? (s.promo = { perRule: {}, pending: [] });
}

/** Deterministic coupon code, so a replay issues the same code. */
export function couponCode(prefix: string, userId: string, ruleId: string, key: string): string {
  let h = 2166136261;
  const str = `${userId}:${ruleId}:${key}`;
  for (let i = 0; i < str.length; i++) h = Math.imul(h ^ str.charCodeAt(i), 16777619);
  return `${prefix}-${(h >>> 0).toString(36).toUpperCase()}`;
}

export const reserveId = (ruleId: string, key: string) => `pr.${ruleId}.${key}`;

function test(c: RuleCondition, m: MetricCache, rule: PromoRule): boolean {
  const v = m.get(c.metric, c.arg ?? 0, rule.scope);
  switch (c.op) {
    case 'gte': return (v as number) >= (c.value as number);
    case 'gt': return (v as number) > (c.value as number);
    case 'lte': return (v as number) <= (c.value as number);
    case 'lt': return (v as number) < (c.value as number);
    case 'eq': return v === c.value;
    case 'neq': return v !== c.value;
    case 'in': return (c.value as string[]).includes(v as string);
    case 'includes': return (v as ReadonlySet<string>).has(c.value as string);
    case 'excludes': return !(v as ReadonlySet<string>).has(c.value as string);
  }
}

/** May this shopper get a coupon of `rule` at `ts` at all (before its conditions)? */
function mayIssue(s: UserState, rule: PromoRule, ts: number): boolean {
  if (rule.status !== 'active') return false;
  if (rule.validFrom && ts < rule.validFrom) return false;
  if (rule.validUntil && ts >= rule.validUntil) return false;
  const p = s.promo?.perRule[rule.id];
  if (p && (p.n >= rule.perUser || (rule.cooldownMs > 0 && ts - p.lastTs < rule.cooldownMs))) return false;
  // One live coupon per stacking group: a better or equal one already held blocks this one.
  const blocks = (c: Coupon) => c.stackingGroup === rule.stackingGroup && c.priority >= rule.priority;
  if (s.coupons.some((c) => (c.status === 'live' || c.status === 'held') && c.expiresAt > ts && blocks(c))) return false;
  if (s.promo?.pending.some((x) => blocks(x.coupon))) return false;
  return true;
}

/** Evaluates one rule for a trigger; when it fires, asks the budget owner. */
function consider(s: UserState, rule: PromoRule, key: string, m: MetricInput, cache: MetricCache, sink: PromoSink): boolean {
  const e = m.e;
  if (!mayIssue(s, rule, e.ts)) return false;
  const id = reserveId(rule.id, key);
  // The same trigger again (an order's second line): already asked.
  if (s.promo?.pending.some((x) => x.reserveId === id)) return false;
  for (const c of rule.conditions) if (!test(c, cache, rule)) return false;
  const scope = rule.scope.type === 'other_categories'
    ? { type: 'other_categories' as const, categories: [...new Set([...rule.scope.categories, ...(cache.get('purchasedCategories') as ReadonlySet<string>)])] }
    : rule.scope;
  const categoryOf = (id: string) => m.item(id)?.category;
  let scoped = 0;
  let cheapest = 0;
  for (const l of s.cart) {
    const price = m.item(l.itemId)?.price ?? 0;
    if (!inScope(scope, l.itemId, categoryOf)) continue;
    scoped += l.qty * price;
    cheapest = cheapest === 0 ? price : Math.min(cheapest, price);
  }
  const code = couponCode(rule.codePrefix, s.userId, rule.id, key);
  const cost = estimatedCost(rule.reward, Math.round(scoped * 100) / 100, cheapest);
  // A money budget holds the estimate: a percent or buy-X-get-Y coupon is capped at it, so
  // redeeming on a bigger cart or dearer items than at issue never spends more than was granted.
  const reward = rule.budget.money && (rule.reward.type === 'percent' || rule.reward.type === 'buy_x_get_y') ? { ...rule.reward, maxDiscount: cost } : rule.reward;
  const coupon: Coupon = {
    code, rule: rule.id, ruleVersion: rule.version, title: `${rewardText(reward)}: ${rule.title}`,
    percentOff: reward.type === 'percent' ? reward.percent : 0, reward, scope, minOrder: rule.minOrder,
    ts: e.ts, expiresAt: e.ts + rule.couponValidMs, status: 'live', stackingGroup: rule.stackingGroup, priority: rule.priority, causedBy: e.id,
  };
  const st = promoState(s);
  const pr = st.perRule[rule.id] ?? (st.perRule[rule.id] = { n: 0, lastTs: 0 });
  pr.n++;
  pr.lastTs = e.ts;
  st.pending.push({ reserveId: id, coupon });
  sink.command({
    id, userId: s.userId, kind: 'coupon_reserve', ts: e.ts, defId: rule.id, defVersion: rule.version, coupon: code,
    price: cost, reason: key, source: 'engine',
  });
  return true;
}

const idleDue = (rule: PromoRule, ts: number, ctx: PromoContext) =>
  ts + (rule.trigger.type === 'idle' ? (rule.trigger.setting === 'cartAbandonMs' ? ctx.cartAbandonMs : rule.trigger.afterMs) : 0);

/** After a shopper event is folded: arms idle rules, evaluates event and score triggers. */
export function promoOnEvent(s: UserState, m: MetricInput, ctx: PromoContext, sink: PromoSink, prevScore: number): void {
  const e = m.e;
  const rules = ctx.rules;
  for (const r of rules.armedBy(e.kind)) {
    if (!mayIssue(s, r, e.ts)) continue;
    // Re-arming on every event would rewrite the persisted reminder per event (two LMDB
    // writes): remember the time instead, and move the reminder when it fires too early.
    const st = promoState(s);
    (st.armed ??= {})[r.id] = e.ts;
    if (!s.reminders.some((x) => x.name === PROMO_REMINDER + r.id)) sink.setReminder(PROMO_REMINDER + r.id, idleDue(r, e.ts, ctx));
  }
  const onEvent = rules.onEvent(e.kind);
  const score = s.intentScore?.score ?? -1;
  const crossed = rules.onScore.length > 0 && score !== prevScore;
  if (onEvent.length === 0 && !crossed) return;
  const cache = new MetricCache(m);
  for (const r of onEvent) consider(s, r, e.id, m, cache, sink);
  if (crossed) {
    for (const r of rules.onScore) {
      if (r.trigger.type === 'score' && prevScore < r.trigger.above && score >= r.trigger.above) consider(s, r, e.id, m, cache, sink);
    }
  }
}

/** An order was placed (its id is the trigger key: one coupon per order and rule at most). */
export function promoOnOrder(s: UserState, orderId: string, m: MetricInput, ctx: PromoContext, sink: PromoSink): void {
  if (ctx.rules.onOrder.length === 0) return;
  const cache = new MetricCache(m);
  for (const r of ctx.rules.onOrder) consider(s, r, `o-${orderId}`, m, cache, sink);
}

/** A due reminder of promotions; returns false when the name is not one of them. */
export function promoOnReminder(s: UserState, name: string, dueAt: number, m: MetricInput, ctx: PromoContext, sink: PromoSink): boolean {
  if (name.startsWith(PROMO_REMINDER)) {
    const rule = ctx.rules.get(name.slice(PROMO_REMINDER.length));
    if (!rule || rule.trigger.type !== 'idle') return true;
    const armed = s.promo?.armed?.[rule.id] ?? 0;
    const due = idleDue(rule, armed, ctx);
    // Armed again since this reminder was set: not idle long enough yet.
    if (due > dueAt) {
      sink.setReminder(name, due);
      return true;
    }
    if (s.promo?.armed) delete s.promo.armed[rule.id];
    consider(s, rule, `t${dueAt}`, m, new MetricCache(m), sink);
    return true;
  }
  if (name.startsWith(EXPIRY_REMINDER)) {
    const [ruleId = '', code = ''] = name.slice(EXPIRY_REMINDER.length).split(':');
    const c = s.coupons.find((x) => x.code === code);
    // A held coupon is settled by its checkout; a used one was committed.
    if (c && c.status !== 'live') return true;
    if (c) c.status = 'expired';
    sink.command(releaseCommand(s.userId, ruleId, code, m.e.ts));
    return true;
  }
  return false;
}

export function releaseCommand(userId: string, ruleId: string, code: string, ts: number): ShopEvent {
  return { id: `cx.${code}`, userId, kind: 'coupon_release', ts, defId: ruleId, coupon: code, source: 'engine' };
}

export const expiryReminder = (c: Pick<Coupon, 'rule' | 'code'>) => `${EXPIRY_REMINDER}${c.rule}:${c.code}`;

/** The budget owner's decision about a coupon this actor asked for. */
export function promoOnDecision(s: UserState, e: ShopEvent, sink: PromoSink): void {
  const st = s.promo;
  const i = st ? st.pending.findIndex((x) => x.coupon.code === e.coupon) : -1;
  if (!st || i < 0) return; // a duplicate decision: already folded
  const { coupon } = st.pending[i]!;
  st.pending.splice(i, 1);
  if (e.kind === 'coupon_refused') {
    // Not issued: it does not count against the shopper's limit.
    const pr = st.perRule[coupon.rule];
    if (pr) pr.n = Math.max(0, pr.n - 1);
    return;
  }
  s.coupons.unshift(coupon);
  trimCoupons(s, sink);
  sink.setReminder(expiryReminder(coupon), coupon.expiresAt);
  sink.coupon(coupon);
}

/** Keeps at most MAX_COUPONS: used and expired ones go first; a live one dropped is released now. */
function trimCoupons(s: UserState, sink: PromoSink): void {
  while (s.coupons.length > MAX_COUPONS) {
    let i = -1;
    for (let k = s.coupons.length - 1; k >= 0; k--) {
      const st = s.coupons[k]!.status;
      if (st === 'used' || st === 'expired') {
        i = k;
        break;
      }
    }
    if (i < 0) i = s.coupons.findLastIndex((c) => c.status === 'live');
    if (i < 0) return; // all held by pending checkouts
    const [c] = s.coupons.splice(i, 1);
    if (c!.status === 'live') {
      sink.cancelReminder(expiryReminder(c!));
      sink.command(releaseCommand(s.userId, c!.rule, c!.code, c!.ts));
    }
  }
}
