/**
 * One tokenizer for text search and content embeddings, so a word that matches in
 * search also counts in similarity.
 */

/** Words too common in product copy to tell products apart. */
const STOPWORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'has', 'in', 'is', 'it', 'its', 'of', 'on', 'or',
  'the', 'this', 'to', 'with', 'also', 'all', 'comes', 'ideal', 'available', 'features', 'designed', 'completes', 'package',
]);

const DIACRITICS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^\x00-\x7f]/;
const SPLIT = /[^\p{L}\p{N}]+/u;
const ASCII_SPLIT = /[^a-z0-9]+/;

/** Lower-cased, accent-free word tokens; drops stopwords and single letters (digits stay: "4k", "5"). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  // Most product copy is ASCII: skip Unicode folding, the slow part, when it is.
  const ascii = !NON_ASCII.test(text);
  const folded = ascii ? text.toLowerCase() : text.normalize('NFKD').replace(DIACRITICS, '').toLowerCase();
  for (const token of folded.split(ascii ? ASCII_SPLIT : SPLIT)) {
    if (token.length === 0 || STOPWORDS.has(token)) continue;
    if (token.length === 1 && !(token >= '0' && token <= '9')) continue;
    out.push(token);
  }
  return out;
}
