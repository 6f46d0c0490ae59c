import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Prng } from '../../actors/propensity/index.js';
import type { IntentSession } from '../../actors/propensity/index.js';
import { BLEND_WEIGHTS, selectBlend } from '../../eval/intent/blend-select.js';
import { BLEND_CANDIDATES } from '../../eval/intent/logistic-candidates.js';

/** Sessions whose purchase depends on page value and exit rate only, through a logistic link. */
function sessions(n: number, seed: number): { s: IntentSession[]; y: Uint8Array } {
  const r = new Prng(seed);
  const s: IntentSession[] = [];
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const pageValues = r.next() < 0.75 ? 0 : r.next() * 60;
    const exitRates = r.next() * 0.2;
    s.push({
      administrative: r.int(5), administrativeDuration: r.next() * 100, informational: r.int(3), informationalDuration: r.next() * 50,
      productRelated: 1 + r.int(60), productRelatedDuration: r.next() * 3000, bounceRates: r.next() * 0.1, exitRates, pageValues,
      specialDay: 0, month: 1 + r.int(12), operatingSystems: 1 + r.int(3), browser: 1 + r.int(3), region: 1 + r.int(4), trafficType: 1 + r.int(5),
      visitorType: r.next() < 0.8 ? 'Returning_Visitor' : 'New_Visitor', weekend: r.next() < 0.3,
    });
    const m = -2.5 + 0.08 * pageValues - 10 * exitRates;
    y[i] = r.next() < 1 / (1 + Math.exp(-m)) ? 1 : 0;
  }
  return { s, y };
}

test('intent blend selection - uninformative trees give the logistic model weight; perfect trees keep the trees alone', () => {
  const { s, y } = sessions(1500, 41);
  const rows = Int32Array.from({ length: s.length }, (_, i) => i);
  // "trees" that know nothing: the blend must lean on the logistic model, as far as the grid allows
  const flat = new Prng(42);
  const noise = Float64Array.from(rows, () => 0.1 + 0.01 * flat.next());
  const a = selectBlend(s, y, rows, noise, BLEND_CANDIDATES);
  assert.equal(a.weight, BLEND_WEIGHTS[BLEND_WEIGHTS.length - 1]);
  assert.ok(BLEND_CANDIDATES.includes(a.logistic));
  assert.ok(a.threshold > 0 && a.threshold < 1, `threshold ${a.threshold}`);
  for (const c of BLEND_CANDIDATES) assert.ok((a.scores[c.name]?.rocAuc ?? 0) > 0.75, `${c.name}: ${JSON.stringify(a.scores[c.name])}`);
  // "trees" that rank every buyer first: nothing to add, so weight 0
  const perfect = Float64Array.from(rows, (i) => (y[i] === 1 ? 0.9 : 0.05));
  const b = selectBlend(s, y, rows, perfect, BLEND_CANDIDATES);
  assert.equal(b.weight, 0);
  assert.equal(b.scores['w=0']?.rocAuc, 1);
});
