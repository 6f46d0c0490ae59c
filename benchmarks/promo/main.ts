/**
 * `npm run bench:promo -- [--out DIR] [--quick] [--actor-only]`: issue 10's measurements.
 *
 * 1. Cost in the user actor: a stream of loadgen persona shoppers' events folded by
 *    `foldUserEvent` with all default promotion rules in force vs none, alternating in
 *    the same run; the rules' coupon asks are answered by the rule actor's own fold
 *    (foldRuleCommand) and the decisions folded back, as on the log. Timed per event.
 * 2. End to end: push latency at 1k events/s (browse), a real engine with the default
 *    rules published (PROMO_DEFAULT_RULES=true) vs none, alternating in the same run.
 * Writes OUT/promo-<date>.md and .json with the command and the machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { hrtime } from 'node:process';
import { parseArgs } from 'node:util';
import { DEFAULT_RULES, emptyRuleBudget, foldRuleCommand, parseRule, PromoRuleSet, type RuleBudgetState } from '../../actors/promo/index.js';
import { emptyUserState, foldUserEvent, type FoldContext, type UserState } from '../../actors/user/index.js';
import { BrowseShopper, CatalogIndex } from '../../loadgen/behaviour/browse.js';
import { parseLoadgenArgs, runLoad, type LoadResult } from '../../loadgen/index.js';
import { deriveSeed, Rng } from '../../loadgen/rng.js';
import type { ShopEvent } from '../../protos/index.js';
import { removeDataDir, startEngine, type EngineProcess } from '../lib/engine-process.js';
import { provenance, waitForQuiet } from '../lib/machine.js';
import { CpuMeter } from '../lib/proc-cpu.js';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'benchmarks/results' }, quick: { type: 'boolean', default: false }, 'actor-only': { type: 'boolean', default: false } } });
const quick = values.quick === true;
const log = (s: string): void => void process.stdout.write(`${s}\n`);
const prov = provenance([]);
prov.command = `npm run bench:promo${quick ? ' -- --quick' : ''}${values['actor-only'] ? ' -- --actor-only' : ''}`;

// ---- 1. cost in the actor ----

const CATEGORIES = ['laptops', 'headphones', 't-shirts', 'coffee', 'books', 'toys', 'garden', 'cameras'];
const N_ITEMS = 2000;
const sample = {
  itemIds: Array.from({ length: N_ITEMS }, (_, i) => `sku-${i}`),
  categoryOf: Array.from({ length: N_ITEMS }, (_, i) => i % CATEGORIES.length),
  categories: CATEGORIES,
  stock: Array.from({ length: N_ITEMS }, () => 1_000_000),
};
// Prices 5-400 and 1 item in 50 sold out, so price, cart-value and stock conditions are met by some shoppers.
const facts = new Map(sample.itemIds.map((id, i) => [id, { category: CATEGORIES[i % CATEGORIES.length]!, price: 5 + ((i * 37) % 400), stock: i % 50 === 0 ? 0 : 100 }]));

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
        const f = facts.get(a.itemId!)!;
        out.push({ ...base, kind: 'checkout', checkoutId: `c${g}-${i}`, orderId: `o${g}-${i}`, lines: [{ itemId: a.itemId!, qty: a.qty ?? 1, price: f.price }] });
        out.push({ ...base, id: `c${g}-${i}.d.${a.itemId}`, kind: 'stock_granted', itemId: a.itemId!, qty: a.qty ?? 1, checkoutId: `c${g}-${i}`, stockLeft: 99, ts: t + 20 });
      } else {
        out.push({ ...base, kind: a.kind, ...(a.itemId ? { itemId: a.itemId } : {}), ...(a.qty ? { qty: a.qty } : {}), ...(a.dwellMs ? { dwellMs: a.dwellMs } : {}), ...(a.query ? { query: a.query } : {}), ...(a.itemIds ? { itemIds: a.itemIds } : {}) });
      }
      if (a.kind === 'view' || a.kind === 'rec_click') b.onRecs(sample.itemIds.slice((n++ * 13) % 1900, ((n * 13) % 1900) + 8));
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
  const rules = DEFAULT_RULES.map((r, i) => ({ ...parseRule(r), version: i + 1 }));
  const set = new PromoRuleSet(rules);
  const byId = new Map(rules.map((r) => [r.id, r]));
  const stream = personaEvents(quick ? 300 : 1000, 60, 99);
  log(`1. cost in the user actor: ${stream.length} persona events, ${rules.length} default rules vs none`);
  const none: FoldContext = { cartAbandonMs: 30 * 60_000, item: (id) => facts.get(id), promoRules: () => PromoRuleSet.EMPTY };
  const all: FoldContext = { ...none, promoRules: () => set };
  const timeFold = (ctx: FoldContext) => {
    const users = new Map<string, UserState>();
    const budgets = new Map<string, RuleBudgetState>();
    const ns: number[] = [];
    let seq = 0;
    let coupons = 0;
    const fold = (e: ShopEvent) => {
      let s = users.get(e.userId);
      if (!s) users.set(e.userId, (s = emptyUserState(e.userId)));
      const t0 = hrtime.bigint();
      const fx = foldUserEvent(s, e, ++seq, ctx);
      ns.push(Number(hrtime.bigint() - t0));
      for (const f of fx) {
        if (f.type === 'coupon') coupons++;
        if (f.type !== 'command' || f.event.kind !== 'coupon_reserve') continue;
        const id = f.event.defId!;
        const b = budgets.get(id) ?? budgets.set(id, emptyRuleBudget(id)).get(id)!;
        for (const d of foldRuleCommand(b, f.event, ++seq, byId.get(id))) fold(d.event);
      }
    };
    for (const e of stream) {
      fold(e);
      // Due reminders (idle rules) fire as the log clock passes them.
      const s = users.get(e.userId)!;
      for (const r of s.reminders.filter((x) => x.dueAt <= e.ts)) fold({ id: `rm.${r.name}.${r.dueAt}`, userId: e.userId, kind: 'reminder', ts: r.dueAt, reminder: r.name, dueAt: r.dueAt, source: 'engine' });
    }
    return { ns, coupons };
  };
  timeFold(none);
  timeFold(all);
  const runs = { none: [] as ReturnType<typeof percentiles>[], all: [] as ReturnType<typeof percentiles>[] };
  let coupons = 0;
  for (let r = 0; r < 3; r++) {
    runs.none.push(percentiles(timeFold(none).ns));
    const a = timeFold(all);
    coupons = a.coupons;
    runs.all.push(percentiles(a.ns));
  }
  const best = (l: ReturnType<typeof percentiles>[]) => l.reduce((a, b) => (b.meanUs < a.meanUs ? b : a));
  const out = { events: stream.length, rules: rules.length, couponsIssued: coupons, none: best(runs.none), all: best(runs.all) };
  log(`   fold per event: no rules p50 ${out.none.p50Us} p99 ${out.none.p99Us} mean ${out.none.meanUs} us; all rules p50 ${out.all.p50Us} p99 ${out.all.p99Us} mean ${out.all.meanUs} us; ${coupons} coupons issued`);
  return out;
}

// ---- 2. a real engine ----

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

async function onOff() {
  const shoppers = quick ? 1000 : 3000;
  const rate = 1000;
  const duration = quick ? 10 : 25;
  const rounds = quick ? 1 : 2;
  log(`2. push latency at ${rate} events/s (browse, ${shoppers} shoppers, ${duration} s after 5 s warm-up), default rules on vs off, ${rounds} alternating round(s)`);
  const rows: Array<{ rules: boolean; round: number; eventsPerS: number; pushP50: number; pushP99: number; ackP99: number; engineCpu: number | null; errors: number; lost: number | null; coupons: number }> = [];
  for (let round = 0; round < rounds; round++) {
    for (const rules of [false, true]) {
      await waitForQuiet(60);
      const engine = await startEngine({ env: { API_KEY: 'bench-promo-key-0123456789abcd', PROMO_DEFAULT_RULES: String(rules) } });
      try {
        const { r, engineCpu } = await load(engine, ['--shoppers', String(shoppers), '--rate', String(rate), '--duration', String(duration), '--warmup', '5']);
        const stats = (await (await fetch(`${engine.url}/api/admin/promotions/stats`, { headers: { 'x-api-key': 'bench-promo-key-0123456789abcd' } })).json()) as { rules: Array<{ issued: number }> };
        const row = { rules, round, eventsPerS: r.eventsPerS, pushP50: r.push.p50, pushP99: r.push.p99, ackP99: r.ack.p99, engineCpu, errors: r.errors, lost: r.lost, coupons: stats.rules.reduce((n, x) => n + x.issued, 0) };
        log(`   rules ${rules ? 'on ' : 'off'}: ${row.eventsPerS} ev/s, push p50 ${row.pushP50} p99 ${row.pushP99} ms, ack p99 ${row.ackP99} ms, engine ${row.engineCpu} cores, ${row.coupons} coupons, errors ${row.errors}, lost ${row.lost}`);
        rows.push(row);
      } finally {
        await engine.stop();
        removeDataDir(engine.dataDir);
      }
    }
  }
  return rows;
}

const actor = actorCost();
const e2e = values['actor-only'] ? [] : await onOff();

const date = prov.date.slice(0, 10);
const m = prov.machine;
const md = `# Promotions (issue 10): ${prov.date}

- commit \`${prov.commit}\`${prov.dirty.length ? ` (uncommitted changes in ${prov.dirty.length} path(s))` : ''}; command \`${prov.command}\`
- machine: nproc ${m.cores}, ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.uname}, node ${m.node}; load average at the end ${loadavg().map((x) => x.toFixed(2)).join(' / ')} (2 cores shared with other engineers: compare within this run)

## 1. Cost in the user actor, per folded event

${actor.events} events of persona shoppers (loadgen/behaviour/browse.ts) folded by \`foldUserEvent\`, the rule actor's decisions folded back as on the log; best of 3 alternating passes each. All ${actor.rules} default rules issued ${actor.couponsIssued} coupons in a pass.

| rules in force | p50 us | p99 us | mean us |
| --- | --- | --- | --- |
| none | ${actor.none.p50Us} | ${actor.none.p99Us} | ${actor.none.meanUs} |
| all ${actor.rules} default rules | ${actor.all.p50Us} | ${actor.all.p99Us} | ${actor.all.meanUs} |

Promotions cost about **${(actor.all.meanUs - actor.none.meanUs).toFixed(1)} us per event** (mean) in the actor, against the 500 us p50 recompute budget. The recommendation recompute itself (shard-recommender) does not read rules: evaluation happens in the fold.

## 2. End to end: push latency at 1k events/s, default rules on vs off

${e2e.length === 0 ? 'Not run (--actor-only).' : `| round | rules | ev/s | push p50 ms | push p99 ms | ack p99 ms | engine cores | coupons | errors | lost |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${e2e.map((r) => `| ${r.round + 1} | ${r.rules ? 'on' : 'off'} | ${r.eventsPerS} | ${r.pushP50} | ${r.pushP99} | ${r.ackP99} | ${r.engineCpu} | ${r.coupons} | ${r.errors} | ${r.lost} |`).join('\n')}`}
`;
mkdirSync(values.out, { recursive: true });
const base = join(values.out, `promo-${date}`);
writeFileSync(`${base}.md`, md);
writeFileSync(`${base}.json`, `${JSON.stringify({ provenance: prov, actor, e2e }, null, 2)}\n`);
log(`wrote ${base}.md and .json`);
log(JSON.stringify({ actor, e2e }));
