import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addOrder, addPurchaseLine, DAY_MS, DEFAULT_SEGMENT_RULES, emptyHistory, foldRfmInput, parseUtcDate, rfm, rfmInputOf,
  scoreRfm, SegmentMap, segmentTransitions, type CustomerHistory, type RfmInput,
} from '../../engine/analytics/customers/index.js';
import { referenceSegment } from '../kit/analytics-reference.js';

const AS_OF = parseUtcDate('2024-03-01');

function input(id: string, daysAgo: number, orders: number, revenue: number): RfmInput {
  return { customerId: id, lastOrderTs: AS_OF - daysAgo * DAY_MS - 1, orders, revenue };
}

describe('rfm - scores', () => {
  it('rfm - quintile of rank: position i of n scores floor(5 i / n) + 1', () => {
    // 7 customers, F strictly increasing with id: positions 0..6 -> 1,1,2,3,3,4,5
    const xs = Array.from({ length: 7 }, (_, i) => input(`c${i}`, 10, i + 1, 100));
    const res = scoreRfm(xs, AS_OF);
    assert.deepEqual(res.scores.map((s) => s.f), [1, 1, 2, 3, 3, 4, 5]);
    // n = 5: one per score; n = 10: two per score
    assert.deepEqual(scoreRfm(xs.slice(0, 5), AS_OF).scores.map((s) => s.f), [1, 2, 3, 4, 5]);
    const ten = Array.from({ length: 10 }, (_, i) => input(`c${i}`, 10, i + 1, 100));
    assert.deepEqual(scoreRfm(ten, AS_OF).scores.map((s) => s.f), [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('rfm - ties are broken by customer id ascending, R puts the most days first', () => {
    // All equal: scores follow id order (code units: "B" < "a" < "b").
    const xs = [input('b', 5, 1, 10), input('a', 5, 1, 10), input('B', 5, 1, 10), input('c', 5, 1, 10), input('d', 5, 1, 10)];
    const res = scoreRfm(xs, AS_OF);
    const by = new Map(res.scores.map((s) => [s.customerId, s]));
    assert.deepEqual(['B', 'a', 'b', 'c', 'd'].map((id) => by.get(id)!.r), [1, 2, 3, 4, 5]);
    assert.deepEqual(['B', 'a', 'b', 'c', 'd'].map((id) => by.get(id)!.m), [1, 2, 3, 4, 5]);
    // More days since the last order -> lower R.
    const r = scoreRfm([input('x', 1, 1, 1), input('y', 100, 1, 1), input('z', 50, 1, 1), input('w', 2, 1, 1), input('v', 3, 1, 1)], AS_OF);
    const rb = new Map(r.scores.map((s) => [s.customerId, s.r]));
    assert.deepEqual(['y', 'z', 'v', 'w', 'x'].map((id) => rb.get(id)), [1, 2, 3, 4, 5]);
  });

  it('rfm - M ties on whole cents, not on float noise', () => {
    const a = 0.1 + 0.2; // 0.30000000000000004
    const res = scoreRfm([input('b', 1, 1, 0.3), input('a', 1, 1, a)], AS_OF);
    // Equal cents -> id order: a first (score 1), b second (score 3).
    assert.deepEqual(res.scores.map((s) => [s.customerId, s.m]), [['a', 1], ['b', 3]]);
  });

  it('rfm - R is whole days (floor) to asOf 00:00 UTC; orders at or after asOf do not count', () => {
    const h = emptyHistory('u');
    addOrder(h, { orderId: 'o1', ts: AS_OF - 2 * DAY_MS + 1, revenue: 5 }); // 1.99999 days before
    addOrder(h, { orderId: 'o2', ts: AS_OF, revenue: 7 }); // at asOf: excluded
    const res = rfm([h], AS_OF);
    assert.equal(res.scores[0]!.recencyDays, 1);
    assert.equal(res.scores[0]!.frequency, 1);
    assert.equal(res.scores[0]!.monetary, 5);
    assert.equal(rfm([h], AS_OF - 2 * DAY_MS).customers, 0);
    assert.throws(() => rfm([h], AS_OF + 5), RangeError);
  });

  it('rfm - FM = round-half-up((F + M) / 2)', () => {
    // F score 1..5 by frequency, M score reversed by revenue: F + M = 6 for all -> FM 3;
    // shift M by one position to get odd sums.
    const xs = [input('a', 1, 1, 50), input('b', 1, 2, 40), input('c', 1, 3, 30), input('d', 1, 4, 20), input('e', 1, 5, 10)];
    const s = scoreRfm(xs, AS_OF).scores;
    assert.deepEqual(s.map((x) => [x.f, x.m, x.fm]), [[1, 5, 3], [2, 4, 3], [3, 3, 3], [4, 2, 3], [5, 1, 3]]);
    const odd = [input('a', 1, 1, 10), input('b', 1, 2, 10), input('c', 1, 3, 10), input('d', 1, 4, 10), input('e', 1, 5, 9)];
    // M: e lowest (1), then a..d by id (2..5); F: a..e = 1..5
    assert.deepEqual(scoreRfm(odd, AS_OF).scores.map((x) => [x.f, x.m, x.fm]), [[1, 2, 2], [2, 3, 3], [3, 4, 4], [4, 5, 5], [5, 1, 3]]);
  });
});

describe('rfm - segments', () => {
  it('rfm - the default map is the issue text, first match wins, every cell covered', () => {
    const map = new SegmentMap();
    for (let r = 1; r <= 5; r++) for (let fm = 1; fm <= 5; fm++) assert.equal(map.segmentOf(r, fm), referenceSegment(r, fm), `R=${r} FM=${fm}`);
    // Order matters: R=4 FM=4 is Champions (also Loyal), R=1 FM=4 is Can't Lose Them (also At Risk).
    assert.equal(map.segmentOf(4, 4), 'Champions');
    assert.equal(map.segmentOf(3, 4), 'Loyal Customers');
    assert.equal(map.segmentOf(1, 4), "Can't Lose Them");
    assert.equal(map.segmentOf(1, 3), 'At Risk');
    assert.equal(map.segmentOf(2, 5), 'At Risk');
    assert.equal(map.segmentOf(5, 1), 'New Customers');
    assert.deepEqual(map.names, DEFAULT_SEGMENT_RULES.map((r) => r.name));
    assert.equal(map.names.length, 11);
  });

  it('rfm - a custom map is checked when it is made', () => {
    assert.throws(() => new SegmentMap([{ name: 'Top', r: [4, 5], fm: [1, 5] }]), /R=1 FM=1 without a segment/);
    assert.throws(() => new SegmentMap([{ name: 'A', r: [1, 5], fm: [1, 5] }, { name: 'A', r: [1, 5], fm: [1, 5] }]), /duplicate/);
    assert.throws(() => new SegmentMap([{ name: 'A', r: [0, 5], fm: [1, 5] }]), RangeError);
    const two = new SegmentMap([{ name: 'Recent', r: [4, 5], fm: [1, 5] }, { name: 'Other', r: [1, 5], fm: [1, 5] }]);
    const res = scoreRfm(Array.from({ length: 5 }, (_, i) => input(`c${i}`, i, 1, 1)), AS_OF, { segments: two });
    assert.deepEqual(res.segments, { Recent: 2, Other: 3 });
  });

  it('rfm - counts list every segment of the map, zeros included, and sum to the customers', () => {
    const res = scoreRfm([input('a', 1, 1, 1)], AS_OF);
    assert.equal(Object.keys(res.segments).length, 11);
    assert.equal(Object.values(res.segments).reduce((a, b) => a + b, 0), 1);
    // n = 1: position 0 scores 1 on every axis -> R=1 FM=1
    assert.deepEqual([res.scores[0]!.r, res.scores[0]!.fm, res.scores[0]!.segment], [1, 1, 'Lost']);
  });
});

describe('rfm - state', () => {
  it('rfm - history folds give the same input in any order; the compact fold agrees', () => {
    const lines = [
      { orderId: 'o2', ts: 2000, itemId: 'x', qty: 1, price: 3 },
      { orderId: 'o1', ts: 1000, itemId: 'y', qty: 2, price: 1.5 },
      { orderId: 'o2', ts: 2000, itemId: 'z', qty: 1, price: 4 },
      { orderId: 'o3', ts: 1500, itemId: 'x', qty: 1, price: 10 },
    ];
    const build = (ls: typeof lines): CustomerHistory => ls.reduce((h, l) => addPurchaseLine(h, l), emptyHistory('u'));
    const a = build(lines);
    const b = build([...lines].reverse());
    assert.deepEqual(a.orders.map((o) => [o.orderId, o.revenue]), [['o1', 3], ['o3', 10], ['o2', 7]]);
    assert.deepEqual(b.orders.map((o) => [o.orderId, o.revenue]), [['o1', 3], ['o3', 10], ['o2', 7]]);
    let compact: RfmInput | undefined;
    const seen = new Set<string>();
    for (const l of lines) {
      compact = foldRfmInput(compact, 'u', { ts: l.ts, revenue: l.qty * l.price }, !seen.has(l.orderId));
      seen.add(l.orderId);
    }
    assert.deepEqual(compact, rfmInputOf(a, 10_000));
    assert.deepEqual(rfmInputOf(a, 1600), { customerId: 'u', lastOrderTs: 1500, orders: 2, revenue: 13 });
  });

  it('rfm - transitions between two dates name every customer who moved', () => {
    const h = (id: string, ts: number[]): CustomerHistory => ts.reduce((x, t, i) => addOrder(x, { orderId: `${id}${i}`, ts: t, revenue: 10 }), emptyHistory(id));
    const d = (s: string): number => parseUtcDate(s);
    const hs = [h('a', [d('2024-01-01'), d('2024-02-20')]), h('b', [d('2024-01-05')]), h('c', [d('2024-02-25')])];
    const before = rfm(hs, d('2024-02-01'));
    const after = rfm(hs, d('2024-03-01'));
    const t = segmentTransitions(before, after);
    const c = t.moves.find((m) => m.customerId === 'c');
    assert.deepEqual(c, { customerId: 'c', from: null, to: after.scores.find((s) => s.customerId === 'c')!.segment });
    const total = Object.values(t.counts).flatMap((row) => Object.values(row)).reduce((x, y) => x + y, 0);
    assert.equal(total, 3);
    for (const m of t.moves) assert.notEqual(m.from, m.to);
  });
});
