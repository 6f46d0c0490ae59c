/**
 * `npm run eval:clv:results -- [--cdnow DIR] [--retail FILE] [--out DIR]`
 *
 * Runs the CDNOW CLV evaluation and the Online Retail churn evaluation and writes
 * benchmarks/results/clv-<date>.json and .md: the command, commit and machine, the
 * fitted parameters next to the published ones, holdout error and churn AUCs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { provenance } from '../../benchmarks/lib/machine.js';
import { clvReport, renderReport } from '../../benchmarks/report/index.js';
import { EngineError } from '../../engine/errors/index.js';
import { runChurnEval, type ChurnEvalResult } from '../churn/run.js';
import { agreesTo } from './published.js';
import { runClvEval, type ClvEvalResult } from './run.js';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));

function markdown(command: string, prov: ReturnType<typeof provenance>, clv: ClvEvalResult, churn: ChurnEvalResult): string {
  const m = prov.machine;
  const f4 = (v: number): string => v.toFixed(4);
  const rows: string[] = [];
  for (const k of ['r', 'alpha', 'a', 'b'] as const) {
    rows.push(`| BG/NBD | ${k} | ${f4(clv.bgnbd[k])} | ${clv.published.bgnbd[k]} | ${agreesTo(clv.bgnbd[k], clv.published.bgnbd[k]) ? 'yes' : 'no'} |`);
  }
  for (const k of ['p', 'q', 'v'] as const) {
    rows.push(`| Gamma-Gamma | ${k} | ${f4(clv.gammagamma[k])} | ${clv.published.gammagamma[k]} | ${agreesTo(clv.gammagamma[k], clv.published.gammagamma[k]) ? 'yes' : 'no'} |`);
  }
  const h = clv.holdout;
  const c = churn.churn;
  return `# CLV and churn models on real data (${prov.date.slice(0, 10)})

Command: \`${command}\` at commit \`${prov.commit.slice(0, 12)}\`${prov.dirty.length ? ` (uncommitted: ${prov.dirty.join(', ')})` : ''}.
Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.uname}, node ${m.node}.

## CDNOW 1/10 sample: BG/NBD and Gamma-Gamma

${clv.customers} customers; calibration 1997-01-01..1997-09-30, holdout 1997-10-01..1998-06-30; time in weeks;
one customer's transactions on one day are one transaction. Our (x, t_x, T) from CDNOW_sample.txt against
cdnow_customers_summary.csv: **${clv.summary.mismatches} mismatches** of ${clv.summary.checked}; mean repeat spend
against zbar: ${clv.summary.zbarMismatches} mismatches. Gamma-Gamma is fitted on the ${clv.gammagamma.customers}
customers with x > 0 and their mean spend per repeat transaction (the first purchase excluded, as zbar is).

| model | parameter | ours | published | same to 3 s.f. |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

Log-likelihood: BG/NBD ${clv.bgnbd.logLikelihood.toFixed(2)} (FHL 2005: -9582.4), Gamma-Gamma ${clv.gammagamma.logLikelihood.toFixed(2)}.
Fitting both took ${clv.fitMs.toFixed(0)} ms. The same BG/NBD fit on the published (2-decimal) summary:
r ${f4(clv.bgnbdOnPublishedSummary.r)}, alpha ${f4(clv.bgnbdOnPublishedSummary.alpha)}, a ${f4(clv.bgnbdOnPublishedSummary.a)}, b ${f4(clv.bgnbdOnPublishedSummary.b)}.

Holdout (${h.bgnbd.weeks} weeks), repeat transactions per customer, ${h.bgnbd.customers} customers:

| predictor | MAE | RMSE | total predicted | total actual |
| --- | --- | --- | --- | --- |
| BG/NBD E[Y(39) \\| x, t_x, T] | ${f4(h.bgnbd.mae)} | ${f4(h.bgnbd.rmse)} | ${h.bgnbd.predictedTotal.toFixed(1)} | ${h.bgnbd.actualTotal} |
| naive: calibration rate x / T | ${f4(h.naiveRate.mae)} | ${f4(h.naiveRate.rmse)} | ${h.naiveRate.predictedTotal.toFixed(1)} | ${h.naiveRate.actualTotal} |

CLV, 12 months, 1 %/month discount, revenue: mean ${clv.clv.mean.toFixed(2)}, median ${clv.clv.median.toFixed(2)}, p90 ${clv.clv.p90.toFixed(2)}; mean P(alive) ${clv.clv.meanPAlive.toFixed(3)}.

## Online Retail: churn on a time split

Cleaned rows ${churn.counts.kept} of ${churn.counts.rows} (cancelled ${churn.counts.skipped.cancelled}, no CustomerID
${churn.counts.skipped.noCustomerId}, quantity <= 0 ${churn.counts.skipped.nonPositiveQuantity}, price <= 0
${churn.counts.skipped.nonPositivePrice}; first reason counted); ${churn.customers} customers, ${churn.invoices} invoices.
BG/NBD fitted on orders before ${c.cutoff} (${c.customers} customers); churned = no order ${c.labelWindow[0]}..${c.labelWindow[1]}
(${c.horizonDays} days): ${c.churned} (${((100 * c.churned) / c.customers).toFixed(1)} %).
Fit (weeks): r ${f4(c.bgnbd.r)}, alpha ${f4(c.bgnbd.alpha)}, a ${c.bgnbd.a.toExponential(2)}, b ${c.bgnbd.b.toExponential(2)}: the
maximum sits on the boundary a -> 0 (no dropout), where b is not identified; P(alive) is then ~1 for everyone.

| churn score | ROC-AUC |
| --- | --- |
| P(no order in ${c.horizonDays} d) = 1 - P(alive) + P(alive) P(no order \\| alive) | ${f4(c.auc.churnProbability)} |
| 1 - P(alive) alone (0 for every one-time buyer) | ${f4(c.auc.deadProbability)} |
| -E[purchases in ${c.horizonDays} d] | ${f4(c.auc.expectedPurchases)} |
| recency-only baseline (days since last order) | ${f4(c.auc.recency)} |

## Online Retail as of ${churn.asOf} (what the live engine must match exactly)

RFM: ${churn.rfm.customers} customers. ${Object.entries(churn.rfm.segments).map(([k, v]) => `${k} ${v}`).join(', ')}.

ABC: ${churn.abc.products} products; A ${churn.abc.classes.A}, B ${churn.abc.classes.B}, C ${churn.abc.classes.C}
(revenue ${churn.abc.revenue.A.toFixed(2)} / ${churn.abc.revenue.B.toFixed(2)} / ${churn.abc.revenue.C.toFixed(2)} of ${churn.abc.totalRevenue.toFixed(2)}).

Cohorts (share of the cohort with an order in month k, %):

| cohort | size | ${Array.from({ length: 13 }, (_, k) => k).join(' | ')} |
| --- | --- | ${Array.from({ length: 13 }, () => '---').join(' | ')} |
${churn.cohorts.map((co) => `| ${co.cohort} | ${co.size} | ${Array.from({ length: 13 }, (_, k) => (co.retention[k] === undefined ? '' : (100 * co.retention[k]!).toFixed(1))).join(' | ')} |`).join('\n')}
`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cdnow: { type: 'string', default: join(DATA, 'cdnow') },
      retail: { type: 'string', default: join(DATA, 'online_retail', 'online_retail.csv.gz') },
      out: { type: 'string', default: 'benchmarks/results' },
    },
  });
  const argv = process.argv.slice(2);
  const command = `npm run eval:clv:results${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
  const prov = { ...provenance(argv), command };
  const clv = runClvEval(values.cdnow);
  const churn = await runChurnEval({ file: values.retail });
  const base = join(values.out, `clv-${prov.date.slice(0, 10)}`);
  mkdirSync(values.out, { recursive: true });
  const json = { schema: 'shop-brain-clv/1', provenance: prov, clv, churn };
  writeFileSync(`${base}.json`, `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(`${base}.md`, markdown(command, prov, clv, churn));
  writeFileSync(`${base}.html`, renderReport(clvReport(json)));
  process.stdout.write(`wrote ${base}.json, .md and .html\n`);
}

main().catch((e: unknown) => {
  if (e instanceof EngineError || e instanceof RangeError) {
    process.stderr.write(`eval:clv:results: ${e instanceof EngineError ? `${e.code} ` : ''}${e.message}\n`);
    process.exit(2);
  }
  throw e;
});
