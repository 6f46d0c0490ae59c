/**
 * Histogram binning: each feature's values are cut into at most `maxBins` bins
 * (every distinct value its own bin when there are few, quantiles otherwise), so
 * a split search costs O(bins) per feature instead of O(rows). A split "bin <= b"
 * is stored as the raw threshold `upper[b]`, so scoring never needs the bins.
 */

export interface Binned {
  /** bins[j * n + i] = bin of row i, feature j (column-major: a histogram pass reads one column). */
  bins: Uint8Array;
  n: number;
  nFeatures: number;
  /** upper[j][b]: rows with x <= upper[j][b] are in bins 0..b; the last bin's upper is +Infinity. */
  upper: Float64Array[];
  /** Bins used per feature. */
  counts: Int32Array;
}

/** Cut points of one feature: midpoints between adjacent distinct values, thinned to quantiles. */
function cutPoints(values: Float64Array, maxBins: number): Float64Array {
  const sorted = Float64Array.from(values).sort();
  const distinct: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i] as number;
    if (Number.isNaN(v)) break; // NaN sorts last; it always falls in the last bin
    if (distinct.length > 0 && distinct[distinct.length - 1] === v) weight[weight.length - 1]! += 1;
    else {
      distinct.push(v);
      weight.push(1);
    }
  }
  const cuts: number[] = [];
  if (distinct.length <= maxBins) {
    for (let k = 0; k + 1 < distinct.length; k++) cuts.push(((distinct[k] as number) + (distinct[k + 1] as number)) / 2);
  } else {
    // quantile cuts on the distinct values weighted by their counts; a heavy value (e.g. the zeros) keeps its own bin
    const total = sorted.length;
    let acc = 0;
    let next = total / maxBins;
    for (let k = 0; k + 1 < distinct.length; k++) {
      acc += weight[k] as number;
      if (acc >= next) {
        cuts.push(((distinct[k] as number) + (distinct[k + 1] as number)) / 2);
        while (next <= acc) next += total / maxBins;
        if (cuts.length === maxBins - 1) break;
      }
    }
  }
  cuts.push(Number.POSITIVE_INFINITY);
  return Float64Array.from(cuts);
}

/** The bin of `v` among `upper` (first b with v <= upper[b]); NaN goes to the last bin, as scoring sends it right. */
export function binOf(upper: Float64Array, v: number): number {
  let lo = 0;
  let hi = upper.length - 1;
  if (Number.isNaN(v)) return hi;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= (upper[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Bins a row-major matrix x (n rows x nFeatures). Cut points come from the rows
 * in `fitRows` only (the early-stopping rows must not shape the bins).
 */
export function binMatrix(x: Float64Array, n: number, nFeatures: number, maxBins: number, fitRows?: Int32Array): Binned {
  const bins = new Uint8Array(n * nFeatures);
  const upper: Float64Array[] = [];
  const counts = new Int32Array(nFeatures);
  const col = new Float64Array(n);
  const fit = new Float64Array(fitRows?.length ?? n);
  for (let j = 0; j < nFeatures; j++) {
    for (let i = 0; i < n; i++) col[i] = x[i * nFeatures + j] as number;
    if (fitRows === undefined) fit.set(col);
    else for (let k = 0; k < fitRows.length; k++) fit[k] = col[fitRows[k] as number] as number;
    const u = cutPoints(fit, maxBins);
    upper.push(u);
    counts[j] = u.length;
    for (let i = 0; i < n; i++) bins[j * n + i] = binOf(u, col[i] as number);
  }
  return { bins, n, nFeatures, upper, counts };
}
