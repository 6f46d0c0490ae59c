/**
 * `npm run eval:intent -- --data DIR [--test FILE] [--json] [--fixed NAME] [--no-blend] [--save-model FILE]`
 *
 * Purchase intent on the UCI Online Shoppers format (DIR/sessions.csv): the
 * protocol of shared/data/README.md (stratified 5-fold CV shuffled with seed 0,
 * no resampling of test folds), every constant chosen inside training folds
 * (select.ts), printed next to the published numbers. `--test FILE` trains on
 * all of DIR and scores FILE once. Bad input exits 2 with one line.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { serializeScorer } from '../../actors/propensity/index.js';
import { EngineError } from '../../engine/errors/index.js';
import { CANDIDATES, FINAL_BAGS } from './candidates.js';
import { meanStd } from './metrics.js';
import { GOAL, PUBLISHED_INTENT } from './published.js';
import { BLEND_CANDIDATES } from './logistic-candidates.js';
import { crossValidate, fitOn, trainTest, treeCountOf } from './run.js';
import type { FoldResult } from './run.js';
import { INNER_FOLDS } from './select.js';
import { readSessions } from './sessions-csv.js';

const USAGE = `usage: npm run eval:intent -- --data DIR [--test FILE] [--json] [--folds 5] [--seed 0]
  [--fixed ${CANDIDATES.map((c) => c.name).join('|')}] [--no-blend] [--save-model FILE.json]`;

class UsageError extends Error {}

interface Args {
  data: string;
  test: string | undefined;
  json: boolean;
  folds: number;
  seed: number;
  fixed: string | undefined;
  noBlend: boolean;
  saveModel: string | undefined;
}

function parse(argv: string[]): Args {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' }, test: { type: 'string' }, json: { type: 'boolean', default: false },
        folds: { type: 'string', default: '5' }, seed: { type: 'string', default: '0' },
        fixed: { type: 'string' }, 'no-blend': { type: 'boolean', default: false }, 'save-model': { type: 'string' }, help: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (values.data === undefined) throw new UsageError('--data DIR is required');
  const int = (name: string, v: string, min: number): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer >= ${min}, got ${JSON.stringify(v)}`);
    return n;
  };
  if (values.fixed !== undefined && !CANDIDATES.some((c) => c.name === values.fixed)) throw new UsageError(`--fixed must be one of ${CANDIDATES.map((c) => c.name).join(', ')}`);
  return {
    data: resolve(values.data), test: values.test === undefined ? undefined : resolve(values.test), json: values.json,
    folds: int('folds', values.folds, 2), seed: int('seed', values.seed, 0), fixed: values.fixed, noBlend: values['no-blend'], saveModel: values['save-model'],
  };
}

const f4 = (x: number): string => (Number.isFinite(x) ? x.toFixed(4) : '  n/a ');
const round = (x: number): number | null => (Number.isFinite(x) ? Math.round(x * 1e5) / 1e5 : null);

function summarise(rs: FoldResult[]): Record<string, number | null> {
  const m = (k: keyof FoldResult): { mean: number; std: number } => meanStd(rs.map((r) => r[k] as number));
  const out: Record<string, number | null> = {};
  for (const k of ['rocAuc', 'prAuc', 'brier', 'f1', 'precision', 'recall', 'threshold'] as const) {
    const s = m(k);
    const snake = k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    out[snake] = round(s.mean);
    out[`${snake}_std`] = round(s.std);
  }
  return out;
}

function main(): void {
  const args = parse(process.argv.slice(2));
  const log = (s: string): void => void process.stdout.write(`${s}\n`);
  const t0 = performance.now();
  const data = readSessions(join(args.data, 'sessions.csv'));
  const fixed = args.fixed === undefined ? undefined : CANDIDATES.find((c) => c.name === args.fixed);
  const pos = data.labels.reduce((a, b) => a + b, 0);
  const trees = fixed === undefined ? `nested selection among ${CANDIDATES.length} tree candidates by ${INNER_FOLDS}-fold CV inside each training set` : `fixed tree candidate ${fixed.name}`;
  const how = args.noBlend ? `${trees}, trees only` : `${trees}, then a logistic model (${BLEND_CANDIDATES.length} candidates) and its blend weight by the same inner CV`;
  const run = { fixed, noBlend: args.noBlend };
  const progress = (s: string): void => void process.stderr.write(`${s}\n`);
  let results: FoldResult[];
  let mode: 'cv' | 'test';
  if (args.test === undefined) {
    mode = 'cv';
    log(`eval:intent ${args.data}: ${data.labels.length} sessions, ${pos} bought (${((100 * pos) / data.labels.length).toFixed(1)} %); stratified ${args.folds}-fold CV, seed ${args.seed}; ${how}; final models average ${FINAL_BAGS} boosters`);
    results = crossValidate(data, args.folds, args.seed, { ...run, progress });
  } else {
    mode = 'test';
    const test = readSessions(args.test);
    log(`eval:intent: train on ${args.data} (${data.labels.length} sessions), score ${args.test} (${test.labels.length} sessions) once; ${how}`);
    results = [trainTest(data, test, { ...run, progress }).result];
  }
  log(`\n${'fold'.padEnd(6)} ${'n'.padStart(5)} ${'chosen'.padEnd(30)} ROC-AUC  PR-AUC   Brier     F1  prec. recall  thresh.`);
  for (const r of results) {
    log(`${String(r.fold + 1).padEnd(6)} ${String(r.n).padStart(5)} ${r.chosen.padEnd(30)} ${f4(r.rocAuc)}  ${f4(r.prAuc)}  ${f4(r.brier)} ${f4(r.f1)} ${f4(r.precision)} ${f4(r.recall)}  ${f4(r.threshold)}`);
  }
  const s = summarise(results);
  const n = results.reduce((a, r) => a + r.n, 0);
  // one scored file has no spread to show
  const pm = (k: string): string => `${f4(s[k] ?? Number.NaN)}${results.length > 1 ? ` ± ${f4(s[`${k}_std`] ?? Number.NaN)}` : ''}`;
  log(`\n${'method'.padEnd(30)} ROC-AUC            PR-AUC`);
  log(`${(results.length > 1 ? 'ours (mean ± std over folds)' : 'ours (test file)').padEnd(30)} ${pm('roc_auc')}  ${pm('pr_auc')}`);
  for (const p of PUBLISHED_INTENT) log(`${p.method.padEnd(30)} ${p.rocAuc.toFixed(3)}              ${p.prAuc.toFixed(3)}    (${p.source})`);
  log(`\nBrier ${pm('brier')}; F1 ${pm('f1')} (precision ${pm('precision')}, recall ${pm('recall')}) at thresholds chosen on training rows; n ${n}`);
  const met = (s.roc_auc ?? 0) >= GOAL.rocAuc && (s.pr_auc ?? 0) >= GOAL.prAuc;
  log(`goal ROC-AUC >= ${GOAL.rocAuc} and PR-AUC >= ${GOAL.prAuc}: ${met ? 'met' : 'NOT met'}; ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (args.saveModel !== undefined) {
    const model = fitOn(data, Int32Array.from({ length: data.labels.length }, (_, i) => i), run).model;
    writeFileSync(args.saveModel, serializeScorer(model));
    log(`wrote ${args.saveModel} (trained on all of ${args.data}, ${treeCountOf(model)} trees)`);
  }
  if (args.json) {
    log(JSON.stringify({
      ...s, n, mode, folds: mode === 'cv' ? args.folds : 1, seed: args.seed, selection: fixed === undefined ? 'nested' : `fixed:${fixed.name}`, blend: !args.noBlend,
      chosen: results.map((r) => r.chosen), fold_roc_auc: results.map((r) => round(r.rocAuc)), fold_pr_auc: results.map((r) => round(r.prAuc)),
      goal_met: met, seconds: round((performance.now() - t0) / 1000),
    }));
  }
}

try {
  main();
} catch (e) {
  // bad input is one line and exit 2; anything else is a bug and keeps its stack
  if (e instanceof UsageError) {
    process.stderr.write(`eval:intent: ${e.message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (e instanceof EngineError) {
    process.stderr.write(`eval:intent: ${e.code}: ${e.message}\n`);
    process.exit(2);
  }
  throw e;
}
