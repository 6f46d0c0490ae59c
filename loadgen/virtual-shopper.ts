/**
 * One virtual shopper: its user id, its behaviour and what it has sent and had
 * acked. The connection itself belongs to the transport (transport/).
 */
import { performance } from 'node:perf_hooks';
import { BrowseShopper, type CatalogIndex } from './behaviour/browse.js';
import { ReplayShopper } from './behaviour/replay.js';
import type { Behaviour } from './behaviour/types.js';
import { deriveSeed, Rng } from './rng.js';
import type { CartOp } from './verify.js';
import type { WorkerInit } from './worker-protocol.js';

/** Sessions one shopper replays at most (it cycles through them). */
const MAX_REPLAY_SESSIONS = 64;

/** Epoch milliseconds with sub-millisecond precision; the same clock in every thread. */
export const clock = (): number => performance.timeOrigin + performance.now();

export interface VirtualShopper {
  index: number;
  userId: string;
  behaviour: Behaviour;
  counter: number;
  /** Its push channel is open: events may be sent. */
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
  if (init.scenario === 'personas') return BrowseShopper.withPersona(new Rng(deriveSeed(init.seed, g)), catalog);
  return new BrowseShopper(new Rng(deriveSeed(init.seed, g)), catalog);
}

/** A shopper that has not sent anything yet. */
export function newVirtualShopper(index: number, userId: string, behaviour: Behaviour): VirtualShopper {
  return {
    index, userId, behaviour,
    counter: 0, alive: false, outstanding: 0, awaitingPush: [], acked: 0, ackedSeqs: [], cartOps: [], unanswered: 0,
  };
}
