import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FUSION_FEATURE_COUNT, FUSION_FEATURES, RAW_VALUES, SessionModel, fusionFeatures } from '../../actors/recommend/index.js';
import type { FusionFeature } from '../../actors/recommend/index.js';
import { HOUR, ids, model, randomSessions, session } from './helpers.js';

/** Every fusion weight 0 except the given ones. */
function only(w: Partial<Record<FusionFeature, number>>): Record<FusionFeature, number> {
  const out = Object.fromEntries(FUSION_FEATURES.map((f) => [f, 0])) as Record<FusionFeature, number>;
  return Object.assign(out, w);
}

test('fusion - features of a hand-made candidate', () => {
  // knn 0.5, seq 1, cov 0, re-click rate 0.2, no extra, trend 0.1; rates 0.25 / 0 / popRel 2 / cov 0; 4th in the base order
  const raw = Float64Array.from([0.5, 1, 0, 0.2, 0, 0.1, 0.25, 0, 2, 0, 3]);
  assert.equal(raw.length, RAW_VALUES);
  const ctx = Float64Array.from([Math.E, 0.8, 0.5, 0, 0.01]); // e distinct items: log length 1
  const phi = new Float64Array(FUSION_FEATURE_COUNT);
  fusionFeatures(raw, 0, ctx, phi);
  const f = (name: FusionFeature): number => phi[FUSION_FEATURES.indexOf(name)]!;
  assert.equal(f('knn'), 0.5);
  assert.equal(f('rep'), 0.2);
  assert.ok(Math.abs(f('seqLog') - Math.log(1.001)) < 1e-12);
  assert.ok(Math.abs(f('covLog') - Math.log(1e-3)) < 1e-12, 'a signal that missed the candidate reads the floor');
  assert.ok(Math.abs(f('knnLen') - 0.5) < 1e-12);
  assert.ok(Math.abs(f('seqConf') - Math.log(0.501)) < 1e-12);
  assert.ok(Math.abs(f('seqLastRate') - Math.log(0.2501)) < 1e-12);
  assert.ok(Math.abs(f('popRel') - Math.log(2)) < 1e-12);
  assert.ok(Math.abs(f('baseRank') - Math.log(4)) < 1e-12);
});

test('fusion - with the weighted-sum weights, learned mode ranks exactly as fusionMode 0', () => {
  const log = randomSessions(3000, 200);
  const sum = { diversity: 0 };
  const learned = { diversity: 0, fusionMode: 3, fusionWeights: only({ knn: 1, seq: 1, cov: 0.3, rep: 5, extra: 0.3, pop: 0.02 }) };
  const a = model({ ...sum, fusionMode: 0 }, log);
  const b = model(learned, log);
  for (const q of ['I1', 'I3 I7', 'I2 I5 I2 I9', 'I150 I4']) {
    const items = session(q, 4000 * HOUR);
    assert.deepEqual(ids(b, { items, k: 20 }), ids(a, { items, k: 20 }), q);
  }
});

test('fusion - the transition-rate feature decides between two successors', () => {
  // after A: B three times, C once; D only co-occurs
  const log = ['A B', 'A B', 'A B', 'A C', 'D A'];
  const q = { items: session('A', 10 * HOUR), k: 2, exclude: new Set(['A', 'D']) };
  const towards = model({ fusionMode: 3, fusionWeights: only({ seqLastRate: 1 }) }, log);
  assert.deepEqual(ids(towards, q), ['B', 'C']);
  // a negative weight reverses it: the weights, not the weighted sum, decide inside the shortlist
  const against = model({ fusionMode: 3, fusionWeights: only({ seqLastRate: -1 }) }, log);
  assert.deepEqual(ids(against, q), ['C', 'B']);
});

test('fusion - a switched-off signal stays off in learned mode', () => {
  const log = ['A B', 'A B', 'A B', 'A C', 'A C', 'A C', 'A C', 'C A'];
  // only co-visitation on: B and C are found; the sequence rate must not break their co-visitation order
  const m = model({ fusionMode: 3, weightSequence: 0, weightKnn: 0, weightRepeat: 0, weightPopularity: 0, fusionWeights: only({ cov: 1, seqLastRate: -5 }) }, log);
  assert.deepEqual(ids(m, { items: session('A', 20 * HOUR), k: 2 }), ['C', 'B']);
});

test('fusion - fusionWeights are validated by name', () => {
  assert.throws(() => new SessionModel({ fusionWeights: { nope: 1 } as never }), /fusionWeights has unknown feature nope/);
  assert.throws(() => new SessionModel({ fusionWeights: { knn: Number.NaN } }), /fusionWeights.knn must be a number/);
  assert.throws(() => new SessionModel({ fusionMode: 4 }), /fusionMode/);
  assert.doesNotThrow(() => new SessionModel({ fusionWeights: { knn: 2 } }));
});
