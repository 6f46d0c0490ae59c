/**
 * How text becomes search terms, the same way for products and for queries: the
 * catalog's tokenizer (lower case, accents folded, stop words dropped) followed by
 * English plural folding, so "batteries" finds "battery" and "watches" finds "watch".
 * Folding only has to be consistent, not linguistically right: both sides go through it.
 */
import { tokenize } from '../catalog/index.js';

/** Words that end in "s" but are not plurals (folding them would split them from their plural). */
const NOT_PLURAL = new Set(['lens', 'series', 'species', 'ios', 'macos', 'ipados', 'gps', 'news', 'bass', 'chess', 'plus', 'always', 'canvas', 'christmas']);
/** Plural-only garments and gear: both forms fold to one term. */
const PLURAL_ONLY: Record<string, string> = { glasses: 'glass', pants: 'pant', shorts: 'short', tights: 'tight', jeans: 'jean', leggings: 'legging', headphones: 'headphone', earbuds: 'earbud' };
const HAS_DIGIT = /\d/;
/** Control characters (C0, DEL, C1): never part of a word, and they would end up in logs and events. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** The singular-ish form of one lower-case token; idempotent (folding twice changes nothing). */
export function foldPlural(term: string): string {
  const special = PLURAL_ONLY[term];
  if (special !== undefined) return special;
  if (term.length < 4 || HAS_DIGIT.test(term) || NOT_PLURAL.has(term)) return term;
  if (term.endsWith('ies') && term.length > 4) return `${term.slice(0, -3)}y`;
  if (term.endsWith('sses') || term.endsWith('ches') || term.endsWith('shes') || term.endsWith('xes') || term.endsWith('zzes')) return term.slice(0, -2);
  if (term.endsWith('ss') || term.endsWith('us') || term.endsWith('is')) return term;
  if (term.endsWith('s')) return term.slice(0, -1);
  return term;
}

/** Query text without control characters, whitespace collapsed. */
export function cleanQuery(text: string): string {
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/** Tokens of `text` before folding (what MiniSearch's `tokenize` hook returns). */
export function searchTokens(text: string): string[] {
  return tokenize(text);
}

/** The terms `text` is indexed or searched by. */
export function analyze(text: string): string[] {
  return tokenize(text).map(foldPlural);
}

/** Word spans of `text` whose folded form is in `terms`: for highlighting matches without sending markup. */
export function matchSpans(text: string, terms: ReadonlySet<string>): Array<[start: number, end: number]> {
  const spans: Array<[number, number]> = [];
  if (terms.size === 0) return spans;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const [term] = analyze(m[0]);
    if (term !== undefined && terms.has(term)) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}
