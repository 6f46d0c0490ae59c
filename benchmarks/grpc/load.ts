/**
 * The client side of the gRPC benchmark, using the generated TypeScript types:
 * TrackBatch ingest (closed loop, as fast as flow control allows) and Recommend
 * at a fixed rate (open loop: each request has a scheduled send time, and its
 * latency is measured from that time, so a stall is not hidden by sending less).
 */
import * as grpc from '@grpc/grpc-js';
import type { Histogram } from 'hdr-histogram-js';
import { API_KEY_METADATA, loadEngineProto } from '../../engine/grpc/index.js';
import { newHistogram, recordMs, summarize, type LatencySummary } from '../../loadgen/index.js';
import type { ProtoGrpcType } from '../../protos/gen/engine/engine.js';
import type { EngineClient } from '../../protos/gen/engine/shop/v1/Engine.js';
import type { Event } from '../../protos/gen/engine/shop/v1/Event.js';
import type { RecommendRequest } from '../../protos/gen/engine/shop/v1/RecommendRequest.js';
import type { Recommendations__Output } from '../../protos/gen/engine/shop/v1/Recommendations.js';
import { LeanUnaryClient } from './lean-client.js';

export interface Client {
  /** grpc-js with the generated types: streams, setup calls. */
  engine: EngineClient;
  meta: grpc.Metadata;
  /** The lean client for the Recommend load (see lean-client.ts). */
  recommend: LeanUnaryClient<RecommendRequest, Recommendations__Output>;
  close(): void;
}

export function connect(target: string, apiKey: string): Client {
  const loaded = loadEngineProto();
  const proto = grpc.loadPackageDefinition(loaded.packageDefinition) as unknown as ProtoGrpcType;
  const engine = new proto.shop.v1.Engine(target, grpc.credentials.createInsecure());
  const meta = new grpc.Metadata();
  meta.set(API_KEY_METADATA, apiKey);
  const recommend = new LeanUnaryClient<RecommendRequest, Recommendations__Output>(target, loaded.service.Recommend, { [API_KEY_METADATA]: apiKey });
  return {
    engine, meta, recommend,
    close: () => {
      engine.close();
      recommend.close();
    },
  };
}

export async function itemIdsOf(c: Client, want: number): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ids.length < want; page++) {
    const r = await new Promise<{ items: Array<{ itemId: string }>; total: number }>((resolve, reject) =>
      c.engine.ListItems({ page, limit: 100 }, c.meta, (err, res) => (err ? reject(err) : resolve(res!))));
    ids.push(...r.items.map((i) => i.itemId));
    if (r.items.length < 100) break;
  }
  return ids.slice(0, want);
}

/** Deterministic user ids of the engine's form (u-[a-z0-9]{8,40}). */
export function userIds(n: number, tag: string): string[] {
  return Array.from({ length: n }, (_, i) => `u-bench${tag}${i.toString(36).padStart(5, '0')}`);
}

export interface TrackBatchResult {
  /** Highest log sequence acked. */
  lastSeq: number;
  events: number;
  acked: number;
  stored: number;
  errors: Record<string, number>;
  seconds: number;
  eventsPerS: number;
  /** Seconds after the last ack until every shard had applied the events (filled in by the runner). */
  shardCatchUpS?: number;
}

export async function trackBatchLoad(c: Client, users: string[], items: string[], events: number, streams: number, tag: string): Promise<TrackBatchResult> {
  const errors: Record<string, number> = {};
  let acked = 0;
  let stored = 0;
  let lastSeq = 0;
  const t0 = performance.now();
  const one = (s: number, n: number) =>
    new Promise<void>((resolve, reject) => {
      const call = c.engine.TrackBatch(c.meta);
      let sent = 0;
      const event = (i: number): Event => {
        const g = i * streams + s;
        const e: Event = { id: `tb${tag}-${s}-${i}`, userId: users[g % users.length]!, kind: g % 10 === 9 ? 'CART_ADD' : 'VIEW', itemId: items[(g * 7919) % items.length]! };
        if (e.kind === 'CART_ADD') e.qty = 1;
        return e;
      };
      const writeMore = () => {
        while (sent < n) {
          if (!call.write(event(sent++))) {
            call.once('drain', writeMore);
            return;
          }
        }
        call.end();
      };
      call.on('data', (ack: { error?: { code: string } | null; duplicate: boolean; seq: number }) => {
        acked++;
        if (ack.seq > lastSeq) lastSeq = ack.seq;
        if (ack.error) errors[ack.error.code] = (errors[ack.error.code] ?? 0) + 1;
        else if (!ack.duplicate) stored++;
      });
      call.on('error', reject);
      call.on('end', () => resolve());
      writeMore();
    });
  const per = Math.floor(events / streams);
  await Promise.all(Array.from({ length: streams }, (_, s) => one(s, s === streams - 1 ? events - per * (streams - 1) : per)));
  const seconds = (performance.now() - t0) / 1000;
  return { lastSeq, events, acked, stored, errors, seconds: Math.round(seconds * 100) / 100, eventsPerS: Math.round(acked / seconds) };
}

/** Deadline of each Recommend call of the load. */
export const REQUEST_TIMEOUT_MS = 2000;

export interface RecommendResult {
  rate: number;
  measuredS: number;
  sent: number;
  ok: number;
  errors: Record<string, number>;
  /** The first message of each error status. */
  errorSamples: Record<string, string>;
  achievedPerS: number;
  maxInFlight: number;
  latencyMs: LatencySummary;
  /** Mean items per answer (0 would mean the benchmark measured empty answers). */
  meanItems: number;
}

export function recommendOpenLoop(c: Client, users: string[], o: { rate: number; warmupS: number; durationS: number; k: number }): Promise<RecommendResult> {
  const h: Histogram = newHistogram();
  const errors: Record<string, number> = {};
  const interval = 1000 / o.rate;
  const start = performance.now() + 20;
  const measureFrom = start + o.warmupS * 1000;
  const end = measureFrom + o.durationS * 1000;
  let next = start;
  let i = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let sent = 0;
  let ok = 0;
  let items = 0;
  let scheduling = true;
  const samples: Record<string, string> = {};
  return new Promise((resolve) => {
    const maybeDone = () => {
      if (scheduling || inFlight > 0) return;
      resolve({
        rate: o.rate, measuredS: o.durationS, sent, ok, errors, errorSamples: samples,
        achievedPerS: Math.round(ok / o.durationS), maxInFlight, latencyMs: summarize(h),
        meanItems: ok ? Math.round((items / ok) * 10) / 10 : 0,
      });
      h.destroy();
    };
    const tick = () => {
      const now = performance.now();
      while (next <= now && next < end) {
        const intended = next;
        next += interval;
        const measured = intended >= measureFrom;
        const userId = users[i++ % users.length]!;
        inFlight++;
        if (inFlight > maxInFlight) maxInFlight = inFlight;
        if (measured) sent++;
        c.recommend.call({ userId, k: o.k }, REQUEST_TIMEOUT_MS, (r) => {
          inFlight--;
          if (measured) {
            if (r.status !== 0) {
              const code = grpc.status[r.status] ?? String(r.status);
              errors[code] = (errors[code] ?? 0) + 1;
              samples[code] ??= r.message;
            } else {
              ok++;
              items += r.value?.items.length ?? 0;
              recordMs(h, performance.now() - intended);
            }
          }
          maybeDone();
        });
      }
      if (next >= end) {
        clearInterval(timer);
        scheduling = false;
        maybeDone();
      }
    };
    const timer = setInterval(tick, 1);
  });
}

/**
 * Waits until every shard applied the log up to `seq` (read from /metrics), so the
 * Recommend phase measures answers, not the shards catching up with the ingest
 * (Recommend waits for the user's last acked event). Resolves with the seconds it took.
 */
export async function shardsCaughtUp(httpUrl: string, seq: number, timeoutMs = 120_000): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const text = await (await fetch(`${httpUrl}/metrics`)).text();
    const applied = [...text.matchAll(/^shop_shard_applied_seq\{[^}]*\} (\d+)/gm)].map((m) => Number(m[1]));
    if (applied.length > 0 && applied.every((a) => a >= seq)) return Math.round(performance.now() - t0) / 1000;
    if (performance.now() - t0 > timeoutMs) throw new Error(`shards did not reach log sequence ${seq} in ${timeoutMs} ms (at ${applied.join(', ')})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Cumulative bucket counts of the engine's own `shop_grpc_call_seconds` histogram for one method. */
export async function serverBuckets(httpUrl: string, method: string): Promise<Map<number, number>> {
  const text = await (await fetch(`${httpUrl}/metrics`)).text();
  const out = new Map<number, number>();
  const re = new RegExp(`^shop_grpc_call_seconds_bucket\\{method="${method}",le="([^"]+)"\\} (\\d+)`, 'gm');
  for (const m of text.matchAll(re)) out.set(m[1] === '+Inf' ? Infinity : Number(m[1]) * 1000, Number(m[2]));
  return out;
}

/**
 * Server-side quantiles (time from the call reaching the handler to its answer)
 * between two bucket snapshots, as the bucket bound that holds them ("<= x ms").
 * Separates the engine's latency from the load client's own delays on a busy box.
 */
export function serverQuantiles(before: Map<number, number>, after: Map<number, number>, qs: number[]): Record<string, string> {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const total = (after.get(Infinity) ?? 0) - (before.get(Infinity) ?? 0);
  const out: Record<string, string> = { count: String(total) };
  for (const q of qs) {
    const bound = bounds.find((b) => (after.get(b) ?? 0) - (before.get(b) ?? 0) >= q * total);
    out[`p${q * 100}`] = bound === undefined || total === 0 ? 'n/a' : bound === Infinity ? '> largest bucket' : `<= ${bound} ms`;
  }
  return out;
}
