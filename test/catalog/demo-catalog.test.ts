import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { CATEGORY_PATTERN, ITEM_ID_PATTERN, checkProduct, demoCatalog, type Product } from '../../engine/catalog/index.js';

const sha = (products: Product[]): string => createHash('sha256').update(JSON.stringify(products)).digest('hex');

test('demo catalog - the same seed gives the same catalog byte for byte', () => {
  const a = demoCatalog({ count: 2000, seed: 7 });
  const b = demoCatalog({ count: 2000, seed: 7 });
  assert.equal(sha(a), sha(b));
  assert.notEqual(sha(a), sha(demoCatalog({ count: 2000, seed: 8 })), 'another seed gives another catalog');
});

test('demo catalog - a larger count extends a smaller one', () => {
  const small = demoCatalog({ count: 500 });
  const large = demoCatalog({ count: 1000 });
  assert.deepEqual(large.slice(0, 500), small);
});

test('demo catalog - default shape: 10k valid products in >= 20 categories', () => {
  const products = demoCatalog();
  assert.equal(products.length, 10_000);
  const ids = new Set<string>();
  const categories = new Map<string, number>();
  for (const p of products) {
    const check = checkProduct(p);
    assert.ok(check.ok, `${p.itemId}: ${check.ok ? '' : check.message}`);
    assert.match(p.itemId, ITEM_ID_PATTERN);
    assert.match(p.category, CATEGORY_PATTERN);
    assert.ok(p.name.length > 5 && p.description.length > 40 && p.brand.length > 0, p.itemId);
    assert.ok(p.price > 0 && Math.round(p.price * 100) / 100 === p.price, `${p.itemId} price ${p.price}`);
    assert.ok(Number.isInteger(p.stock) && p.stock >= 0);
    ids.add(p.itemId);
    categories.set(p.category, (categories.get(p.category) ?? 0) + 1);
  }
  assert.equal(ids.size, products.length, 'item ids are unique');
  assert.ok(categories.size >= 20, `${categories.size} categories`);
  for (const [category, count] of categories) assert.ok(count >= 100, `${category} has only ${count} products`);
  assert.ok(products.some((p) => p.stock === 0), 'some products are out of stock');
  assert.ok(products.some((p) => p.rating === undefined) && products.some((p) => p.rating !== undefined));
});

test('demo catalog - prices follow the category', () => {
  const products = demoCatalog({ count: 3000 });
  const median = (category: string): number => {
    const prices = products.filter((p) => p.category === category).map((p) => p.price).sort((a, b) => a - b);
    return prices[Math.floor(prices.length / 2)]!;
  };
  assert.ok(median('laptops') > 5 * median('coffee'), `laptops ${median('laptops')} vs coffee ${median('coffee')}`);
});

test('demo catalog - options are validated', () => {
  assert.throws(() => demoCatalog({ count: 0 }), RangeError);
  assert.throws(() => demoCatalog({ count: 1.5 }), TypeError);
  assert.throws(() => demoCatalog({ seed: Number.NaN }), TypeError);
});
