/**
 * The CDNOW CLV evaluation as a function (eval/clv/main.ts is its CLI; the results
 * writer and the tests call it too): summaries from the raw transactions checked
 * against the published ones, BG/NBD and Gamma-Gamma fits, holdout-period error.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  clv, expectedPurchases, fitBgNbd, fitGammaGamma, parseUtcDate, pAlive, repeatSummaries,
  transactionDays, WEEKS_PER_MONTH, type BgNbdFit, type GammaGammaFit, type RepeatSummary,
} from '../../engine/analytics/customers/index.js';
import { readCdnowSample, readCdnowSummary } from './cdnow.js';
import { agreesTo, PUBLISHED_BGNBD, PUBLISHED_GAMMA_GAMMA } from './published.js';

/** Calibration 1997-01-01..1997-09-30, holdout 1997-10-01..1998-06-30 (39 weeks each side of the cut). */
export const CDNOW_CALIBRATION_END = '1997-10-01';
export const CDNOW_HOLDOUT_END = '1998-07-01';
const UNIT_DAYS = 7;

export interface HoldoutError {
  customers: number;
  weeks: number;
  mae: number;
  rmse: number;
  actualTotal: number;
  predictedTotal: number;
}

export interface ClvEvalResult {
  data: string;
  customers: number;
  transactions: number;
  summary: { checked: number; mismatches: number; zbarChecked: number; zbarMismatches: number; firstMismatches: string[] };
  bgnbd: Pick<BgNbdFit, 'r' | 'alpha' | 'a' | 'b' | 'logLikelihood' | 'converged'>;
  /** The same fit on the published (rounded) summary, for comparison. */
  bgnbdOnPublishedSummary: Pick<BgNbdFit, 'r' | 'alpha' | 'a' | 'b' | 'logLikelihood'>;
  gammagamma: Pick<GammaGammaFit, 'p' | 'q' | 'v' | 'logLikelihood' | 'converged'> & { customers: number };
  published: { bgnbd: typeof PUBLISHED_BGNBD; gammagamma: typeof PUBLISHED_GAMMA_GAMMA };
  /** Every fitted parameter agrees with the published one to 3 significant figures. */
  matches3sf: { bgnbd: boolean; gammagamma: boolean };
  holdout: { bgnbd: HoldoutError; naiveRate: HoldoutError };
  clv: { months: number; monthlyDiscount: number; mean: number; median: number; p90: number; meanPAlive: number };
  fitMs: number;
}

function holdoutError(pred: number[], actual: number[], weeks: number): HoldoutError {
  let abs = 0;
  let sq = 0;
  let pt = 0;
  let at = 0;
  for (let i = 0; i < pred.length; i++) {
    const d = pred[i]! - actual[i]!;
    abs += Math.abs(d);
    sq += d * d;
    pt += pred[i]!;
    at += actual[i]!;
  }
  const n = pred.length;
  return { customers: n, weeks, mae: abs / n, rmse: Math.sqrt(sq / n), actualTotal: at, predictedTotal: pt };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

export function runClvEval(dataDir: string): ClvEvalResult {
  const histories = readCdnowSample(join(dataDir, 'CDNOW_sample.txt'));
  const published = readCdnowSummary(join(dataDir, 'cdnow_customers_summary.csv'));
  const withSpend = readCdnowSummary(join(dataDir, 'cdnow_customers_summary_with_transactions.csv'));
  const asOf = parseUtcDate(CDNOW_CALIBRATION_END);
  const holdoutEnd = parseUtcDate(CDNOW_HOLDOUT_END);
  const summaries = repeatSummaries(histories.values(), { asOf, unitDays: UNIT_DAYS });
  const byId = new Map<string, RepeatSummary>(summaries.map((s) => [s.customerId, s]));

  // Published values have two decimals: ours agree when they round to them.
  const close = (a: number, b: number): boolean => Math.abs(a - b) <= 0.005 + 1e-9;
  let mismatches = 0;
  const firstMismatches: string[] = [];
  for (const row of published) {
    const s = byId.get(row.id);
    if (s !== undefined && s.x === row.x && close(s.tx, row.tx) && close(s.T, row.T)) continue;
    mismatches++;
    if (firstMismatches.length < 5) firstMismatches.push(`${row.id}: published ${row.x}/${row.tx}/${row.T}, ours ${s === undefined ? 'none' : `${s.x}/${s.tx.toFixed(2)}/${s.T.toFixed(2)}`}`);
  }
  mismatches += summaries.length - published.length > 0 ? summaries.length - published.length : 0;
  let zbarMismatches = 0;
  for (const row of withSpend) {
    const s = byId.get(row.id);
    if (s === undefined || !close(s.meanRepeatSpend, row.zbar ?? NaN)) zbarMismatches++;
  }

  const t0 = performance.now();
  const bg = fitBgNbd(summaries);
  const bgPub = fitBgNbd(published);
  const repeaters = summaries.filter((s) => s.x > 0);
  const gg = fitGammaGamma(repeaters.map((s) => ({ x: s.x, meanSpend: s.meanRepeatSpend })));
  const fitMs = performance.now() - t0;

  const weeks = (holdoutEnd - asOf) / (UNIT_DAYS * 86_400_000);
  const actual = summaries.map((s) => transactionDays(histories.get(s.customerId)!, asOf, holdoutEnd));
  const predicted = summaries.map((s) => expectedPurchases(bg, s, weeks));
  const naive = summaries.map((s) => (s.T > 0 ? (s.x / s.T) * weeks : 0));

  const clvs = summaries.map((s) => clv(bg, gg, s, { periods: 12, periodLength: WEEKS_PER_MONTH, discountRate: 0.01 })).sort((a, b) => a - b);
  const meanPAlive = summaries.reduce((acc, s) => acc + pAlive(bg, s), 0) / summaries.length;

  const pick = <T extends object, K extends keyof T>(o: T, keys: K[]): Pick<T, K> =>
    Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
  return {
    data: dataDir,
    customers: summaries.length,
    transactions: [...histories.values()].reduce((n, h) => n + h.orders.length, 0),
    summary: { checked: published.length, mismatches, zbarChecked: withSpend.length, zbarMismatches, firstMismatches },
    bgnbd: pick(bg, ['r', 'alpha', 'a', 'b', 'logLikelihood', 'converged']),
    bgnbdOnPublishedSummary: pick(bgPub, ['r', 'alpha', 'a', 'b', 'logLikelihood']),
    gammagamma: { ...pick(gg, ['p', 'q', 'v', 'logLikelihood', 'converged']), customers: repeaters.length },
    published: { bgnbd: PUBLISHED_BGNBD, gammagamma: PUBLISHED_GAMMA_GAMMA },
    matches3sf: {
      bgnbd: (['r', 'alpha', 'a', 'b'] as const).every((k) => agreesTo(bg[k], PUBLISHED_BGNBD[k])),
      gammagamma: (['p', 'q', 'v'] as const).every((k) => agreesTo(gg[k], PUBLISHED_GAMMA_GAMMA[k])),
    },
    holdout: { bgnbd: holdoutError(predicted, actual, weeks), naiveRate: holdoutError(naive, actual, weeks) },
    clv: {
      months: 12, monthlyDiscount: 0.01,
      mean: clvs.reduce((a, b) => a + b, 0) / clvs.length, median: quantile(clvs, 0.5), p90: quantile(clvs, 0.9), meanPAlive,
    },
    fitMs,
  };
}
