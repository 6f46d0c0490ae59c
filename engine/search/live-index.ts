/**
 * The catalog's `TextSearch` for the engine: the lexical index, kept current by the
 * catalog itself on every upsert and delete, plus listeners told when a product's
 * searchable text changed (the vector side re-embeds it; price or stock changes
 * need no new vector, and facets read those from the catalog at query time).
 */
import type { Product, TextSearch } from '../catalog/index.js';
import { LexicalIndex, type LexicalIndexOptions } from './lexical-index.js';

export type ContentListener = (product: Product | undefined, itemId: string) => void;

function sameText(a: Product, b: Product): boolean {
  return a.name === b.name && a.brand === b.brand && a.category === b.category && a.description === b.description
    && (a.tags ?? []).join('\u0000') === (b.tags ?? []).join('\u0000');
}

export class LiveSearchIndex implements TextSearch {
  readonly lexical: LexicalIndex;
  #previous = new Map<string, Product>();
  #listeners: ContentListener[] = [];

  constructor(options: LexicalIndexOptions = {}) {
    this.lexical = new LexicalIndex(options);
  }

  onContentChange(listener: ContentListener): void {
    this.#listeners.push(listener);
  }

  add(product: Product): void {
    const previous = this.#previous.get(product.itemId);
    this.#previous.set(product.itemId, product);
    // A price or stock change leaves every posting as it was: no re-index (and cached matches stay valid).
    if (previous !== undefined && sameText(previous, product)) return;
    this.lexical.add(product);
    for (const l of this.#listeners) l(product, product.itemId);
  }

  remove(itemId: string): void {
    this.lexical.remove(itemId);
    this.#previous.delete(itemId);
    for (const l of this.#listeners) l(undefined, itemId);
  }

  search(query: string): Map<string, number> {
    return this.lexical.search(query);
  }
}
