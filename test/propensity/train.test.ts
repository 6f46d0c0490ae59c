import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveTrainOptions, serializeModel, trainIntentModel } from '../../actors/propensity/index.js';
import { rocAuc } from '../../eval/intent/metrics.js';
import { row, synthetic } from './helpers.js';

const FAST = { learningRate: 0.1, maxIterations: 200 };

test('propensity - learns a synthetic purchase problem with an interaction (held-out ROC-AUC > 0.9)', () => {
  const train = synthetic(3000, 1);
  const test = synthetic(2000, 2);
  const m = trainIntentModel(train, FAST);
  const p = Array.from({ length: test.y.length }, (_, i) => m.score(row(test, i)));
  const auc = rocAuc(test.y, p);
  // 5 % flipped labels cap a perfect model near 0.95; a model that missed the interaction sits near 0.85
  assert.ok(auc > 0.9, `held-out ROC-AUC ${auc}`);
  for (const v of p) assert.ok(v > 0 && v < 1);
  assert.ok(m.treeCount > 5 && m.treeCount <= 200, `${m.treeCount} trees`);
});

test('propensity - the same seed gives the same model bit for bit; another seed another model', () => {
  const d = synthetic(1500, 3);
  const a = serializeModel(trainIntentModel(d, { ...FAST, seed: 7, bags: 2 }));
  const b = serializeModel(trainIntentModel(d, { ...FAST, seed: 7, bags: 2 }));
  const c = serializeModel(trainIntentModel(d, { ...FAST, seed: 8, bags: 2 }));
  assert.equal(a, b);
  assert.notEqual(a, c);
});

test('propensity - contributions plus bias add up to the margin; explanations name the driving feature', () => {
  const d = synthetic(3000, 4);
  const m = trainIntentModel(d, FAST);
  const out = new Float64Array(d.features.length);
  for (let i = 0; i < 50; i++) {
    const x = row(d, i);
    const bias = m.contributions(x, out);
    const sum = out.reduce((a, b) => a + b, bias);
    assert.ok(Math.abs(sum - m.margin(x)) < 1e-9, `row ${i}: ${sum} vs ${m.margin(x)}`);
  }
  // a session with a very high page value and few pages: PageValues must lead, pushing towards buying
  const x = Float64Array.from([2, 30, 95, 0.1, 3]);
  const [top] = m.explain(x, 3);
  assert.ok(top !== undefined);
  assert.equal(top.feature, 'PageValues');
  assert.ok(top.contribution > 0.5, `contribution ${top.contribution}`);
  assert.match(top.text, /^PageValues high \(\+\d+\.\d\d\)$/);
  // no page value, short dwell: both push away from buying and are among the top three
  const low = m.explain(Float64Array.from([2, 30, 0, 0.1, 3]), 3);
  const pv = low.find((c) => c.feature === 'PageValues');
  assert.ok(pv !== undefined && pv.contribution < 0, JSON.stringify(low));
  assert.match(pv.text, /^PageValues zero \(-\d+\.\d\d\)$/);
  assert.ok(low.some((c) => c.feature === 'ProductRelated_Duration' && c.contribution < 0), JSON.stringify(low));
  assert.ok(low.every((c, i) => i === 0 || Math.abs(c.contribution) <= Math.abs((low[i - 1] as typeof c).contribution)), 'largest first');
});

test('propensity - early stopping ends before maxIterations on noise; without it every round is kept', () => {
  const d = synthetic(1500, 5);
  // labels shuffled: nothing to learn, so validation loss stops improving quickly
  const y = Uint8Array.from(d.y);
  for (let i = y.length - 1; i > 0; i--) {
    const j = (i * 7919) % (i + 1);
    [y[i], y[j]] = [y[j] as number, y[i] as number];
  }
  const stopped = trainIntentModel({ ...d, y }, { learningRate: 0.1, maxIterations: 300, earlyStoppingRounds: 10 });
  assert.ok(stopped.treeCount < 100, `${stopped.treeCount} trees`);
  const all = trainIntentModel(d, { learningRate: 0.1, maxIterations: 30, validationFraction: 0 });
  assert.equal(all.treeCount, 30);
});

test('propensity - options and data are checked, naming what is wrong', () => {
  assert.throws(() => resolveTrainOptions({ maxLeaves: 1 }), { name: 'RangeError', message: /maxLeaves must be in \[2, 4096\]/ });
  assert.throws(() => resolveTrainOptions({ learningRate: Number.NaN }), { name: 'TypeError', message: /learningRate must be a number/ });
  assert.throws(() => resolveTrainOptions({ depth: 3 } as never), { name: 'RangeError', message: /depth is not a known option/ });
  const d = synthetic(100, 6);
  assert.throws(() => trainIntentModel({ ...d, y: new Uint8Array(100) }), /needs both classes/);
  assert.throws(() => trainIntentModel({ ...d, x: d.x.subarray(1) }), /want 100 rows x 5 features/);
});

test('propensity - a monotone constraint makes the score rise with the feature; bad constraints are refused', () => {
  const d = synthetic(3000, 9);
  const m = trainIntentModel(d, { ...FAST, monotone: { PageValues: 1 } });
  const free = trainIntentModel(d, FAST);
  let freeDrops = 0;
  for (let i = 0; i < 200; i++) {
    const x = Float64Array.from(row(d, i));
    let prev = Number.NEGATIVE_INFINITY;
    let prevFree = Number.NEGATIVE_INFINITY;
    for (let v = 0; v <= 100; v += 0.5) {
      x[2] = v;
      const s = m.margin(x);
      assert.ok(s >= prev - 1e-12, `row ${i}: margin fell from ${prev} to ${s} at PageValues ${v}`);
      prev = s;
      const f = free.margin(x);
      if (f < prevFree - 1e-9) freeDrops++;
      prevFree = f;
    }
  }
  // the constraint is what keeps it monotone: unconstrained trees do dip somewhere on noisy labels
  assert.ok(freeDrops > 0, 'the unconstrained model was monotone anyway: the test shows nothing');
  assert.throws(() => trainIntentModel(d, { monotone: { ShoeSize: 1 } }), /monotone names ShoeSize/);
  assert.throws(() => resolveTrainOptions({ monotone: { PageValues: 2 } as never }), { name: 'RangeError', message: /monotone\.PageValues must be 1 or -1/ });
  assert.deepEqual(resolveTrainOptions({}).monotone, {});
});
