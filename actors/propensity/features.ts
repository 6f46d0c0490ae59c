/**
 * The purchase-intent features, as one typed list. A session is described by
 * `IntentSession` (the shape of the UCI Online Shoppers data: page counts and
 * dwell per page kind, bounce/exit rates, page value, calendar, visitor kind),
 * which the live user actor will compute from its events; every model feature is
 * a pure function of it, so training, evaluation and the actor compute the same
 * numbers. A model names its features; loading maps the names back to this list.
 */

/** Visitor kinds, in their code order (the code is the feature value). */
export const VISITOR_TYPES = ['Returning_Visitor', 'New_Visitor', 'Other'] as const;
export type VisitorType = (typeof VISITOR_TYPES)[number];

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** One session so far. Durations in seconds; rates in [0, 1]; month 1-12. */
export interface IntentSession {
  administrative: number;
  administrativeDuration: number;
  informational: number;
  informationalDuration: number;
  productRelated: number;
  productRelatedDuration: number;
  /** mean bounce rate of the pages seen (Google Analytics definition) */
  bounceRates: number;
  /** mean exit rate of the pages seen */
  exitRates: number;
  /** mean page value of the pages seen: revenue attributed to pages on paths that bought */
  pageValues: number;
  /** closeness to a gift day, 0-1 */
  specialDay: number;
  month: number;
  operatingSystems: number;
  browser: number;
  region: number;
  trafficType: number;
  visitorType: VisitorType;
  weekend: boolean;
}

/** `numeric`: ordered, explained as high/low; `category`: a code, explained by its name. */
export type FeatureKind = 'numeric' | 'category';

/**
 * One model input: a pure function of a session description `S` (the UCI shape
 * offline, the live actor's `LiveIntentSession` in the engine).
 */
export interface FeatureDef<S = IntentSession> {
  /** Stable name, stored in model files. Raw features use the UCI column name. */
  readonly name: string;
  readonly kind: FeatureKind;
  /** Whether it is a UCI column as it is (false: derived from them, or a live feature). */
  readonly raw: boolean;
  readonly get: (s: S) => number;
  /** How a category code reads in an explanation. */
  readonly show?: (v: number) => string;
}

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);
const code = (v: number): string => String(v);

/** The 17 UCI inputs, in the dataset's column order. */
export const RAW_FEATURES: readonly FeatureDef[] = [
  { name: 'Administrative', kind: 'numeric', raw: true, get: (s) => s.administrative },
  { name: 'Administrative_Duration', kind: 'numeric', raw: true, get: (s) => s.administrativeDuration },
  { name: 'Informational', kind: 'numeric', raw: true, get: (s) => s.informational },
  { name: 'Informational_Duration', kind: 'numeric', raw: true, get: (s) => s.informationalDuration },
  { name: 'ProductRelated', kind: 'numeric', raw: true, get: (s) => s.productRelated },
  { name: 'ProductRelated_Duration', kind: 'numeric', raw: true, get: (s) => s.productRelatedDuration },
  { name: 'BounceRates', kind: 'numeric', raw: true, get: (s) => s.bounceRates },
  { name: 'ExitRates', kind: 'numeric', raw: true, get: (s) => s.exitRates },
  { name: 'PageValues', kind: 'numeric', raw: true, get: (s) => s.pageValues },
  { name: 'SpecialDay', kind: 'numeric', raw: true, get: (s) => s.specialDay },
  { name: 'Month', kind: 'category', raw: true, get: (s) => s.month, show: (v) => MONTHS[v - 1] ?? code(v) },
  { name: 'OperatingSystems', kind: 'category', raw: true, get: (s) => s.operatingSystems, show: code },
  { name: 'Browser', kind: 'category', raw: true, get: (s) => s.browser, show: code },
  { name: 'Region', kind: 'category', raw: true, get: (s) => s.region, show: code },
  { name: 'TrafficType', kind: 'category', raw: true, get: (s) => s.trafficType, show: code },
  {
    name: 'VisitorType', kind: 'category', raw: true,
    get: (s) => VISITOR_TYPES.indexOf(s.visitorType),
    show: (v) => (VISITOR_TYPES[v] ?? code(v)).replace('_Visitor', ' visitor'),
  },
  { name: 'Weekend', kind: 'category', raw: true, get: (s) => (s.weekend ? 1 : 0), show: (v) => (v === 1 ? 'yes' : 'no') },
];

/**
 * Ratios and totals a tree cannot form from single-feature thresholds. Whether
 * they help is decided by cross-validation inside the training folds (eval/intent).
 */
export const DERIVED_FEATURES: readonly FeatureDef[] = [
  { name: 'TotalPages', kind: 'numeric', raw: false, get: (s) => s.administrative + s.informational + s.productRelated },
  { name: 'TotalDuration', kind: 'numeric', raw: false, get: (s) => s.administrativeDuration + s.informationalDuration + s.productRelatedDuration },
  { name: 'ProductShare', kind: 'numeric', raw: false, get: (s) => ratio(s.productRelated, s.administrative + s.informational + s.productRelated) },
  { name: 'SecondsPerProductPage', kind: 'numeric', raw: false, get: (s) => ratio(s.productRelatedDuration, s.productRelated) },
  { name: 'PageValuePerProductPage', kind: 'numeric', raw: false, get: (s) => ratio(s.pageValues, s.productRelated) },
  { name: 'PageValueXExit', kind: 'numeric', raw: false, get: (s) => s.pageValues * (1 - s.exitRates) },
];

/** Every feature a model may name. */
export const ALL_FEATURES: readonly FeatureDef[] = [...RAW_FEATURES, ...DERIVED_FEATURES];

const BY_NAME = new Map(ALL_FEATURES.map((f) => [f.name, f]));

/** How a model file's feature names are mapped back to definitions when it is loaded. */
export type FeatureLookup<S> = (name: string) => FeatureDef<S> | undefined;

export function featureByName(name: string): FeatureDef | undefined {
  return BY_NAME.get(name);
}

/** Writes the features of `s` into `out` (no allocation: the actor reuses `out`). */
export function featureVector<S>(features: readonly FeatureDef<S>[], s: S, out: Float64Array): Float64Array {
  for (let j = 0; j < features.length; j++) out[j] = (features[j] as FeatureDef<S>).get(s);
  return out;
}
