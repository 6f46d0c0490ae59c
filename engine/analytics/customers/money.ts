/**
 * Money is a float in currency units everywhere, but ranks, ties and cumulative
 * shares are decided on whole cents: sums of float prices depend on summation order
 * in their last bits, and a rank must not (the live fold adds lines in log order,
 * an independent fold or an import may add them in another).
 */

/**
 * Currency units -> integer cents, half a cent rounding away from zero. The nudge
 * makes 12.345 (stored as 12.3449999...) round up like its decimal reading, and makes
 * two sums of the same prices that differ only in their last bits give the same cents.
 */
export function toCents(amount: number): number {
  const c = Math.round(Math.abs(amount) * 100 + 1e-6);
  return amount < 0 ? -c : c;
}
