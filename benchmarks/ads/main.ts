/**
 * Cost of the ad auction per answer: for each request, every matching campaign's
 * products are featurised (adFeatures), hashed and scored by the FTRL model, multiplied
 * by the stock and logistics factors, and the GSP auction picks the winners, as
 * Ads.sponsor does before it appends the impressions (the append, a JetStream publish,
 * is not in this number). The model is first trained on 50k simulated impressions so its
 * weights are not all zero.
 *
 *   npm run bench:ads -- [--campaigns 50] [--items 3] [--requests 20000] [--out benchmarks/results] [--json]
 *
 * Writes OUT/ads-auction-<date>.md and .json with the command and the machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { adFeatures, FtrlModel, runAuction, type AdCandidate } from '../../actors/ads/index.js';
import { logisticsScore, stockScore } from '../../actors/ranking/index.js';
import { mulberry32 } from '../../eval/ctr/prng.js';
import { provenance } from '../lib/machine.js';

const { values } = parseArgs({
  options: {
    campaigns: { type: 'string', default: '50' }, items: { type: 'string', default: '3' }, requests: { type: 'string', default: '20000' },
    out: { type: 'string', default: 'benchmarks/results' }, json: { type: 'boolean', default: false },
  },
});
const C = Number(values.campaigns);
const I = Number(values.items);
const N = Number(values.requests);
if (!(C >= 1 && I >= 1 && N >= 100)) throw new RangeError('--campaigns and --items must be >= 1, --requests >= 100');
const prov = provenance(process.argv);
const rnd = mulberry32(11);
const cats = ['shoes', 'phones', 'books', 'garden', 'toys', 'tablets', 'cameras'];
const campaigns = Array.from({ length: C }, (_, c) => ({
  id: `c${c}`, bidCents: 10 + Math.floor(rnd() * 90),
  items: Array.from({ length: I }, (_, i) => ({ itemId: `p${c}-${i}`, category: cats[(c + i) % cats.length]!, stock: Math.floor(rnd() * 80), deliveryDays: Math.floor(rnd() * 6), returnRate: rnd() * 0.2 })),
}));
const model = new FtrlModel();
for (let i = 0; i < 50_000; i++) {
  const c = campaigns[Math.floor(rnd() * C)]!;
  const it = c.items[Math.floor(rnd() * I)]!;
  model.learnIdx(model.indexHashes(adFeatures({ slot: 'search', position: 1 + Math.floor(rnd() * 5), itemId: it.itemId, category: it.category, campaignId: c.id, queryTerms: ['red', 'shoe'], affinity: rnd(), hour: 12 })), rnd() < 0.05);
}

function request(terms: string[], affinity: Map<string, number>): number {
  const cands: AdCandidate[] = [];
  for (const c of campaigns) {
    for (const it of c.items) {
      const stock = stockScore(it.stock);
      if (stock === 0) continue;
      const idx = model.indexHashes(adFeatures({ slot: 'search', position: 1, itemId: it.itemId, category: it.category, campaignId: c.id, queryTerms: terms, affinity: affinity.get(it.category) ?? 0, hour: 12 }));
      cands.push({ campaignId: c.id, itemId: it.itemId, bidCents: c.bidCents, ctr: model.predictIdx(idx), relevance: stock * logisticsScore(it) });
    }
  }
  return runAuction(cands, 2, 5).length;
}

const times: number[] = [];
let won = 0;
const affinity = new Map(cats.map((c) => [c, rnd()]));
for (let i = 0; i < N + 1000; i++) {
  const t0 = process.hrtime.bigint();
  won += request(['red', 'running', `w${i % 50}`], affinity);
  const dt = Number(process.hrtime.bigint() - t0) / 1000;
  if (i >= 1000) times.push(dt); // the first 1000 warm the JIT
}
times.sort((a, b) => a - b);
const q = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))]! * 10) / 10;
const result = { campaigns: C, itemsPerCampaign: I, candidates: C * I, requests: N, p50Us: q(0.5), p99Us: q(0.99), maxUs: q(1), winnersPerRequest: won / (N + 1000) };
const m = prov.machine;
const md = `# Ads: auction + CTR scoring per request (issue 12): ${prov.date}

- commit \`${prov.commit}\`${prov.dirty.length ? ` (uncommitted changes in ${prov.dirty.length} path(s))` : ''}; command \`${prov.command}\`
- machine: nproc ${m.cores}, ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.uname}, node ${m.node}; load average at the end ${loadavg().map((x) => x.toFixed(2)).join(' / ')} (2 cores shared with other engineers)

${C} campaigns x ${I} products = ${C * I} candidates per request (featurise, hash, FTRL predict, stock x logistics, GSP for 2 slots); ${N} requests after 1000 warm-up, one thread.

| p50 us | p99 us | max us |
| --- | --- | --- |
| ${result.p50Us} | ${result.p99Us} | ${result.maxUs} |

Not included: the LMDB read of each campaign's spend and the JetStream append of the impressions (the answer waits for that ack; see docs/ads.md). E2E push latency with ads on vs off was not measured in this run.
`;
mkdirSync(values.out, { recursive: true });
const base = join(values.out, `ads-auction-${prov.date.slice(0, 10)}`);
writeFileSync(`${base}.md`, md);
writeFileSync(`${base}.json`, JSON.stringify({ ...prov, result }, null, 2));
console.log(`auction + CTR scoring, ${C * I} candidates: p50 ${result.p50Us} us, p99 ${result.p99Us} us (${base}.md)`);
if (values.json) console.log(JSON.stringify(result));
