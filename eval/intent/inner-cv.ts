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
import { featureByName, Prng, trainIntentModel } from '../../actors/propensity/index.js';
import type { FeatureDef, IntentSession, TrainOptions } from '../../actors/propensity/index.js';
import type { Candidate } from './candidates.js';
import { toMatrix } from './matrix.js';
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
    /** ordered target encodings (CatBoost-style) of these category columns appended to every GBDT's features */
    te: { type: 'string', default: '' },
    'te-prior': { type: 'string', default: '10' },
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
const teColumns = values.te === '' ? [] : values.te.split(',');
const tePrior = Number(values['te-prior']);

/**
 * Inner OOF of a GBDT with target-encoded columns: training rows get ordered
 * statistics (each row sees only rows before it in a seeded permutation, the
 * prior weighs tePrior rows), held rows the statistics of all training rows.
 */
function outOfFoldTe(rows: Int32Array, c: Candidate): Float64Array {
  const y = Uint8Array.from(rows, (r) => data.labels[r] as number);
  const fold = stratifiedFolds(y, INNER_FOLDS, INNER_SEED);
  const p = new Float64Array(rows.length);
  const cats = teColumns.map((n) => featureByName(n) as FeatureDef);
  const features: FeatureDef[] = [...c.features, ...cats.map((f) => ({ name: `TE_${f.name}`, kind: 'numeric' as const, raw: false, get: () => Number.NaN }))];
  const nb = c.features.length;
  const nf = features.length;
  const build = (idx: Int32Array, stats: Map<string, [number, number]>[] | undefined, prior: number, prng: Prng | undefined): Float64Array => {
    const base = toMatrix(data.sessions, Array.from(idx, (i) => rows[i] as number), c.features);
    const x = new Float64Array(idx.length * nf);
    const order = Int32Array.from({ length: idx.length }, (_, k) => k);
    if (prng !== undefined) prng.shuffle(order);
    const running = cats.map(() => new Map<number, [number, number]>());
    for (const k of order) {
      const s = data.sessions[rows[idx[k] as number] as number] as IntentSession;
      x.set(base.subarray(k * nb, (k + 1) * nb), k * nf);
      cats.forEach((f, q) => {
        const v = f.get(s);
        const m = stats === undefined ? running[q] as Map<number, [number, number]> : undefined;
        const e = m !== undefined ? m.get(v) : (stats?.[q] as Map<string, [number, number]>).get(String(v));
        const [pos, cnt] = e ?? [0, 0];
        x[k * nf + nb + q] = (pos + tePrior * prior) / (cnt + tePrior);
        if (m !== undefined) m.set(v, [pos + (data.labels[rows[idx[k] as number] as number] as number), cnt + 1]);
      });
    }
    return x;
  };
  for (let f = 0; f < INNER_FOLDS; f++) {
    const { train, test } = splitFold(fold, f);
    let pos = 0;
    for (const i of train) pos += y[i] as number;
    const prior = pos / train.length;
    const xt = build(train, undefined, prior, new Prng(17 + f));
    const stats = cats.map((cf) => {
      const m = new Map<string, [number, number]>();
      for (const i of train) {
        const v = String(cf.get(data.sessions[rows[i] as number] as IntentSession));
        const e = m.get(v) ?? [0, 0];
        m.set(v, [e[0] + (y[i] as number), e[1] + 1]);
      }
      return m;
    });
    const model = trainIntentModel({ x: xt, y: Uint8Array.from(train, (i) => y[i] as number), features }, { ...c.options, bags });
    const xs = build(test, stats, prior, undefined);
    for (let k = 0; k < test.length; k++) p[test[k] as number] = model.score(xs.subarray(k * nf, (k + 1) * nf));
  }
  return p;
}
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
    const p = teColumns.length > 0 ? outOfFoldTe(train, c) : outOfFold(data.sessions, data.labels, train, c, INNER_FOLDS, INNER_SEED, bags);
    g.set(c.name, p);
    add(`gbdt ${c.name}`, y, p);
  }
  for (const c of lrs) {
    const p = outOfFoldLogistic(data.sessions, data.labels, train, c, INNER_FOLDS, INNER_SEED);
    l.set(c.name, p);
    add(`lr ${c.name}`, y, p);
  }
  if (values.blend) {
    const gl = [...g];
    for (let a = 0; a < gl.length; a++) for (let b = a + 1; b < gl.length; b++) {
      const [an, ap] = gl[a] as [string, Float64Array];
      const [bn, bp] = gl[b] as [string, Float64Array];
      for (const w of [0.25, 0.5, 0.75]) add(`trees ${an} + ${w} x ${bn}`, y, Float64Array.from(ap, (v, i) => 1 / (1 + Math.exp(-((1 - w) * logit(v) + w * logit(bp[i] as number))))));
    }
    if (gl.length >= 2) {
      const [an, ap] = gl[0] as [string, Float64Array];
      const [bn, bp] = gl[1] as [string, Float64Array];
      const mix = Float64Array.from(ap, (v, i) => 1 / (1 + Math.exp(-(0.5 * logit(v) + 0.5 * logit(bp[i] as number)))));
      g.set(`(${an} | ${bn})`, mix);
    }
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
