/** The run's human summary and its one-line JSON form (the last line with --json). */
import type { LoadResult } from './coordinator.js';
import type { LatencySummary } from './histogram.js';

/** The JSON object printed last with --json: the contract fields first, details after. */
export function jsonSummary(r: LoadResult): Record<string, unknown> {
  return {
    events_per_s: r.eventsPerS,
    ack_ms: { p50: r.ack.p50, p95: r.ack.p95, p99: r.ack.p99, max: r.ack.max },
    push_ms: { p50: r.push.p50, p95: r.push.p95, p99: r.push.p99, max: r.push.max },
    errors: r.errors,
    lost: r.lost,
    protocol: r.protocol,
    scenario: r.scenario,
    shoppers: r.shoppers,
    connected: r.connected,
    target_rate: r.targetRate,
    duration_s: r.durationS,
    sent: r.sent,
    acked: r.acked,
    pushes: r.pushes,
    push_missing: r.pushMissing,
    push_coalesced: r.pushCoalesced,
    errors_by_code: r.errorsByCode,
    cart_mismatch: r.verify?.cartMismatch ?? null,
    unverified: r.verify?.failed ?? null,
    send_lag_ms: { p50: r.sendLag.p50, p99: r.sendLag.p99 },
    loadgen_saturated: r.loadgen.saturated,
    category_picks: r.categoryPicks,
  };
}

const lat = (s: LatencySummary) =>
  s.count === 0 ? 'none recorded' : `p50 ${s.p50}  p90 ${s.p90}  p95 ${s.p95}  p99 ${s.p99}  p99.9 ${s.p999}  max ${s.max}  (n=${s.count})`;

export function humanSummary(r: LoadResult): string {
  const lines = [
    '',
    `loadgen ${r.scenario} over ${r.protocol === 'grpc' ? 'gRPC' : 'WebSocket'} against ${r.url}: ${r.connected}/${r.shoppers} shoppers on ${r.workers} thread(s), ${r.targetRate ? `target ${r.targetRate} events/s, ` : ''}${r.warmupS ? `${r.warmupS} s warm-up + ` : ''}${r.durationS} s measured`,
    `  throughput      ${r.eventsPerS} events/s acked (sent ${r.sendRate}/s in the window; ${r.sent} sent, ${r.acked} acked overall)`,
    `  event -> ack    ms  ${lat(r.ack)}`,
    `  event -> push   ms  ${lat(r.push)}`,
    `  pushes          ${r.pushes} recs received; ${r.pushMatched} events answered by a push (${r.pushCoalesced} covered by a later event's push), ${r.pushMissing} missing, ${r.pushUnmatched} unmatched; ${r.coupons} coupons`,
    `  send lag        ms  ${lat(r.sendLag)}`,
    `  errors          ${r.errors}${r.errors ? `  ${Object.entries(r.errorsByCode).map(([k, v]) => `${k}=${v}`).join(' ')}` : ''}`,
    r.verify
      ? `  lost            ${r.verify.lost} (profiles read ${r.verify.checked}, failed ${r.verify.failed}${r.verify.failed ? ': those shoppers are unverified' : ''}; cart mismatches ${r.verify.cartMismatch})`
      : '  lost            not checked (--skip-verify)',
    `  loadgen         cpu ${r.loadgen.cpuS} s, worker event-loop use ${r.loadgen.elu.join(', ')}, load average ${r.loadgen.loadavg.join(' ')}`,
  ];
  if (r.categoryPicks) {
    const c = r.categoryPicks;
    lines.push(`  category picks  preferred category in the engine's top 3 for ${(c.top3Share * 100).toFixed(1)} % of ${c.shoppers} shoppers (>= ${c.minEvents} events); popularity baseline ${(c.popularityTop3Share * 100).toFixed(1)} %`);
  }
  for (const e of r.verify?.examples ?? []) lines.push(`    e.g. ${e}`);
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  return lines.join('\n');
}
