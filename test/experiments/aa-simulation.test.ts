/**
 * 1,000 A/A experiments (4,000 users each, 10 % conversion): the fixed-horizon tests'
 * false-positive rate is within [3 %, 7 %] at alpha 5 %, the sequential test looked at
 * after every user stays at or under 5 %, and the naive fixed test under the same
 * peeking is far above 5 % (the inflation the sequential test is there to prevent).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { simulateAa } from '../../engine/analytics/experiments/aa-simulation.js';

it('A/A: fixed-horizon FPR in [3%, 7%], sequential under continuous peeking <= 5%', () => {
  const t0 = Date.now();
  const r = simulateAa({ experiments: 1000 });
  console.log(`A/A ${JSON.stringify(r)} in ${Date.now() - t0} ms`);
  assert.ok(r.fixedConversionFpr >= 0.03 && r.fixedConversionFpr <= 0.07, `z-test FPR ${r.fixedConversionFpr}`);
  assert.ok(r.fixedRevenueFpr >= 0.03 && r.fixedRevenueFpr <= 0.07, `Welch FPR ${r.fixedRevenueFpr}`);
  assert.ok(r.looksPerExperiment > 3000, `looked after (nearly) every user: ${r.looksPerExperiment}`);
  assert.ok(r.sequentialPeekingFpr <= 0.05, `sequential FPR under peeking ${r.sequentialPeekingFpr}`);
  assert.ok(r.naivePeekingFpr > 0.1, `naive peeking inflates: ${r.naivePeekingFpr}`);
});
