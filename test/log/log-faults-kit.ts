/** What the log-fault tests share: polling /health, and checking that every acked event is in the log. */
import assert from 'node:assert/strict';
import { readLog } from '../kit/index.js';

export interface HealthBody {
  ok: boolean;
  nats: boolean;
  storageFull: boolean;
  [k: string]: unknown;
}

export async function health(url: string): Promise<{ status: number; body: HealthBody }> {
  const r = await fetch(`${url}/health`);
  return { status: r.status, body: (await r.json()) as HealthBody };
}

/** Polls /health until `pred` holds; fails naming what it saw last. */
export async function waitHealth(url: string, pred: (h: { status: number; body: HealthBody }) => boolean, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  let last = await health(url);
  while (!pred(last)) {
    if (Date.now() > end) assert.fail(`${what}: /health stayed ${last.status} ${JSON.stringify(last.body)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await health(url);
  }
  return last;
}

/** Every acked event (userId -> ids) is in the log, once. */
export async function assertAckedInLog(natsUrl: string, acked: Map<string, Set<string>>): Promise<number> {
  const log = await readLog(natsUrl);
  const seen = new Map<string, number>();
  for (const { event } of log) seen.set(`${event.userId}/${event.id}`, (seen.get(`${event.userId}/${event.id}`) ?? 0) + 1);
  let n = 0;
  for (const [userId, ids] of acked) {
    for (const id of ids) {
      assert.equal(seen.get(`${userId}/${id}`), 1, `acked event ${userId}/${id} is in the log once`);
      n++;
    }
  }
  return n;
}
