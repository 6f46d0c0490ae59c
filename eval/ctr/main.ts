/**
 * The CTR model's quality report: the known-truth simulation after N impressions
 * (calibration error by decile, AUC against the truth's own) and the Criteo/Avazu smoke
 * test (skipped, saying why, without ../shared/data).
 *
 *   npm run eval:ctr -- [--impressions 20000] [--seed 7] [--samples ../shared/data/ctr_samples] [--json]
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluateSample, loadSample } from './ctr-samples.js';
import { runKnownTruth } from './known-truth.js';

const { values } = parseArgs({
  options: {
    impressions: { type: 'string', default: '20000' }, seed: { type: 'string', default: '7' },
    samples: { type: 'string', default: '../shared/data/ctr_samples' }, json: { type: 'boolean', default: false },
  },
});
const impressions = Number(values.impressions);
if (!Number.isInteger(impressions) || impressions < 100) throw new RangeError('--impressions must be an integer >= 100');
const truth = runKnownTruth({ products: 50, positions: 5, impressions, seed: Number(values.seed) });
console.log(`known truth, ${impressions} impressions (${truth.clicks} clicks): calibration error ${truth.calibrationError.toFixed(4)}, AUC ${truth.auc.toFixed(3)} (the true probabilities: ${truth.aucOfTruth.toFixed(3)}), progressive logloss ${truth.progressiveLogloss.toFixed(4)}`);
for (const d of truth.deciles) console.log(`  decile: predicted ${d.predicted.toFixed(4)}  true ${d.truth.toFixed(4)}`);
const samples: Array<ReturnType<typeof evaluateSample>> = [];
if (existsSync(values.samples)) {
  for (const d of ['criteo', 'avazu'] as const) {
    const r = evaluateSample(d, loadSample(values.samples, d));
    samples.push(r);
    console.log(`${d}: ${r.rows} rows, 5-fold CV logloss ${r.logloss.toFixed(4)} vs constant rate ${r.baselineLogloss.toFixed(4)}`);
  }
} else console.log(`CTR samples skipped: ${values.samples} not found (../shared/data is not in this clone)`);
if (values.json) console.log(JSON.stringify({ knownTruth: truth, samples }));
