/**
 * The Online Retail evaluation as a function (eval/churn/main.ts is its CLI): churn
 * on a time split, and the RFM segment counts, cohort table and ABC classes that the
 * live engine will have to reproduce exactly.
 */
import { performance } from 'node:perf_hooks';
import {
  abc, CHURN_DAYS, churnLabels, churnProbability, deadProbability, cohorts, DAY_MS, expectedPurchases, fitBgNbd, formatUtcDate,
  parseUtcDate, repeatSummaries, rfm, rocAuc, type AbcClass, type BgNbdFit, type Cohort,
} from '../../engine/analytics/customers/index.js';
import { loadOnlineRetail, retailHistories, type RetailCounts } from '../../engine/analytics/import/index.js';

export const DEFAULT_TRAIN_END = '2011-09-09';
export const DEFAULT_AS_OF = '2011-12-10';

export interface ChurnEvalOptions {
  file: string;
  /** Last day of training orders (inclusive). @default 2011-09-09 */
  trainEnd?: string;
  /** Days after the training period in which an order means "not churned". @default 90 */
  horizonDays?: number;
  /** RFM / cohorts / ABC date. @default 2011-12-10 */
  asOf?: string;
}

export interface ChurnEvalResult {
  file: string;
  counts: RetailCounts;
  customers: number;
  invoices: number;
  churn: {
    cutoff: string;
    horizonDays: number;
    labelWindow: [string, string];
    customers: number;
    churned: number;
    bgnbd: Pick<BgNbdFit, 'r' | 'alpha' | 'a' | 'b' | 'logLikelihood' | 'converged'>;
    /** ROC-AUC for "churned", higher is better. */
    auc: { churnProbability: number; deadProbability: number; recency: number; expectedPurchases: number };
  };
  asOf: string;
  rfm: { customers: number; segments: Record<string, number> };
  cohorts: Cohort[];
  abc: { classes: Record<AbcClass, number>; revenue: Record<AbcClass, number>; totalRevenue: number; products: number };
  ms: { load: number; fit: number };
}

export async function runChurnEval(options: ChurnEvalOptions): Promise<ChurnEvalResult> {
  const horizonDays = options.horizonDays ?? CHURN_DAYS;
  const cutoff = parseUtcDate(options.trainEnd ?? DEFAULT_TRAIN_END, 'trainEnd') + DAY_MS;
  const asOf = parseUtcDate(options.asOf ?? DEFAULT_AS_OF, 'asOf');
  const t0 = performance.now();
  const { rows, counts } = await loadOnlineRetail(options.file);
  const histories = [...retailHistories(rows).values()];
  const load = performance.now() - t0;

  const t1 = performance.now();
  const summaries = repeatSummaries(histories, { asOf: cutoff, unitDays: 7 });
  const bg = fitBgNbd(summaries);
  const fit = performance.now() - t1;
  const labels = churnLabels(histories, cutoff, horizonDays);
  const y = summaries.map((s) => labels.get(s.customerId)!);
  const weeks = horizonDays / 7;
  const auc = {
    churnProbability: rocAuc(summaries.map((s) => churnProbability(bg, s, weeks)), y),
    deadProbability: rocAuc(summaries.map((s) => deadProbability(bg, s)), y),
    // Recency in days since the last order: the longer, the likelier churned.
    recency: rocAuc(summaries.map((s) => s.T - s.tx), y),
    expectedPurchases: rocAuc(summaries.map((s) => -expectedPurchases(bg, s, weeks)), y),
  };

  const r = rfm(histories, asOf);
  const table = cohorts(histories, asOf);
  const a = abc(histories, { asOf });
  return {
    file: options.file,
    counts,
    customers: histories.length,
    invoices: histories.reduce((n, h) => n + h.orders.length, 0),
    churn: {
      cutoff: formatUtcDate(cutoff), horizonDays,
      labelWindow: [formatUtcDate(cutoff), formatUtcDate(cutoff + (horizonDays - 1) * DAY_MS)],
      customers: summaries.length, churned: y.filter(Boolean).length,
      bgnbd: { r: bg.r, alpha: bg.alpha, a: bg.a, b: bg.b, logLikelihood: bg.logLikelihood, converged: bg.converged },
      auc,
    },
    asOf: formatUtcDate(asOf),
    rfm: { customers: r.customers, segments: r.segments },
    cohorts: table.cohorts,
    abc: { classes: a.classes, revenue: a.revenue, totalRevenue: a.totalRevenue, products: a.products.length },
    ms: { load, fit },
  };
}
