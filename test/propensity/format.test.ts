import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MODEL_VERSION, parseModel, serializeModel, trainIntentModel } from '../../actors/propensity/index.js';
import type { ModelFileV1 } from '../../actors/propensity/index.js';
import { ModelError } from '../../engine/errors/index.js';
import { row, synthetic } from './helpers.js';

const d = synthetic(1500, 11);
const model = trainIntentModel(d, { learningRate: 0.1, maxIterations: 60, bags: 2 });
const text = serializeModel(model);

/** The file with one change made by `edit`. */
function edited(edit: (f: ModelFileV1) => void): string {
  const f = JSON.parse(text) as ModelFileV1;
  edit(f);
  return JSON.stringify(f);
}

function refused(t: string, field: string | RegExp): void {
  assert.throws(() => parseModel(t), (e: unknown) => {
    assert.ok(e instanceof ModelError, `want ModelError, got ${String(e)}`);
    assert.equal(e.code, 'E_BAD_MODEL');
    if (typeof field === 'string') assert.equal(e.field, field);
    else assert.match(e.field ?? '', field);
    assert.ok(e.message.includes(e.field ?? '\u0000'), e.message);
    return true;
  });
}

test('propensity format - a saved and loaded model scores and explains identically', () => {
  const back = parseModel(text);
  assert.equal(back.treeCount, model.treeCount);
  assert.deepEqual(back.features.map((f) => f.name), model.features.map((f) => f.name));
  for (let i = 0; i < 300; i++) {
    const x = row(d, i);
    assert.equal(back.score(x), model.score(x), `row ${i}`);
  }
  assert.deepEqual(back.explain(row(d, 0)), model.explain(row(d, 0)));
  assert.equal(serializeModel(back), text);
  const f = JSON.parse(text) as ModelFileV1;
  assert.equal(f.version, MODEL_VERSION);
  assert.equal(f.format, 'shop-brain/intent-gbdt');
});

test('propensity format - truncated, corrupt or foreign files are refused with E_BAD_MODEL naming the field', () => {
  refused(text.slice(0, Math.floor(text.length / 2)), '(json)');
  refused('', '(json)');
  refused('[1,2]', '(root)');
  refused(edited((f) => void ((f as { version: number }).version = 2)), 'version');
  refused(edited((f) => void delete (f as Partial<ModelFileV1>).version), 'version');
  refused(edited((f) => void ((f as { format: string }).format = 'xgboost')), 'format');
  refused(edited((f) => void (f.features[1] = 'ShoeSize')), 'features[1]');
  refused(edited((f) => void (f.features[1] = f.features[0] as string)), 'features[1]');
  refused(edited((f) => void (f.baseScore = Number.NaN)), 'baseScore'); // NaN serialises as null
  refused(edited((f) => void f.trees.left.pop()), 'trees.left');
  refused(edited((f) => void ((f.trees.threshold as unknown[])[3] = 'x')), 'trees.threshold[3]');
  refused(edited((f) => void (f.stats.q25 = [])), 'stats.q25');
  refused(edited((f) => void (f.trees.roots = [])), 'trees.roots');
});

test('propensity format - trees that would loop or walk out of their arrays are refused', () => {
  const inner = (f: ModelFileV1): number => f.trees.feature.findIndex((v) => v >= 0);
  // a child pointing back at its parent would loop forever while scoring
  refused(edited((f) => void (f.trees.left[inner(f)] = inner(f))), /^trees\.left\[\d+\]$/);
  // a child in the next tree
  refused(edited((f) => void (f.trees.right[inner(f)] = (f.trees.roots[1] as number) + 1)), /^trees\.right\[\d+\]$/);
  refused(edited((f) => void (f.trees.feature[inner(f)] = 99)), /^trees\.feature\[\d+\]$/);
  // a leaf with a child
  refused(edited((f) => {
    const leaf = f.trees.feature.indexOf(-1);
    f.trees.left[leaf] = leaf + 1;
  }), /^trees\.left\[\d+\]$/);
  // two parents sharing a child, and a node no parent reaches
  refused(edited((f) => {
    const a = inner(f);
    const b = f.trees.feature.findIndex((v, i) => v >= 0 && i > a && i < (f.trees.roots[1] as number));
    f.trees.left[b] = f.trees.left[a] as number;
  }), /^trees\.left\[\d+\]$/);
  refused(edited((f) => void (f.trees.right[inner(f)] = f.trees.left[inner(f)] as number)), /^trees\.right\[\d+\]$/);
  refused(edited((f) => void (f.trees.roots[1] = 0)), 'trees.roots[0]');
  refused(edited((f) => void (f.trees.roots[2] = 1e9)), /^trees\.roots\[\d\]$/);
});
