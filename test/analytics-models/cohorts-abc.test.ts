import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  abc, abcClasses, addOrder, addPurchaseLine, cohorts, emptyHistory, parseUtcDate, type CustomerHistory,
} from '../../engine/analytics/customers/index.js';

const d = (s: string, hour = 12): number => parseUtcDate(s) + hour * 3_600_000;

function history(id: string, orders: Array<[string, number]>): CustomerHistory {
  return orders.reduce((h, [day, revenue], i) => addOrder(h, { orderId: `${id}-${i}`, ts: d(day), revenue }), emptyHistory(id));
}

describe('abc - classes', () => {
  it('abc - cumulative share including the product: c <= 0.80 A, <= 0.95 B, else C, exactly on the boundary', () => {
    const r = abcClasses(new Map([['p1', 80], ['p2', 15], ['p3', 5]]));
    assert.deepEqual(r.products.map((p) => [p.itemId, p.class]), [['p1', 'A'], ['p2', 'B'], ['p3', 'C']]);
    assert.deepEqual(r.classes, { A: 1, B: 1, C: 1 });
    // One cent over the A boundary makes the first product B.
    const over = abcClasses(new Map([['p1', 80.01], ['p2', 14.99], ['p3', 5]]));
    assert.deepEqual(over.products.map((p) => p.class), ['B', 'B', 'C']);
    // A single product holds 100 %: C.
    assert.equal(abcClasses(new Map([['only', 3]])).products[0]!.class, 'C');
  });

  it('abc - ties by product id ascending, then cumulative', () => {
    const r = abcClasses(new Map([['b', 40], ['a', 40], ['c', 15], ['d', 5]]));
    // a: 0.40 A, b: 0.80 A, c: 0.95 B, d: 1 C
    assert.deepEqual(r.products.map((p) => [p.itemId, p.class]), [['a', 'A'], ['b', 'A'], ['c', 'B'], ['d', 'C']]);
    assert.deepEqual(r.revenue, { A: 80, B: 15, C: 5 });
  });

  it('abc - the window: from <= ts < asOf', () => {
    const h = emptyHistory('u');
    addPurchaseLine(h, { orderId: 'o1', ts: d('2024-01-10'), itemId: 'old', qty: 100, price: 1 });
    addPurchaseLine(h, { orderId: 'o2', ts: d('2024-02-10'), itemId: 'new', qty: 1, price: 1 });
    addPurchaseLine(h, { orderId: 'o3', ts: parseUtcDate('2024-03-01'), itemId: 'late', qty: 1000, price: 1 });
    const all = abc([h], { asOf: parseUtcDate('2024-03-01') });
    assert.deepEqual(all.products.map((p) => p.itemId), ['old', 'new']);
    const feb = abc([h], { asOf: parseUtcDate('2024-03-01'), from: parseUtcDate('2024-02-01') });
    assert.deepEqual(feb.products.map((p) => [p.itemId, p.class]), [['new', 'C']]);
    assert.throws(() => abc([h], { asOf: parseUtcDate('2024-03-01'), from: parseUtcDate('2024-04-01') }), RangeError);
  });
});

describe('cohorts - table', () => {
  it('cohorts - month of first order, share active per month, revenue retention vs month 0', () => {
    const hs = [
      history('a', [['2024-01-05', 10], ['2024-01-20', 5], ['2024-03-02', 30]]),
      history('b', [['2024-01-31', 20], ['2024-02-01', 10]]),
      history('c', [['2024-02-10', 8], ['2024-03-31', 4]]),
    ];
    const t = cohorts(hs, parseUtcDate('2024-03-15'));
    // March is partial: c's 03-31 order is after asOf.
    assert.deepEqual(t.cohorts.map((c) => c.cohort), ['2024-01', '2024-02']);
    const [jan, feb] = t.cohorts as [(typeof t.cohorts)[0], (typeof t.cohorts)[0]];
    assert.equal(jan.size, 2);
    assert.deepEqual(jan.active, [2, 1, 1]);
    assert.deepEqual(jan.retention, [1, 0.5, 0.5]);
    assert.deepEqual(jan.revenue, [35, 10, 30]);
    assert.deepEqual(jan.revenueRetention, [1, 10 / 35, 30 / 35]);
    assert.deepEqual(feb.active, [1, 0]);
    assert.deepEqual(feb.revenueRetention, [1, 0]);
  });

  it('cohorts - at most 13 months (0..12), months starting at or after asOf are not reported', () => {
    const hs = [history('a', [['2023-01-15', 1], ['2024-01-15', 1], ['2024-02-15', 1]])];
    const t = cohorts(hs, parseUtcDate('2024-06-01'));
    assert.equal(t.cohorts[0]!.active.length, 13);
    assert.equal(t.cohorts[0]!.active[12], 1);
    // asOf on the 1st: that month has not started.
    assert.equal(cohorts(hs, parseUtcDate('2023-03-01')).cohorts[0]!.active.length, 2);
    assert.equal(cohorts(hs, parseUtcDate('2023-03-02')).cohorts[0]!.active.length, 3);
  });
});
