/**
 * Each statistic against values computed independently with scipy 1.17.1 (the
 * script's inputs and printed outputs are recorded next to each case) or by hand
 * (R's p.adjust rules written out).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chiSquareSf, normalCdf, normalQuantile, studentTwoSidedP } from '../../engine/analytics/experiments/distributions.js';
import { benjaminiHochberg, cupedAdjust, holm, msprt, srmTest, twoProportionTest, welchTest, type CovariateSums, type MomentSums } from '../../engine/analytics/experiments/stats.js';

function close(actual: number, expected: number, tol: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs ${expected} (tol ${tol})`);
}

/** Sums of a sample with mean m, sample sd s and size n. */
function fromSummary(m: number, s: number, n: number): MomentSums {
  return { n, sum: m * n, sumSq: s * s * (n - 1) + m * m * n };
}

describe('distributions (scipy.stats reference values)', () => {
  it('normal, t and chi-square', () => {
    // stats.norm.ppf(0.975), stats.norm.ppf(0.001), stats.norm.cdf(-1.5)
    close(normalQuantile(0.975), 1.959963984540054, 1e-12, 'norm.ppf(.975)');
    close(normalQuantile(0.001), -3.090232306167813, 1e-10, 'norm.ppf(.001)');
    close(normalCdf(-1.5), 0.06680720126885807, 1e-13, 'norm.cdf(-1.5)');
    // stats.t.sf(2.0, 7)*2, stats.t.sf(1.3, 120.5)*2
    close(studentTwoSidedP(2.0, 7), 0.08561932856297605, 1e-12, 't 7 df');
    close(studentTwoSidedP(1.3, 120.5), 0.1960821622018806, 1e-12, 't 120.5 df');
    // stats.chi2.sf(3.84, 1), stats.chi2.sf(10.0, 4)
    close(chiSquareSf(3.84, 1), 0.05004352124870519, 1e-12, 'chi2 1 df');
    close(chiSquareSf(10, 4), 0.04042768199451279, 1e-12, 'chi2 4 df');
  });
});

describe('test statistics', () => {
  it("Welch's t from summary statistics", () => {
    // stats.ttest_ind_from_stats(10.2, 2.1, 40, 9.1, 3.3, 55, equal_var=False)
    //   -> statistic 1.9812584988470965, pvalue 0.05056204416498942, df 91.56882340676904
    const r = welchTest(fromSummary(9.1, 3.3, 55), fromSummary(10.2, 2.1, 40));
    close(r.stat, 1.9812584988470965, 1e-9, 't');
    close(r.df, 91.56882340676904, 1e-7, 'df');
    close(r.p, 0.05056204416498942, 1e-9, 'p');
    close(r.lift, 10.2 / 9.1 - 1, 1e-12, 'lift');
    // Delta method by hand: Var = (2.1²/40)/9.1² + 10.2²(3.3²/55)/9.1⁴
    const v = (2.1 ** 2 / 40) / 9.1 ** 2 + (10.2 ** 2 * (3.3 ** 2 / 55)) / 9.1 ** 4;
    close(r.ci[1] - r.lift, 1.959963984540054 * Math.sqrt(v), 1e-9, 'ci half-width');
  });

  it('two-proportion z (pooled)', () => {
    // p = 230/2000; z = (0.13-0.10)/sqrt(p(1-p)(2/1000)) = 2.102740605622114; 2*norm.sf(z) = 0.03548845046647471
    const r = twoProportionTest(100, 1000, 130, 1000);
    close(r.stat, 2.102740605622114, 1e-10, 'z');
    close(r.p, 0.03548845046647471, 1e-10, 'p');
    close(r.lift, 0.3, 1e-12, 'lift');
  });

  it('SRM chi-square (scipy.stats.chisquare)', () => {
    // chisquare([5150, 4850], [5000, 5000]) -> 9.0, p 0.0026997960632601883
    const a = srmTest([5150, 4850], [1, 1]);
    close(a.chi2, 9, 1e-9, 'chi2'); close(a.p, 0.0026997960632601883, 1e-12, 'p');
    assert.equal(a.flagged, false, 'p = 0.0027 is above the 0.001 flag');
    // chisquare([3400, 3300, 3300], f_exp=thirds) -> 2.0, p 0.3678794411710725
    const b = srmTest([3400, 3300, 3300], [1, 1, 1]);
    close(b.chi2, 2, 1e-9, 'chi2 3 arms'); close(b.p, 0.3678794411710725, 1e-12, 'p 3 arms');
    // A 90/10 experiment served as 50/50: chisquare([5000, 5000], [9000, 1000]) -> 17777.8, p 0.0
    const c = srmTest([5000, 5000], [90, 10]);
    close(c.chi2, 17777.777777777777, 1e-6, 'chi2 broken split');
    assert.equal(c.flagged, true);
  });

  it('CUPED matches the regression adjustment (numpy)', () => {
    // rng = np.random.default_rng(7); x ~ N(10, 2), y = 0.8x + N(0, 1), 20 users, rounded to 3 digits;
    // theta = cov(y, x)/var(x) = 0.6387569198249112; y - theta(x - x̄): mean 7.0197, var 0.6959457865630505 (raw var 1.6917133789473684)
    const x = [10.002, 10.597, 9.452, 8.219, 9.091, 8.017, 10.12, 12.68, 9.016, 8.759, 10.98, 10.714, 10.211, 8.139, 9.941, 11.391, 7.312, 9.085, 6.198, 7.421];
    const y = [6.16, 8.243, 6.294, 6.846, 7.429, 6.226, 5.579, 9.606, 7.164, 7.121, 7.254, 8.093, 7.19, 5.702, 9.014, 8.305, 5.817, 8.152, 4.374, 5.825];
    const s: CovariateSums = { n: 20, sum: 0, sumSq: 0, sumX: 0, sumXSq: 0, sumXY: 0 };
    x.forEach((xi, i) => { const yi = y[i]!; s.sum += yi; s.sumSq += yi * yi; s.sumX += xi; s.sumXSq += xi * xi; s.sumXY += xi * yi; });
    const { theta, adjusted } = cupedAdjust([s]);
    close(theta, 0.6387569198249112, 1e-9, 'theta');
    const a = adjusted[0]!;
    close(a.sum / a.n, 7.0197, 1e-9, 'adjusted mean');
    close((a.sumSq - (a.sum * a.sum) / a.n) / (a.n - 1), 0.6959457865630505, 1e-9, 'adjusted variance');
  });

  it('Holm and Benjamini-Hochberg (R p.adjust by hand)', () => {
    // p = (0.01, 0.04, 0.03, 0.005, 0.2): holm sorted 0.005·5, 0.01·4, 0.03·3, max(0.04·2, 0.09), 0.2·1
    assert.deepEqual(holm([0.01, 0.04, 0.03, 0.005, 0.2]).map((p) => +p.toFixed(12)), [0.04, 0.09, 0.09, 0.025, 0.2]);
    // BH from the largest: 0.2·5/5, 0.04·5/4, min(0.03·5/3, 0.05), 0.01·5/2, min(0.005·5, 0.025)
    assert.deepEqual(benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2]).map((p) => +p.toFixed(12)), [0.025, 0.05, 0.05, 0.025, 0.2]);
  });

  it('mSPRT: likelihood ratio by the closed form, confidence sequence is where Λ < 1/α', () => {
    // V = 0.0004, tau² = 0.01, estimate 0.06: Λ = sqrt(.0004/.0104)·exp(.01·.0036/(2·.0004·.0104))
    const r = msprt(0.06, 0.0004, 0.01);
    close(r.lambda, Math.sqrt(0.0004 / 0.0104) * Math.exp((0.01 * 0.0036) / (2 * 0.0004 * 0.0104)), 1e-9, 'lambda');
    for (const edge of r.ci) close(msprt(0.06, 0.0004, 0.01, 0.05, edge).lambda, 20, 1e-6, 'Λ at the interval edge = 1/α');
  });
});
