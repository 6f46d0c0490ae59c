/**
 * `npm run eval -- --data DIR [--json] [--online] [--validate[=FRACTION]]`
 *
 * Learns from train_sessions.tsv through SessionModel.observe (the code the user
 * actor runs), ranks every test case, and prints HR@20 / MRR@20 / per-query
 * latency next to the published numbers and two baselines computed here.
 * `--validate` evaluates on a split cut from the end of the training sessions
 * instead: the only place where constants may be chosen.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createProgress } from '../engine/observability/index.js';
import type { SessionModelOptions } from '../actors/recommend/index.js';
import { ItemKnn, SessionPop } from './baselines.js';
import type { Ranker } from './baselines.js';
import { caseCount, loadDataset, missingDataReason, testSessions, validationSplit } from './dataset.js';
import type { TestCase } from './dataset.js';
import type { MetricSummary } from './metrics.js';
import { DEFAULT_SESSION_SPACING_MS, ModelRanker } from './model-ranker.js';
import { PUBLISHED } from './published.js';
import { dumpSignals } from './dump-signals.js';
import { evalBaseline, evalModel } from './run.js';

export const DEFAULT_VALIDATION_FRACTION = 0.1;

const USAGE = `usage: npm run eval -- --data DIR [--json] [--online] [--validate[=FRACTION]]
  [--max-cases N] [--no-baselines] [--set option=number ...] [--options FILE.json] [--session-spacing-ms MS]
  [--dump-signals FILE] (with --validate: candidates' signal scores for eval/fit-fusion.ts)`;

function fail(msg: string): never {
  process.stderr.write(`eval: ${msg}\n${USAGE}\n`);
  process.exit(2);
}

function parse(): {
  data: string; json: boolean; online: boolean; validate: number | undefined; maxCases: number | undefined;
  baselines: boolean; options: SessionModelOptions; spacing: number; dump: string | undefined;
} {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        data: { type: 'string' },
        json: { type: 'boolean', default: false },
        online: { type: 'boolean', default: false },
        validate: { type: 'string' },
        'max-cases': { type: 'string' },
        'no-baselines': { type: 'boolean', default: false },
        set: { type: 'string', multiple: true, default: [] },
        'session-spacing-ms': { type: 'string' },
        options: { type: 'string' },
        'dump-signals': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      // `--validate` alone means the default fraction
      args: process.argv.slice(2).map((a) => (a === '--validate' ? `--validate=${DEFAULT_VALIDATION_FRACTION}` : a)),
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (values.data === undefined) fail('--data DIR is required');
  const num = (name: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) fail(`--${name} must be a number, got ${JSON.stringify(v)}`);
    return n;
  };
  const validate = num('validate', values.validate);
  if (validate !== undefined && !(validate > 0 && validate < 1)) fail('--validate fraction must be in (0, 1)');
  let options: Record<string, unknown> = {};
  if (values.options !== undefined) {
    try {
      options = JSON.parse(readFileSync(values.options, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      fail(`--options ${values.options}: ${(e as Error).message}`);
    }
  }
  if (values['dump-signals'] !== undefined && validate === undefined) fail('--dump-signals only with --validate (never fit on a test set)');
  for (const s of values.set) {
    const eq = s.indexOf('=');
    if (eq < 0) fail(`--set wants option=number, got ${JSON.stringify(s)}`);
    const [name, sub] = s.slice(0, eq).split('.', 2) as [string, string | undefined];
    const v = num('set', s.slice(eq + 1)) as number;
    // fusionWeights.knnLog=0.2 sets one entry of an object option
    if (sub === undefined) options[name] = v;
    else options[name] = { ...(options[name] as object | undefined), [sub]: v };
  }
  return {
    data: resolve(values.data), json: values.json, online: values.online, validate,
    maxCases: num('max-cases', values['max-cases']), baselines: !values['no-baselines'],
    options: options as SessionModelOptions, spacing: num('session-spacing-ms', values['session-spacing-ms']) ?? DEFAULT_SESSION_SPACING_MS,
    dump: values['dump-signals'],
  };
}

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);

function main(): void {
  const args = parse();
  const why = missingDataReason(args.data);
  if (why !== undefined) {
    // the data is not in the repo; a machine without it skips, saying so
    const msg = `eval: skipped: ${why}`;
    process.stdout.write(args.json ? `${msg}\n${JSON.stringify({ skipped: true, reason: why })}\n` : `${msg}\n`);
    return;
  }
  const t0 = performance.now();
  const ds = loadDataset(args.data);
  let train = ds.train;
  let cases: TestCase[] = ds.test;
  if (args.validate !== undefined) ({ train, test: cases } = validationSplit(ds.train, args.validate));
  let online = args.online ? testSessions(cases) : undefined;
  if (args.maxCases !== undefined) {
    cases = cases.slice(0, args.maxCases);
    if (online !== undefined) {
      let n = 0;
      online = online.filter((s) => (n += s.cases.length) <= (args.maxCases as number));
    }
  }
  const nCases = online === undefined ? cases.length : caseCount(online);
  const split = args.validate !== undefined ? `validation (last ${args.validate * 100}% of training sessions)` : 'test';
  const log = (s: string): void => void process.stdout.write(`${s}\n`);
  const track = (label: string, total: number) => createProgress(label, total, { unit: label.endsWith('scoring') ? 'cases' : 'sessions' });
  log(`eval ${basename(args.data)}: ${train.length} training sessions, ${nCases} ${split} cases, mode ${args.online ? 'online (test-then-learn)' : 'default (no test-data training)'}`);

  if (args.dump !== undefined) {
    dumpSignals(new ModelRanker(args.options, args.spacing), train, cases, args.dump);
    log(`wrote ${args.dump}`);
    return;
  }
  const results: Array<{ name: string; s: MetricSummary }> = [];
  if (args.baselines) {
    const rankers: Ranker[] = [new SessionPop(), new ItemKnn()];
    for (const r of rankers) results.push({ name: r.name, s: evalBaseline(r, train, cases, online, track).summary() });
  }
  const mr = new ModelRanker(args.options, args.spacing);
  const run = evalModel(mr, train, cases, online, track);
  const ours = run.metrics.summary();
  results.push({ name: 'ours (SessionModel)', s: ours });

  log(`\n${'method'.padEnd(28)}  HR@20  MRR@20   p50 ms  p99 ms`);
  for (const { name, s } of results) {
    const lat = name.startsWith('ours') ? `  ${s.p50Ms.toFixed(3).padStart(7)} ${s.p99Ms.toFixed(3).padStart(7)}` : '';
    log(`${name.padEnd(28)} ${pct(s.hr)} ${pct(s.mrr)}${lat}`);
  }
  const pub = PUBLISHED[basename(args.data)];
  if (pub !== undefined && args.validate === undefined) {
    log(`\npublished (${pub.source}):`);
    for (const r of pub.rows) log(`${r.method.padEnd(28)} ${pct(r.hr20)} ${pct(r.mrr20)}`);
  } else {
    log(`\npublished: none for ${args.validate !== undefined ? 'a validation split' : `folder ${basename(args.data)}`}`);
  }
  const st = mr.model.stats();
  log(`\nmodel: learned in ${(run.trainMs / 1000).toFixed(1)} s; stats ${JSON.stringify(st)}; total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (args.json) {
    const out: Record<string, unknown> = {
      hr20: round(ours.hr), mrr20: round(ours.mrr), n: ours.n,
      query_ms_p50: round(ours.p50Ms), query_ms_p99: round(ours.p99Ms),
      dataset: basename(args.data), split: args.validate !== undefined ? 'validation' : 'test', online: args.online,
    };
    for (const { name, s } of results) {
      if (name === 'S-POP') Object.assign(out, { spop_hr20: round(s.hr), spop_mrr20: round(s.mrr) });
      if (name === 'Item-KNN') Object.assign(out, { itemknn_hr20: round(s.hr), itemknn_mrr20: round(s.mrr) });
    }
    log(JSON.stringify(out));
  }
}

const round = (x: number): number => Math.round(x * 1e5) / 1e5;

main();
