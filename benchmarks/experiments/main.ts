/**
 * Cost of experiments per event (issue 13), one thread:
 * - assignment at the recommendations decision point (ExperimentServing.recs: the
 *   running experiments of the surface, population check, two FNV hashes each, and
 *   the merged config), per recompute;
 * - the analytics fold (foldExperimentEvent over an in-memory view: the LMDB
 *   read-through and commit of the worker are not in it), per event, on a stream of
 *   exposures, views, rec clicks and purchases of users exposed to every experiment.
 *
 *   npm run bench:experiments -- [--experiments 3] [--users 50000] [--events 200000] [--out benchmarks/results] [--json]
 *
 * Writes OUT/experiments-cost-<date>.md and .json with the command and the machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { assignmentsFor, mergedConfig, parseExperiment, type ExperimentInForce } from '../../actors/experiments/index.js';
import { emptyUserState } from '../../actors/user/index.js';
import { MemoryExperimentView } from '../../engine/analytics/experiments/variant-fold.js';
import type { ShopEvent } from '../../protos/index.js';
import { mulberry32 } from '../../eval/ctr/prng.js';
import { provenance } from '../lib/machine.js';

const { values } = parseArgs({
  options: {
    experiments: { type: 'string', default: '3' }, users: { type: 'string', default: '50000' }, events: { type: 'string', default: '200000' },
    out: { type: 'string', default: 'benchmarks/results' }, json: { type: 'boolean', default: false },
  },
});
const X = Number(values.experiments);
const U = Number(values.users);
const N = Number(values.events);
if (!(X >= 1 && U >= 100 && N >= 1000)) throw new RangeError('--experiments >= 1, --users >= 100, --events >= 1000');
const prov = provenance(process.argv);
const rnd = mulberry32(13);

const experiments: ExperimentInForce[] = Array.from({ length: X }, (_, i) => ({
  ...parseExperiment({ id: `exp_${i}`, metric: 'conversion', variants: [{ name: 'control', weight: 1, config: {} }, { name: 'treatment', weight: 1, config: { fusionMode: 0, diversity: 0.1 } }] }),
  phase: 1, version: 1, phaseTs: 0,
}));
const byId = new Map(experiments.map((e) => [e.id, e]));
const users = Array.from({ length: U }, (_, i) => ({ ...emptyUserState(`shopper-${i}`), firstTs: 1 }));

function timed(n: number, f: (i: number) => void): { p50Us: number; p99Us: number; meanUs: number } {
  for (let i = 0; i < 2000; i++) f(i); // JIT warm-up
  const t: number[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    f(i);
    const dt = Number(process.hrtime.bigint() - t0) / 1000;
    t.push(dt);
    sum += dt;
  }
  t.sort((a, b) => a - b);
  const q = (p: number) => Math.round(t[Math.min(t.length - 1, Math.floor(p * t.length))]! * 100) / 100;
  return { p50Us: q(0.5), p99Us: q(0.99), meanUs: Math.round((sum / n) * 100) / 100 };
}

let sink = 0;
const assignment = timed(N, (i) => {
  const a = assignmentsFor(byId.values(), 'recs', users[i % U]!);
  sink += Object.keys(mergedConfig(a)).length;
});

const view = new MemoryExperimentView();
const events: ShopEvent[] = [];
for (let i = 0; i < N; i++) {
  const u = users[Math.floor(rnd() * U)]!.userId;
  const r = rnd();
  const e: ShopEvent = r < 0.25
    ? { id: `x${i}`, userId: u, kind: 'exposure', ts: i, experimentId: `exp_${i % X}`, experimentPhase: 1, variant: rnd() < 0.5 ? 'control' : 'treatment' }
    : r < 0.8 ? { id: `v${i}`, userId: u, kind: 'view', ts: i, itemId: 'p1' }
      : r < 0.95 ? { id: `c${i}`, userId: u, kind: 'rec_click', ts: i, itemId: 'p1' }
        : { id: `p${i}`, userId: u, kind: 'purchase', ts: i, itemId: 'p1', qty: 1, price: 10 + rnd() * 90, orderId: `o${i}` };
  events.push(e);
}
const fold = timed(N - 2000, (i) => { sink += view.apply(events[i]!).length; });

const result = { experiments: X, users: U, events: N, assignment, fold, sink };
const m = prov.machine;
const md = `# Experiments: cost per event (issue 13): ${prov.date}

- commit \`${prov.commit}\`${prov.dirty.length ? ` (uncommitted changes in ${prov.dirty.length} path(s))` : ''}; command \`${prov.command}\`
- machine: nproc ${m.cores}, ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.uname}, node ${m.node}; load average at the end ${loadavg().map((x) => x.toFixed(2)).join(' / ')} (2 cores shared with other engineers)

${X} running recommendation experiments, ${U} users, ${N} calls each after 2000 warm-up, one thread.

| stage | p50 us | p99 us | mean us |
| --- | --- | --- | --- |
| assignment + merged config, per recompute (shard) | ${assignment.p50Us} | ${assignment.p99Us} | ${assignment.meanUs} |
| analytics fold, per event (25 % exposures, 55 % views, 15 % rec clicks, 5 % purchases) | ${fold.p50Us} | ${fold.p99Us} | ${fold.meanUs} |

Not included: the exposure's LMDB outbox write and JetStream publish (once per user and phase, not per event), and the
analytics worker's LMDB read-through and commit of the sums (batched with its cursor every 100 ms).
`;
mkdirSync(values.out, { recursive: true });
const base = join(values.out, `experiments-cost-${prov.date.slice(0, 10)}`);
writeFileSync(`${base}.md`, md);
writeFileSync(`${base}.json`, JSON.stringify({ ...prov, result }, null, 2));
console.log(`assignment p50 ${assignment.p50Us} us / p99 ${assignment.p99Us} us; fold p50 ${fold.p50Us} us / p99 ${fold.p99Us} us (${base}.md)`);
if (values.json) console.log(JSON.stringify(result));
