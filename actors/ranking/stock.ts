/**
 * Stock as a ranking multiplier (docs/ads.md): nothing left = 0 (never shown as an ad),
 * a penalty that fades as stock rises to LOW_STOCK, neutral in between, a small boost
 * when plentiful. Used by the ad auction; its reason text is what the page shows.
 */

/** At or under this many units a product counts as low stock ("only N left"). */
export const LOW_STOCK = 5;
/** At or over this many units a product counts as plentiful. */
export const PLENTIFUL_STOCK = 50;
export const PLENTIFUL_BOOST = 1.05;

/** 0 when sold out; 0.5 + 0.1 x units up to LOW_STOCK (0.6 .. 1.0); 1; PLENTIFUL_BOOST from PLENTIFUL_STOCK on. */
export function stockScore(left: number): number {
  if (!(left > 0)) return 0;
  if (left < LOW_STOCK) return 0.5 + 0.1 * left;
  if (left >= PLENTIFUL_STOCK) return PLENTIFUL_BOOST;
  return 1;
}

/** What the page says about stock ('' = nothing worth saying). */
export function stockReason(left: number): string {
  if (!(left > 0)) return 'out of stock';
  if (left <= LOW_STOCK) return `only ${left} left`;
  return '';
}
