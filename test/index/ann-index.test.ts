import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { AnnIndex, IndexMismatchError, exactTopK, metaPathOf } from '../../engine/index/index.js';

const dir = mkdtempSync(join(tmpdir(), 'ann-index-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Deterministic pseudo-random unit vectors in `groups` clusters; item i belongs to group i % groups. */
function clustered(n: number, dim: number, groups: number): { ids: string[]; vectors: Float32Array } {
  let s = 12345;
  const rand = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32) - 0.5;
  const centres = Array.from({ length: groups }, () => Array.from({ length: dim }, rand));
  const vectors = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const c = centres[i % groups]!;
    for (let k = 0; k < dim; k++) vectors[i * dim + k] = c[k]! + 0.3 * rand();
  }
  return { ids: Array.from({ length: n }, (_, i) => `item-${i}`), vectors };
}

const dim = 16;
const { ids, vectors } = clustered(600, dim, 6);
const row = (i: number): Float32Array => vectors.subarray(i * dim, (i + 1) * dim);

test('ann index - search finds the exact neighbours with similarity scores', () => {
  const index = AnnIndex.build(ids, vectors, dim, { M: 8, efConstruction: 100 });
  assert.equal(index.size, 600);
  const hits = index.search(row(3), 10);
  assert.equal(hits.length, 10);
  assert.equal(hits[0]!.itemId, 'item-3');
  assert.ok(Math.abs(hits[0]!.score - 1) < 1e-5);
  for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.score >= hits[i]!.score);
  const exact = exactTopK(ids, vectors, dim, row(3), 10);
  assert.deepEqual(hits.map((h) => h.itemId), exact.map((h) => h.itemId));
  for (let i = 0; i < 10; i++) assert.ok(Math.abs(hits[i]!.score - exact[i]!.score) < 1e-4);
});

test('ann index - the filter is honoured and still fills k when enough items pass', () => {
  const index = AnnIndex.build(ids, vectors, dim);
  const onlyGroup2 = (id: string): boolean => Number(id.slice(5)) % 6 === 2;
  const hits = index.search(row(3), 20, onlyGroup2);
  assert.equal(hits.length, 20);
  assert.ok(hits.every((h) => onlyGroup2(h.itemId)));
  const exact = exactTopK(ids, vectors, dim, row(3), 20, onlyGroup2);
  assert.deepEqual(new Set(hits.map((h) => h.itemId)), new Set(exact.map((h) => h.itemId)));
  assert.deepEqual(index.search(row(3), 5, () => false), []);
  const few = index.search(row(3), 50, (id) => id === 'item-7' || id === 'item-9');
  assert.deepEqual(few.map((h) => h.itemId).sort(), ['item-7', 'item-9']);
});

test('ann index - searchAmong scores a candidate set exactly, like a filtered search', () => {
  const index = AnnIndex.build(ids, vectors, dim);
  const group2 = ids.filter((_, i) => i % 6 === 2);
  const among = index.searchAmong(row(3), 10, [...group2, 'unknown', group2[0]!]);
  const filtered = index.search(row(3), 10, (id) => group2.includes(id));
  assert.deepEqual(among.map((h) => h.itemId), filtered.map((h) => h.itemId));
  for (let i = 0; i < 10; i++) assert.ok(Math.abs(among[i]!.score - filtered[i]!.score) < 1e-5);
  index.markDelete(among[0]!.itemId);
  assert.ok(index.searchAmong(row(3), 10, group2).every((h) => h.itemId !== among[0]!.itemId));
  assert.deepEqual(index.searchAmong(row(3), 10, []), []);
});

test('ann index - add and markDelete serve upserts', () => {
  const index = AnnIndex.build(ids.slice(0, 20), vectors.subarray(0, 20 * dim), dim);
  assert.ok(index.markDelete('item-3'));
  assert.equal(index.markDelete('item-3'), false);
  assert.equal(index.has('item-3'), false);
  assert.equal(index.size, 19);
  assert.ok(index.search(row(3), 19).every((h) => h.itemId !== 'item-3'));
  // Growing past the initial capacity resizes the graph.
  for (let i = 20; i < 200; i++) index.add(ids[i]!, row(i));
  assert.equal(index.size, 199);
  assert.equal(index.search(row(150), 1)[0]!.itemId, 'item-150');
  // Re-adding a deleted item revives it; re-adding a live one moves it.
  index.add('item-3', row(3));
  assert.equal(index.size, 200);
  assert.equal(index.search(row(3), 1)[0]!.itemId, 'item-3');
  index.add('item-4', row(100));
  const top = index.search(row(100), 2).map((h) => h.itemId).sort();
  assert.deepEqual(top, ['item-100', 'item-4']);
  const stored = index.vector('item-4')!;
  assert.equal(stored.length, dim);
  assert.equal(index.vector('item-nope'), undefined);
});

test('ann index - save and load round-trip, including deletions', () => {
  const index = AnnIndex.build(ids, vectors, dim, { info: { fingerprint: 'abc' } });
  index.markDelete('item-5');
  index.add('extra-1', row(8));
  const path = join(dir, 'round-trip.hnsw');
  index.save(path);
  const loaded = AnnIndex.load(path, [...ids, 'extra-1'], dim);
  assert.equal(loaded.size, index.size);
  assert.equal(loaded.info.fingerprint, 'abc');
  assert.equal(loaded.has('item-5'), false);
  assert.ok(loaded.has('extra-1'));
  for (const q of [0, 8, 77, 311]) assert.deepEqual(loaded.search(row(q), 10), index.search(row(q), 10));
  assert.equal(AnnIndex.load(path).size, index.size, 'ids and dim are optional');
});

test('ann index - a mismatched, torn or missing index is refused with a typed error', () => {
  const path = join(dir, 'checked.hnsw');
  AnnIndex.build(ids.slice(0, 50), vectors.subarray(0, 50 * dim), dim).save(path);
  const refused = (fn: () => unknown, pattern: RegExp): void => {
    assert.throws(fn, (e: unknown) => e instanceof IndexMismatchError && e.code === 'E_UNAVAILABLE' && pattern.test(e.message));
  };
  refused(() => AnnIndex.load(path, ids.slice(0, 50), 32), /dim 16, expected 32/);
  refused(() => AnnIndex.load(path, ids.slice(1, 51)), /itemIds differ/);
  refused(() => AnnIndex.load(join(dir, 'missing.hnsw')), /meta file is missing/);
  truncateSync(path, statSync(path).size - 100);
  refused(() => AnnIndex.load(path), /torn or mixed save/);
  writeFileSync(metaPathOf(path), '{not json');
  refused(() => AnnIndex.load(path), /not JSON/);
});

test('ann index - arguments are validated', () => {
  const index = AnnIndex.build(ids.slice(0, 10), vectors.subarray(0, 10 * dim), dim);
  assert.throws(() => AnnIndex.build(ids, vectors, dim + 1), RangeError);
  assert.throws(() => AnnIndex.build(['a', 'a'], new Float32Array(2 * dim).fill(1), dim), /unique/);
  assert.throws(() => AnnIndex.build(ids, vectors, dim, { M: 1 }), RangeError);
  assert.throws(() => index.search(new Float32Array(dim - 1), 5), RangeError);
  assert.throws(() => index.search(row(0), 0), RangeError);
  assert.throws(() => index.search(new Float32Array(dim).fill(Number.NaN), 5), /finite/);
  assert.throws(() => index.add('z', new Float32Array(dim)), /all zeros/);
  assert.throws(() => index.setEf(0), RangeError);
  assert.equal(index.search(row(0), 100).length, 10, 'k above size returns what there is');
});
