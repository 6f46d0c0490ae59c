/**
 * The `GET /api/admin/experiments/:id` body, computed from one phase's per-variant
 * sums (variant-fold.ts) and the definition in force: the per-variant table; per
 * treatment and metric the relative lift against the control (the first variant)
 * with its fixed-horizon interval and p (Holm-adjusted across every comparison), and
 * the anytime-valid sequential interval and verdict; SRM; the guardrails; and the
 * decision on the primary metric. Formulas and sources: docs/experiments.md.
 */
import type { Experiment, ExperimentMetric } from '../../../actors/experiments/definition.js';
import { normalQuantile, normalTwoSidedP } from './distributions.js';
import { cupedAdjust, holm, mean, msprt, ratioMetric, relativeLiftVariance, srmTest, sequentialLift, twoProportionTest, welchTest, DEFAULT_TAU2_RELATIVE, type CovariateSums, type MomentSums } from './stats.js';
import { emptyVariantSums, type ExperimentSums, type VariantSums } from './variant-fold.js';

export interface MetricLift {
  lift: number | null;
  ci: [number | null, number | null];
  p: number;
  pAdjusted: number;
  sequential: { ci: [number | null, number | null]; p: number; decision: 'treatment' | 'control' | 'none' };
}

export interface VariantReport {
  name: string;
  weight: number;
  exposures: number;
  conversions: number;
  conversionRate: number;
  clickers: number;
  recCtr: number;
  orders: number;
  revenue: number;
  revenuePerUser: number;
  aov: number;
  couponCost: number;
  /** Against the control; absent on the control. */
  lift?: Record<ExperimentMetric, MetricLift>;
}

export interface GuardrailStatus {
  metric: ExperimentMetric;
  maxDrop: number;
  variant: string;
  /** The sequential interval's upper end lies below -maxDrop: the variant is significantly worse. */
  breached: boolean;
}

export interface ExperimentReport {
  id: string;
  phase: number;
  version: number;
  status: 'running' | 'stopped';
  metric: ExperimentMetric;
  variants: VariantReport[];
  srm: { p: number; chi2: number; flagged: boolean };
  /** The sequential verdict on the primary metric: the better variant's name, or 'none' (also while SRM is flagged). */
  decision: string;
  guardrails: GuardrailStatus[];
  /** CUPED's pooled θ for revenue (0: no pre-period signal). */
  cuped: { theta: number };
  firstExposureTs: number;
  lastExposureTs: number;
}

const METRICS: readonly ExperimentMetric[] = ['conversion', 'rec_ctr', 'revenue', 'aov'];
const finite = (x: number): number | null => (Number.isFinite(x) ? round(x) : null);
const round = (x: number) => Math.round(x * 1e6) / 1e6;
const pair = (c: [number, number]): [number | null, number | null] => [finite(c[0]), finite(c[1])];
const binomial = (k: number, n: number): MomentSums => ({ n, sum: k, sumSq: k });

/** Fixed and sequential comparisons of one metric, treatment vs control. */
function compare(metric: ExperimentMetric, c: VariantSums, t: VariantSums, cRev: MomentSums, tRev: MomentSums, alpha: number): MetricLift {
  if (metric === 'conversion' || metric === 'rec_ctr') {
    const k0 = metric === 'conversion' ? c.conversions : c.clickers, k1 = metric === 'conversion' ? t.conversions : t.clickers;
    const z = twoProportionTest(k0, c.exposures, k1, t.exposures, alpha);
    const s = sequentialLift(binomial(k0, c.exposures), binomial(k1, t.exposures), alpha);
    return { lift: finite(z.lift), ci: pair(z.ci), p: Number.isFinite(z.p) ? z.p : 1, pAdjusted: 1, sequential: { ci: pair(s.ci), p: s.p, decision: s.decision } };
  }
  if (metric === 'revenue') {
    const w = welchTest(cRev, tRev, alpha);
    const s = sequentialLift(cRev, tRev, alpha);
    return { lift: finite(w.lift), ci: pair(w.ci), p: Number.isFinite(w.p) ? w.p : 1, pAdjusted: 1, sequential: { ci: pair(s.ci), p: s.p, decision: s.decision } };
  }
  return ratioLift(c.aov, t.aov, alpha);
}

/** AOV: relative lift of two ratio metrics, each with its delta-method variance. */
function ratioLift(c: CovariateSums, t: CovariateSums, alpha: number): MetricLift {
  const none: MetricLift = { lift: null, ci: [null, null], p: 1, pAdjusted: 1, sequential: { ci: [null, null], p: 1, decision: 'none' } };
  if (c.n < 2 || t.n < 2 || c.sumX < 2 || t.sumX < 2) return none;
  const r0 = ratioMetric(c), r1 = ratioMetric(t);
  if (!(r0.ratio > 0) || !Number.isFinite(r1.ratio)) return none;
  const lift = r1.ratio / r0.ratio - 1;
  const v = relativeLiftVariance(r0.ratio, r0.varRatio, r1.ratio, r1.varRatio);
  if (!(v > 0)) return none;
  const half = normalQuantile(1 - alpha / 2) * Math.sqrt(v);
  const se = Math.sqrt(r0.varRatio + r1.varRatio);
  const p = se > 0 ? normalTwoSidedP((r1.ratio - r0.ratio) / se) : 1;
  const s = msprt(lift, v, DEFAULT_TAU2_RELATIVE, alpha);
  return { lift: finite(lift), ci: [finite(lift - half), finite(lift + half)], p, pAdjusted: 1, sequential: { ci: pair(s.ci), p: s.p, decision: s.reject ? (lift > 0 ? 'treatment' : 'control') : 'none' } };
}

export function experimentReport(exp: Pick<Experiment, 'id' | 'phase' | 'variants' | 'metric' | 'guardrails' | 'status' | 'version'>, sums: ExperimentSums | undefined, alpha = 0.05): ExperimentReport {
  const vs = exp.variants.map((v) => sums?.variants[v.name] ?? emptyVariantSums());
  const srm = srmTest(vs.map((v) => v.exposures), exp.variants.map((v) => v.weight));
  // CUPED: pooled θ from every variant's pre-period revenue; when nobody has one, θ = 0 (plain Welch).
  const { theta, adjusted } = cupedAdjust(vs.map((v) => v.revenue));
  const rows: VariantReport[] = exp.variants.map((def, i) => {
    const v = vs[i]!;
    return {
      name: def.name, weight: def.weight, exposures: v.exposures, conversions: v.conversions,
      conversionRate: v.exposures ? round(v.conversions / v.exposures) : 0,
      clickers: v.clickers, recCtr: v.exposures ? round(v.clickers / v.exposures) : 0,
      orders: v.orders, revenue: round(v.revenue.sum), revenuePerUser: v.exposures ? round(mean(v.revenue)) : 0,
      aov: v.orders ? round(v.aov.sum / v.orders) : 0, couponCost: v.couponCost,
    };
  });
  const control = vs[0]!;
  const all: MetricLift[] = [];
  vs.forEach((v, i) => {
    if (i === 0 || v.exposures < 2 || control.exposures < 2) return;
    const lift = {} as Record<ExperimentMetric, MetricLift>;
    for (const m of METRICS) {
      lift[m] = compare(m, control, v, adjusted[0]!, adjusted[i]!, alpha);
      all.push(lift[m]);
    }
    rows[i]!.lift = lift;
  });
  const adj = holm(all.map((l) => l.p));
  all.forEach((l, k) => { l.pAdjusted = adj[k]!; });

  let decision = 'none';
  for (const r of rows) {
    const d = r.lift?.[exp.metric].sequential.decision;
    if (d === 'treatment' && decision === 'none') decision = r.name;
    if (d === 'control' && decision === 'none') decision = rows[0]!.name;
  }
  const guardrails: GuardrailStatus[] = [];
  for (const g of exp.guardrails) {
    for (const r of rows.slice(1)) {
      const hi = r.lift?.[g.metric].sequential.ci[1];
      guardrails.push({ metric: g.metric, maxDrop: g.maxDrop, variant: r.name, breached: !srm.flagged && hi !== undefined && hi !== null && hi < -g.maxDrop });
    }
  }
  return {
    id: exp.id, phase: exp.phase, version: exp.version, status: exp.status, metric: exp.metric, variants: rows,
    srm: { p: srm.p, chi2: round(srm.chi2), flagged: srm.flagged }, decision: srm.flagged ? 'none' : decision, guardrails,
    cuped: { theta: finite(theta) ?? 0 }, firstExposureTs: sums?.firstExposureTs ?? 0, lastExposureTs: sums?.lastExposureTs ?? 0,
  };
}
