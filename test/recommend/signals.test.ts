import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DAY, HOUR, ONLY, ids, model, session } from './helpers.js';

test('sequence - recommends what follows the last item, not what precedes it', () => {
  const m = model(ONLY.sequence, ['A B', 'A B', 'A B', 'A B', 'B C', 'B C']);
  const recs = m.recommend({ items: session('B', 10 * HOUR), k: 3 });
  assert.equal(recs[0]?.itemId, 'C');
  assert.match(recs[0]?.reason ?? '', /because you viewed B/);
  // A never followed B: the sequence signal must not put it first
  assert.notEqual(recs[0]?.itemId, 'A');
});

test('sequence - a nearer successor outweighs a farther one', () => {
  const m = model(ONLY.sequence, ['A B C', 'A B C']);
  assert.deepEqual(ids(m, { items: session('A', 5 * HOUR), k: 2 }), ['B', 'C']);
});

test('co-visitation - symmetric: items seen together are recommended both ways', () => {
  const m = model(ONLY.coVisit, ['A B', 'A B', 'A B', 'A B', 'B C', 'B C']);
  const recs = m.recommend({ items: session('B', 10 * HOUR), k: 2 });
  assert.equal(recs[0]?.itemId, 'A');
  assert.match(recs[0]?.reason ?? '', /often viewed together with B/);
});

test('co-visitation - time decay lets recent co-visits beat older, more numerous ones', () => {
  const old = ['A X', 'A X', 'A X'];
  const m = model({ ...ONLY.coVisit, halfLifeMs: HOUR }, old, 0, 60_000);
  // one day later, a single A-Y session: 24 half-lives newer than the three A-X ones
  m.observe('late', { itemId: 'A', ts: DAY, kind: 'view' });
  m.observe('late', { itemId: 'Y', ts: DAY + 60_000, kind: 'view' });
  assert.equal(ids(m, { items: session('A', DAY + HOUR), k: 1 })[0], 'Y');
  // without decay the three old sessions win
  const flat = model({ ...ONLY.coVisit, halfLifeMs: 1e15 }, old, 0, 60_000);
  flat.observe('late', { itemId: 'A', ts: DAY, kind: 'view' });
  flat.observe('late', { itemId: 'Y', ts: DAY + 60_000, kind: 'view' });
  assert.equal(ids(flat, { items: session('A', DAY + HOUR), k: 1 })[0], 'X');
});

test('session-kNN - the session sharing most items votes loudest', () => {
  const m = model(ONLY.knn, ['A B E', 'A F', 'G H', 'G H', 'G H']);
  const recs = m.recommend({ items: session('A B', 10 * HOUR), k: 6 });
  const others = recs.filter((r) => r.itemId !== 'A' && r.itemId !== 'B');
  assert.equal(others[0]?.itemId, 'E');
  assert.equal(others[0]?.reason, 'shoppers with similar sessions viewed this');
  assert.equal(others[1]?.itemId, 'F');
  // G and H share nothing with the session: only trending can bring them in
  for (const r of recs.filter((x) => x.itemId === 'G' || x.itemId === 'H')) assert.equal(r.reason, 'trending');
});

test('session-kNN - a recent neighbour outweighs an old one with the same overlap', () => {
  const m = model({ ...ONLY.knn, knnRecencyHalfLifeMs: DAY }, ['A X'], 0);
  m.observe('recent', { itemId: 'A', ts: 10 * DAY, kind: 'view' });
  m.observe('recent', { itemId: 'Y', ts: 10 * DAY + 60_000, kind: 'view' });
  const got = ids(m, { items: session('A', 10 * DAY + HOUR), k: 3 }).filter((x) => x !== 'A');
  assert.deepEqual(got.slice(0, 2), ['Y', 'X']);
});

test('session-kNN - the shopper\'s own live session is not its own neighbour when sessionKey is given', () => {
  const m = model(ONLY.knn, ['Q R']);
  m.observe('me', { itemId: 'Q', ts: 5 * HOUR, kind: 'view' });
  m.observe('me', { itemId: 'Z', ts: 5 * HOUR + 60_000, kind: 'view' });
  const q = { items: session('Q', 5 * HOUR + 120_000), k: 3 };
  assert.ok(ids(m, q).includes('Z'), 'without sessionKey the own session votes for Z');
  const recs = m.recommend({ ...q, sessionKey: 'me' });
  assert.notEqual(recs.find((r) => r.itemId === 'Z')?.reason, 'shoppers with similar sessions viewed this');
  assert.equal(recs.filter((r) => r.itemId !== 'Q')[0]?.itemId, 'R');
});

test('popularity - a new shopper gets trending items, most recent popularity first', () => {
  const m = model({ trendHalfLifeMs: HOUR }, ['P', 'P', 'P', 'P'], 0, 60_000);
  for (let i = 0; i < 2; i++) m.observe(`late${i}`, { itemId: 'N', ts: DAY + i * 60_000, kind: 'view' });
  const recs = m.recommend({ items: [], k: 2 });
  assert.deepEqual(recs.map((r) => r.itemId), ['N', 'P']);
  for (const r of recs) assert.equal(r.reason, 'trending');
});

test('popularity - a session of unknown items falls back to trending', () => {
  const m = model({}, ['A B', 'A B', 'C']);
  const recs = m.recommend({ items: session('never-seen', 5 * HOUR), k: 3 });
  assert.equal(recs.length, 3);
  assert.deepEqual(new Set(recs.map((r) => r.itemId)), new Set(['A', 'B', 'C']));
});

test('repeat - with the measured re-click rate, the last item comes first when shoppers re-click it', () => {
  // in this log shoppers nearly always click their last item again
  const m = model({ weightKnn: 0, weightSequence: 0, weightCoVisit: 0 }, ['A A B B', 'C C D D', 'E E F F', 'G G']);
  assert.equal(ids(m, { items: session('C D', 10 * HOUR), k: 1 })[0], 'D');
});

test('sessions - an inactivity gap starts a new session: no rule across it', () => {
  const m = model(ONLY.sequence, []);
  m.observe('u', { itemId: 'A', ts: 0, kind: 'view' });
  m.observe('u', { itemId: 'B', ts: 2 * HOUR, kind: 'view' }); // > 30 min default gap
  const recs = m.recommend({ items: session('A', 3 * HOUR), k: 5 });
  assert.ok(!recs.some((r) => r.reason.startsWith('because you viewed')), JSON.stringify(recs));
  m.observe('u', { itemId: 'C', ts: 2 * HOUR + 60_000, kind: 'view' });
  assert.equal(m.recommend({ items: session('B', 3 * HOUR), k: 1 })[0]?.itemId, 'C');
});

test('sessions - dwell events are no step of the sequence', () => {
  const m = model(ONLY.sequence, []);
  m.observe('u', { itemId: 'A', ts: 0, kind: 'view' });
  m.observe('u', { itemId: 'D', ts: 1000, kind: 'dwell' });
  m.observe('u', { itemId: 'B', ts: 2000, kind: 'view' });
  assert.deepEqual(ids(m, { items: session('A', HOUR), k: 1 }), ['B']);
  assert.equal(m.stats().observed, 2);
});
