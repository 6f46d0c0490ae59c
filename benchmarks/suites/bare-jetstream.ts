/**
 * The yardstick for ingest: a bare JetStream publisher on the same machine, with
 * the engine's stream configuration (file storage, de-duplication window, same
 * subjects), the same message size (an encoded shopper event) and Nats-Msg-Id on
 * every message, publishing asynchronously with `window` acks outstanding.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connectNats, ensureEventStream, launchNatsServer } from '../../engine/log/index.js';
import { eventSubject } from '../../engine/placement/index.js';
import { encodeEvent, type ShopEvent } from '../../protos/index.js';
import { CpuMeter } from '../lib/proc-cpu.js';
import { best5s } from '../lib/windows.js';

export interface BareOptions {
  durationS: number;
  /** Publishes awaiting their ack at any time. */
  window: number;
  partitions: number;
  /**
   * Connect with nats.js' noAsyncTraces (no Error object made per request). The
   * default connects exactly as the engine does (engine/log connectNats).
   */
  noAsyncTraces?: boolean;
}

export interface BareResult {
  noAsyncTraces: boolean;
  msgsPerS: number;
  /** Highest acks/s over any 5 consecutive seconds of the measured window. */
  best5sMsgsPerS: number;
  messageBytes: number;
  window: number;
  durationS: number;
  errors: number;
  ackP50Ms: number;
  ackP99Ms: number;
  cpu: Record<string, number | null>;
}

async function startNatsServer(): Promise<{ url: string; pid: number | undefined; stop(): Promise<void>; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'shop-bare-js-'));
  // The engine's launcher, so the yardstick gets the same flags as the embedded server.
  const server = await launchNatsServer({ storeDir: join(dir, 'store'), workDir: dir });
  return {
    url: server.url,
    pid: server.pid,
    dir,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A representative event, as the gateway would publish it. */
export function sampleEvent(i: number): ShopEvent {
  return { id: `${(i % 5000).toString(36)}.${i.toString(36)}`, userId: `u-${(1e19 + i).toString(16).slice(0, 20)}`, kind: 'view', ts: Date.now(), itemId: `sku-${String(i % 10000).padStart(6, '0')}`, source: 'ws' };
}

export async function bareJetStreamCeiling(opts: BareOptions): Promise<BareResult> {
  const server = await startNatsServer();
  const nc = opts.noAsyncTraces
    ? await connect({ servers: server.url, name: 'bare-publisher', noAsyncTraces: true })
    : await connectNats(server.url, 'bare-publisher');
  try {
    await ensureEventStream(await jetstreamManager(nc), 1);
    const js = jetstream(nc, { timeout: 5000 });
    const meter = new CpuMeter({ nats: server.pid, publisher: process.pid });
    const lat: number[] = [];
    let acked = 0;
    let errors = 0;
    let i = 0;
    let inMeasure = false;
    const warmupMs = 2000;
    const t0 = performance.now();
    let tMeasure = 0;
    const end = t0 + warmupMs + opts.durationS * 1000;
    let bytes = 0;
    const perSecond: number[] = [];
    const lane = async () => {
      while (performance.now() < end) {
        const n = i++;
        const e = sampleEvent(n);
        const data = encodeEvent(e);
        bytes = data.length;
        const s = performance.now();
        if (!inMeasure && s >= t0 + warmupMs) {
          inMeasure = true;
          tMeasure = s;
          acked = 0;
          meter.start();
        }
        try {
          await js.publish(eventSubject(n % opts.partitions), data, { msgID: `${e.userId}/${e.id}` });
          if (inMeasure) {
            acked++;
            const sec = Math.floor((performance.now() - tMeasure) / 1000);
            perSecond[sec] = (perSecond[sec] ?? 0) + 1;
            if (n % 16 === 0) lat.push(performance.now() - s);
          }
        } catch {
          errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: opts.window }, lane));
    const dt = (performance.now() - tMeasure) / 1000;
    const cpu = meter.stop();
    lat.sort((a, b) => a - b);
    const q = (p: number) => Math.round((lat[Math.min(lat.length - 1, Math.floor(lat.length * p))] ?? 0) * 1000) / 1000;
    return { noAsyncTraces: opts.noAsyncTraces ?? false, msgsPerS: Math.round(acked / dt), best5sMsgsPerS: best5s(Array.from({ length: Math.floor(dt) }, (_, i) => perSecond[i] ?? 0)), messageBytes: bytes, window: opts.window, durationS: opts.durationS, errors, ackP50Ms: q(0.5), ackP99Ms: q(0.99), cpu };
  } finally {
    await nc.close();
    await server.stop();
  }
}
