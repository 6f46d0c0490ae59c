/**
 * BG/NBD and Gamma-Gamma: the special functions and optimiser on known values, the
 * closed forms against each other, and the CDNOW fits against Fader, Hardie & Lee's
 * published parameters to 3 significant figures.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  clv, expectedMeanSpend, expectedPurchases, expectedPurchasesNew, lgamma, log2F1, nelderMead, pAlive,
  probabilityNoPurchase, rocAuc,
} from '../../engine/analytics/customers/index.js';
import { agreesTo, PUBLISHED_BGNBD, PUBLISHED_GAMMA_GAMMA } from '../../eval/clv/published.js';
import { runClvEval } from '../../eval/clv/run.js';

const CDNOW = fileURLToPath(new URL('../../../../shared/data/cdnow', import.meta.url));
const close = (a: number, b: number, rel = 1e-12): boolean => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

describe('clv models - numerics', () => {
  it('clv models - lgamma and 2F1 on known values', () => {
    assert.ok(close(lgamma(0.5), 0.5 * Math.log(Math.PI)));
    assert.ok(close(lgamma(10), Math.log(362_880)));
    assert.ok(close(lgamma(1), 0) && close(lgamma(2), 0));
    assert.ok(close(lgamma(0.1), 2.252712651734206, 1e-13));
    assert.ok(close(lgamma(100), 359.1342053695754, 1e-13));
    for (const z of [0, 0.1, 0.5, 0.9, 0.999]) {
      assert.ok(close(Math.exp(log2F1(1, 1, 2, z)), z === 0 ? 1 : -Math.log(1 - z) / z, 1e-12), `2F1(1,1;2;${z})`);
      assert.ok(close(log2F1(2.5, 3, 3, z), -2.5 * Math.log(1 - z), 1e-12), `2F1(a,b;b;${z})`);
    }
    assert.throws(() => log2F1(1, 1, 2, 1), RangeError);
  });

  it('clv models - Nelder-Mead finds the Rosenbrock minimum', () => {
    const res = nelderMead(([x, y]) => 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2, [-1.2, 1]);
    assert.ok(Math.abs(res.x[0]! - 1) < 1e-5 && Math.abs(res.x[1]! - 1) < 1e-5, String(res.x));
  });

  it('clv models - ROC-AUC counts ties as one half', () => {
    assert.equal(rocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 0.75);
    assert.equal(rocAuc([1, 1, 1, 1], [false, true, false, true]), 0.5);
    assert.equal(rocAuc([3, 2, 1], [true, true, false]), 1);
    assert.ok(Number.isNaN(rocAuc([1, 2], [true, true])));
  });

  it('clv models - BG/NBD closed forms agree with each other', () => {
    const p = PUBLISHED_BGNBD;
    // A customer observed for 0 time with no repeat is a new customer: eq. 10 = eq. 9.
    for (const t of [1, 10, 39, 200]) assert.ok(close(expectedPurchases(p, { x: 0, tx: 0, T: 0 }, t), expectedPurchasesNew(p, t), 1e-10), `t=${t}`);
    // Expected purchases grow with the horizon and with x; P(alive) falls as the last purchase ages.
    const c = { x: 3, tx: 20, T: 38 };
    assert.ok(expectedPurchases(p, c, 10) < expectedPurchases(p, c, 20));
    assert.ok(pAlive(p, { x: 3, tx: 30, T: 38 }) > pAlive(p, { x: 3, tx: 5, T: 38 }));
    assert.equal(pAlive(p, { x: 0, tx: 0, T: 30 }), 1);
    // With x = 0 only "alive and no purchase" remains: ((α+T)/(α+T+t))^r.
    assert.ok(close(probabilityNoPurchase(p, { x: 0, tx: 0, T: 30 }, 13), ((p.alpha + 30) / (p.alpha + 43)) ** p.r));
    // Small horizons: E[Y(t)] ≈ P(alive) · E[λ | alive] · t = P(alive) (r + x)/(α + T) t.
    const h = 1e-4;
    assert.ok(close(expectedPurchases(p, c, h) / h, pAlive(p, c) * (p.r + c.x) / (p.alpha + c.T), 1e-3));
  });

  it('clv models - Gamma-Gamma expected spend and CLV without discount', () => {
    const g = PUBLISHED_GAMMA_GAMMA;
    assert.ok(close(expectedMeanSpend(g, 0, 0), (g.p * g.v) / (g.q - 1)));
    // Shrinks towards the population mean; more transactions trust the customer's mean more.
    const pop = (g.p * g.v) / (g.q - 1);
    assert.ok(expectedMeanSpend(g, 1, 100) < expectedMeanSpend(g, 10, 100) && expectedMeanSpend(g, 10, 100) < 100 && pop < 100);
    const c = { x: 2, tx: 30, T: 38, meanRepeatSpend: 22 };
    const undiscounted = clv(PUBLISHED_BGNBD, g, c, { discountRate: 0, periods: 12, periodLength: 4 });
    assert.ok(close(undiscounted, expectedMeanSpend(g, 2, 22) * expectedPurchases(PUBLISHED_BGNBD, c, 48), 1e-12));
    assert.ok(clv(PUBLISHED_BGNBD, g, c, { discountRate: 0.05, periods: 12, periodLength: 4 }) < undiscounted);
    assert.throws(() => clv(PUBLISHED_BGNBD, g, c, { periods: 0 }), RangeError);
  });
});

describe('clv models - CDNOW against the published fits', { skip: !existsSync(CDNOW) && `no ${CDNOW}` }, () => {
  it('clv models - summaries match the published (x, t_x, T) and zbar; fits match to 3 significant figures', () => {
    const r = runClvEval(CDNOW);
    assert.equal(r.customers, 2357);
    assert.equal(r.summary.checked, 2357);
    assert.equal(r.summary.mismatches, 0, r.summary.firstMismatches.join('; '));
    assert.equal(r.summary.zbarMismatches, 0);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) assert.ok(agreesTo(r.bgnbd[k], PUBLISHED_BGNBD[k]), `BG/NBD ${k}: ${r.bgnbd[k]} vs ${PUBLISHED_BGNBD[k]}`);
    for (const k of ['p', 'q', 'v'] as const) assert.ok(agreesTo(r.gammagamma[k], PUBLISHED_GAMMA_GAMMA[k]), `Gamma-Gamma ${k}: ${r.gammagamma[k]} vs ${PUBLISHED_GAMMA_GAMMA[k]}`);
    assert.equal(r.gammagamma.customers, 946);
    // The likelihood Fader, Hardie & Lee report for this fit is -9582.4.
    assert.ok(Math.abs(r.bgnbd.logLikelihood - -9582.4) < 0.05, String(r.bgnbd.logLikelihood));
    // The holdout prediction is in the right range and beats extrapolating each customer's rate.
    assert.ok(r.holdout.bgnbd.mae < r.holdout.naiveRate.mae);
    assert.ok(Math.abs(r.holdout.bgnbd.predictedTotal - r.holdout.bgnbd.actualTotal) / r.holdout.bgnbd.actualTotal < 0.2);
  });

  it('clv models - agreesTo is strict enough to fail', () => {
    assert.equal(agreesTo(0.2426, 0.243), true);
    assert.equal(agreesTo(0.2424, 0.243), false);
    assert.equal(agreesTo(4.41, 4.414), true);
    assert.equal(agreesTo(4.42, 4.414), false);
  });
});
