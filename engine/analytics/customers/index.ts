/**
 * Public surface of the customer-analytics models: pure, synchronous functions of
 * per-customer order histories (no I/O, no clocks; worker-safe). The definitions are
 * written down in docs/analytics-models.md. The live analytics consumer keeps a
 * `CustomerHistory` per customer (history.ts) and calls these; fits (BG/NBD,
 * Gamma-Gamma) are meant to run off the hot path.
 */
export { DAY_MS, utcDay, parseUtcDate, formatUtcDate, assertMidnight, utcMonthIndex, monthStart, monthKey } from './time.js';
export { toCents } from './money.js';
export {
  type OrderLine, type Order, type CustomerHistory, type PurchaseLine,
  emptyHistory, addOrder, addPurchaseLine, countBefore, ordersBefore,
} from './history.js';
export { type ScoreRange, type SegmentRule, DEFAULT_SEGMENT_RULES, SegmentMap, DEFAULT_SEGMENT_MAP } from './segments.js';
export { type RfmInput, type RfmScore, type RfmResult, type RfmOptions, rfmInputOf, foldRfmInput, scoreRfm, rfm } from './rfm.js';
export { type SegmentMove, type SegmentTransitions, NO_SEGMENT, segmentTransitions } from './transitions.js';
export { type Cohort, type CohortTable, type CohortOptions, COHORT_MONTHS, cohorts } from './cohorts.js';
export {
  type AbcClass, type AbcProduct, type AbcResult, type SaleLine, type AbcWindow,
  ABC_A_PERCENT, ABC_B_PERCENT, productRevenue, saleLinesOf, abcClasses, abc,
} from './abc.js';
export { lgamma, lbeta, logAddExp, log2F1 } from './special-functions.js';
export { type NelderMeadOptions, type NelderMeadResult, DEFAULT_NELDER_MEAD, nelderMead } from './nelder-mead.js';
export {
  type RepeatSummary, type RepeatSummaryOptions, DEFAULT_UNIT_DAYS, repeatSummary, repeatSummaries, transactionDays,
} from './repeat-summary.js';
export {
  type BgNbdParams, type BgNbdFit, type BgNbdFitOptions, type FrequencyRecency,
  bgnbdCustomerLogLikelihood, bgnbdLogLikelihood, MAX_LOG_PARAM, fitBgNbd, pAlive, expectedPurchases, expectedPurchasesNew, probabilityNoPurchase,
} from './bgnbd.js';
export {
  type GammaGammaParams, type GammaGammaFit, type GammaGammaFitOptions, type SpendSummary,
  gammaGammaCustomerLogLikelihood, gammaGammaLogLikelihood, fitGammaGamma, expectedMeanSpend,
} from './gamma-gamma.js';
export { type ClvOptions, type ClvCustomer, WEEKS_PER_MONTH, DEFAULT_CLV_OPTIONS, checkClvOptions, clv } from './clv.js';
export { CHURN_DAYS, churnLabels, churnProbability, deadProbability, rocAuc } from './churn.js';
