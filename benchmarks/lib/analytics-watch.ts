/**
 * Watches the analytics consumer through the operator's own window on it: logs in
 * with the engine's API key and reads every /admin/ws summary while a benchmark runs.
 * `foldDelayMs` is the consumer's lag (log store -> fold commit, longest per report).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { AdminServerMessage } from '../../protos/admin-contract.js';

export interface AnalyticsLag {
  /** Reports that folded something during the run. */
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Most events the consumer had not been delivered yet, at any report. */
  maxLagEvents: number;
}

export class AnalyticsWatch {
  readonly #delays: number[] = [];
  #maxLagEvents = 0;
  #ws: WebSocket | undefined;
  #recording = false;

  static async open(url: string, dataDir: string): Promise<AnalyticsWatch> {
    const key = readFileSync(join(dataDir, 'api-key'), 'utf8').trim();
    const r = await fetch(`${url}/api/admin/session`, { method: 'POST', headers: { 'x-api-key': key } });
    if (!r.ok) throw new Error(`admin login: HTTP ${r.status} ${await r.text()}`);
    const { token } = (await r.json()) as { token: string };
    const w = new AnalyticsWatch();
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/admin/ws?token=${encodeURIComponent(token)}`);
    w.#ws = ws;
    let lastSeq = -1;
    ws.on('message', (d) => {
      const m = JSON.parse(String(d)) as AdminServerMessage;
      if (m.type !== 'analytics' || !w.#recording) return;
      // A summary repeats the last report's delay when nothing new was folded: count each fold once.
      if (m.appliedSeq !== lastSeq && lastSeq >= 0) w.#delays.push(m.foldDelayMs);
      lastSeq = m.appliedSeq;
      w.#maxLagEvents = Math.max(w.#maxLagEvents, m.lagEvents);
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return w;
  }

  start(): void {
    this.#recording = true;
  }

  stop(): AnalyticsLag {
    this.#recording = false;
    this.#ws?.close();
    const s = [...this.#delays].sort((a, b) => a - b);
    const r1 = (x: number) => Math.round(x * 10) / 10;
    const q = (p: number) => (s.length ? r1(s[Math.min(s.length - 1, Math.floor(p * s.length))]!) : 0);
    return { samples: s.length, p50Ms: q(0.5), p99Ms: q(0.99), maxMs: r1(s.at(-1) ?? 0), maxLagEvents: this.#maxLagEvents };
  }
}
