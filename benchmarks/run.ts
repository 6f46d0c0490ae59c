/**
 * `npm run bench [-- --quick] [--only e2e,ingest,ann,actors,restart,search] [--out DIR]`: runs the
 * benchmark suites and writes JSON + markdown under benchmarks/results/ with the
 * machine, commit and command. Exit codes: 0 written (budgets may still fail: read
 * the verdicts), 1 a suite crashed, 2 bad flags.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createProgress } from '../engine/observability/index.js';
import { loadSnapshot, provenance } from './lib/machine.js';
import { verdicts, writeResults, type BenchResults } from './lib/results.js';
import { FULL_ACTOR_MEMORY, QUICK_ACTOR_MEMORY, runActorMemory } from './suites/actor-memory.js';
import { FULL_ANN, QUICK_ANN, runAnn } from './suites/ann.js';
import { FULL_E2E, QUICK_E2E, runIngest, runLatency } from './suites/e2e.js';
import { FULL_RESTART, QUICK_RESTART, runRestart } from './suites/restart.js';
import { FULL_SEARCH, QUICK_SEARCH, runSearch } from './suites/search.js';

export const SUITES = ['e2e', 'ingest', 'ann', 'actors', 'restart', 'search'] as const;
type Suite = (typeof SUITES)[number];
const DEFAULT_OUT = fileURLToPath(new URL('../../benchmarks/results/', import.meta.url));

const USAGE = `Usage: npm run bench -- [--quick] [--only ${SUITES.join(',')}] [--out DIR]

  --quick   CI-sized runs (fewer shoppers, lower rates, smaller data); same scenario names
  --only    comma-separated suites (default: all)
  --out     results folder (default benchmarks/results)
`;

function parse(argv: string[]): { quick: boolean; only: Suite[]; out: string } | undefined {
  const { values } = parseArgs({ args: argv, strict: true, options: { quick: { type: 'boolean' }, only: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return undefined;
  const only = (values.only ?? SUITES.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of only) if (!(SUITES as readonly string[]).includes(s)) throw new TypeError(`--only: unknown suite "${s}"; expected ${SUITES.join(', ')}`);
  return { quick: values.quick ?? false, only: only as Suite[], out: values.out ?? DEFAULT_OUT };
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let opts;
  try {
    opts = parse(argv);
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (!opts) {
    process.stdout.write(USAGE);
    return 0;
  }
  const t0 = performance.now();
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const r: BenchResults = {
    schema: 'shop-brain-bench/1', mode: opts.quick ? 'quick' : 'full', provenance: provenance(argv), load: { start: loadSnapshot() },
    verdicts: [], errors: {}, durationS: 0,
  };
  const m = r.provenance.machine;
  log(`bench (${r.mode}) on ${m.cores} x ${m.cpuModel}, commit ${r.provenance.commit.slice(0, 12)}; load ${r.load['start']!.loadavg.join(' ')}`);
  // One line per finished suite with elapsed time (suites log their own steps in between).
  const suites = createProgress('bench suites', opts.only.length, { unit: 'suites', tty: false });
  let finished = 0;
  const step = async (name: Suite, fn: () => Promise<void>) => {
    if (!opts.only.includes(name)) return;
    r.load[`before ${name}`] = loadSnapshot();
    try {
      await fn();
    } catch (err) {
      r.errors[name] = (err as Error)?.stack?.split('\n').slice(0, 6).join(' ') ?? String(err);
      log(`${name} failed: ${(err as Error)?.stack ?? String(err)}`);
    }
    suites.update(++finished);
  };
  await step('e2e', async () => {
    r.e2e = { ...r.e2e, ...(await runLatency(opts.quick ? QUICK_E2E : FULL_E2E, log)) };
  });
  await step('ingest', async () => {
    r.e2e = { rows: [], ...r.e2e, ...(await runIngest(opts.quick ? QUICK_E2E : FULL_E2E, log)) };
  });
  await step('ann', async () => {
    r.ann = await runAnn(opts.quick ? QUICK_ANN : FULL_ANN, log);
  });
  await step('actors', async () => {
    log('actor-memory: user actors activated from LMDB into an ActorCache');
    r.actorMemory = runActorMemory(opts.quick ? QUICK_ACTOR_MEMORY : FULL_ACTOR_MEMORY, log);
  });
  await step('restart', async () => {
    const plan = opts.quick ? QUICK_RESTART : FULL_RESTART;
    log(`restart: ${plan.users} users in LMDB, kill -9, time to serve again`);
    r.restart = await runRestart(plan, log);
  });
  await step('search', async () => {
    const plan = opts.quick ? QUICK_SEARCH : FULL_SEARCH;
    log(`search: relevance on ${plan.relevanceProducts} products, speed on ${plan.sizes.join(', ')}`);
    r.search = await runSearch(plan, log);
  });
  suites.stop();
  r.load['end'] = loadSnapshot();
  r.verdicts = verdicts(r);
  r.durationS = Math.round((performance.now() - t0) / 1000);
  const files = writeResults(opts.out, r, { latest: opts.only.length === SUITES.length });
  log('');
  for (const v of r.verdicts) log(`${v.pass ? 'PASS' : 'FAIL'}  ${v.budget}: ${v.measured} (target ${v.target})${v.pass ? '' : `\n      ${v.note}`}`);
  log(`\nresults: ${files.md}\n         ${files.json}\n         ${files.html} (charts)`);
  return Object.keys(r.errors).length ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
}, (err: unknown) => {
  process.stderr.write(`bench failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exitCode = 1;
});
