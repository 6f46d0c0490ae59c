/**
 * `npm run eval:churn -- [--data FILE] [--train-end YYYY-MM-DD] [--horizon-days N] [--as-of YYYY-MM-DD] [--json]`
 *
 * UCI Online Retail (shared/data/online_retail/online_retail.csv.gz by default), read
 * and cleaned by the engine's `online-retail` importer code. Churn: BG/NBD fitted on
 * orders up to --train-end (inclusive), label = no order in the next --horizon-days;
 * ROC-AUC of 1 - P(alive) next to a recency-only baseline. Then RFM segment counts,
 * the cohort table and ABC classes as of --as-of. With --json the last line is one
 * JSON object. Bad input: one line on stderr, exit 2.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineInfo } from '../../benchmarks/lib/machine.js';
import { EngineError } from '../../engine/errors/index.js';
import { runChurnEval, type ChurnEvalResult } from './run.js';

const DEFAULT_FILE = fileURLToPath(new URL('../../../../shared/data/online_retail/online_retail.csv.gz', import.meta.url));
const USAGE = 'usage: npm run eval:churn -- [--data FILE] [--train-end YYYY-MM-DD] [--horizon-days N] [--as-of YYYY-MM-DD] [--json]';

function fail(msg: string): never {
  process.stderr.write(`eval:churn: ${msg}\n`);
  process.exit(2);
}

const pct = (v: number): string => `${(100 * v).toFixed(1)}`.padStart(5);

function report(r: ChurnEvalResult): string {
  const out: string[] = [];
  const s = r.counts.skipped;
  out.push(`Online Retail (${r.file}): ${r.counts.rows} rows, kept ${r.counts.kept}; skipped: cancelled ${s.cancelled}, no CustomerID ${s.noCustomerId}, quantity <= 0 ${s.nonPositiveQuantity}, price <= 0 ${s.nonPositivePrice}`);
  out.push(`${r.customers} customers, ${r.invoices} invoices (load ${r.ms.load.toFixed(0)} ms)`);
  const c = r.churn;
  out.push('');
  out.push(`churn: trained on orders before ${c.cutoff}; churned = no order ${c.labelWindow[0]}..${c.labelWindow[1]} (${c.horizonDays} days): ${c.churned} of ${c.customers} customers (${pct(c.churned / c.customers).trim()} %)`);
  out.push(`BG/NBD (weeks): r ${c.bgnbd.r.toFixed(4)} alpha ${c.bgnbd.alpha.toFixed(4)} a ${c.bgnbd.a.toFixed(4)} b ${c.bgnbd.b.toFixed(4)} (LL ${c.bgnbd.logLikelihood.toFixed(2)}, fit ${r.ms.fit.toFixed(0)} ms)`);
  out.push(`ROC-AUC for "churned" (0.5 = chance):`);
  out.push(`  P(no order in ${c.horizonDays} d) = 1 - P(alive) + P(alive) P(no order | alive)  ${c.auc.churnProbability.toFixed(4)}`);
  out.push(`  1 - P(alive) alone (0 for every one-time buyer)                  ${c.auc.deadProbability.toFixed(4)}`);
  out.push(`  -E[purchases in ${c.horizonDays} d]                                         ${c.auc.expectedPurchases.toFixed(4)}`);
  out.push(`  recency-only baseline (days since last order)                    ${c.auc.recency.toFixed(4)}`);
  out.push('');
  out.push(`RFM as of ${r.asOf}: ${r.rfm.customers} customers`);
  for (const [name, n] of Object.entries(r.rfm.segments)) out.push(`  ${name.padEnd(20)} ${String(n).padStart(5)}`);
  out.push('');
  out.push(`cohorts as of ${r.asOf} (share of the cohort with an order in month k, %):`);
  out.push(`  cohort    size ${Array.from({ length: 13 }, (_, k) => String(k).padStart(5)).join('')}`);
  for (const h of r.cohorts) out.push(`  ${h.cohort} ${String(h.size).padStart(6)} ${h.retention.map(pct).join('')}`);
  out.push('  revenue retention (revenue in month k / month 0, %):');
  for (const h of r.cohorts) out.push(`  ${h.cohort} ${''.padStart(6)} ${h.revenueRetention.map((v) => `${(100 * v).toFixed(0)}`.padStart(5)).join('')}`);
  out.push('');
  out.push(`ABC as of ${r.asOf}: ${r.abc.products} products, revenue ${r.abc.totalRevenue.toFixed(2)}`);
  for (const k of ['A', 'B', 'C'] as const) out.push(`  ${k}: ${String(r.abc.classes[k]).padStart(5)} products, revenue ${r.abc.revenue[k].toFixed(2)}`);
  const m = machineInfo();
  out.push(`machine: ${m.cpuModel} x${m.cores}, ${m.memoryGiB} GiB, ${m.uname}, node ${m.node}`);
  return out.join('\n');
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        data: { type: 'string', default: DEFAULT_FILE },
        'train-end': { type: 'string' },
        'horizon-days': { type: 'string' },
        'as-of': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    fail(`${(e as Error).message}; ${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let horizonDays: number | undefined;
  if (values['horizon-days'] !== undefined) {
    horizonDays = Number(values['horizon-days']);
    if (!Number.isInteger(horizonDays) || horizonDays < 1) fail(`--horizon-days must be a positive integer, got ${JSON.stringify(values['horizon-days'])}`);
  }
  let r: ChurnEvalResult;
  try {
    r = await runChurnEval({ file: values.data, trainEnd: values['train-end'], asOf: values['as-of'], horizonDays });
  } catch (e) {
    if (e instanceof EngineError || e instanceof RangeError) fail(`${e instanceof EngineError ? `${e.code} ` : ''}${e.message}`);
    throw e;
  }
  process.stdout.write(`${report(r)}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify({ ...r, machine: machineInfo() })}\n`);
}

await main();
