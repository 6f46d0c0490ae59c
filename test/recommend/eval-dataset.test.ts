import assert from 'node:assert/strict';
import { test } from 'node:test';
import { caseCount, testSessions, validationSplit } from '../../eval/dataset.js';
import { RankMetrics } from '../../eval/metrics.js';

test('eval dataset - test cases group back into sessions, longest-first or shortest-first', () => {
  const longestFirst = [
    { prefix: ['a', 'b', 'c'], target: 'd' },
    { prefix: ['a', 'b'], target: 'c' },
    { prefix: ['a'], target: 'b' },
    { prefix: ['x'], target: 'y' },
  ];
  assert.deepEqual(testSessions(longestFirst), [
    { items: ['a', 'b', 'c', 'd'], cases: [1, 2, 3] },
    { items: ['x', 'y'], cases: [1] },
  ]);
  const shortestFirst = [{ prefix: ['a'], target: 'b' }, { prefix: ['a', 'b'], target: 'c' }, { prefix: ['q'], target: 'q' }];
  assert.deepEqual(testSessions(shortestFirst), [
    { items: ['a', 'b', 'c'], cases: [1, 2] },
    { items: ['q', 'q'], cases: [1] },
  ]);
  assert.equal(caseCount(testSessions(longestFirst)), longestFirst.length);
});

test('eval dataset - a lone last-click case is scored once, its prefix only learned', () => {
  const s = testSessions([{ prefix: ['a', 'b', 'c'], target: 'd' }, { prefix: ['x', 'y'], target: 'z' }]);
  assert.deepEqual(s.map((x) => x.cases), [[3], [2]]);
  assert.equal(caseCount(s), 2);
});

test('eval dataset - validation cut from the end, unseen items dropped, every prefix a case', () => {
  const train = [['a', 'b'], ['b', 'c'], ['c', 'a'], ['a', 'z', 'b', 'c'], ['z', 'a']];
  const v = validationSplit(train, 0.4);
  assert.deepEqual(v.train, [['a', 'b'], ['b', 'c'], ['c', 'a']]);
  assert.deepEqual(v.test, [
    { prefix: ['a'], target: 'b' },
    { prefix: ['a', 'b'], target: 'c' },
  ]);
});

test('eval metrics - HR and MRR at 20 count ranks exactly', () => {
  const m = new RankMetrics();
  m.add(['t', 'x'], 't');
  m.add(['x', 'y', 't'], 't');
  m.add(Array.from({ length: 25 }, (_, i) => (i === 20 ? 't' : `x${i}`)), 't'); // rank 21: a miss
  const s = m.summary();
  assert.equal(s.n, 3);
  assert.equal(s.hr, 2 / 3);
  assert.ok(Math.abs(s.mrr - (1 + 1 / 3) / 3) < 1e-12);
});
