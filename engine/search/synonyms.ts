/**
 * Synonyms: groups of words a shopper uses for the same thing. Expanded at query time
 * (an OR of the group inside the query's AND), so changing them needs no re-index.
 */
import { analyze } from './analyzer.js';

/** The demo shop's vocabulary; shops pass their own (`SearchIndexOptions.synonyms`). */
export const DEFAULT_SYNONYMS: readonly (readonly string[])[] = [
  ['tv', 'television'],
  ['laptop', 'notebook', 'ultrabook'],
  ['phone', 'smartphone', 'mobile', 'cellphone'],
  ['headphone', 'headset', 'earphone'],
  ['earbud', 'earphone', 'in-ear'],
  ['sneaker', 'trainer', 'running shoe'],
  ['couch', 'sofa'],
  ['tee', 't-shirt', 'tshirt'],
  ['hoodie', 'sweatshirt'],
  ['bike', 'bicycle'],
  ['fridge', 'refrigerator'],
  ['cellphone', 'phone'],
  ['watch', 'smartwatch'],
  ['mug', 'cup'],
  ['notebook', 'laptop'],
];

/** term -> the other ways to say it (each an analysed term list: a phrase has several). */
export type SynonymMap = ReadonlyMap<string, ReadonlyArray<readonly string[]>>;

/** Builds the lookup; throws TypeError naming the bad entry. */
export function buildSynonyms(groups: readonly (readonly string[])[]): SynonymMap {
  if (!Array.isArray(groups)) throw new TypeError('synonyms must be an array of string arrays');
  const map = new Map<string, Array<readonly string[]>>();
  groups.forEach((group, i) => {
    if (!Array.isArray(group) || group.some((w) => typeof w !== 'string')) throw new TypeError(`synonyms[${i}] must be an array of strings`);
    const forms = group.map((w) => analyze(w)).filter((terms) => terms.length > 0);
    for (const form of forms) {
      if (form.length !== 1) continue; // a phrase is an alternative, never a key: single query terms are looked up
      const key = form[0]!;
      const alts = map.get(key) ?? [];
      for (const other of forms) {
        if (other === form || alts.some((a) => a.join(' ') === other.join(' '))) continue;
        alts.push(other);
      }
      map.set(key, alts);
    }
  });
  return map;
}
