/**
 * The lexical index's scores against an independent computation of Robertson's BM25
 * (Robertson and Zaragoza 2009, eq. 3.32 with the non-negative idf
 * ln(1 + (N - n + 0.5) / (n + 0.5))), per field and summed with the field boosts,
 * k1 and b as configured. The corpus avoids stop words and plurals so a plain
 * split is the whole analysis on this side.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Product } from '../../engine/catalog/index.js';
import { LexicalIndex, SEARCH_FIELDS, type SearchField } from '../../engine/search/index.js';

const corpus: Product[] = [
  { itemId: 'a', name: 'Sony Wireless Headphone', brand: 'Sony', category: 'audio-gear', description: 'wireless noise cancelling headphone, deep bass', price: 99, stock: 3, tags: ['audio', 'wireless'] },
  { itemId: 'b', name: 'Bose Quiet Headphone', brand: 'Bose', category: 'audio-gear', description: 'quiet comfortable headphone', price: 199, stock: 1, tags: ['audio'] },
  { itemId: 'c', name: 'Sony Camera Alpha', brand: 'Sony', category: 'photo', description: 'mirrorless camera, fast autofocus, stabilisation', price: 899, stock: 2, tags: ['photography'] },
  { itemId: 'd', name: 'Canon Camera', brand: 'Canon', category: 'photo', description: 'compact camera camera camera zoom', price: 299, stock: 0, tags: ['photography', 'zoom'] },
  { itemId: 'e', name: 'Wireless Speaker', brand: 'JBL', category: 'sound', description: 'portable wireless speaker, bass', price: 59, stock: 9 },
  { itemId: 'f', name: 'Garmin Watch', brand: 'Garmin', category: 'wearable', description: 'gps watch, running', price: 249, stock: 4, tags: ['wearable'] },
];

const split = (s: string) => s.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 1);
function fieldText(p: Product, f: SearchField): string {
  if (f === 'tags') return (p.tags ?? []).join(' ');
  if (f === 'category') return p.category.replace(/-/g, ' ');
  return p[f];
}

/** Robertson BM25 summed over query terms and fields (each field its own length statistics). */
function robertson(query: string, docs: Product[], boosts: Record<SearchField, number>, k1: number, b: number): Map<string, number> {
  const N = docs.length;
  const out = new Map<string, number>();
  const terms = [...new Set(split(query))];
  for (const f of SEARCH_FIELDS) {
    const lens = docs.map((d) => split(fieldText(d, f)).length);
    const avg = lens.reduce((s, x) => s + x, 0) / N;
    for (const t of terms) {
      const n = docs.filter((d) => split(fieldText(d, f)).includes(t)).length;
      if (n === 0) continue;
      const idf = Math.log(1 + (N - n + 0.5) / (n + 0.5));
      docs.forEach((d, i) => {
        const tf = split(fieldText(d, f)).filter((w) => w === t).length;
        if (tf === 0) return;
        const s = idf * (tf * (k1 + 1)) / (tf + k1 * (1 - b + b * lens[i]! / avg));
        out.set(d.itemId, (out.get(d.itemId) ?? 0) + boosts[f] * s);
      });
    }
  }
  return out;
}

describe('search - BM25', () => {
  for (const params of [{ k1: 1.2, b: 0.75 }, { k1: 2.0, b: 0.3 }]) {
    it(`search - scores equal an independent Robertson BM25 (k1 ${params.k1}, b ${params.b}) with field boosts`, () => {
      const index = new LexicalIndex({ bm25: { ...params, d: 0 }, synonyms: [] });
      for (const p of corpus) index.add(p);
      for (const q of ['camera', 'wireless', 'sony camera', 'bass', 'quiet headphone', 'zoom camera']) {
        const expected = robertson(q, corpus, index.boosts, params.k1, params.b);
        const terms = new Set(split(q));
        // AND semantics: the items that contain every term somewhere.
        const matching = [...expected.keys()].filter((id) => {
          const p = corpus.find((c) => c.itemId === id)!;
          const words = new Set(SEARCH_FIELDS.flatMap((f) => split(fieldText(p, f))));
          return [...terms].every((t) => words.has(t));
        });
        const hits = index.match(q, { prefix: false, typos: false });
        assert.deepEqual(hits.map((h) => h.itemId).sort(), matching.sort(), `matches of "${q}"`);
        for (const h of hits) {
          // MiniSearch multiplies by the number of query terms matched (constant under AND).
          const score = h.score / terms.size;
          assert.ok(Math.abs(score - expected.get(h.itemId)!) < 1e-9, `"${q}" ${h.itemId}: ${score} vs ${expected.get(h.itemId)}`);
        }
        const order = [...matching].sort((x, y) => expected.get(y)! - expected.get(x)!);
        assert.deepEqual(hits.map((h) => h.itemId), order, `order of "${q}"`);
      }
    });
  }

  it('search - a live change is scored with the new text, and a removed item is gone', () => {
    const index = new LexicalIndex({ synonyms: [] });
    for (const p of corpus) index.add(p);
    index.add({ ...corpus[5]!, name: 'Garmin Camera Watch' });
    index.remove('d');
    const docs = [...corpus.slice(0, 3), corpus[4]!, { ...corpus[5]!, name: 'Garmin Camera Watch' }];
    const expected = robertson('camera', docs, index.boosts, 1.2, 0.75);
    const hits = index.match('camera', { prefix: false, typos: false });
    assert.deepEqual(hits.map((h) => h.itemId).sort(), ['c', 'f']);
    for (const h of hits) assert.ok(Math.abs(h.score - expected.get(h.itemId)!) < 1e-9, `${h.itemId}: ${h.score} vs ${expected.get(h.itemId)}`);
  });
});
