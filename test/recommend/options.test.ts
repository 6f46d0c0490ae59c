import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_OPTIONS, SessionModel } from '../../actors/recommend/index.js';

test('options - invalid values throw an error naming the option', () => {
  const bad: Array<[Record<string, unknown>, RegExp, typeof Error]> = [
    [{ maxSessions: 0 }, /maxSessions/, RangeError],
    [{ knnNeighbours: 2.5 }, /knnNeighbours must be an integer/, RangeError],
    [{ weightKnn: -1 }, /weightKnn/, RangeError],
    [{ anchorDecay: 2 }, /anchorDecay/, RangeError],
    [{ halfLifeMs: 'day' }, /halfLifeMs must be a number/, TypeError],
    [{ diversity: Number.NaN }, /diversity/, TypeError],
    [{ noSuchOption: 1 }, /noSuchOption is not a known option/, RangeError],
    [{ kindWeights: { view: -1 } }, /kindWeights.view/, RangeError],
    [{ kindWeights: { hover: 1 } }, /unknown kind hover/, RangeError],
  ];
  for (const [opts, msg, type] of bad) {
    assert.throws(() => new SessionModel(opts), (e: unknown) => e instanceof type && msg.test((e as Error).message), JSON.stringify(opts));
  }
});

test('options - defaults are named constants and valid', () => {
  assert.doesNotThrow(() => new SessionModel(DEFAULT_OPTIONS));
  assert.equal(DEFAULT_OPTIONS.sessionGapMs, 30 * 60_000);
  assert.ok(Object.isFrozen(DEFAULT_OPTIONS) || typeof DEFAULT_OPTIONS === 'object');
});

test('options - observe refuses malformed events', () => {
  const m = new SessionModel();
  assert.throws(() => m.observe('u', { itemId: 'A', ts: Number.NaN, kind: 'view' }), /ts must be a finite number/);
  assert.throws(() => m.observe('u', { itemId: 'A', ts: 1, kind: 'hover' as 'view' }), /unknown kind hover/);
  assert.throws(() => m.observe(7 as unknown as string, { itemId: 'A', ts: 1, kind: 'view' }), /sessionKey/);
});

test('options - memory stays bounded by the caps', () => {
  const m = new SessionModel({ maxSessions: 50, maxOpenSessions: 10, maxNeighboursPerItem: 5 });
  for (let i = 0; i < 2000; i++) {
    for (let j = 0; j < 4; j++) m.observe(`u${i}`, { itemId: `I${(i * 7 + j * 13) % 97}`, ts: i * 1000 + j, kind: 'view' });
  }
  const st = m.stats();
  assert.equal(st.openSessions, 10);
  assert.equal(st.indexedSessions, 50);
  // rows are pruned back to the cap once they exceed 2 x cap (plus hash-table slack)
  assert.ok(st.coVisitEntries <= 97 * 16, `coVisitEntries ${st.coVisitEntries}`);
});
