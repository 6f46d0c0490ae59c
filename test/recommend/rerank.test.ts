import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HOUR, ids, model, randomSessions, session } from './helpers.js';

const LOG = ['A B', 'A B', 'A C', 'A D', 'B C', 'E F', 'E F', 'E F'];

test('rerank - an out-of-stock item is never returned, whatever k', () => {
  const m = model({}, LOG);
  const all = ids(m, { items: session('A', 20 * HOUR), k: 20 });
  assert.ok(all.includes('B'), 'B is a candidate when in stock');
  for (const k of [1, 3, 20]) {
    const got = ids(m, { items: session('A', 20 * HOUR), k, isAvailable: (id) => id !== 'B' });
    assert.ok(!got.includes('B'), `k=${k}: ${got.join(',')}`);
  }
  // also on the trending path of a brand-new shopper
  assert.ok(!ids(m, { items: [], k: 20, isAvailable: (id) => id !== 'F' }).includes('F'));
});

test('rerank - isAvailable is asked only about items that could make the list', () => {
  const m = model({}, randomSessions(2000, 300));
  const asked = new Set<string>();
  m.recommend({ items: session('I1 I2', 3000 * HOUR), k: 5, isAvailable: (id) => (asked.add(id), true) });
  assert.ok(asked.size > 0 && asked.size < 150, `asked about ${asked.size} items`);
});

test('rerank - excluded items are respected', () => {
  const m = model({}, LOG);
  const got = ids(m, { items: session('A', 20 * HOUR), k: 20, exclude: new Set(['B', 'C']) });
  assert.ok(!got.includes('B') && !got.includes('C'), got.join(','));
  assert.ok(got.length > 0);
});

test('rerank - every item has a reason, named with describe()', () => {
  const m = model({ weightRepeat: 0 }, LOG);
  const recs = m.recommend({ items: session('A', 20 * HOUR), k: 6, describe: (id) => (id === 'A' ? 'Apple' : undefined) });
  assert.ok(recs.length >= 4);
  for (const r of recs) assert.ok(r.reason.length > 0 && r.reason.length < 80, r.reason);
  assert.ok(recs.some((r) => r.reason.includes('Apple')), JSON.stringify(recs));
});

test('rerank - results are best first, without duplicates', () => {
  const m = model({ diversity: 0 }, randomSessions(3000, 200));
  const recs = m.recommend({ items: session('I3 I7 I3', 4000 * HOUR), k: 20 });
  assert.equal(recs.length, 20);
  assert.equal(new Set(recs.map((r) => r.itemId)).size, 20);
  for (let i = 1; i < recs.length; i++) assert.ok(recs[i - 1]!.score >= recs[i]!.score);
});

test('rerank - extraCandidates enter the list, even items never observed', () => {
  const m = model({}, LOG);
  const recs = m.recommend({ items: session('A', 20 * HOUR), k: 10, extraCandidates: [{ itemId: 'NEW', score: 0.9 }] });
  const hit = recs.find((r) => r.itemId === 'NEW');
  assert.ok(hit, JSON.stringify(recs));
  assert.equal(hit.reason, 'similar to items you viewed');
});

test('rerank - diversity lowers the second item explained by the same anchor', () => {
  const log = ['A B', 'A B', 'A B', 'A C', 'A C', 'A C', 'X Y', 'X Y'];
  const base = { weightKnn: 0, weightCoVisit: 0, weightRepeat: 0, weightPopularity: 0, anchorDecay: 1 };
  const q = { items: session('X A', 20 * HOUR), k: 3 };
  assert.deepEqual(ids(model({ ...base, diversity: 0 }, log), q).slice(0, 2).sort(), ['B', 'C']);
  // strong diversity: after B (anchor A), Y (anchor X) beats C (anchor A again)
  assert.equal(ids(model({ ...base, diversity: 0.9 }, log), q)[1], 'Y');
});

test('rerank - bad queries are refused with a clear error', () => {
  const m = model({}, LOG);
  assert.throws(() => m.recommend({ items: [], k: 0 }), RangeError);
  assert.throws(() => m.recommend({ items: [], k: 1.5 }), /k must be an integer/);
  assert.throws(() => m.recommend({ items: [{ itemId: '', ts: 1, kind: 'view' }], k: 3 }), TypeError);
  assert.throws(() => m.recommend({ items: 'A' as unknown as [], k: 3 }), /items must be an array/);
});
