/**
 * "Did you mean": each query word the catalog does not know is replaced by the most
 * common known word within its typo budget. The vocabulary is names, brands,
 * categories and tags (a few thousand words for the demo shop), scanned with a
 * bounded edit distance that gives up as soon as a row exceeds the budget.
 */
import { typoBudget } from './lexical-index.js';

/** Damerau-free Levenshtein distance, or max + 1 once it is certainly above max. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** The best known word for `term`, or undefined (known already, or nothing close). */
export function correctTerm(term: string, vocabulary: ReadonlyMap<string, number>, isLast: boolean): string | undefined {
  if (vocabulary.has(term)) return undefined;
  // A last word being typed is a prefix, not a typo.
  if (isLast) for (const word of vocabulary.keys()) if (word.startsWith(term)) return undefined;
  const budget = Math.max(1, typoBudget(term.length));
  if (term.length < 3) return undefined;
  let best: string | undefined;
  let bestDist = budget + 1;
  let bestDf = 0;
  for (const [word, df] of vocabulary) {
    const d = boundedDistance(term, word, Math.min(budget, bestDist));
    if (d < bestDist || (d === bestDist && d <= budget && df > bestDf)) {
      best = word;
      bestDist = d;
      bestDf = df;
    }
  }
  return bestDist <= budget ? best : undefined;
}

/** The corrected query (analysed terms joined), or undefined when every word is known. */
export function didYouMean(terms: readonly string[], vocabulary: ReadonlyMap<string, number>): string | undefined {
  let changed = false;
  const out = terms.map((t, i) => {
    const c = correctTerm(t, vocabulary, i === terms.length - 1);
    if (c !== undefined) changed = true;
    return c ?? t;
  });
  return changed ? out.join(' ') : undefined;
}
