/**
 * `npm run bench:search -- [--sizes 10000,100000] [--requests 2000] [--out DIR] [--skip-speed]`
 *
 * Relevance: NDCG@10 and MRR on the graded demo-catalog query set (>= 300 queries, typos
 * and plurals in a share) for BM25 alone, vectors alone, RRF and weighted fusion, and the
 * whole /api/search pipeline. Speed: a real engine per catalog size, a sequential HTTP
 * client: p50/p99 of /api/search and /api/suggest, and the throughput of a gRPC
 * UpsertItems stream until the last upserted product is searchable.
 * Writes OUT/search-<date>.json and .md with the command and machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { provenance, loadSnapshot } from '../lib/machine.js';
import { runRelevance, type RelevanceResult } from './relevance.js';
import { runSpeed, type SpeedResult } from './speed.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    requests: { type: 'string', default: '2000' },
    out: { type: 'string', default: 'benchmarks/results' },
    'skip-speed': { type: 'boolean', default: false },
    'relevance-size': { type: 'string', default: '10000' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const requests = Number(values.requests);
if (sizes.some((n) => !Number.isInteger(n) || n < 100) || !Number.isInteger(requests) || requests < 100) {
  process.stderr.write('bench:search: --sizes must be integers >= 100, --requests an integer >= 100\n');
  process.exit(2);
}
const log = (s: string): void => void process.stderr.write(`${s}\n`);
const prov = provenance(process.argv.slice(2));
prov.command = `npm run bench:search -- ${process.argv.slice(2).join(' ')}`.trim();
const loadStart = loadSnapshot();

const relevance: RelevanceResult = runRelevance(Number(values['relevance-size']), log);
const speed: SpeedResult[] = [];
if (!values['skip-speed']) for (const n of sizes) speed.push(await runSpeed(n, requests, log));

const GOALS = { searchP99Ms: 10, suggestP99Ms: 5, atProducts: 100_000 };
const date = new Date().toISOString().slice(0, 10);
mkdirSync(values.out, { recursive: true });
const base = join(values.out, `search-${date}`);
const result = { schema: 'shop-brain-bench-search/1', provenance: prov, load: { start: loadStart, end: loadSnapshot() }, goals: GOALS, relevance, speed };
writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);

const m = prov.machine;
const lines = [
  `# Search benchmark (${date})`, '',
  `Command: \`${prov.command}\`  `, `Commit: ${prov.commit.slice(0, 12)}${prov.dirty.length ? ' (dirty)' : ''}  `,
  `Machine: ${m.cores} x ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.uname}, Node ${m.node}; load at start ${loadStart.loadavg.join(' ')} (the box is shared: other engineers' builds and tests ran beside it)`, '',
  '## Relevance (graded demo-catalog queries)', '',
  `${relevance.queries} queries over ${relevance.catalog} products (${Object.entries(relevance.byNoise).map(([k, v]) => `${v} ${k}`).join(', ')}); grade 2 = every named fact holds, 1 = the kind or category holds. A check of the machinery, not of relevance on real shoppers' queries.`, '',
  '| method | slice | queries | NDCG@10 | MRR |', '| --- | --- | ---: | ---: | ---: |',
  ...relevance.rows.filter((r) => !r.slice.startsWith('template')).sort((a, b) => (a.slice < b.slice ? -1 : a.slice > b.slice ? 1 : 0)).map((r) => `| ${r.method} | ${r.slice} | ${r.queries} | ${r.ndcg10.toFixed(4)} | ${r.mrr.toFixed(4)} |`), '',
  `Best fusion by NDCG@10: short queries **${relevance.best['short']}**, long queries **${relevance.best['long']}** (engine/search/fusion.ts DEFAULT_FUSION).`, '',
  '<details><summary>per template</summary>', '',
  '| method | template | queries | NDCG@10 | MRR |', '| --- | --- | ---: | ---: | ---: |',
  ...relevance.rows.filter((r) => r.slice.startsWith('template')).map((r) => `| ${r.method} | ${r.slice.slice(9)} | ${r.queries} | ${r.ndcg10.toFixed(4)} | ${r.mrr.toFixed(4)} |`), '', '</details>', '',
  '## Speed (real engine, sequential HTTP client on the same box)', '',
  '| products | engine start | /api/search p50 | p99 | server took_ms p50 | p99 | /api/suggest p50 | p99 | upserts/s (gRPC stream) | last upsert searchable after |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...speed.map((s) => `| ${s.products} | ${(s.readyMs / 1000).toFixed(1)} s | ${s.search.p50} ms | ${s.search.p99} ms | ${s.searchServer.p50} ms | ${s.searchServer.p99} ms | ${s.suggest.p50} ms | ${s.suggest.p99} ms | ${s.upsert.perSecond} | ${s.upsert.searchableAfterMs} ms |`), '',
  `Goal at ${GOALS.atProducts} products: search p99 <= ${GOALS.searchP99Ms} ms, suggest p99 <= ${GOALS.suggestP99Ms} ms.`,
  ...speed.filter((s) => s.products === GOALS.atProducts).map((s) => `Measured: search p99 ${s.search.p99} ms (${s.search.p99 <= GOALS.searchP99Ms ? 'met' : 'NOT met'}), suggest p99 ${s.suggest.p99} ms (${s.suggest.p99 <= GOALS.suggestP99Ms ? 'met' : 'NOT met'}).`),
  '',
];
writeFileSync(`${base}.md`, lines.join('\n'));
log(`wrote ${base}.json and ${base}.md`);
process.stdout.write(`${JSON.stringify({ relevance: relevance.best, speed: speed.map((s) => ({ products: s.products, searchP99: s.search.p99, suggestP99: s.suggest.p99 })) })}\n`);
