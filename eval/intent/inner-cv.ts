/**
 * `node dist/eval/intent/inner-cv.js --data DIR --gbdt NAME,... --lr NAME,... [--blend]`
 *
 * The exploration driver behind the constants of eval/intent/README.md. For
 * each outer fold of the eval (5 folds, seed 0) it takes the TRAINING rows
 * only, runs 3-fold CV inside them (seed 1, as select.ts) and prints the pooled
 * inner out-of-fold ROC-AUC / PR-AUC of each model, and of logit blends of a
 * GBDT with a logistic model. The outer test folds are never scored here.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { FeatureDef, TrainOptions } from '../../actors/propensity/index.js';
import { CANDIDATES, FEATURE_SETS } from './candidates.js';
import { LOGISTIC_CANDIDATES } from './logistic-candidates.js';
import { splitFold, stratifiedFolds } from './folds.js';
import { averagePrecision, rocAuc } from './metrics.js';
import { INNER_FOLDS, INNER_SEED, outOfFold, outOfFoldLogistic } from './select.js';
import { readSessions } from './sessions-csv.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/online_shoppers' },
    gbdt: { type: 'string', default: '' },
    lr: { type: 'string', default: '' },
    bags: { type: 'string', default: '1' },
    blend: { type: 'boolean', default: false },
    /** ad-hoc GBDT shapes: JSON array of [featureSet, options] */
    shapes: { type: 'string', default: '[]' },
  },
});
const data = readSessions(join(resolve(values.data), 'sessions.csv'));
const gbdts = values.gbdt === '' ? [] : values.gbdt.split(',').map((n) => {
  const c = CANDIDATES.find((x) => x.name === n);
  if (c === undefined) throw new Error(`no GBDT candidate ${n}: ${CANDIDATES.map((x) => x.name).join(', ')}`);
  return c;
});
const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);
/** derived features tried here before any goes into features.ts */
const EXTRA: readonly FeatureDef[] = [
  { name: 'PageValueXProductPages', kind: 'numeric', raw: false, get: (s) => s.pageValues * s.productRelated },
  { name: 'ExitMinusBounce', kind: 'numeric', raw: false, get: (s) => s.exitRates - s.bounceRates },
  { name: 'SecondsPerPage', kind: 'numeric', raw: false, get: (s) => ratio(s.administrativeDuration + s.informationalDuration + s.productRelatedDuration, s.administrative + s.informational + s.productRelated) },
  { name: 'PageValueXExitPages', kind: 'numeric', raw: false, get: (s) => s.pageValues * (1 - s.exitRates) * Math.log1p(s.productRelated) },
];
const SETS: Record<string, readonly FeatureDef[]> = { ...FEATURE_SETS, 'lean+x': [...(FEATURE_SETS.lean ?? []), ...EXTRA] };
for (const [fs, options] of JSON.parse(values.shapes) as [string, Partial<TrainOptions>][]) {
  const features = SETS[fs];
  if (features === undefined) throw new Error(`no feature set ${fs}`);
  gbdts.push({ name: `${fs}:${JSON.stringify(options)}`, features, options });
}
const lrs = values.lr === '' ? [] : values.lr.split(',').map((n) => {
  const c = LOGISTIC_CANDIDATES.find((x) => x.name === n);
  if (c === undefined) throw new Error(`no logistic candidate ${n}: ${LOGISTIC_CANDIDATES.map((x) => x.name).join(', ')}`);
  return c;
});
const bags = Number(values.bags);
const WEIGHTS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1];
const logit = (p: number): number => Math.log(p / (1 - p));

const fold = stratifiedFolds(data.labels, 5, 0);
const table = new Map<string, { roc: number[]; pr: number[] }>();
const add = (name: string, y: Uint8Array, p: Float64Array): void => {
  const e = table.get(name) ?? { roc: [], pr: [] };
  e.roc.push(rocAuc(y, p));
  e.pr.push(averagePrecision(y, p));
  table.set(name, e);
};
for (let f = 0; f < 5; f++) {
  const { train } = splitFold(fold, f);
  const y = Uint8Array.from(train, (r) => data.labels[r] as number);
  const g = new Map<string, Float64Array>();
  const l = new Map<string, Float64Array>();
  for (const c of gbdts) {
    const p = outOfFold(data.sessions, data.labels, train, c, INNER_FOLDS, INNER_SEED, bags);
    g.set(c.name, p);
    add(`gbdt ${c.name}`, y, p);
  }
  for (const c of lrs) {
    const p = outOfFoldLogistic(data.sessions, data.labels, train, c, INNER_FOLDS, INNER_SEED);
    l.set(c.name, p);
    add(`lr ${c.name}`, y, p);
  }
  if (values.blend) {
    for (const [gn, gp] of g) for (const [ln, lp] of l) for (const w of WEIGHTS) {
      const p = Float64Array.from(gp, (v, i) => 1 / (1 + Math.exp(-((1 - w) * logit(v) + w * logit(lp[i] as number)))));
      add(`blend ${gn} + ${w} x ${ln}`, y, p);
    }
  }
  process.stderr.write(`outer training fold ${f + 1}/5 done\n`);
}
const m = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
process.stdout.write(`inner ${INNER_FOLDS}-fold CV (seed ${INNER_SEED}) inside each outer training fold; pooled OOF; mean over the 5 outer training folds; bags ${bags}\n`);
for (const [name, e] of table) {
  process.stdout.write(`${name.padEnd(48)} ROC ${m(e.roc).toFixed(4)}  PR ${m(e.pr).toFixed(4)}  avg ${((m(e.roc) + m(e.pr)) / 2).toFixed(4)}   per fold ROC ${e.roc.map((v) => v.toFixed(4)).join(' ')}\n`);
}
