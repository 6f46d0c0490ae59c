import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ALL_FEATURES, BlendedIntentModel, IntentModel, LogisticIntentModel, parseBlendedModel, parseModel, parseScorer, serializeBlendedModel,
  serializeModel, serializeScorer, trainIntentModel, trainLogisticModel,
} from '../../actors/propensity/index.js';
import type { BlendFileV1, FeatureDef, IntentSession } from '../../actors/propensity/index.js';
import { ModelError } from '../../engine/errors/index.js';
import { blendProbabilities } from '../../eval/intent/blend-select.js';
import { FEATURES, row, synthetic } from './helpers.js';

const d = synthetic(2000, 31);
const trees = trainIntentModel(d, { learningRate: 0.1, maxIterations: 60 });
// the logistic part on other features than the trees: ExitRates dropped, TotalPages added
const lrFeatures: FeatureDef[] = [...FEATURES.filter((f) => f.name !== 'ExitRates'), ALL_FEATURES.find((f) => f.name === 'TotalPages') as FeatureDef];
const session = (i: number): IntentSession => {
  const x = row(d, i);
  return {
    administrative: 1, administrativeDuration: 10, informational: 0, informationalDuration: 0, productRelated: x[0] as number,
    productRelatedDuration: x[1] as number, bounceRates: 0, exitRates: x[3] as number, pageValues: x[2] as number, specialDay: 0,
    month: 11, operatingSystems: 2, browser: 2, region: x[4] as number, trafficType: 2, visitorType: 'Returning_Visitor', weekend: false,
  };
};
const sessions = Array.from({ length: d.y.length }, (_, i) => session(i));
const lrX = Float64Array.from(sessions.flatMap((s) => lrFeatures.map((f) => f.get(s))));
const lr = trainLogisticModel({ x: lrX, y: d.y, features: lrFeatures });
const blend = new BlendedIntentModel(trees, lr, 0.25);
const text = serializeBlendedModel(blend);

test('propensity blend - the margin is the weighted mix of the parts; features are the union in order', () => {
  assert.deepEqual(blend.features.map((f) => f.name), [...FEATURES.map((f) => f.name), 'TotalPages']);
  for (let i = 0; i < 100; i++) {
    const s = sessions[i] as IntentSession;
    const want = 0.75 * trees.margin(trees.features.map((f) => f.get(s))) + 0.25 * lr.margin(lr.features.map((f) => f.get(s)));
    const x = blend.features.map((f) => f.get(s));
    assert.ok(Math.abs(blend.margin(x) - want) < 1e-12, `row ${i}`);
    assert.equal(blend.scoreSession(s), blend.score(x));
    // the eval's blend of inner predictions is the same formula
    const p = blendProbabilities(Float64Array.of(trees.scoreSession(s)), Float64Array.of(lr.scoreSession(s)), 0.25)[0] as number;
    assert.ok(Math.abs(p - blend.score(x)) < 1e-12);
  }
  assert.throws(() => new BlendedIntentModel(trees, lr, 1.5), /weight must be in \[0, 1\]/);
});

test('propensity blend - contributions plus bias add up to the margin; explanations name features', () => {
  const out = new Float64Array(blend.features.length);
  for (let i = 0; i < 50; i++) {
    const x = blend.features.map((f) => f.get(sessions[i] as IntentSession));
    const bias = blend.contributions(x, out);
    assert.ok(Math.abs(out.reduce((a, b) => a + b, bias) - blend.margin(x)) < 1e-9, `row ${i}`);
  }
  const rich = { ...(sessions[0] as IntentSession), pageValues: 95, productRelated: 2, productRelatedDuration: 30 };
  const [top] = blend.explainSession(rich, 3);
  assert.ok(top !== undefined);
  assert.equal(top.feature, 'PageValues');
  assert.match(top.text, /^PageValues high \(\+\d+\.\d\d\)$/);
});

test('propensity blend - saved and loaded (also through parseScorer) it scores identically; each class serialises to its own format', () => {
  const back = parseBlendedModel(text);
  const any = parseScorer(text);
  assert.ok(any instanceof BlendedIntentModel);
  for (let i = 0; i < 200; i++) {
    const s = sessions[i] as IntentSession;
    assert.equal(back.scoreSession(s), blend.scoreSession(s), `row ${i}`);
    assert.equal(any.scoreSession(s), blend.scoreSession(s), `row ${i}`);
  }
  assert.equal(serializeBlendedModel(back), text);
  assert.ok(parseScorer(serializeModel(trees)) instanceof IntentModel);
  assert.ok(parseScorer(serializeScorer(lr)) instanceof LogisticIntentModel);
  assert.equal(serializeScorer(blend), text);
  // the tree format's own reader still reads only trees
  assert.throws(() => parseModel(text), (e: unknown) => e instanceof ModelError && e.field === 'format');
});

test('propensity blend - a corrupt part is refused naming the part and its field; so are a bad weight and an unknown format', () => {
  const refused = (t: string, field: string | RegExp): void => {
    for (const parse of [parseBlendedModel, parseScorer]) {
      assert.throws(() => parse(t), (e: unknown) => {
        assert.ok(e instanceof ModelError, String(e));
        assert.equal(e.code, 'E_BAD_MODEL');
        if (typeof field === 'string') assert.equal(e.field, field);
        else assert.match(e.field ?? '', field);
        assert.ok(!/model [^:]*: model /.test(e.message), `no doubled prefix: ${e.message}`);
        return true;
      });
    }
  };
  const edited = (edit: (f: BlendFileV1) => void): string => {
    const f = JSON.parse(text) as BlendFileV1;
    edit(f);
    return JSON.stringify(f);
  };
  refused(text.slice(0, 100), '(json)');
  refused(edited((f) => void (f.weight = -0.1)), 'weight');
  refused(edited((f) => void ((f as { weight: unknown }).weight = '0.2')), 'weight');
  refused(edited((f) => void f.trees.trees.left.pop()), 'trees.trees.left');
  refused(edited((f) => void ((f.trees as { version: number }).version = 9)), 'trees.version');
  refused(edited((f) => void f.logistic.splines[0]?.hinge.push(1)), 'logistic.splines[0].hinge');
  refused(edited((f) => void ((f as { logistic: unknown }).logistic = null)), 'logistic.(root)');
  refused(edited((f) => void ((f as { format: string }).format = 'onnx')), 'format');
});
