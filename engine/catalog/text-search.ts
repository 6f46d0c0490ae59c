/**
 * Keyword search behind `Catalog.list({ q })`. The catalog talks to it only through
 * `TextSearch`, so a hybrid (BM25 + vector) search can replace it later without
 * touching the catalog.
 */
import type { Product } from './product.js';
import { tokenize } from './tokenize.js';

export interface TextSearch {
  /** Indexes a product, replacing an earlier version with the same itemId. */
  add(product: Product): void;
  remove(itemId: string): void;
  /** Every matching itemId with its relevance (higher is better); empty when nothing matches. */
  search(query: string): Map<string, number>;
}

export type TextSearchFactory = () => TextSearch;

/** Where a word appears says how much it tells about the product. */
export const SEARCH_FIELD_WEIGHTS = { name: 3, brand: 2, category: 2, tags: 1.5, description: 1 } as const;
/** A prefix match ("headph" for "headphones") counts a little less than the whole word. */
const PREFIX_FACTOR = 0.8;
/** Shorter prefixes would match most of the vocabulary. */
const MIN_PREFIX_LENGTH = 2;

/**
 * Token search with AND semantics: every query word must occur in some field.
 * The last word also matches as a prefix, so type-ahead queries find results.
 * Scores are field weight x idf, summed over the query words.
 */
export class TokenSearch implements TextSearch {
  #postings = new Map<string, Map<string, number>>();
  #itemTokens = new Map<string, string[]>();

  add(product: Product): void {
    this.remove(product.itemId);
    const weights = new Map<string, number>();
    const put = (text: string, weight: number): void => {
      for (const token of tokenize(text)) weights.set(token, Math.max(weights.get(token) ?? 0, weight));
    };
    put(product.name, SEARCH_FIELD_WEIGHTS.name);
    put(product.brand, SEARCH_FIELD_WEIGHTS.brand);
    put(product.category, SEARCH_FIELD_WEIGHTS.category);
    put((product.tags ?? []).join(' '), SEARCH_FIELD_WEIGHTS.tags);
    put(product.description, SEARCH_FIELD_WEIGHTS.description);
    for (const [token, weight] of weights) {
      let posting = this.#postings.get(token);
      if (posting === undefined) this.#postings.set(token, (posting = new Map()));
      posting.set(product.itemId, weight);
    }
    this.#itemTokens.set(product.itemId, [...weights.keys()]);
  }

  remove(itemId: string): void {
    const tokens = this.#itemTokens.get(itemId);
    if (tokens === undefined) return;
    for (const token of tokens) {
      const posting = this.#postings.get(token);
      posting?.delete(itemId);
      if (posting?.size === 0) this.#postings.delete(token);
    }
    this.#itemTokens.delete(itemId);
  }

  search(query: string): Map<string, number> {
    const words = [...new Set(tokenize(query))];
    let scores: Map<string, number> | undefined;
    for (let i = 0; i < words.length; i++) {
      const matches = this.#match(words[i]!, i === words.length - 1);
      if (scores === undefined) {
        scores = matches;
      } else {
        const next = new Map<string, number>();
        for (const [itemId, score] of scores) {
          const s = matches.get(itemId);
          if (s !== undefined) next.set(itemId, score + s);
        }
        scores = next;
      }
      if (scores.size === 0) break;
    }
    return scores ?? new Map();
  }

  /** itemId -> score for one query word. */
  #match(word: string, asPrefix: boolean): Map<string, number> {
    const out = new Map<string, number>();
    const n = Math.max(1, this.#itemTokens.size);
    const addPosting = (posting: Map<string, number>, factor: number): void => {
      const idf = Math.log(1 + n / posting.size);
      for (const [itemId, weight] of posting) {
        const score = weight * idf * factor;
        if (score > (out.get(itemId) ?? 0)) out.set(itemId, score);
      }
    };
    const exact = this.#postings.get(word);
    if (exact !== undefined) addPosting(exact, 1);
    if (asPrefix && word.length >= MIN_PREFIX_LENGTH) {
      for (const [token, posting] of this.#postings) {
        if (token.length > word.length && token.startsWith(word)) addPosting(posting, PREFIX_FACTOR);
      }
    }
    return out;
  }
}
