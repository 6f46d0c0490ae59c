import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONTEXT_VALUES, DEFAULT_FUSION_WEIGHTS, FUSION_FEATURE_COUNT, FUSION_FEATURES, RAW_SIGNALS, RAW_VALUES, SessionModel, fusionFeatures, fusionLogit, queryWeights } from '../../actors/recommend/index.js';
import type { FusionFeature } from '../../actors/recommend/index.js';
import { HOUR, ids, model, randomSessions, session } from './helpers.js';

/** Every fusion weight 0 except the given ones. */
function only(w: Partial<Record<FusionFeature, number>>): Record<FusionFeature, number> {
  const out = Object.fromEntries(FUSION_FEATURES.map((f) => [f, 0])) as Record<FusionFeature, number>;
  return Object.assign(out, w);
}

test('fusion - features of a hand-made candidate', () => {
  // knn 0.5, seq 1, cov 0, re-click rate 0.2, no extra, trend 0.1; rates 0.25 / 0 / popRel 2 / cov 0; 4th in the base order;
  // clicked twice in the session, last 3 clicks ago; rates 0 / 0 / reverse 0.5; own re-click rate 0.1;
  // last clicked 7 sessions ago, by 2 of the last 10 sessions
  const raw = Float64Array.from([0.5, 1, 0, 0.2, 0, 0.1, 0.25, 0, 2, 0, 3, 2, 3, 0, 0, 0.5, 0.1, 7, 0.2]);
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
  assert.equal(f('rank0'), 0);
  assert.equal(f('inSess'), 1);
  assert.ok(Math.abs(f('cntLog') - Math.log(3)) < 1e-12);
  assert.ok(Math.abs(f('agoLog') - Math.log(3)) < 1e-12);
  assert.ok(Math.abs(f('revRate') - Math.log(0.5001)) < 1e-12);
  assert.ok(Math.abs(f('selfRep') - Math.log(0.101)) < 1e-12);
  assert.ok(Math.abs(f('sinceLast') - Math.log(7)) < 1e-12);
  assert.ok(Math.abs(f('recentShare') - Math.log(0.20001)) < 1e-12);
  // not in the session: the re-click features read 0, whatever the stored rate
  raw[11] = 0;
  raw[12] = 0;
  fusionFeatures(raw, 0, ctx, phi);
  for (const name of ['inSess', 'cntLog', 'agoLog', 'selfRep'] as const) assert.ok(f(name) === 0, name); // -0 too
});

test('fusion - the query-time logit equals the weights times the features', () => {
  let seed = 7;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const phi = new Float64Array(FUSION_FEATURE_COUNT);
  const qw = new Float64Array(4);
  for (let t = 0; t < 200; t++) {
    const w = t === 0 ? Float64Array.from(FUSION_FEATURES, (f) => DEFAULT_FUSION_WEIGHTS[f]) : Float64Array.from(FUSION_FEATURES, () => rnd() * 4 - 2);
    const raw = Float64Array.from({ length: RAW_VALUES }, () => (rnd() < 0.3 ? 0 : rnd() * 3));
    raw[RAW_SIGNALS + 4] = Math.floor(rnd() * 3); // rank, sometimes 0
    raw[RAW_SIGNALS + 5] = Math.floor(rnd() * 3); // clicks in the session, sometimes 0
    const ctx = Float64Array.from({ length: CONTEXT_VALUES }, () => rnd() * 10);
    fusionFeatures(raw, 0, ctx, phi);
    let want = 0;
    for (let f = 0; f < FUSION_FEATURE_COUNT; f++) want += w[f]! * phi[f]!;
    queryWeights(w, ctx, qw);
    const got = fusionLogit(raw, 0, w, qw);
    assert.ok(Math.abs(got - want) < 1e-9 * (1 + Math.abs(want)), `case ${t}: ${got} vs ${want}`);
  }
});

test('fusion - re-click features: clicks per item and clicks ago, cleared after the query', () => {
  const m = model({}, ['A B C', 'A B D', 'B C', 'C D']);
  const at = (r: { items: string[]; raw: Float64Array }, id: string, j: number): number => r.raw[r.items.indexOf(id) * RAW_VALUES + RAW_SIGNALS + j]!;
  const r = m.candidateSignals({ items: session('A B A C', 10 * HOUR), k: 20 }, 20);
  assert.deepEqual([at(r, 'A', 5), at(r, 'A', 6)], [2, 2], 'A: twice, last two clicks ago');
  assert.deepEqual([at(r, 'C', 5), at(r, 'C', 6)], [1, 1], 'C: once, the latest click');
  assert.deepEqual([at(r, 'D', 5), at(r, 'D', 6)], [0, 0], 'D: not in the session');
  // the next query does not see the previous session's clicks
  const r2 = m.candidateSignals({ items: session('D', 11 * HOUR), k: 20 }, 20);
  assert.ok(r2.items.includes('C'));
  assert.deepEqual([at(r2, 'C', 5), at(r2, 'C', 6)], [0, 0]);
});

test('fusion - the re-click count decides between two items of the session', () => {
  const m = model({ fusionMode: 3, fusionWeights: only({ cntLog: 1 }) }, ['A B', 'B C', 'C A']);
  assert.deepEqual(ids(m, { items: session('A B A C', 10 * HOUR), k: 1 }), ['A']);
});

test('fusion - the reverse transition rate prefers the item that usually leads to the latest one', () => {
  // B -> A twice of B's 3 clicks, C -> A once of C's 2 clicks; A -> B and A -> C once each
  const log = ['B A', 'B A', 'C A', 'A B', 'A C'];
  const q = { items: session('A', 10 * HOUR), k: 2, exclude: new Set(['A']) };
  assert.deepEqual(ids(model({ fusionMode: 3, fusionWeights: only({ revRate: 1 }) }, log), q), ['B', 'C']);
  assert.deepEqual(ids(model({ fusionMode: 3, fusionWeights: only({ revRate: -1 }) }, log), q), ['C', 'B']);
});

test('fusion - recent popularity in sessions: since the last session and the share of recent ones', () => {
  // B only in the first session; C in the four latest
  const m = model({}, ['A B', 'A C', 'X C', 'Y C', 'Z C']);
  const r = m.candidateSignals({ items: session('A', 10 * HOUR), k: 20 }, 20);
  const at = (id: string, j: number): number => r.raw[r.items.indexOf(id) * RAW_VALUES + RAW_SIGNALS + j]!;
  assert.deepEqual([at('B', 11), at('B', 12)], [5, 1 / 5]);
  assert.deepEqual([at('C', 11), at('C', 12)], [1, 1]);
  const q = { items: session('A', 10 * HOUR), k: 2, exclude: new Set(['A']) };
  assert.deepEqual(ids(model({ fusionMode: 3, fusionWeights: only({ recentShare: 1 }) }, ['A B', 'A C', 'X C', 'Y C', 'Z C']), q), ['C', 'B']);
  assert.deepEqual(ids(model({ fusionMode: 3, fusionWeights: only({ sinceLast: 1 }) }, ['A B', 'A C', 'X C', 'Y C', 'Z C']), q), ['B', 'C']);
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
