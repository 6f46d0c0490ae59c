import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SessionModel } from '../../actors/recommend/index.js';
import { HOUR, learn, model, randomSessions, session } from './helpers.js';

const QUERIES = ['I1', 'I2 I5', 'I9 I3 I9', 'I40 I41 I2 I7', 'unknown I4', ''];

function answers(m: SessionModel, end: number): unknown[] {
  return QUERIES.map((q) => m.recommend({ items: q === '' ? [] : session(q, end), k: 20 }));
}

test('snapshot - a restored model gives identical recommendations, now and after more events', () => {
  const a = model({ maxSessions: 500, maxNeighboursPerItem: 20, maxSessionsPerItem: 30 }, randomSessions(1500, 120, 7));
  const end = 1500 * HOUR;
  const b = SessionModel.fromSnapshot(a.toSnapshot());
  assert.deepEqual(answers(b, end), answers(a, end));
  assert.deepEqual(b.stats(), a.stats());
  // the restored model must also learn exactly like the original
  const more = randomSessions(300, 150, 8);
  learn(a, more, end, HOUR);
  learn(b, more, end, HOUR);
  assert.deepEqual(answers(b, end + 300 * HOUR), answers(a, end + 300 * HOUR));
});

test('snapshot - options survive the round trip', () => {
  const a = model({ weightKnn: 0, weightCoVisit: 0, weightRepeat: 0, weightPopularity: 0 }, ['A B', 'A B', 'A C']);
  const b = SessionModel.fromSnapshot(a.toSnapshot());
  // with only sequence rules on, B comes first and nothing else scores above C
  assert.deepEqual(b.recommend({ items: session('A', 10 * HOUR), k: 2 }).map((r) => r.itemId), ['B', 'C']);
});

test('snapshot - garbage is refused with a clear error', () => {
  assert.throws(() => SessionModel.fromSnapshot(new Uint8Array([1, 2, 3])), RangeError);
  assert.throws(() => SessionModel.fromSnapshot('x' as unknown as Uint8Array), TypeError);
});
