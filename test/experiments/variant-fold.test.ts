/**
 * The per-variant fold and report on a synthetic log whose truth is known: shoppers
 * assigned by the real assignment function, exposed once (plus replayed duplicate
 * exposures that must not count), converting at 10 % in control and 12 % in the
 * treatment (true relative lift +20 %). The lift interval covers +20 % and the
 * sequential test names the treatment; an A/A test declares nothing; a 90/10
 * experiment whose traffic was served 50/50 raises SRM.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assign, type Experiment } from '../../actors/experiments/index.js';
import { Prng } from '../../actors/propensity/prng.js';
import { MemoryExperimentView, experimentKey } from '../../engine/analytics/experiments/variant-fold.js';
import { experimentReport } from '../../engine/analytics/experiments/report.js';
import type { ShopEvent } from '../../protos/index.js';

function experiment(id: string, weights: [number, number]): Experiment {
  return { id, surface: 'recs', phase: 1, version: 1, metric: 'conversion', population: { type: 'all' }, guardrails: [], status: 'running', variants: [{ name: 'control', weight: weights[0], config: {} }, { name: 'treatment', weight: weights[1], config: { fusionMode: 0 } }] };
}

/** A log of `users` shoppers: exposure, maybe a rec click, maybe a purchase. */
function* log(exp: ReturnType<typeof experiment>, users: number, rate: Record<string, number>, seed: number, served?: (u: string) => string): Generator<ShopEvent> {
  const rng = new Prng(seed);
  for (let i = 0; i < users; i++) {
    const userId = `shopper-${seed}-${i}`;
    const variant = served ? served(userId) : assign(exp, userId).name;
    const exposure: ShopEvent = { id: `x.${userId}`, userId, kind: 'exposure', ts: i, experimentId: exp.id, experimentPhase: 1, variant, source: 'engine' };
    yield exposure;
    if (i % 7 === 0) yield { ...exposure, ts: i + 1 }; // a replayed exposure: not a second user
    if (rng.next() < 0.3) yield { id: `c.${i}`, userId, kind: 'rec_click', ts: i, itemId: 'sku-1' };
    if (rng.next() < rate[variant]!) yield { id: `p.${i}`, userId, kind: 'purchase', ts: i, itemId: 'sku-1', qty: 1, price: 20 + rng.next() * 30, orderId: `o.${i}` };
  }
}

function run(exp: ReturnType<typeof experiment>, users: number, rate: Record<string, number>, seed: number, served?: (u: string) => string) {
  const view = new MemoryExperimentView();
  for (const e of log(exp, users, rate, seed, served)) view.apply(e);
  return experimentReport(exp, view.sums(experimentKey(exp.id, exp.phase)));
}

describe('experiment fold and report', () => {
  it('a known +20 % effect: the interval covers it, the sequential test names the treatment', () => {
    const r = run(experiment('rank_effect', [1, 1]), 40_000, { control: 0.1, treatment: 0.12 }, 1);
    assert.equal(r.variants[0]!.exposures + r.variants[1]!.exposures, 40_000, 'one exposure per user, duplicates ignored');
    const lift = r.variants[1]!.lift!.conversion;
    assert.ok(lift.ci[0]! <= 0.2 && 0.2 <= lift.ci[1]!, `fixed CI ${lift.ci} covers 0.2`);
    assert.ok(lift.sequential.ci[0]! <= 0.2 && 0.2 <= lift.sequential.ci[1]!, `sequential CI ${lift.sequential.ci} covers 0.2`);
    assert.equal(r.decision, 'treatment');
    assert.equal(r.srm.flagged, false);
  });

  it('A/A declares nothing', () => {
    let declared = 0;
    for (let seed = 10; seed < 30; seed++) if (run(experiment(`aa_${seed}`, [1, 1]), 5_000, { control: 0.1, treatment: 0.1 }, seed).decision !== 'none') declared++;
    assert.ok(declared <= 1, `A/A declared a winner in ${declared} of 20 runs`);
  });

  it('a 90/10 split served as 50/50 raises SRM (and no decision is made on it)', () => {
    const exp = experiment('broken_split', [90, 10]);
    const healthy = run(exp, 10_000, { control: 0.1, treatment: 0.1 }, 3);
    assert.equal(healthy.srm.flagged, false, `healthy split p=${healthy.srm.p}`);
    const broken = run(exp, 10_000, { control: 0.1, treatment: 0.3 }, 3, (u) => assign(experiment('coin', [1, 1]), u).name);
    assert.ok(broken.srm.p < 0.001 && broken.srm.flagged, `SRM p=${broken.srm.p}`);
    assert.equal(broken.decision, 'none');
  });
});
