import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { FtrlModel } from '../../actors/ads/index.js';
import { evaluateSample, loadSample } from '../../eval/ctr/ctr-samples.js';
import { auc, runKnownTruth } from '../../eval/ctr/known-truth.js';

const SAMPLES = new URL('../../../../shared/data/ctr_samples', import.meta.url).pathname;
const noSamples = existsSync(SAMPLES) ? false : `no CTR samples at ${SAMPLES} (../shared/data is not in this clone)`;

describe('ads - CTR model (FTRL-Proximal)', () => {
  it('ads - AUC helper: perfect, reversed and tied rankings', () => {
    assert.equal(auc([0.1, 0.2, 0.9], [false, false, true]), 1);
    assert.equal(auc([0.9, 0.2, 0.1], [false, false, true]), 0);
    assert.equal(auc([0.5, 0.5], [false, true]), 0.5);
  });

  it('ads - L1 keeps weights of rare features at exactly zero; a feature seen with clicks moves the prediction', () => {
    const m = new FtrlModel({ lambda1: 5 });
    m.learn(['rare=1'], true);
    assert.equal(m.predict(['rare=1']), m.predict([]), 'one example does not pass lambda1: its weight is 0');
    for (let i = 0; i < 400; i++) m.learn(['hot=1'], i % 2 === 0);
    for (let i = 0; i < 400; i++) m.learn(['cold=1'], i % 20 === 0);
    assert.ok(m.predict(['hot=1']) > m.predict(['cold=1']) + 0.2, `${m.predict(['hot=1'])} vs ${m.predict(['cold=1'])}`);
  });

  it('ads - known truth: after 20k impressions the model is calibrated by decile and ranks nearly as well as the true probabilities', (ctx) => {
    const r = runKnownTruth({ products: 50, positions: 5, impressions: 20_000, seed: 7 });
    ctx.diagnostic(`clicks ${r.clicks}, calibration error ${r.calibrationError.toFixed(4)}, AUC ${r.auc.toFixed(3)} (truth ${r.aucOfTruth.toFixed(3)}), progressive logloss ${r.progressiveLogloss.toFixed(4)}`);
    assert.ok(r.calibrationError < 0.012, `calibration error ${r.calibrationError}`);
    assert.ok(r.auc > r.aucOfTruth - 0.03, `AUC ${r.auc} vs ${r.aucOfTruth}`);
    // And more data helps: 2k impressions are worse.
    const small = runKnownTruth({ products: 50, positions: 5, impressions: 2_000, seed: 7 });
    assert.ok(small.auc < r.auc && small.calibrationError > r.calibrationError);
  });

  it('ads - Criteo and Avazu samples: logloss below the constant-rate baseline (5-fold CV)', { skip: noSamples }, (ctx) => {
    for (const d of ['criteo', 'avazu'] as const) {
      const r = evaluateSample(d, loadSample(SAMPLES, d));
      ctx.diagnostic(`${d}: ${r.rows} rows, logloss ${r.logloss.toFixed(4)} vs constant ${r.baselineLogloss.toFixed(4)}`);
      assert.ok(r.logloss < r.baselineLogloss, `${d}: ${r.logloss} >= ${r.baselineLogloss}`);
    }
  });
});
