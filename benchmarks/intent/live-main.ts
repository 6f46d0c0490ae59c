/**
 * `npm run bench:intent-live -- [--out DIR] [--quick]`: issue 17's live half.
 *
 * 1. Cost in the actor: a live model is trained (the trainer's own piscina task,
 *    called in-process) on sessions of the loadgen `personas` behaviour, then a
 *    stream of the same behaviour's events is folded by the user actor with intent on
 *    and off, timed per event (p50/p99/mean), plus scoring alone.
 * 2. Quality live: a real engine under `loadgen --scenario personas`: the model the
 *    engine fitted from its own log, its prequential ROC-AUC (each session scored
 *    before its outcome by the model in force then), and how often a shopper's
 *    preferred category is in the engine's top-3 category picks, next to the best
 *    one-list-for-everyone baseline.
 * 3. Cost end to end: push latency at 1k events/s (browse), intent on vs off,
 *    alternating in the same run.
 * Writes OUT/intent-live-<date>.md and .json. `--actor-only` runs step 1 and prints it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { hrtime } from 'node:process';
import { parseArgs } from 'node:util';
import { DefinitionRegistry, INTENT_MODEL_ID, INTENT_MODEL_KIND } from '../../actors/definitions/index.js';
import { emptyUserState, foldUserEvent, type FoldContext, type UserState } from '../../actors/user/index.js';
import fitIntent from '../../engine/analytics/intent/intent-fit-task.js';
import { LIVE_TRAIN_OPTIONS } from '../../engine/analytics/intent/intent-trainer.js';
import { SessionCollector } from '../../engine/analytics/intent/session-collector.js';
import { BrowseShopper, CatalogIndex } from '../../loadgen/behaviour/browse.js';
import { parseLoadgenArgs, runLoad, type LoadResult } from '../../loadgen/index.js';
import { deriveSeed, Rng } from '../../loadgen/rng.js';
import type { IntentReport } from '../../protos/admin-contract.js';
import type { ShopEvent } from '../../protos/index.js';
import { removeDataDir, startEngine, type EngineProcess } from '../lib/engine-process.js';
import { provenance, waitForQuiet } from '../lib/machine.js';
import { CpuMeter } from '../lib/proc-cpu.js';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'benchmarks/results' }, quick: { type: 'boolean', default: false }, 'actor-only': { type: 'boolean', default: false } } });
const quick = values.quick === true;
const log = (s: string): void => void process.stdout.write(`${s}\n`);
const prov = provenance([]);
prov.command = `npm run bench:intent-live${quick ? ' -- --quick' : ''}`;

// ---- 1. cost in the actor ----

const CATEGORIES = ['books', 'toys', 'garden', 'kitchen', 'shoes', 'phones', 'tea', 'bikes'];
const N_ITEMS = 2000;
const sample = {
  itemIds: Array.from({ length: N_ITEMS }, (_, i) => `sku-${i}`),
  categoryOf: Array.from({ length: N_ITEMS }, (_, i) => i % CATEGORIES.length),
  categories: CATEGORIES,
  stock: Array.from({ length: N_ITEMS }, () => 1_000_000),
};
const facts = new Map(sample.itemIds.map((id, i) => [id, { category: CATEGORIES[i % CATEGORIES.length]!, price: 5 + ((i * 37) % 300) }]));
const GAP_MS = 30 * 60_000;

/** Events of `shoppers` persona shoppers, each a few visits, in time order (think gaps as the driver draws them). */
function personaEvents(shoppers: number, actionsEach: number, seed: number): ShopEvent[] {
  const cat = new CatalogIndex(sample);
  const out: ShopEvent[] = [];
  for (let g = 0; g < shoppers; g++) {
    const rng = new Rng(deriveSeed(seed, g));
    const b = BrowseShopper.withPersona(rng, cat);
    const gaps = new Rng(deriveSeed(seed + 1, g));
    let t = 1_700_000_000_000 + gaps.int(3_600_000);
    let n = 0;
    for (let i = 0; i < actionsEach; i++) {
      const a = b.next();
      const base = { id: `g${g}-${i}`, userId: `u-${g}`, ts: t };
      if (a.kind === 'purchase') {
        out.push({ ...base, kind: 'checkout', checkoutId: `c${g}-${i}` });
        out.push({ ...base, id: `${base.id}-p`, kind: 'purchase', itemId: a.itemId!, qty: a.qty ?? 1, checkoutId: `c${g}-${i}`, ts: t + 50 });
      } else {
        out.push({ ...base, kind: a.kind, ...(a.itemId ? { itemId: a.itemId } : {}), ...(a.qty ? { qty: a.qty } : {}), ...(a.dwellMs ? { dwellMs: a.dwellMs } : {}), ...(a.query ? { query: a.query } : {}), ...(a.itemIds ? { itemIds: a.itemIds } : {}) });
      }
      if (a.kind === 'view' || a.kind === 'rec_click') b.onRecs(sample.itemIds.slice((n++ * 13) % 1900, ((n * 13) % 1900) + 8));
      // a visit ends with a pause many times an average one: 20 s per unit, so visits are ~hours apart at visit ends
      t += Math.round(gaps.exp(20_000) * a.thinkAfter * (a.thinkAfter > 5 ? 300 : 1));
    }
  }
  return out.sort((a, b) => a.ts - b.ts);
}

function percentiles(ns: number[]): { p50Us: number; p99Us: number; meanUs: number; n: number } {
  const s = Float64Array.from(ns).sort();
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]! / 1000;
  const r = (x: number) => Math.round(x * 100) / 100;
  return { p50Us: r(at(0.5)), p99Us: r(at(0.99)), meanUs: r(s.reduce((a, b) => a + b, 0) / s.length / 1000), n: s.length };
}

function actorCost() {
  log('1. cost in the actor: training a live model on persona sessions');
  const train = personaEvents(quick ? 1500 : 4000, 60, 11);
  const c = new SessionCollector({ gapMs: GAP_MS, item: (id) => facts.get(id) });
  train.forEach((e, i) => c.observe(e, i + 1));
  c.observe({ id: 'end', userId: 'u-end', kind: 'view', itemId: 'sku-1', ts: train[train.length - 1]!.ts + 2 * GAP_MS }, train.length + 1);
  c.sweep();
  const sessions = c.finished;
  const split = Math.floor(sessions.length * 0.8);
  const NF = sessions[0]!.rows.length / sessions[0]!.scores.length;
  const rows = (l: typeof sessions) => l.reduce((n, s) => n + s.scores.length, 0);
  const nt = rows(sessions.slice(0, split));
  const x = new Float64Array((nt + rows(sessions.slice(split))) * NF);
  const y = new Uint8Array(x.length / NF);
  let at = 0;
  for (const s of sessions) {
    x.set(s.rows, at * NF);
    y.fill(s.label, at, at + s.scores.length);
    at += s.scores.length;
  }
  const fit = fitIntent({ x, y, trainRows: nt, options: LIVE_TRAIN_OPTIONS });
  if (!fit.ok) throw new Error(`fit failed: ${fit.message}`);
  log(`   ${sessions.length} sessions (${sessions.filter((s) => s.label === 1).length} bought), ${nt} training steps; model ${fit.trees} trees, ${fit.bytes} bytes, validation ROC-AUC ${fit.auc.toFixed(3)} (fit ${fit.ms} ms)`);
  const registry = new DefinitionRegistry();
  registry.apply({ id: 'd1', userId: '', kind: 'definition', ts: 1, defKind: INTENT_MODEL_KIND, defId: INTENT_MODEL_ID, defVersion: 1, payload: fit.payload }, 1);

  const stream = personaEvents(quick ? 300 : 1000, 60, 99);
  const base: FoldContext = { cartAbandonMs: GAP_MS, item: (id) => facts.get(id) };
  const withIntent: FoldContext = { ...base, intent: { model: () => registry.intent, bands: [0.3, 0.7], gapMs: GAP_MS } };
  const timeFold = (ctx: FoldContext): number[] => {
    const users = new Map<string, UserState>();
    const ns: number[] = [];
    stream.forEach((e, i) => {
      let s = users.get(e.userId);
      if (!s) users.set(e.userId, (s = emptyUserState(e.userId)));
      const t0 = hrtime.bigint();
      foldUserEvent(s, e, i + 2, ctx);
      ns.push(Number(hrtime.bigint() - t0));
    });
    return ns;
  };
  // warm both paths, then alternate three times and keep each side's best mean (a shared machine only slows a pass down)
  timeFold(base);
  timeFold(withIntent);
  const runs = { off: [] as ReturnType<typeof percentiles>[], on: [] as ReturnType<typeof percentiles>[] };
  for (let r = 0; r < 3; r++) {
    runs.off.push(percentiles(timeFold(base)));
    runs.on.push(percentiles(timeFold(withIntent)));
  }
  const best = (l: ReturnType<typeof percentiles>[]) => l.reduce((a, b) => (b.meanUs < a.meanUs ? b : a));
  const model = registry.intent!.model;
  const vec = new Float64Array(model.features.length).map((_, j) => j % 3);
  const scoreNs: number[] = [];
  for (let i = 0; i < 200_000; i++) {
    vec[0] = i % 17;
    const t0 = hrtime.bigint();
    model.score(vec);
    scoreNs.push(Number(hrtime.bigint() - t0));
  }
  const timer: number[] = [];
  for (let i = 0; i < 200_000; i++) {
    const t0 = hrtime.bigint();
    timer.push(Number(hrtime.bigint() - t0));
  }
  const out = {
    sessions: sessions.length, positives: sessions.filter((s) => s.label === 1).length, trees: fit.trees, bytes: fit.bytes, validationAuc: Math.round(fit.auc * 1000) / 1000,
    events: stream.length, foldOff: best(runs.off), foldOn: best(runs.on), scoreOnly: percentiles(scoreNs.slice(1000)), timer: percentiles(timer),
  };
  log(`   fold per event: intent off p50 ${out.foldOff.p50Us} p99 ${out.foldOff.p99Us} mean ${out.foldOff.meanUs} us; on p50 ${out.foldOn.p50Us} p99 ${out.foldOn.p99Us} mean ${out.foldOn.meanUs} us; score alone p50 ${out.scoreOnly.p50Us} p99 ${out.scoreOnly.p99Us} us (timer ${out.timer.p50Us} us)`);
  return out;
}

// ---- 2 and 3: a real engine ----

async function load(engine: EngineProcess, args: string[]): Promise<{ r: LoadResult; engineCpu: number | null }> {
  const opts = parseLoadgenArgs(['--url', engine.url, '--quiet', ...args], availableParallelism())!;
  const meter = new CpuMeter({ engine: engine.enginePid() });
  let started = false;
  const r = await runLoad(opts, { onProgress: (_line, point) => {
    if (point && !started) {
      started = true;
      meter.start();
    }
  } });
  return { r, engineCpu: meter.stop()['engine'] ?? null };
}

async function withEngine<T>(env: Record<string, string>, fn: (e: EngineProcess) => Promise<T>): Promise<T> {
  await waitForQuiet(60);
  const engine = await startEngine({ env: { API_KEY: 'bench-intent-key-0123456789', ...env } });
  try {
    return await fn(engine);
  } finally {
    await engine.stop();
    removeDataDir(engine.dataDir);
  }
}

async function quality() {
  const shoppers = quick ? 500 : 1000;
  const rate = quick ? 200 : 300;
  const duration = quick ? 60 : 180;
  log(`2. quality live: ${shoppers} persona shoppers at ${rate} events/s for ${duration} s; the engine trains every 15 s, sessions end after 10 s idle`);
  return withEngine({ INTENT_TRAIN_EVERY_MS: '15000', INTENT_SESSION_GAP_MS: '10000', INTENT_MIN_SESSIONS: '200' }, async (engine) => {
    const { r } = await load(engine, ['--scenario', 'personas', '--shoppers', String(shoppers), '--rate', String(rate), '--duration', String(duration), '--warmup', '0']);
    const rep = (await (await fetch(`${engine.url}/api/admin/intent`, { headers: { 'x-api-key': 'bench-intent-key-0123456789' } })).json()) as IntentReport;
    log(`   model v${rep.model?.version ?? 0}; prequential ROC-AUC ${rep.prequential.auc} per session (${rep.prequential.sessions} sessions), ${rep.prequential.eventAuc} per step; Brier ${rep.prequential.brier}`);
    log(`   category picks: ${r.categoryPicks ? `${(r.categoryPicks.top3Share * 100).toFixed(1)} % in top 3 vs popularity ${(r.categoryPicks.popularityTop3Share * 100).toFixed(1)} % (${r.categoryPicks.shoppers} shoppers)` : 'not measured'}`);
    return { shoppers, rate, durationS: duration, eventsPerS: r.eventsPerS, lost: r.lost, report: rep, categoryPicks: r.categoryPicks, pushP99: r.push.p99 };
  });
}

async function onOff() {
  const shoppers = quick ? 1000 : 3000;
  const rate = 1000;
  const duration = quick ? 10 : 25;
  const rounds = quick ? 1 : 2;
  log(`3. push latency at ${rate} events/s (browse, ${shoppers} shoppers, ${duration} s after 5 s warm-up), intent on vs off, ${rounds} alternating round(s)`);
  const rows: Array<{ intent: boolean; round: number; eventsPerS: number; pushP50: number; pushP99: number; ackP99: number; engineCpu: number | null; errors: number; lost: number | null }> = [];
  for (let round = 0; round < rounds; round++) {
    for (const intent of [false, true]) {
      const row = await withEngine({ INTENT: String(intent) }, async (engine) => {
        const { r, engineCpu } = await load(engine, ['--shoppers', String(shoppers), '--rate', String(rate), '--duration', String(duration), '--warmup', '5']);
        return { intent, round, eventsPerS: r.eventsPerS, pushP50: r.push.p50, pushP99: r.push.p99, ackP99: r.ack.p99, engineCpu, errors: r.errors, lost: r.lost };
      });
      log(`   intent ${intent ? 'on ' : 'off'}: ${row.eventsPerS} ev/s, push p50 ${row.pushP50} p99 ${row.pushP99} ms, ack p99 ${row.ackP99} ms, engine ${row.engineCpu} cores, errors ${row.errors}, lost ${row.lost}`);
      rows.push(row);
    }
  }
  return rows;
}

const actor = actorCost();
if (values['actor-only']) process.exit(0);
const live = await quality();
const e2e = await onOff();

const date = prov.date.slice(0, 10);
const m = prov.machine;
const med = (l: number[]) => [...l].sort((a, b) => a - b)[Math.floor(l.length / 2)]!;
const side = (on: boolean) => e2e.filter((r) => r.intent === on);
const pp = (on: boolean, k: 'pushP50' | 'pushP99') => med(side(on).map((r) => r[k]));
const cpu = (on: boolean) => med(side(on).map((r) => r.engineCpu ?? 0));
const rep = live.report;
const md = `# Purchase intent, live (issue 17): ${prov.date}

- commit \`${prov.commit}\`${prov.dirty.length ? ` (uncommitted changes in ${prov.dirty.length} path(s))` : ''}; command \`${prov.command}\`
- machine: nproc ${m.cores}, ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.uname}, node ${m.node}; load average at the end ${loadavg().map((x) => x.toFixed(2)).join(' / ')} (2 cores shared with other engineers: compare ratios within this run)

## 1. Cost in the user actor, per event

A live model trained by the trainer's own task on ${actor.sessions} persona sessions (${actor.positives} bought): ${actor.trees} trees (8 leaves at most), ${actor.bytes} bytes as a definition event; validation ROC-AUC ${actor.validationAuc}. Then ${actor.events} events of new persona shoppers folded by \`foldUserEvent\`, timed per event (best of 3 alternating passes each):

| path | p50 us | p99 us | mean us |
| --- | --- | --- | --- |
| user fold, intent off | ${actor.foldOff.p50Us} | ${actor.foldOff.p99Us} | ${actor.foldOff.meanUs} |
| user fold, intent on (features + score every event) | ${actor.foldOn.p50Us} | ${actor.foldOn.p99Us} | ${actor.foldOn.meanUs} |
| \`score(vector)\` alone | ${actor.scoreOnly.p50Us} | ${actor.scoreOnly.p99Us} | ${actor.scoreOnly.meanUs} |
| empty timed call (timer, included above) | ${actor.timer.p50Us} | ${actor.timer.p99Us} | ${actor.timer.meanUs} |

Intent costs about **${(actor.foldOn.meanUs - actor.foldOff.meanUs).toFixed(1)} us per event** (mean) in the actor. Explanations are computed only when a profile is read.

## 2. Quality on live traffic (real engine, \`loadgen --scenario personas\`)

${live.shoppers} shoppers (30 % buyers, each with a preferred category) at ${live.rate} events/s for ${live.durationS} s (${live.eventsPerS} ev/s acked, lost ${live.lost}). The engine fitted its model from its own log (INTENT_TRAIN_EVERY_MS=15000, INTENT_SESSION_GAP_MS=10000): model in force **v${rep.model?.version ?? 0}** (${rep.model?.trees ?? 0} trees); last fit ${rep.lastFit ? `${rep.lastFit.published ? 'published' : 'not published'}, validation AUC ${rep.lastFit.auc} vs ${rep.lastFit.currentAuc} (${rep.lastFit.reason})` : 'none'}.

| measure | value |
| --- | --- |
| prequential ROC-AUC, per session (last score before the outcome, model in force then) | **${rep.prequential.auc}** over ${rep.prequential.sessions} sessions |
| prequential ROC-AUC, per scored step | ${rep.prequential.eventAuc} |
| Brier (per session) | ${rep.prequential.brier} |
| sessions finished / bought | ${rep.sessions.finished} / ${rep.sessions.positives} |
| category picks: preferred category in the top 3 | **${live.categoryPicks ? `${(live.categoryPicks.top3Share * 100).toFixed(1)} %` : 'n/a'}** of ${live.categoryPicks?.shoppers ?? 0} shoppers with >= ${live.categoryPicks?.minEvents ?? 10} events |
| popularity baseline: the 3 categories most shoppers prefer, for everyone | ${live.categoryPicks ? `${(live.categoryPicks.popularityTop3Share * 100).toFixed(1)} %` : 'n/a'} |

Calibration (finished sessions, by last score): ${rep.prequential.calibration.filter((b) => b.n > 0).map((b) => `${b.from.toFixed(1)}-${b.to.toFixed(1)}: predicted ${b.predicted}, observed ${b.observed} (n ${b.n})`).join('; ')}.

The personas are synthetic (loadgen/behaviour/browse.ts PERSONAS): the numbers check the machinery (features, labels, fits, hot swap, prequential scoring) on traffic where buyers behave differently from browsers; they are not a claim about real shoppers. The offline model on real sessions is \`npm run bench:intent\`.

## 3. End-to-end cost: push latency at 1k events/s, intent on vs off

| round | intent | ev/s | push p50 ms | push p99 ms | ack p99 ms | engine cores | errors | lost |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${e2e.map((r) => `| ${r.round + 1} | ${r.intent ? 'on' : 'off'} | ${r.eventsPerS} | ${r.pushP50} | ${r.pushP99} | ${r.ackP99} | ${r.engineCpu} | ${r.errors} | ${r.lost} |`).join('\n')}

Median over rounds: push p50 ${pp(false, 'pushP50')} -> ${pp(true, 'pushP50')} ms, p99 ${pp(false, 'pushP99')} -> ${pp(true, 'pushP99')} ms, engine ${cpu(false)} -> ${cpu(true)} cores (off -> on). Intent on also runs the trainer's log reader in the analytics worker.
`;
mkdirSync(values.out, { recursive: true });
const base = join(values.out, `intent-live-${date}`);
writeFileSync(`${base}.md`, md);
writeFileSync(`${base}.json`, `${JSON.stringify({ provenance: prov, actor, live, e2e }, null, 2)}\n`);
log(`wrote ${base}.md and .json`);
