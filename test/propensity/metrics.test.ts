import assert from 'node:assert/strict';
import { test } from 'node:test';
import { atThreshold, averagePrecision, bestF1Threshold, brier, rocAuc } from '../../eval/intent/metrics.js';
import { stratifiedFolds } from '../../eval/intent/folds.js';

const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);

test('intent metrics - ROC-AUC and average precision match scikit-learn on small cases', () => {
  // sklearn: roc_auc_score([0,0,1,1],[0.1,0.4,0.35,0.8]) = 0.75; average_precision_score = 0.8333...
  close(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75);
  close(averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 5 / 6);
  // ties count half: roc_auc_score([0,1,0,1],[0.5,0.5,0.2,0.9]) = 0.875; average_precision_score = 0.8333...
  close(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9]), 0.875);
  close(averagePrecision([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9]), 0.5 * 1 + 0.5 * (2 / 3));
  close(rocAuc([1, 0], [0.2, 0.9]), 0);
  close(brier([0, 1], [0.2, 0.6]), (0.04 + 0.16) / 2);
});

test('intent metrics - F1 threshold is the best one and precision/recall count it', () => {
  const y = [0, 0, 1, 0, 1, 1];
  const p = [0.1, 0.2, 0.3, 0.6, 0.7, 0.9];
  const t = bestF1Threshold(y, p);
  const at = atThreshold(y, p, t);
  // best: everything from 0.3 up (tp 3, fp 1): F1 = 6/7
  close(at.f1, 6 / 7);
  assert.ok(t > 0.2 && t <= 0.3, `threshold ${t}`);
  close(at.precision, 0.75);
  close(at.recall, 1);
});

test('intent folds - stratified: every fold within one row of its share of each class, seeded', () => {
  const y = Array.from({ length: 1003 }, (_, i) => (i % 7 === 0 ? 1 : 0));
  const f = stratifiedFolds(y, 5, 0);
  for (let k = 0; k < 5; k++) {
    let n = 0;
    let pos = 0;
    f.forEach((v, i) => {
      if (v === k) {
        n++;
        pos += y[i] as number;
      }
    });
    assert.ok(Math.abs(n - 1003 / 5) <= 1, `fold ${k} has ${n} rows`);
    assert.ok(Math.abs(pos - 144 / 5) <= 1, `fold ${k} has ${pos} positives`);
  }
  assert.deepEqual(stratifiedFolds(y, 5, 0), f);
  assert.notDeepEqual(stratifiedFolds(y, 5, 1), f);
});
