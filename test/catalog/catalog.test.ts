import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BadRequestError } from '../../engine/errors/index.js';
import { Catalog, catalogFingerprint, demoCatalog, type Product, type TextSearch } from '../../engine/catalog/index.js';

const demo = demoCatalog({ count: 2000 });
const catalog = new Catalog(demo);

test('catalog - lookups, size, iteration and category counts', () => {
  assert.equal(catalog.size, 2000);
  assert.equal(catalog.get('sku-000001')?.itemId, 'sku-000001');
  assert.ok(catalog.has('sku-002000') && !catalog.has('sku-002001'));
  assert.equal(catalog.get('nope'), undefined);
  assert.deepEqual([...catalog].map((p) => p.itemId), demo.map((p) => p.itemId));
  const cats = catalog.categories();
  assert.ok(cats.length >= 20);
  assert.deepEqual(cats.map((c) => c.category), [...cats.map((c) => c.category)].sort());
  assert.equal(cats.reduce((s, c) => s + c.count, 0), 2000);
  assert.ok(Object.isFrozen(catalog.get('sku-000001')), 'stored products cannot be changed behind the index');
});

test('catalog - list pages through a category in a stable order', () => {
  const first = catalog.list({ category: 'laptops', limit: 10 });
  const total = demo.filter((p) => p.category === 'laptops').length;
  assert.equal(first.total, total);
  assert.equal(first.items.length, 10);
  assert.equal(first.page, 1);
  assert.equal(first.limit, 10);
  const seen = new Set<string>();
  for (let page = 1; page <= Math.ceil(total / 10); page++) {
    for (const p of catalog.list({ category: 'laptops', limit: 10, page }).items) {
      assert.equal(p.category, 'laptops');
      seen.add(p.itemId);
    }
  }
  assert.equal(seen.size, total, 'pages cover every item exactly once');
  assert.deepEqual(catalog.list({ category: 'laptops', page: 999 }).items, []);
  assert.equal(catalog.list({ category: 'no-such-category' }).total, 0);
  assert.equal(catalog.list().limit, 24);
});

test('catalog - list sorts by price, name and popularity', () => {
  const asc = catalog.list({ category: 'coffee', sort: 'price_asc', limit: 100 }).items.map((p) => p.price);
  assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
  const desc = catalog.list({ sort: 'price_desc', limit: 100 }).items.map((p) => p.price);
  assert.deepEqual(desc, [...desc].sort((a, b) => b - a));
  assert.equal(desc[0], Math.max(...demo.map((p) => p.price)));
  const names = catalog.list({ category: 'books', sort: 'name', limit: 50 }).items.map((p) => p.name.toLowerCase());
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
  const pop = (id: string): number => (id === 'sku-000010' ? 1e9 : Number(id.slice(4)));
  const popular = catalog.list({ sort: 'popularity', popularity: pop, limit: 3 }).items.map((p) => p.itemId);
  assert.deepEqual(popular, ['sku-000010', 'sku-002000', 'sku-001999']);
});

test('catalog - keyword search needs every word, ranks name matches first and prefix-matches the last word', () => {
  const r = catalog.list({ q: 'nike running', limit: 100 });
  assert.ok(r.total > 0);
  for (const p of r.items) assert.match(`${p.name} ${p.brand} ${p.description}`.toLowerCase(), /nike/);
  assert.ok(r.items.every((p) => p.category === 'running-shoes'));
  const typeAhead = catalog.list({ q: 'headph', limit: 5 });
  assert.ok(typeAhead.total > 0 && typeAhead.items.every((p) => p.category === 'headphones'));
  assert.equal(catalog.list({ q: 'espresso', category: 'laptops' }).total, 0);
  assert.equal(catalog.list({ q: 'zzzqqq' }).total, 0);
  const cheap = catalog.list({ q: 'coffee', sort: 'price_asc', limit: 100 }).items.map((p) => p.price);
  assert.deepEqual(cheap, [...cheap].sort((a, b) => a - b));
});

test('catalog - list validates its input with typed errors naming the parameter', () => {
  const bad = (query: object, field: string): void => {
    assert.throws(() => catalog.list(query), (e: unknown) => e instanceof BadRequestError && e.code === 'E_BAD_REQUEST' && e.field === field);
  };
  bad({ limit: 101 }, 'limit');
  bad({ limit: 0 }, 'limit');
  bad({ limit: '10' }, 'limit');
  bad({ page: 0 }, 'page');
  bad({ page: 1.5 }, 'page');
  bad({ sort: 'random' }, 'sort');
  bad({ category: 'Running Shoes' }, 'category');
  bad({ q: 'x'.repeat(201) }, 'q');
  bad({ q: 42 }, 'q');
  assert.throws(() => catalog.list({ sort: 'popularity' }), /needs a popularity function/);
  assert.equal(catalog.list({ category: '', q: '' }).total, 2000, 'empty parameters mean no filter');
});

test('catalog - upsert validates, replaces and moves items between categories', () => {
  const c = new Catalog(demo.slice(0, 50));
  const p = c.get('sku-000001')!;
  const before = c.categories().find((x) => x.category === p.category)!.count;
  const { created } = c.upsert({ ...p, category: 'brand-new-category', name: 'Completely Renamed Gizmo' });
  assert.equal(created, false);
  assert.equal(c.size, 50);
  assert.equal(c.categories().find((x) => x.category === p.category)?.count ?? 0, before - 1);
  assert.equal(c.list({ category: 'brand-new-category' }).total, 1);
  assert.equal(c.list({ q: 'renamed gizmo' }).items[0]?.itemId, 'sku-000001');
  assert.equal(c.list({ q: p.name }).items.some((x) => x.itemId === 'sku-000001' && x.name === p.name), false);
  assert.equal(c.upsert({ ...p, itemId: 'new-1' }).created, true);
  assert.equal(c.size, 51);
  assert.throws(() => c.upsert({ ...p, price: -2 }), (e: unknown) => e instanceof BadRequestError && e.field === 'price');
  assert.throws(() => c.upsert({ ...p, itemId: 'bad id!' }), (e: unknown) => e instanceof BadRequestError && e.field === 'itemId');
  const cheapest = c.list({ sort: 'price_asc', limit: 1 }).items[0]!;
  c.upsert({ ...c.get('sku-000002')!, price: 0 });
  assert.equal(c.list({ sort: 'price_asc', limit: 1 }).items[0]!.itemId, 'sku-000002', 'sorted listings follow upserts');
  assert.notEqual(cheapest.itemId, 'sku-000002');
  assert.ok(c.delete('new-1') && !c.delete('new-1'));
  assert.equal(c.list({ sort: 'price_asc', limit: 100 }).total, 50);
  assert.throws(() => new Catalog([demo[0]!, demo[0]!]), /appears twice/);
});

test('catalog - the search function is replaceable', () => {
  const calls: string[] = [];
  const search: TextSearch = {
    add: () => {},
    remove: () => {},
    search: (q) => {
      calls.push(q);
      return new Map([['sku-000003', 1], ['sku-000002', 2]]);
    },
  };
  const c = new Catalog(demo.slice(0, 10), { search: () => search });
  assert.deepEqual(c.list({ q: 'anything' }).items.map((p) => p.itemId), ['sku-000002', 'sku-000003']);
  assert.deepEqual(calls, ['anything']);
});

test('catalog - fingerprint is stable, order-free and ignores stock unless asked', () => {
  const products = demo.slice(0, 300);
  const fp = catalogFingerprint(products);
  assert.match(fp, /^[0-9a-f]{64}$/);
  assert.equal(catalogFingerprint([...products].reverse()), fp);
  const restocked: Product[] = products.map((p, i) => (i === 5 ? { ...p, stock: p.stock + 1 } : p));
  assert.equal(catalogFingerprint(restocked), fp);
  assert.notEqual(catalogFingerprint(restocked, { scope: 'all' }), catalogFingerprint(products, { scope: 'all' }));
  const renamed = products.map((p, i) => (i === 5 ? { ...p, name: `${p.name} v2` } : p));
  assert.notEqual(catalogFingerprint(renamed), fp);
});
