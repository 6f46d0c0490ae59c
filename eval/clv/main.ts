/**
 * `npm run eval:clv -- --data DIR [--json]`
 *
 * CDNOW 1/10 sample (shared/data/cdnow): builds each customer's (x, t_x, T) and mean
 * repeat spend from CDNOW_sample.txt with the engine's models, checks them against
 * the published summaries, fits BG/NBD and Gamma-Gamma by maximum likelihood, prints
 * the fits next to the published ones and the 39-week holdout prediction error.
 * With --json the last line is one JSON object. Bad input: one line on stderr, exit 2.
 */
import { parseArgs } from 'node:util';
import { machineInfo } from '../../benchmarks/lib/machine.js';
import { EngineError } from '../../engine/errors/index.js';
import { agreesTo } from './published.js';
import { runClvEval, type ClvEvalResult } from './run.js';

const USAGE = 'usage: npm run eval:clv -- --data DIR [--json]';

function fail(msg: string): never {
  process.stderr.write(`eval:clv: ${msg}\n`);
  process.exit(2);
}

const fmt = (v: number, d = 4): string => v.toFixed(d);

function report(r: ClvEvalResult): string {
  const out: string[] = [];
  out.push(`CDNOW 1/10 sample (${r.data}): ${r.customers} customers, ${r.transactions} transaction lines; calibration 1997-01-01..1997-09-30, holdout 1997-10-01..1998-06-30, weeks, one transaction per customer-day`);
  out.push(`summaries vs cdnow_customers_summary.csv: ${r.summary.checked} checked, ${r.summary.mismatches} mismatches; mean repeat spend vs zbar: ${r.summary.zbarChecked} checked, ${r.summary.zbarMismatches} mismatches`);
  for (const m of r.summary.firstMismatches) out.push(`  mismatch ${m}`);
  out.push('');
  out.push('parameter   ours        published   ours (published summary)   3 s.f.');
  for (const k of ['r', 'alpha', 'a', 'b'] as const) {
    const pub = r.published.bgnbd[k];
    out.push(`BG/NBD ${k.padEnd(6)} ${fmt(r.bgnbd[k]).padEnd(11)} ${String(pub).padEnd(11)} ${fmt(r.bgnbdOnPublishedSummary[k]).padEnd(26)} ${agreesTo(r.bgnbd[k], pub) ? 'yes' : 'NO'}`);
  }
  for (const k of ['p', 'q', 'v'] as const) {
    const pub = r.published.gammagamma[k];
    out.push(`GG     ${k.padEnd(6)} ${fmt(r.gammagamma[k]).padEnd(11)} ${String(pub).padEnd(11)} ${''.padEnd(26)} ${agreesTo(r.gammagamma[k], pub) ? 'yes' : 'NO'}`);
  }
  out.push(`log-likelihood: BG/NBD ${r.bgnbd.logLikelihood.toFixed(2)} (converged: ${r.bgnbd.converged}), Gamma-Gamma ${r.gammagamma.logLikelihood.toFixed(2)} on ${r.gammagamma.customers} customers with x > 0; fits took ${r.fitMs.toFixed(0)} ms`);
  out.push('');
  out.push(`holdout (${r.holdout.bgnbd.weeks} weeks), repeat transactions per customer:`);
  for (const [name, h] of [['BG/NBD E[Y(t)|x,t_x,T]', r.holdout.bgnbd], ['naive x/T rate', r.holdout.naiveRate]] as const) {
    out.push(`  ${name.padEnd(24)} MAE ${fmt(h.mae)}  RMSE ${fmt(h.rmse)}  total predicted ${h.predictedTotal.toFixed(1)} vs actual ${h.actualTotal}`);
  }
  out.push(`CLV (12 months, 1 %/month discount): mean ${r.clv.mean.toFixed(2)}, median ${r.clv.median.toFixed(2)}, p90 ${r.clv.p90.toFixed(2)}; mean P(alive) ${r.clv.meanPAlive.toFixed(3)}`);
  const m = machineInfo();
  out.push(`machine: ${m.cpuModel} x${m.cores}, ${m.memoryGiB} GiB, ${m.uname}, node ${m.node}`);
  return out.join('\n');
}

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({ options: { data: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } }));
  } catch (e) {
    fail(`${(e as Error).message}; ${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.data === undefined) fail(`--data DIR is required; ${USAGE}`);
  let r: ClvEvalResult;
  try {
    r = runClvEval(values.data);
  } catch (e) {
    if (e instanceof EngineError || e instanceof RangeError) fail(`${e instanceof EngineError ? `${e.code} ` : ''}${e.message}`);
    throw e;
  }
  process.stdout.write(`${report(r)}\n`);
  if (values.json) {
    const { bgnbd, gammagamma, ...rest } = r;
    process.stdout.write(`${JSON.stringify({ bgnbd, gammagamma, ...rest, machine: machineInfo() })}\n`);
  }
}

main();
