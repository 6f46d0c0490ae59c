/**
 * SessionModel options: defaults are named constants, validated once at
 * construction (RangeError/TypeError naming the option). How the tuned values
 * were chosen (on a validation split, never a test set) is written down in
 * benchmarks/quality/README.md.
 */
import { DEFAULT_FUSION_WEIGHTS, FUSION_FEATURES } from './fusion.js';
import type { FusionFeature } from './fusion.js';
import { SESSION_GAP_MS } from '../signals.js';
import type { SessionItemKind } from './types.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const DEFAULT_SESSION_GAP_MS = SESSION_GAP_MS;
export const DEFAULT_MAX_OPEN_SESSIONS = 100_000;
export const DEFAULT_MAX_SESSIONS = 200_000;
export const DEFAULT_MAX_SESSION_LENGTH = 50;
export const DEFAULT_MAX_SESSIONS_PER_ITEM = 100;
export const DEFAULT_MAX_NEIGHBOURS_PER_ITEM = 100;
export const DEFAULT_HALF_LIFE_MS = 1 * DAY;
export const DEFAULT_TREND_HALF_LIFE_MS = 1 * DAY;
export const DEFAULT_SEQUENCE_WINDOW = 10;
export const DEFAULT_CO_VISIT_WINDOW = 10;
export const DEFAULT_QUERY_WINDOW = 10;
export const DEFAULT_ANCHOR_DECAY = 0.2;
export const DEFAULT_KNN_NEIGHBOURS = 200;
export const DEFAULT_KNN_POSITION_DECAY = 2;
export const DEFAULT_KNN_RECENCY_HALF_LIFE_MS = 30 * DAY;
export const DEFAULT_KNN_ITEM_DECAY = 4;
export const DEFAULT_KNN_BACKWARD_WEIGHT = 1;
export const DEFAULT_KNN_IDF_EXPONENT = 0.3;
export const DEFAULT_KNN_VOTE_IDF_EXPONENT = 0;
export const DEFAULT_CO_VISIT_ANCHOR_DECAY = -1;
export const DEFAULT_CO_VISIT_POP_EXPONENT = 0.5;
export const DEFAULT_WEIGHT_KNN = 1;
export const DEFAULT_WEIGHT_SEQUENCE = 1;
export const DEFAULT_WEIGHT_CO_VISIT = 0.3;
export const DEFAULT_WEIGHT_REPEAT = 5;
export const DEFAULT_WEIGHT_POPULARITY = 0.02;
export const DEFAULT_WEIGHT_EXTRA = 0.3;
export const DEFAULT_DIVERSITY = 0.02;
export const DEFAULT_FUSION_MODE = 3;
export const DEFAULT_REPEAT_PER_ITEM = 1;
export const DEFAULT_REPEAT_PRIOR = 40;
/** How much one event of each kind counts; 0 = not a click (dwell refines a view, it is no new step). */
export const DEFAULT_KIND_WEIGHTS: Readonly<Record<SessionItemKind, number>> = {
  view: 1, rec_click: 1, cart_add: 2, purchase: 3, dwell: 0,
};

export interface SessionModelOptions {
  /** Inactivity after which a shopper's next event starts a new session. @default 30 min */
  sessionGapMs?: number;
  /** Shoppers whose session is tracked at once (least recently active evicted). @default 100000 */
  maxOpenSessions?: number;
  /** Sessions kept for session-kNN (a ring; oldest evicted). @default 200000 */
  maxSessions?: number;
  /** Clicks of one session kept in the kNN index. @default 50 */
  maxSessionLength?: number;
  /** Most recent sessions remembered per item (the kNN candidate sample). @default 100 */
  maxSessionsPerItem?: number;
  /** Co-visitation / sequence neighbours kept per item. @default 100 */
  maxNeighboursPerItem?: number;
  /** Half-life of co-visitation, sequence and popularity weights. @default 1 day */
  halfLifeMs?: number;
  /** Half-life of the trending score used for new shoppers. @default 1 day */
  trendHalfLifeMs?: number;
  /** How many earlier clicks a click forms a sequence rule with (weight 1/distance). @default 10 */
  sequenceWindow?: number;
  /** How many earlier clicks a click is co-visited with. @default 10 */
  coVisitWindow?: number;
  /** Distinct recent items of the query session used as anchors. @default 10 */
  queryWindow?: number;
  /** Weight of the n-th most recent anchor for item-based signals is anchorDecay^n. @default 0.2 */
  anchorDecay?: number;
  /** Neighbour sessions that vote in session-kNN. @default 200 */
  knnNeighbours?: number;
  /** Query-position decay of session-kNN, in clicks (STAN lambda_1). @default 2 */
  knnPositionDecay?: number;
  /** Half-life of a neighbour session's vote by its age (STAN lambda_2). @default 30 days */
  knnRecencyHalfLifeMs?: number;
  /** Decay of a neighbour's items by distance from the matched click (STAN lambda_3). @default 4 */
  knnItemDecay?: number;
  /** Extra factor on a neighbour's items clicked before the matched click (1 = order ignored). @default 1 */
  knnBackwardWeight?: number;
  /** A shared item's weight in kNN similarity is popularity^-this (0 = off). @default 0.3 */
  knnIdfExponent?: number;
  /** A neighbour's vote for an item is scaled by its popularity^-this (0 = off). @default 0 */
  knnVoteIdfExponent?: number;
  /** anchorDecay for co-visitation only; -1 = same as anchorDecay. @default -1 */
  coVisitAnchorDecay?: number;
  /** Co-visitation is divided by popularity^this (0 = raw counts, 0.5 = cosine-like). @default 0.5 */
  coVisitPopExponent?: number;
  /** Fusion weight of session-kNN. @default 1 */
  weightKnn?: number;
  /** Fusion weight of sequential rules. @default 1 */
  weightSequence?: number;
  /** Fusion weight of co-visitation. @default 0.3 */
  weightCoVisit?: number;
  /**
   * Fusion weight of re-clicking the session's own items; it multiplies the
   * re-click rate measured from the log (not a max-normalised score). @default 5
   */
  weightRepeat?: number;
  /** Fusion weight of trending popularity. @default 0.02 */
  weightPopularity?: number;
  /** Fusion weight of the query's extraCandidates. @default 0.3 */
  weightExtra?: number;
  /**
   * How signals are made comparable before the weighted sum: 0 = divide by the
   * signal's best score, 1 = turn each into a distribution (sequence rules per
   * anchor row, so confident rules count more), 2 = like 0 but sequence rules as
   * in 1, 3 = learned: exp(fusionWeights . features), see fusion.ts; a signal
   * whose weight* option is 0 is off in every mode. @default 3
   */
  fusionMode?: number;
  /** Weights of the learned fusion (fusionMode 3), by feature name. @default DEFAULT_FUSION_WEIGHTS */
  fusionWeights?: Partial<Record<FusionFeature, number>>;
  /** 1 = the latest item's re-click rate is its own (shrunk to the global rate), 0 = global only. @default 1 */
  repeatPerItem?: number;
  /**
   * Pseudo-count of the global re-click rate mixed into an item's own: an item
   * seen followed by a click only a few times stays near the shop's average. @default 40
   */
  repeatPrior?: number;
  /**
   * Score penalty per already chosen item explained by the same anchor (0 =
   * none). In fusionMode 3 scores are exp(logit), so 0.02 lowers the logit by
   * 0.02 per such item. @default 0.02
   */
  diversity?: number;
  /** Weight of each event kind; 0 = ignored as a click. @default DEFAULT_KIND_WEIGHTS */
  kindWeights?: Partial<Record<SessionItemKind, number>>;
}

export type ResolvedOptions = Required<Omit<SessionModelOptions, 'kindWeights' | 'fusionWeights'>> & {
  kindWeights: Record<SessionItemKind, number>;
  fusionWeights: Record<FusionFeature, number>;
};

export const DEFAULT_OPTIONS: Readonly<ResolvedOptions> = {
  sessionGapMs: DEFAULT_SESSION_GAP_MS,
  maxOpenSessions: DEFAULT_MAX_OPEN_SESSIONS,
  maxSessions: DEFAULT_MAX_SESSIONS,
  maxSessionLength: DEFAULT_MAX_SESSION_LENGTH,
  maxSessionsPerItem: DEFAULT_MAX_SESSIONS_PER_ITEM,
  maxNeighboursPerItem: DEFAULT_MAX_NEIGHBOURS_PER_ITEM,
  halfLifeMs: DEFAULT_HALF_LIFE_MS,
  trendHalfLifeMs: DEFAULT_TREND_HALF_LIFE_MS,
  sequenceWindow: DEFAULT_SEQUENCE_WINDOW,
  coVisitWindow: DEFAULT_CO_VISIT_WINDOW,
  queryWindow: DEFAULT_QUERY_WINDOW,
  anchorDecay: DEFAULT_ANCHOR_DECAY,
  knnNeighbours: DEFAULT_KNN_NEIGHBOURS,
  knnPositionDecay: DEFAULT_KNN_POSITION_DECAY,
  knnRecencyHalfLifeMs: DEFAULT_KNN_RECENCY_HALF_LIFE_MS,
  knnItemDecay: DEFAULT_KNN_ITEM_DECAY,
  knnBackwardWeight: DEFAULT_KNN_BACKWARD_WEIGHT,
  knnIdfExponent: DEFAULT_KNN_IDF_EXPONENT,
  knnVoteIdfExponent: DEFAULT_KNN_VOTE_IDF_EXPONENT,
  coVisitAnchorDecay: DEFAULT_CO_VISIT_ANCHOR_DECAY,
  coVisitPopExponent: DEFAULT_CO_VISIT_POP_EXPONENT,
  weightKnn: DEFAULT_WEIGHT_KNN,
  weightSequence: DEFAULT_WEIGHT_SEQUENCE,
  weightCoVisit: DEFAULT_WEIGHT_CO_VISIT,
  weightRepeat: DEFAULT_WEIGHT_REPEAT,
  weightPopularity: DEFAULT_WEIGHT_POPULARITY,
  weightExtra: DEFAULT_WEIGHT_EXTRA,
  diversity: DEFAULT_DIVERSITY,
  fusionMode: DEFAULT_FUSION_MODE,
  repeatPerItem: DEFAULT_REPEAT_PER_ITEM,
  repeatPrior: DEFAULT_REPEAT_PRIOR,
  kindWeights: { ...DEFAULT_KIND_WEIGHTS },
  fusionWeights: { ...DEFAULT_FUSION_WEIGHTS },
};

type NumericOption = Exclude<keyof ResolvedOptions, 'kindWeights' | 'fusionWeights'>;

/** [min, max, integer?] for every numeric option. */
const BOUNDS: Record<NumericOption, [number, number, boolean]> = {
  sessionGapMs: [1, Infinity, false],
  maxOpenSessions: [1, 1e8, true],
  maxSessions: [1, 1e8, true],
  maxSessionLength: [2, 10_000, true],
  maxSessionsPerItem: [1, 1e6, true],
  maxNeighboursPerItem: [1, 1e5, true],
  halfLifeMs: [1, Infinity, false],
  trendHalfLifeMs: [1, Infinity, false],
  sequenceWindow: [1, 1000, true],
  coVisitWindow: [1, 1000, true],
  queryWindow: [1, 1000, true],
  anchorDecay: [0, 1, false],
  knnNeighbours: [1, 100_000, true],
  knnPositionDecay: [Number.MIN_VALUE, Infinity, false],
  knnRecencyHalfLifeMs: [1, Infinity, false],
  knnItemDecay: [Number.MIN_VALUE, Infinity, false],
  knnBackwardWeight: [0, 1, false],
  knnIdfExponent: [0, 2, false],
  knnVoteIdfExponent: [0, 2, false],
  coVisitAnchorDecay: [-1, 1, false],
  coVisitPopExponent: [0, 2, false],
  weightKnn: [0, Infinity, false],
  weightSequence: [0, Infinity, false],
  weightCoVisit: [0, Infinity, false],
  weightRepeat: [0, Infinity, false],
  weightPopularity: [0, Infinity, false],
  weightExtra: [0, Infinity, false],
  diversity: [0, 1, false],
  fusionMode: [0, 3, true],
  repeatPerItem: [0, 1, true],
  repeatPrior: [0, 1e9, false],
};

function checkNumber(name: string, v: unknown, [min, max, int]: [number, number, boolean]): number {
  if (typeof v !== 'number' || Number.isNaN(v)) throw new TypeError(`SessionModel option ${name} must be a number, got ${String(v)}`);
  if (int && !Number.isInteger(v)) throw new RangeError(`SessionModel option ${name} must be an integer, got ${v}`);
  if (v < min || v > max) throw new RangeError(`SessionModel option ${name} must be in [${min}, ${max}], got ${v}`);
  return v;
}

export function resolveOptions(options: SessionModelOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) throw new TypeError('SessionModel options must be an object');
  const out: ResolvedOptions = { ...DEFAULT_OPTIONS, kindWeights: { ...DEFAULT_KIND_WEIGHTS }, fusionWeights: { ...DEFAULT_FUSION_WEIGHTS } };
  for (const [name, v] of Object.entries(options)) {
    if (v === undefined) continue;
    if (name === 'kindWeights') {
      if (typeof v !== 'object' || v === null) throw new TypeError('SessionModel option kindWeights must be an object');
      for (const [kind, w] of Object.entries(v as Record<string, unknown>)) {
        if (!(kind in DEFAULT_KIND_WEIGHTS)) throw new RangeError(`SessionModel option kindWeights has unknown kind ${kind}`);
        out.kindWeights[kind as SessionItemKind] = checkNumber(`kindWeights.${kind}`, w, [0, 1000, false]);
      }
      continue;
    }
    if (name === 'fusionWeights') {
      if (typeof v !== 'object' || v === null) throw new TypeError('SessionModel option fusionWeights must be an object');
      for (const [f, w] of Object.entries(v as Record<string, unknown>)) {
        if (!(FUSION_FEATURES as readonly string[]).includes(f)) throw new RangeError(`SessionModel option fusionWeights has unknown feature ${f}`);
        out.fusionWeights[f as FusionFeature] = checkNumber(`fusionWeights.${f}`, w, [-1000, 1000, false]);
      }
      continue;
    }
    const bounds = BOUNDS[name as NumericOption];
    if (bounds === undefined) throw new RangeError(`SessionModel option ${name} is not a known option`);
    out[name as NumericOption] = checkNumber(name, v, bounds);
  }
  return out;
}
