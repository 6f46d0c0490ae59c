/** `npm run bench` results (schema shop-brain-bench/1) as report sections: verdicts, push latency, timelines, restart. */
import type { BenchResults } from '../lib/results.js';
import { BUDGET } from '../lib/results.js';
import { SEARCH_GOALS } from '../suites/search.js';
import type { Block, Report } from './html-report.js';

interface TimelinePoint { t: number; acked: number; pushes: number; errors: number; pending: number; ackP99: number; pushP99: number }

/** Per-second rates: loadgen's timeline holds counts per sampling interval (about a second), not running totals. */
function rates(tl: TimelinePoint[], key: 'acked' | 'pushes' | 'errors'): Array<number | null> {
  return tl.map((p, i) => {
    if (i === 0) return null;
    const dt = p.t - tl[i - 1]!.t;
    return dt > 0 ? Math.round(p[key] / dt) : null;
  });
}

export function provenanceFacts(p: BenchResults['provenance'] | undefined): string[] {
  if (!p) return ['provenance: not recorded in this file'];
  const m = (p.machine ?? {}) as unknown as Record<string, unknown>;
  return [
    `command: ${p.command}`,
    `when: ${p.date}; commit ${p.commit.slice(0, 12)}${p.dirty.length ? ` (+${p.dirty.length} uncommitted files)` : ''}`,
    `machine: ${String(m['cores'] ?? '?')} x ${String(m['cpuModel'] ?? '?')}, ${String(m['memoryGiB'] ?? m['memGiB'] ?? '?')} GiB, ${String(m['uname'] ?? '')}, node ${String(m['node'] ?? process.version)}`,
  ];
}

export function benchReport(r: BenchResults): Report {
  const sections: Report['sections'] = [];
  sections.push({
    title: 'Budgets',
    note: 'design.md\'s performance budget, judged on this run. Machines here are shared: compare ratios within one run.',
    blocks: [{ kind: 'table', title: 'Verdicts', head: ['budget', 'target', 'measured', 'verdict'], rows: r.verdicts.map((v) => [v.budget, v.target, v.measured, v.pass ? 'PASS' : v.note]) }],
  });
  const rows = r.e2e?.rows ?? [];
  if (rows.length) {
    const blocks: Block[] = [
      {
        kind: 'bars', title: 'Event -> push latency by scenario', unit: 'ms', log: true,
        bars: rows.flatMap((x) => [
          { label: `${x.scenario} p50`, value: x.push_p50, mark: BUDGET.pushP50Ms, markLabel: 'budget', tone: x.push_p50 > BUDGET.pushP50Ms ? 'bad' as const : 'ours' as const },
          { label: `${x.scenario} p99`, value: x.push_p99, mark: BUDGET.pushP99Ms, markLabel: 'budget', tone: x.push_p99 > BUDGET.pushP99Ms ? 'bad' as const : 'ours' as const },
        ]),
      },
      { kind: 'bars', title: 'Achieved vs target event rate', unit: 'events/s', bars: rows.map((x) => ({ label: x.scenario, value: x.events_per_s, mark: x.target_rate, markLabel: 'target' })) },
    ];
    const lagged = rows.filter((x) => x.analytics_lag && x.analytics_lag.samples > 0);
    if (lagged.length) {
      blocks.push({
        kind: 'bars', title: 'Analytics consumer lag (log store -> fold commit)', unit: 'ms', log: true,
        bars: lagged.flatMap((x) => [
          { label: `${x.scenario} p99`, value: x.analytics_lag!.p99Ms, tone: 'ref' as const },
          { label: `${x.scenario} max`, value: x.analytics_lag!.maxMs, mark: BUDGET.analyticsLagMs, markLabel: 'budget', tone: x.analytics_lag!.maxMs >= BUDGET.analyticsLagMs ? 'bad' as const : 'ours' as const },
        ]),
      });
    }
    for (const x of rows) {
      const tl = (x as unknown as { timeline?: TimelinePoint[] }).timeline;
      if (!tl?.length) continue;
      blocks.push({
        kind: 'line', title: `${x.scenario}: throughput and p99 over the run`, xLabel: 's', x: tl.map((p) => p.t),
        leftLabel: 'per second', rightLabel: 'ms',
        series: [
          { label: 'acked events/s', values: rates(tl, 'acked') },
          { label: 'pushes/s', values: rates(tl, 'pushes') },
          { label: 'errors/s', values: rates(tl, 'errors') },
          { label: 'push p99', values: tl.map((p) => p.pushP99 || null), axis: 'right', unit: 'ms' },
          { label: 'ack p99', values: tl.map((p) => p.ackP99 || null), axis: 'right', unit: 'ms' },
        ],
      });
    }
    blocks.push({
      kind: 'table', title: 'Scenarios', head: ['scenario', 'shoppers', 'target/s', 'achieved/s', 'ack p50', 'ack p99', 'push p50', 'push p99', 'lost', 'errors', 'engine cpu'],
      rows: rows.map((x) => [x.scenario, x.shoppers, x.target_rate, x.events_per_s, x.ack_p50 ?? '', x.ack_p99 ?? '', x.push_p50, x.push_p99, x.lost ?? '', x.errors, String((x as unknown as Record<string, unknown>)['engine_cpu'] ?? '')]),
    });
    sections.push({ title: 'Event -> push end to end', note: 'Real engine, real nats-server, loadgen shoppers over WebSockets; latency from send to the pushed recommendation.', blocks });
  }
  if (r.ann?.length) {
    sections.push({
      title: 'ANN index',
      blocks: [
        { kind: 'bars', title: 'Queries per second (HNSW vs exact)', unit: 'q/s', log: true, bars: r.ann.flatMap((a) => [{ label: `${a.scenario} HNSW`, value: a.qps }, { label: `${a.scenario} exact`, value: a.exact_qps, tone: 'ref' as const }]) },
        { kind: 'bars', title: 'recall@10', bars: r.ann.map((a) => ({ label: a.scenario, value: a.recall_at_10, mark: 0.95, markLabel: 'goal' })) },
      ],
    });
  }
  if (r.actorMemory?.length) {
    sections.push({ title: 'Actor memory', blocks: [{ kind: 'bars', title: 'Heap bytes per user actor', unit: 'B', bars: r.actorMemory.map((a) => ({ label: a.scenario, value: a.heap_bytes_per_actor })) }] });
  }
  if (r.restart) {
    const phases = Object.entries(r.restart.phases ?? {});
    sections.push({
      title: 'Restart after kill -9',
      note: `${r.restart.users.toLocaleString('en-US')} users in LMDB (${r.restart.lmdb_mib} MiB); ${r.restart.lost} acked events lost.`,
      blocks: [{ kind: 'bars', title: 'Seconds from spawn to each start-up step', unit: 's', bars: phases.map(([name, s]) => ({ label: name, value: s, ...(name === 'engine ready' ? { mark: BUDGET.restartS, markLabel: 'budget' } : {}) })) }],
    });
  }
  if (r.search) {
    const rel = r.search.relevance.rows.filter((x) => x.slice === 'all');
    sections.push({
      title: 'Search',
      note: `${r.search.relevance.queries} graded queries over ${r.search.relevance.catalog} demo products; latency from a sequential HTTP client against a real engine.`,
      blocks: [
        { kind: 'bars', title: 'NDCG@10 by method', bars: rel.map((x) => ({ label: x.method, value: x.ndcg10 })) },
        { kind: 'bars', title: 'p99 latency', unit: 'ms', bars: r.search.speed.flatMap((x) => [
          { label: `search ${x.products}`, value: x.search.p99, ...(x.products === SEARCH_GOALS.atProducts ? { mark: SEARCH_GOALS.searchP99Ms, markLabel: 'goal' } : {}) },
          { label: `suggest ${x.products}`, value: x.suggest.p99, ...(x.products === SEARCH_GOALS.atProducts ? { mark: SEARCH_GOALS.suggestP99Ms, markLabel: 'goal' } : {}) },
        ]) },
      ],
    });
  }
  return { title: `Benchmark (${r.mode}) ${r.provenance.date.slice(0, 16).replace('T', ' ')}`, facts: provenanceFacts(r.provenance), sections };
}
