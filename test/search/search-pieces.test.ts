/**
 * The pure pieces of search on the demo catalog, without threads or sockets: plural
 * folding, typo budgets, synonyms, facets against a brute-force count, the stock rule
 * of the re-rank, RRF's formula, "did you mean", suggestions and the match cache.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Catalog, demoCatalog } from '../../engine/catalog/index.js';
import {
  analyze, boundedDistance, didYouMean, facetAndFilter, foldPlural, fuse, LiveSearchIndex, NO_CONTEXT, passes, rerank, rrf, SearchService, Suggester, typoBudget,
  type FacetFacts, type SearchFilters,
} from '../../engine/search/index.js';

const products = demoCatalog({ count: 3000 });
const index = new LiveSearchIndex();
const catalog = new Catalog(products, { search: () => index });
const service = new SearchService({ catalog, lexical: index.lexical, stockOf: (id) => catalog.get(id)?.stock ?? 0, popularity: () => 0 });

describe('search - pieces', () => {
  it('search - plural folding is consistent and idempotent', () => {
    for (const [a, b] of [['batteries', 'battery'], ['watches', 'watch'], ['boxes', 'box'], ['shoes', 'shoe'], ['dresses', 'dress'], ['headphones', 'headphone'], ['lens', 'lens'], ['glasses', 'glass']]) {
      assert.equal(foldPlural(a!), foldPlural(b!), `${a} ~ ${b}`);
      assert.equal(foldPlural(foldPlural(a!)), foldPlural(a!));
    }
    assert.deepEqual(analyze('The Running Shoes for a 16GB laptop'), ['running', 'shoe', '16gb', 'laptop'], 'stop words dropped, digits kept');
  });

  it('search - typo budget by word length: none under 4, 1 from 4 to 8, 2 from 9', () => {
    assert.deepEqual([2, 3, 4, 8, 9, 12].map(typoBudget), [0, 0, 1, 1, 2, 2]);
    assert.equal(service.search({ q: 'lapto' }).total > 0, true, 'prefix of a word being typed');
    const oneTypo = service.search({ q: 'lapotp', limit: 5 });
    assert.ok(oneTypo.items.length > 0 && oneTypo.items.every((i) => i.category === 'laptops'), 'one swap in a 6-letter word');
    assert.equal(service.search({ q: 'tc', limit: 5 }).items.some((i) => i.brand === 'TCL'), true, 'short words match as prefixes');
    assert.equal(boundedDistance('kitten', 'sitting', 3), 3);
    assert.equal(boundedDistance('kitten', 'sitting', 1), 2, 'gives up above the bound');
  });

  it('search - synonyms: television finds TVs, notebook finds laptops', () => {
    for (const [q, cat] of [['television', 'tvs'], ['notebook', 'laptops'], ['cellphone', 'phones']]) {
      const r = service.search({ q: q!, limit: 10 });
      assert.ok(r.items.length > 0 && r.items.every((i) => i.category === cat), `${q} -> ${r.items.map((i) => i.category).join(',')}`);
    }
  });

  it('search - facet counts equal a brute-force count with every other filter applied', () => {
    const facts: FacetFacts[] = products.map((p) => ({ itemId: p.itemId, category: p.category, brand: p.brand, price: p.price, rating: p.rating, stock: p.stock }));
    const filters: SearchFilters = { category: 'headphones', brand: 'sony', minPrice: 20, maxPrice: 300, inStock: true, minRating: 3 };
    const { facets, kept } = facetAndFilter(facts, filters);
    assert.deepEqual(kept.map((f) => f.itemId), facts.filter((f) => passes(f, filters)).map((f) => f.itemId));
    const without = (k: keyof SearchFilters) => facts.filter((f) => passes(f, { ...filters, [k]: undefined }));
    for (const c of facets.category) assert.equal(c.count, without('category').filter((f) => f.category === c.value).length, `category ${c.value}`);
    for (const b of facets.brand) assert.equal(b.count, without('brand').filter((f) => f.brand === b.value).length, `brand ${b.value}`);
    for (const p of facets.price) assert.equal(p.count, facts.filter((f) => passes(f, { ...filters, minPrice: undefined, maxPrice: undefined }) && f.price >= p.min && (p.max === null || f.price < p.max)).length, `price from ${p.min}`);
    for (const r of facets.rating) assert.equal(r.count, without('minRating').filter((f) => (f.rating ?? 0) >= r.min).length);
    assert.equal(facets.availability.inStock + facets.availability.outOfStock, without('inStock').length);
  });

  it('search - an out-of-stock item never ranks above an in-stock one at least half as relevant; boosts say why', () => {
    const items = [
      { itemId: 'a', category: 'x', brand: 'B', price: 10, stock: 0, score: 1 },
      { itemId: 'b', category: 'x', brand: 'B', price: 10, stock: 4, score: 0.55 },
      { itemId: 'c', category: 'y', brand: 'C', price: 10, stock: 4, score: 0.4 },
    ];
    assert.deepEqual(rerank(items, NO_CONTEXT).map((r) => r.item.itemId), ['b', 'a', 'c']);
    const ctx = { categories: new Map([['y', 1]]), brands: new Map(), sessionCategories: new Set<string>(), typicalPrice: undefined };
    const r = rerank(items, ctx);
    assert.equal(r[0]!.item.itemId, 'c', 'category affinity lifts c above b');
    assert.deepEqual(r[0]!.boosts, [{ reason: 'category_affinity', detail: 'y', factor: 1.5 }]);
    assert.deepEqual(r.find((x) => x.item.itemId === 'a')!.boosts, [{ reason: 'out_of_stock', detail: 'demoted', factor: 0.5 }]);
  });

  it('search - RRF is the sum of 1/(60 + rank); fusion keeps every candidate once', () => {
    const s = rrf([[{ itemId: 'a', score: 9 }, { itemId: 'b', score: 1 }], [{ itemId: 'b', score: 0.9 }]]);
    assert.equal(s.get('a'), 1 / 61);
    assert.equal(s.get('b'), 1 / 62 + 1 / 61);
    const f = fuse('weighted', [{ itemId: 'a', score: 2 }, { itemId: 'b', score: 1 }], [{ itemId: 'c', score: 0.9 }, { itemId: 'a', score: 0.5 }]);
    assert.deepEqual(f.map((x) => x.itemId).sort(), ['a', 'b', 'c']);
    assert.equal(f[0]!.itemId, 'a');
  });

  it('search - did you mean corrects unknown words to the most common known one, and zero results fall back', () => {
    assert.equal(didYouMean(analyze('samsng galxy'), index.lexical.vocabulary()), 'samsung galaxy');
    assert.equal(didYouMean(analyze('samsung galaxy'), index.lexical.vocabulary()), undefined);
    const r = service.search({ q: 'qqqqzzzz xxyyy' });
    assert.equal(r.fallback, 'popular_in_category');
    assert.ok(r.items.length > 0 && r.items.every((i) => i.category === r.fallbackCategory));
    const relaxed = service.search({ q: 'sony zzzzzzzzzzzzz' });
    assert.equal(relaxed.fallback, 'relaxed');
    assert.ok(relaxed.items.every((i) => /sony/i.test(`${i.brand} ${i.name} ${i.description}`)));
  });

  it('search - suggestions complete the last word and list matching products with highlights', () => {
    const s = new Suggester({ lexical: index.lexical, catalog, hot: () => [{ query: 'sony headphones', score: 3 }, { query: 'socks', score: 2 }] });
    const r = s.suggest({ q: 'sony he' });
    assert.equal(r.queries[0]?.query, 'sony headphones', 'a hot query that starts with the text comes first');
    assert.ok(r.queries.some((q) => q.source === 'catalog' && q.query.startsWith('sony he')));
    assert.ok(r.products.length > 0 && r.products.every((p) => /sony/i.test(p.name)));
    const p = r.products[0]!;
    assert.ok(p.matches.some(([a, b]) => p.name.slice(a, b).toLowerCase() === 'sony'));
  });

  it('search - the match cache never answers with a stale list', () => {
    const before = index.lexical.match('zorblax');
    assert.equal(before.length, 0);
    catalog.upsert({ ...products[0]!, name: 'Zorblax Kettle' });
    assert.deepEqual(index.lexical.match('zorblax').map((h) => h.itemId), [products[0]!.itemId]);
    const hits = index.lexical.cacheStats.hits;
    index.lexical.match('zorblax');
    assert.equal(index.lexical.cacheStats.hits, hits + 1, 'a repeat is served from the cache');
    catalog.upsert({ ...catalog.get(products[0]!.itemId)!, price: 1 });
    assert.equal(index.lexical.cacheStats.hits, hits + 1);
    assert.equal(index.lexical.match('zorblax').length, 1, 'a price change keeps the text searchable');
    catalog.delete(products[0]!.itemId);
    assert.equal(index.lexical.match('zorblax').length, 0);
  });
});
