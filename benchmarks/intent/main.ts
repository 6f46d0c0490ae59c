/**
 * `npm run bench:intent -- [--data DIR] [--out DIR] [--calls N]`
 *
 * Runs `npm run eval:intent -- --data DIR --json` as its own process (the
 * numbers are exactly what that command prints), then trains the model the
 * eval would serve on all of DIR and times scoring. Writes
 * OUT/intent-<date>.md and .json with the command, machine and numbers.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { intentReport, renderReport } from '../report/index.js';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { fitOn } from '../../eval/intent/run.js';
import { readSessions } from '../../eval/intent/sessions-csv.js';
import { GOAL, PUBLISHED_INTENT } from '../../eval/intent/published.js';
import { provenance } from '../lib/machine.js';
import { benchScoring } from './score-bench.js';
import type { Percentiles } from './score-bench.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/online_shoppers' },
    out: { type: 'string', default: 'benchmarks/results' },
    calls: { type: 'string', default: '200000' },
  },
});
const calls = Number(values.calls);
if (!Number.isInteger(calls) || calls < 1000) {
  process.stderr.write('bench:intent: --calls must be an integer >= 1000\n');
  process.exit(2);
}
const log = (s: string): void => void process.stdout.write(`${s}\n`);
const prov = provenance([]);
const evalCommand = `npm run eval:intent -- --data ${values.data} --json`;
prov.command = `npm run bench:intent -- --data ${values.data}`;

log(`running ${evalCommand}`);
const t0 = Date.now();
const ev = spawnSync(process.execPath, ['dist/eval/intent/main.js', '--data', values.data, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
if (ev.status !== 0) {
  process.stderr.write(`bench:intent: the eval exited ${ev.status}: ${ev.stderr.trim().split('\n').pop() ?? ''}\n`);
  process.exit(2);
}
const evalSeconds = (Date.now() - t0) / 1000;
const lines = ev.stdout.trimEnd().split('\n');
const metrics = JSON.parse(lines[lines.length - 1] as string) as Record<string, unknown>;
const human = lines.slice(0, -1).join('\n');
log(human);

log(`\ntraining the served model on all of ${values.data} and timing ${calls} scores per case`);
const data = readSessions(join(resolve(values.data), 'sessions.csv'));
const { model, chosen } = fitOn(data, Int32Array.from({ length: data.labels.length }, (_, i) => i), {});
const bench = benchScoring(model, data.sessions, calls);
const row = (name: string, p: Percentiles): string => `| ${name} | ${p.p50Us} | ${p.p99Us} | ${p.meanUs} | ${p.calls} |`;
const table = [
  '| call | p50 µs | p99 µs | mean µs | calls |', '| --- | --- | --- | --- | --- |',
  row('`score(vector)`: features already computed', bench.vector),
  row('`scoreSession(session)`: features + score', bench.session),
  row('`scoreSession` + `explainSession(session, 3)`', bench.sessionExplained),
  row('empty timed call (timer cost, included above)', bench.timerUs),
].join('\n');
log(table);

const date = prov.date.slice(0, 10);
const m = prov.machine;
const f = (k: string): string => String(metrics[k]);
const md = `# Purchase intent (issue 17, offline half): ${prov.date}

- commit \`${prov.commit}\`${prov.dirty.length ? ` (uncommitted changes in ${prov.dirty.length} path(s) when it ran)` : ''}
- command \`${prov.command}\`, which ran \`${evalCommand}\` (${evalSeconds.toFixed(0)} s)
- machine: nproc ${m.cores}, ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.uname}, node ${m.node}; load average at the end ${loadavg().map((x) => x.toFixed(2)).join(' / ')} (2 cores shared with other engineers)

## Quality: stratified 5-fold CV, shuffled with seed 0 (shared/data/README.md protocol)

| method | ROC-AUC | PR-AUC | source |
| --- | --- | --- | --- |
| **ours** (mean ± std over folds) | **${f('roc_auc')} ± ${f('roc_auc_std')}** | **${f('pr_auc')} ± ${f('pr_auc_std')}** | this run |
${PUBLISHED_INTENT.map((p) => `| ${p.method} | ${p.rocAuc} | ${p.prAuc} | ${p.source} |`).join('\n')}
| goal (issue 17) | >= ${GOAL.rocAuc} | >= ${GOAL.prAuc} | **${metrics.goal_met === true ? 'met' : 'not met'}** |

Brier ${f('brier')} ± ${f('brier_std')}; F1 ${f('f1')} ± ${f('f1_std')} (precision ${f('precision')}, recall ${f('recall')}) at a threshold chosen on each training set's inner out-of-fold predictions; n ${f('n')}. Per fold ROC-AUC ${JSON.stringify(metrics.fold_roc_auc)}, PR-AUC ${JSON.stringify(metrics.fold_pr_auc)}; chosen ${JSON.stringify(metrics.chosen)}.

Our folds are stratified and shuffled with seed 0 but dealt by our own PRNG, so the rows of each fold differ from scikit-learn's \`StratifiedKFold(shuffle=True, random_state=0)\`; the fold-to-fold spread above (std) is the scale on which the comparison means something.

\`\`\`
${human}
\`\`\`

## Scoring cost (one session, one thread, timed per call)

Model trained on all ${data.labels.length} sessions with the same nested selection (chose ${chosen}): ${bench.trees} trees, ${bench.nodes} nodes.

${table}

\`score\` walks flat typed arrays and allocates nothing (a blend scores its trees and its logistic terms through reused buffers); \`explainSession\` allocates its result (three objects and their strings).

## How the constants were chosen

See eval/intent/README.md: the tree and logistic candidate lists and the blend-weight grid were drawn up by 3-fold CV inside the outer training folds only; each outer fold then picks its tree candidate, its logistic candidate, the blend weight and the F1 threshold by 3-fold CV inside its own training rows. No number above was used to change a constant.
`;
mkdirSync(values.out, { recursive: true });
const base = join(values.out, `intent-${date}`);
writeFileSync(`${base}.md`, md);
const json = { provenance: prov, evalCommand, metrics, scoring: bench, servedCandidate: chosen };
writeFileSync(`${base}.json`, `${JSON.stringify(json, null, 2)}\n`);
writeFileSync(`${base}.html`, renderReport(intentReport(json)));
log(`wrote ${base}.md, .json and .html`);
