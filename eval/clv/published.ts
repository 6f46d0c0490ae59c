/**
 * Published CDNOW fits, printed next to ours: BG/NBD from Fader, Hardie & Lee (2005),
 * "Counting your customers the easy way", Marketing Science 24(2); Gamma-Gamma from
 * Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value" (note), both on the
 * CDNOW 1/10 sample's 39-week calibration period (see shared/data/README.md).
 */
export const PUBLISHED_BGNBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;
export const PUBLISHED_GAMMA_GAMMA = { p: 6.25, q: 3.74, v: 15.45 } as const;

/**
 * True when `ours` agrees with `published` to `digits` significant figures: within
 * half a unit of the last of those digits of the published value (4.4136 vs 4.414 to
 * 3 figures: |diff| <= 0.005).
 */
export function agreesTo(ours: number, published: number, digits = 3): boolean {
  const e = Math.floor(Math.log10(Math.abs(published)));
  return Math.abs(ours - published) <= 0.5 * 10 ** (e - digits + 1) + 1e-12;
}
