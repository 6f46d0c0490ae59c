/**
 * One virtual shopper: its session, its WebSocket and what it has sent and had
 * acked. Opening sessions and sockets for many shoppers, a few at a time.
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { BrowseShopper, type CatalogIndex } from './behaviour/browse.js';
import { ReplayShopper } from './behaviour/replay.js';
import type { Behaviour } from './behaviour/types.js';
import { deriveSeed, Rng } from './rng.js';
import type { CartOp } from './verify.js';
import type { WorkerInit } from './worker-protocol.js';

const HELLO_TIMEOUT_MS = 15_000;
/** Sessions one shopper replays at most (it cycles through them). */
const MAX_REPLAY_SESSIONS = 64;

/** Epoch milliseconds with sub-millisecond precision; the same clock in every thread. */
export const clock = (): number => performance.timeOrigin + performance.now();

export interface VirtualShopper {
  index: number;
  userId: string;
  token: string;
  ws: WebSocket | undefined;
  behaviour: Behaviour;
  counter: number;
  alive: boolean;
  /** Events sent and not yet answered (ack or error). */
  outstanding: number;
  /** Event ids awaiting their push, oldest first. */
  awaitingPush: string[];
  acked: number;
  ackedSeqs: number[];
  cartOps: CartOp[];
  /** Events whose fate is unknown (no reply, or the log could not confirm them). */
  unanswered: number;
}

/** Runs `fn` over `items`, at most `concurrency` at a time. */
export async function pool<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const run = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, run));
}

/** The behaviour of the shopper with global index `g` in this run's scenario. */
export function behaviourFor(init: WorkerInit, g: number, catalog: CatalogIndex): Behaviour {
  const { replay, totalShoppers } = init;
  if (init.scenario === 'replay' && replay) {
    const sessions: number[][] = [];
    // Shopper g replays sessions g, g + N, g + 2N, ... (N shoppers): only those are materialised here.
    const n = replay.offsets.length - 1;
    const seen = new Set<number>();
    for (let s = g % n; sessions.length < MAX_REPLAY_SESSIONS && !seen.has(s); s = (s + totalShoppers) % n) {
      seen.add(s);
      sessions.push(Array.from(replay.items.subarray(replay.offsets[s]!, replay.offsets[s + 1]!)));
    }
    return new ReplayShopper(sessions, catalog.sample.itemIds, 0, 1);
  }
  return new BrowseShopper(new Rng(deriveSeed(init.seed, g)), catalog);
}

/** POST /api/session: a new shopper with its own user id and token. */
export async function newShopper(url: string, index: number, behaviour: Behaviour): Promise<VirtualShopper> {
  const r = await fetch(`${url}/api/session`, { method: 'POST' });
  if (r.status !== 200) throw new Error(`POST /api/session answered ${r.status}`);
  const s = (await r.json()) as { userId: string; token: string };
  return {
    index, userId: s.userId, token: s.token, ws: undefined, behaviour,
    counter: 0, alive: false, outstanding: 0, awaitingPush: [], acked: 0, ackedSeqs: [], cartOps: [], unanswered: 0,
  };
}

export interface SocketHandlers {
  onMessage(s: VirtualShopper, data: Buffer): void;
  /** The socket closed after it was open. */
  onClosed(s: VirtualShopper): void;
}

/** Opens the shopper's WebSocket; resolves on the engine's `hello`, rejects on an error or no hello. */
export function openSocket(url: string, s: VirtualShopper, h: SocketHandlers): Promise<void> {
  const wsUrl = `${url.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(s.token)}`;
  const ws = new WebSocket(wsUrl, { perMessageDeflate: false, skipUTF8Validation: true });
  s.ws = ws;
  return new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => {
      ws.terminate();
      reject(new Error('no hello'));
    }, HELLO_TIMEOUT_MS);
    ws.on('message', (data: Buffer) => {
      if (s.alive) return h.onMessage(s, data);
      clearTimeout(t);
      const text = data.toString();
      if (text.startsWith('{"type":"error"')) return reject(new Error(text));
      s.alive = true;
      resolve();
    });
    ws.on('error', (err) => {
      clearTimeout(t);
      if (!s.alive) reject(err);
    });
    ws.on('close', () => {
      clearTimeout(t);
      if (s.alive) {
        s.alive = false;
        h.onClosed(s);
      } else reject(new Error('closed before hello'));
    });
  });
}
