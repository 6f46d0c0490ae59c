/**
 * A/A simulation: many experiments whose two arms draw from the same distribution,
 * so every "significant" result is a false positive. Measures the fixed-horizon
 * false-positive rate (z-test on conversion, Welch on revenue, one look at the end)
 * and the sequential test's under continuous peeking (a look after every user),
 * plus the naive fixed test under the same peeking, which is what mSPRT prevents.
 * Used by test/experiments/aa-simulation.test.ts and the experiments benchmark.
 */
import { Prng } from '../../../actors/propensity/prng.js';
import { sequentialLift, twoProportionTest, welchTest, type MomentSums } from './stats.js';

export interface AaOptions {
  experiments: number;
  usersPerExperiment: number;
  conversionRate: number;
  alpha: number;
  /** First look once each arm has this many users. */
  minPerArm: number;
  seed: number;
}

export interface AaResult {
  experiments: number;
  fixedConversionFpr: number;
  fixedRevenueFpr: number;
  sequentialPeekingFpr: number;
  naivePeekingFpr: number;
  looksPerExperiment: number;
}

export const DEFAULT_AA: AaOptions = { experiments: 1000, usersPerExperiment: 4000, conversionRate: 0.1, alpha: 0.05, minPerArm: 100, seed: 13 };

function gaussian(rng: Prng): number {
  // Box-Muller; 1 - u keeps log away from 0.
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

export function simulateAa(opts: Partial<AaOptions> = {}): AaResult {
  const o = { ...DEFAULT_AA, ...opts };
  const rng = new Prng(o.seed);
  let fixedConv = 0, fixedRev = 0, seq = 0, naive = 0, looks = 0;
  for (let e = 0; e < o.experiments; e++) {
    const conv: MomentSums[] = [{ n: 0, sum: 0, sumSq: 0 }, { n: 0, sum: 0, sumSq: 0 }];
    const rev: MomentSums[] = [{ n: 0, sum: 0, sumSq: 0 }, { n: 0, sum: 0, sumSq: 0 }];
    let seqRejected = false, naiveRejected = false;
    for (let u = 0; u < o.usersPerExperiment; u++) {
      const arm = rng.next() < 0.5 ? 0 : 1;
      const c = rng.next() < o.conversionRate ? 1 : 0;
      // Revenue per user: zero unless converted, then log-normal basket (skewed, as real revenue).
      const r = c ? Math.exp(3.5 + 0.8 * gaussian(rng)) : 0;
      const cs = conv[arm]!, rs = rev[arm]!;
      cs.n++; cs.sum += c; cs.sumSq += c;
      rs.n++; rs.sum += r; rs.sumSq += r * r;
      if (conv[0]!.n < o.minPerArm || conv[1]!.n < o.minPerArm) continue;
      if (e === 0) looks++;
      if (!seqRejected && sequentialLift(conv[0]!, conv[1]!, o.alpha).decision !== 'none') seqRejected = true;
      if (!naiveRejected && twoProportionTest(conv[0]!.sum, conv[0]!.n, conv[1]!.sum, conv[1]!.n, o.alpha).p < o.alpha) naiveRejected = true;
    }
    if (twoProportionTest(conv[0]!.sum, conv[0]!.n, conv[1]!.sum, conv[1]!.n, o.alpha).p < o.alpha) fixedConv++;
    if (welchTest(rev[0]!, rev[1]!, o.alpha).p < o.alpha) fixedRev++;
    if (seqRejected) seq++;
    if (naiveRejected) naive++;
  }
  const n = o.experiments;
  return { experiments: n, fixedConversionFpr: fixedConv / n, fixedRevenueFpr: fixedRev / n, sequentialPeekingFpr: seq / n, naivePeekingFpr: naive / n, looksPerExperiment: looks };
}
