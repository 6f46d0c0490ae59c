/**
 * Per-variant sufficient statistics folded from the log, in the analytics consumer
 * (never in a shard's hot path). A user counts from their first `exposure` of a phase
 * on (a second exposure of the same user and phase, e.g. a replay or a re-send, is
 * ignored); their later purchases, rec clicks and coupon costs are attributed to that
 * variant. Per user we keep only running totals; per variant the sums the statistics
 * need (n, Σy, Σy², and Σx, Σx², Σxy for a covariate), so a report is O(variants)
 * however many users there are.
 *
 * The fold is pure over an ExperimentView: the analytics worker backs it with LMDB
 * (committed with its cursor), tests and benchmarks with maps (MemoryExperimentView).
 */
import type { ShopEvent } from '../../../protos/index.js';
import type { CovariateSums } from './stats.js';

/** Revenue per exposed user is capped here before it enters the sums (winsorised), so one huge order cannot decide a test. */
export const DEFAULT_REVENUE_CAP = 1000;
/** CUPED's covariate: the user's revenue in this window before their exposure. */
export const PRE_PERIOD_MS = 28 * 24 * 3600_000;

/** One user's membership of one experiment phase. */
export interface ExperimentMember {
  /** `experimentId:phase` */
  key: string;
  variant: string;
  converted: boolean;
  /** Revenue since exposure (uncapped) and the distinct orders it came in. */
  revenue: number;
  orders: number;
  lastOrderId: string;
  clicked: boolean;
  /** Pre-period revenue (capped): CUPED's covariate. */
  pre: number;
}

export interface VariantSums {
  exposures: number;
  conversions: number;
  orders: number;
  clickers: number;
  /** Coupon discounts granted to this variant's users after exposure (money). */
  couponCost: number;
  /** y = capped revenue per user, x = pre-period revenue (CUPED). */
  revenue: CovariateSums;
  /** y = capped revenue per user, x = orders per user: AOV = Σy / Σx (a ratio metric). */
  aov: CovariateSums;
}

export interface ExperimentSums {
  id: string;
  phase: number;
  variants: Record<string, VariantSums>;
  firstExposureTs: number;
  lastExposureTs: number;
}

export const emptyCovariate = (): CovariateSums => ({ n: 0, sum: 0, sumSq: 0, sumX: 0, sumXSq: 0, sumXY: 0 });
export const emptyVariantSums = (): VariantSums => ({ exposures: 0, conversions: 0, orders: 0, clickers: 0, couponCost: 0, revenue: emptyCovariate(), aov: emptyCovariate() });

export const experimentKey = (id: string, phase: number) => `${id}:${phase}`;

/** What the fold reads and writes (read-through to storage in the analytics worker). */
export interface ExperimentView {
  members(userId: string): readonly ExperimentMember[] | undefined;
  setMembers(userId: string, members: ExperimentMember[]): void;
  sums(key: string): ExperimentSums | undefined;
  setSums(key: string, sums: ExperimentSums): void;
  /** The user's revenue in [from, to) before the exposure (0 when unknown). */
  revenueBetween(userId: string, from: number, to: number): number;
}

/** Kinds the fold reads: anything else is skipped at the cost of one Set lookup. */
export const EXPERIMENT_FOLD_KINDS: ReadonlySet<string> = new Set(['exposure', 'purchase', 'rec_click', 'coupon_commit']);

/** Folds one event into the experiments it concerns; returns the keys whose sums changed. */
export function foldExperimentEvent(view: ExperimentView, e: ShopEvent, revenueCap = DEFAULT_REVENUE_CAP): string[] {
  if (!EXPERIMENT_FOLD_KINDS.has(e.kind)) return [];
  if (e.kind === 'exposure') return foldExposure(view, e, revenueCap);
  const members = view.members(e.userId);
  if (!members || members.length === 0) return [];
  const next = members.map((m) => ({ ...m }));
  const changed: string[] = [];
  for (const m of next) {
    const sums = view.sums(m.key);
    const s = sums?.variants[m.variant];
    if (!sums || !s) continue;
    if (e.kind === 'purchase') {
      const amount = (e.price ?? 0) * (e.qty ?? 1);
      if (!m.converted) { m.converted = true; s.conversions++; }
      const ordersBefore = m.orders;
      if (e.orderId && e.orderId !== m.lastOrderId) { m.orders++; m.lastOrderId = e.orderId; s.orders++; }
      const before = Math.min(m.revenue, revenueCap);
      m.revenue += amount;
      const after = Math.min(m.revenue, revenueCap);
      moveY(s.revenue, m.pre, before, after);
      moveXY(s.aov, ordersBefore, m.orders, before, after);
    } else if (e.kind === 'rec_click') {
      if (m.clicked) continue;
      m.clicked = true;
      s.clickers++;
    } else if (e.kind === 'coupon_commit') {
      const d = e.discount ?? 0;
      if (!(d > 0)) continue;
      s.couponCost = Math.round((s.couponCost + d) * 100) / 100;
    }
    view.setSums(m.key, sums);
    changed.push(m.key);
  }
  if (changed.length > 0) view.setMembers(e.userId, next);
  return changed;
}

function foldExposure(view: ExperimentView, e: ShopEvent, revenueCap: number): string[] {
  const id = e.experimentId ?? '';
  const phase = e.experimentPhase ?? 0;
  const variant = e.variant ?? '';
  if (!id || phase < 1 || !variant) return [];
  const key = experimentKey(id, phase);
  const members = view.members(e.userId) ?? [];
  if (members.some((m) => m.key === key)) return [];
  const sums = view.sums(key) ?? { id, phase, variants: {}, firstExposureTs: e.ts, lastExposureTs: e.ts };
  const s = (sums.variants[variant] ??= emptyVariantSums());
  const pre = Math.min(view.revenueBetween(e.userId, e.ts - PRE_PERIOD_MS, e.ts), revenueCap);
  s.exposures++;
  s.revenue.n++;
  s.revenue.sumX += pre;
  s.revenue.sumXSq += pre * pre;
  s.aov.n++;
  sums.firstExposureTs = Math.min(sums.firstExposureTs, e.ts);
  sums.lastExposureTs = Math.max(sums.lastExposureTs, e.ts);
  view.setSums(key, sums);
  // A user in an earlier phase of the same experiment leaves it: only the current phase is measured.
  const kept = members.filter((m) => !m.key.startsWith(`${id}:`));
  kept.push({ key, variant, converted: false, revenue: 0, orders: 0, lastOrderId: '', clicked: false, pre });
  view.setMembers(e.userId, kept);
  return [key];
}

/** y moved from `before` to `after` for a user with covariate x. */
function moveY(c: CovariateSums, x: number, before: number, after: number): void {
  c.sum += after - before;
  c.sumSq += after * after - before * before;
  c.sumXY += x * (after - before);
}

/** y and x both moved (AOV: revenue and orders). */
function moveXY(c: CovariateSums, x0: number, x1: number, y0: number, y1: number): void {
  c.sum += y1 - y0;
  c.sumSq += y1 * y1 - y0 * y0;
  c.sumX += x1 - x0;
  c.sumXSq += x1 * x1 - x0 * x0;
  c.sumXY += x1 * y1 - x0 * y0;
}

/** An in-memory view: for tests, benchmarks and simulations. */
export class MemoryExperimentView implements ExperimentView {
  readonly #members = new Map<string, ExperimentMember[]>();
  readonly #sums = new Map<string, ExperimentSums>();
  readonly #revenue = new Map<string, Array<{ ts: number; amount: number }>>();

  members(userId: string) { return this.#members.get(userId); }
  setMembers(userId: string, m: ExperimentMember[]) { this.#members.set(userId, m); }
  sums(key: string) { return this.#sums.get(key); }
  setSums(key: string, s: ExperimentSums) { this.#sums.set(key, s); }
  revenueBetween(userId: string, from: number, to: number): number {
    let t = 0;
    for (const r of this.#revenue.get(userId) ?? []) if (r.ts >= from && r.ts < to) t += r.amount;
    return t;
  }

  /** Folds an event, also remembering purchases as order history (the analytics store has its own). */
  apply(e: ShopEvent): string[] {
    const changed = foldExperimentEvent(this, e);
    if (e.kind === 'purchase') {
      let l = this.#revenue.get(e.userId);
      if (!l) this.#revenue.set(e.userId, (l = []));
      l.push({ ts: e.ts, amount: (e.price ?? 0) * (e.qty ?? 1) });
    }
    return changed;
  }
}
