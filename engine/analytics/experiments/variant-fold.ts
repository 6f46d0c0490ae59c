/**
 * Per-variant sufficient statistics folded from the log, in the analytics consumer
 * (never in a shard's hot path). A user counts from their first `exposure` of a phase
 * on (a second exposure of the same user and phase, e.g. a replay, is ignored); their
 * later purchases and rec clicks are attributed to that variant. Per user we keep
 * only the running totals; per variant the sums the statistics need (n, Σ, Σ²), so
 * a report is O(variants) however many users there are.
 */
import type { ShopEvent } from '../../../protos/index.js';
import type { Experiment } from '../../../actors/experiments/definition.js';
import { srmTest, sequentialLift, twoProportionTest, welchTest, holm, type MomentSums } from './stats.js';

/** Revenue per exposed user is capped here before it enters the sums (winsorised), so one huge order cannot decide a test. */
export const DEFAULT_REVENUE_CAP = 1000;

interface UserTotals { variant: number; converted: boolean; revenue: number; orders: number; clicked: boolean }

interface VariantSums {
  exposures: number;
  conversions: number;
  orders: number;
  clickers: number;
  revenue: MomentSums;
}

const emptySums = (): VariantSums => ({ exposures: 0, conversions: 0, orders: 0, clickers: 0, revenue: { n: 0, sum: 0, sumSq: 0 } });

export class ExperimentFold {
  readonly #users = new Map<string, UserTotals>();
  readonly #variants: VariantSums[];
  readonly #names: string[];

  constructor(readonly id: string, readonly phase: number, variantNames: readonly string[], readonly revenueCap = DEFAULT_REVENUE_CAP) {
    this.#names = [...variantNames];
    this.#variants = variantNames.map(emptySums);
  }

  /** Folds one event; returns true when it changed the experiment's sums. */
  apply(e: ShopEvent): boolean {
    if (e.kind === 'exposure') {
      if (e.experimentId !== this.id || e.experimentPhase !== this.phase || this.#users.has(e.userId)) return false;
      const v = this.#names.indexOf(e.variant ?? '');
      if (v < 0) return false;
      this.#users.set(e.userId, { variant: v, converted: false, revenue: 0, orders: 0, clicked: false });
      const s = this.#variants[v]!;
      s.exposures++;
      s.revenue.n++;
      return true;
    }
    const u = this.#users.get(e.userId);
    if (!u) return false;
    const s = this.#variants[u.variant]!;
    if (e.kind === 'purchase') {
      const amount = (e.price ?? 0) * (e.qty ?? 1);
      if (!u.converted) { u.converted = true; s.conversions++; }
      if (e.orderId) s.orders++;
      // Winsorised revenue: replace the user's capped total by the new capped total.
      const before = Math.min(u.revenue, this.revenueCap);
      u.revenue += amount;
      const after = Math.min(u.revenue, this.revenueCap);
      s.revenue.sum += after - before;
      s.revenue.sumSq += after * after - before * before;
      return true;
    }
    if (e.kind === 'rec_click' && !u.clicked) { u.clicked = true; s.clickers++; return true; }
    return false;
  }

  variants(): Array<{ name: string } & VariantSums> {
    return this.#names.map((name, i) => ({ name, ...this.#variants[i]!, revenue: { ...this.#variants[i]!.revenue } }));
  }
}

export interface VariantReport {
  name: string;
  exposures: number;
  conversions: number;
  conversionRate: number;
  recCtr: number;
  revenuePerUser: number;
  /** Against the first variant (the control); absent on the control. */
  lift?: { conversion: number; ci: [number, number]; p: number; pAdjusted: number; sequential: { ci: [number, number]; p: number; decision: string }; revenue: { lift: number; ci: [number, number]; p: number } };
}

export interface ExperimentReport {
  id: string;
  phase: number;
  variants: VariantReport[];
  srm: { p: number; chi2: number; flagged: boolean };
  /** The sequential test's verdict: the winning variant's name, or 'none' (also while SRM is flagged: the data cannot be trusted). */
  decision: string;
}

/** The `GET /api/admin/experiments/:id` body: per-variant table, lifts vs control, SRM, the sequential decision. */
export function experimentReport(exp: Pick<Experiment, 'id' | 'phase' | 'variants'>, fold: ExperimentFold, alpha = 0.05): ExperimentReport {
  const vs = fold.variants();
  const srm = srmTest(vs.map((v) => v.exposures), exp.variants.map((v) => v.weight));
  const control = vs[0]!;
  const bin = (v: (typeof vs)[number]): MomentSums => ({ n: v.exposures, sum: v.conversions, sumSq: v.conversions });
  const rows: VariantReport[] = vs.map((v) => ({
    name: v.name, exposures: v.exposures, conversions: v.conversions,
    conversionRate: v.exposures ? v.conversions / v.exposures : 0,
    recCtr: v.exposures ? v.clickers / v.exposures : 0,
    revenuePerUser: v.exposures ? v.revenue.sum / v.exposures : 0,
  }));
  const ps: number[] = [];
  let decision = 'none';
  vs.forEach((v, i) => {
    if (i === 0 || v.exposures < 2 || control.exposures < 2) return;
    const z = twoProportionTest(control.conversions, control.exposures, v.conversions, v.exposures, alpha);
    const seq = sequentialLift(bin(control), bin(v), alpha);
    const rev = welchTest(control.revenue, v.revenue, alpha);
    ps.push(z.p);
    rows[i]!.lift = { conversion: z.lift, ci: z.ci, p: z.p, pAdjusted: z.p, sequential: { ci: seq.ci, p: seq.p, decision: seq.decision }, revenue: { lift: rev.lift, ci: rev.ci, p: rev.p } };
    if (seq.decision === 'treatment' && decision === 'none') decision = v.name;
    if (seq.decision === 'control' && decision === 'none') decision = control.name;
  });
  // Holm across the treatment-vs-control comparisons.
  const adj = holm(ps);
  let k = 0;
  for (const r of rows) if (r.lift) r.lift.pAdjusted = adj[k++]!;
  return { id: exp.id, phase: exp.phase, variants: rows, srm, decision: srm.flagged ? 'none' : decision };
}
