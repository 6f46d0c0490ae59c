import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featureByName, parseLogisticModel, Prng, resolveLogisticOptions, serializeLogisticModel, trainLogisticModel } from '../../actors/propensity/index.js';
import type { FeatureDef, LogisticFileV1, LogisticIntentModel, TrainingSet } from '../../actors/propensity/index.js';
import { ModelError } from '../../engine/errors/index.js';
import { rocAuc } from '../../eval/intent/metrics.js';
import { row, synthetic } from './helpers.js';

const d = synthetic(3000, 21);
const model = trainLogisticModel(d, { l2: 10 });
const text = serializeLogisticModel(model);

/** Month x VisitorType decides: returning visitors buy in November only, new visitors in May only. */
function crossed(n: number, seed: number): TrainingSet {
  const features = ['Month', 'VisitorType', 'PageValues'].map((x) => featureByName(x) as FeatureDef);
  const r = new Prng(seed);
  const x = new Float64Array(n * 3);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const month = [5, 11, 3][r.int(3)] as number;
    const visitor = r.int(2);
    x.set([month, visitor, r.next() * 10], i * 3);
    const hot = (visitor === 0 && month === 11) || (visitor === 1 && month === 5);
    y[i] = r.next() < (hot ? 0.6 : 0.1) ? 1 : 0;
  }
  return { x, y, features };
}

function refused(t: string, field: string | RegExp): void {
  assert.throws(() => parseLogisticModel(t), (e: unknown) => {
    assert.ok(e instanceof ModelError, `want ModelError, got ${String(e)}`);
    assert.equal(e.code, 'E_BAD_MODEL');
    if (typeof field === 'string') assert.equal(e.field, field);
    else assert.match(e.field ?? '', field);
    return true;
  });
}

function edited(edit: (f: LogisticFileV1) => void): string {
  const f = JSON.parse(text) as LogisticFileV1;
  edit(f);
  return JSON.stringify(f);
}

test('propensity logistic - learns the synthetic purchase problem on held-out rows; probabilities in (0, 1)', () => {
  const held = synthetic(2000, 22);
  const p = Array.from({ length: held.y.length }, (_, i) => model.score(row(held, i)));
  const auc = rocAuc(held.y, p);
  // an additive model cannot form the pages x dwell interaction fully; the page-value step it can
  assert.ok(auc > 0.85, `held-out ROC-AUC ${auc}`);
  for (const v of p) assert.ok(v > 0 && v < 1);
  assert.ok(model.terms.splines.length === 4 && model.terms.categories.length === 1, 'four splines, one category (Region)');
});

test('propensity logistic - a cross of two categories learns what neither alone can', () => {
  const train = crossed(4000, 23);
  const held = crossed(2000, 24);
  const auc = (m: LogisticIntentModel): number => rocAuc(held.y, Array.from({ length: held.y.length }, (_, i) => m.score(row(held, i))));
  const plain = auc(trainLogisticModel(train));
  const withCross = auc(trainLogisticModel(train, { crosses: [['Month', 'VisitorType']] }));
  assert.ok(withCross > plain + 0.1, `with the cross ${withCross}, without ${plain}`);
  assert.throws(() => trainLogisticModel(train, { crosses: [['Month', 'PageValues']] }), /PageValues is not a category feature/);
});

test('propensity logistic - deterministic; contributions plus bias add up to the margin; explanations read like the trees', () => {
  assert.equal(serializeLogisticModel(trainLogisticModel(d, { l2: 10 })), text);
  const out = new Float64Array(d.features.length);
  for (let i = 0; i < 50; i++) {
    const x = row(d, i);
    const bias = model.contributions(x, out);
    assert.ok(Math.abs(out.reduce((a, b) => a + b, bias) - model.margin(x)) < 1e-9, `row ${i}`);
  }
  const [top] = model.explain(Float64Array.from([2, 30, 95, 0.1, 3]), 3);
  assert.ok(top !== undefined);
  assert.equal(top.feature, 'PageValues');
  assert.match(top.text, /^PageValues high \(\+\d+\.\d\d\)$/);
  // a code never seen in training weighs nothing rather than failing
  const x = Float64Array.from([2, 30, 0, 0.1, 3]);
  const unseen = Float64Array.from([2, 30, 0, 0.1, 99]);
  const region = model.terms.categories[0];
  assert.ok(region !== undefined);
  assert.ok(Math.abs(model.margin(unseen) - (model.margin(x) - (region.weights[region.levels.indexOf(3)] as number))) < 1e-12);
  // a missing number moves nothing: its share is zero and the score stays finite
  const missing = Float64Array.from([2, Number.NaN, 0, 0.1, 3]);
  const shares = new Float64Array(5);
  model.contributions(missing, shares);
  assert.equal(shares[1], 0);
  assert.ok(Number.isFinite(model.margin(missing)));
});

test('propensity logistic - a saved and loaded model scores and explains identically', () => {
  const back = parseLogisticModel(text);
  for (let i = 0; i < 300; i++) assert.equal(back.score(row(d, i)), model.score(row(d, i)), `row ${i}`);
  assert.deepEqual(back.explain(row(d, 0)), model.explain(row(d, 0)));
  assert.equal(serializeLogisticModel(back), text);
  assert.equal((JSON.parse(text) as LogisticFileV1).format, 'shop-brain/intent-logistic');
});

test('propensity logistic - truncated, corrupt or foreign files are refused with E_BAD_MODEL naming the field', () => {
  refused(text.slice(0, text.length - 9), '(json)');
  refused('{}', 'format');
  refused(edited((f) => void ((f as { version: number }).version = 2)), 'version');
  refused(edited((f) => void (f.features[0] = 'ShoeSize')), 'features[0]');
  refused(edited((f) => void (f.intercept = Number.NaN)), 'intercept');
  refused(edited((f) => void ((f.splines[0] as { feature: number }).feature = 4)), 'splines[0].feature'); // Region is a category
  refused(edited((f) => void ((f.splines[0] as { feature: number }).feature = 9)), 'splines[0].feature');
  refused(edited((f) => void (f.splines[1]?.knots.reverse())), /^splines\[1\]\.knots\[\d+\]$/);
  refused(edited((f) => void f.splines[1]?.hinge.pop()), 'splines[1].hinge');
  refused(edited((f) => void ((f.splines[0] as { log: unknown }).log = 'yes')), 'splines[0].log');
  refused(edited((f) => void ((f.categories[0] as { feature: number }).feature = 0)), 'categories[0].feature');
  refused(edited((f) => void f.categories[0]?.levels.push(f.categories[0].levels[0] as number)), 'categories[0].levels');
  refused(edited((f) => void ((f.categories[0]?.weights as unknown[])[0] = null)), 'categories[0].weights[0]');
  refused(edited((f) => void (f.crosses = [{ a: 4, b: 4, levelsA: [], levelsB: [], weights: [], mean: 0 }])), 'crosses[0].b');
  refused(edited((f) => void (f.stats.q75 = [1])), 'stats.q75');
});

test('propensity logistic - options and data are checked, naming what is wrong', () => {
  assert.throws(() => resolveLogisticOptions({ l2: -1 }), { name: 'RangeError', message: /l2 must be in/ });
  assert.throws(() => resolveLogisticOptions({ knots: 2.5 }), { name: 'RangeError', message: /knots must be an integer/ });
  assert.throws(() => resolveLogisticOptions({ lambda: 3 } as never), { name: 'RangeError', message: /lambda is not a known option/ });
  assert.throws(() => trainLogisticModel({ ...d, y: new Uint8Array(d.y.length) }), /needs both classes/);
  const x = Float64Array.from(d.x);
  x[6] = Number.NaN;
  assert.throws(() => trainLogisticModel({ ...d, x }), /row 1, feature ProductRelated_Duration is NaN/);
});
