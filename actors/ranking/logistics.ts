/**
 * Logistics as a ranking multiplier (docs/ads.md): a product that ships slowly, is
 * often late or often returned ranks below an otherwise equal one. With delivery days d
 * (0 = same day), late-delivery rate l and return rate r (both 0..1), and weights
 * wD + wL + wR = 1:
 *   penalty    = wD x min(1, max(0, d - 1) / (MAX_DAYS - 1)) + wL x l + wR x r    (0..1)
 *   multiplier = 1 - strength x penalty                                           (1 - strength .. 1)
 * A field the catalog does not give counts as no penalty (unknown is not bad).
 */

export interface LogisticsFacts {
  deliveryDays?: number | undefined;
  lateDeliveryRate?: number | undefined;
  returnRate?: number | undefined;
}

export interface LogisticsWeights {
  /** @default 0.4 */ delivery: number;
  /** @default 0.3 */ late: number;
  /** @default 0.3 */ returns: number;
  /** How much logistics may take off a score, 0..1. @default 0.3 */ strength: number;
}

export const DEFAULT_LOGISTICS_WEIGHTS: LogisticsWeights = { delivery: 0.4, late: 0.3, returns: 0.3, strength: 0.3 };
/** Delivery days at and beyond which the delivery part of the penalty is full. */
export const MAX_DAYS = 14;

/** Checks weights (RangeError naming the weight); they are normalised to sum to 1. */
export function checkLogisticsWeights(w: LogisticsWeights): LogisticsWeights {
  for (const k of ['delivery', 'late', 'returns', 'strength'] as const) {
    if (!(w[k] >= 0) || !Number.isFinite(w[k])) throw new RangeError(`logistics weight ${k} must be a number >= 0, got ${w[k]}`);
  }
  if (w.strength > 1) throw new RangeError(`logistics strength must be within 0..1, got ${w.strength}`);
  const sum = w.delivery + w.late + w.returns;
  if (sum === 0) return { ...w };
  return { delivery: w.delivery / sum, late: w.late / sum, returns: w.returns / sum, strength: w.strength };
}

export function logisticsPenalty(f: LogisticsFacts, w: LogisticsWeights = DEFAULT_LOGISTICS_WEIGHTS): number {
  const d = f.deliveryDays === undefined ? 0 : Math.min(1, Math.max(0, f.deliveryDays - 1) / (MAX_DAYS - 1));
  return Math.min(1, w.delivery * d + w.late * (f.lateDeliveryRate ?? 0) + w.returns * (f.returnRate ?? 0));
}

export function logisticsScore(f: LogisticsFacts, w: LogisticsWeights = DEFAULT_LOGISTICS_WEIGHTS): number {
  return 1 - w.strength * logisticsPenalty(f, w);
}

/** What the page says about delivery ('' = nothing worth saying). */
export function deliveryReason(f: LogisticsFacts): string {
  if (f.deliveryDays === undefined) return '';
  if (f.deliveryDays === 0) return 'ships today';
  if (f.deliveryDays === 1) return 'ships in 1 day';
  if (f.deliveryDays <= 2) return `ships in ${f.deliveryDays} days`;
  return '';
}
