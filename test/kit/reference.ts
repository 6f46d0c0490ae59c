/**
 * An independent reading of the event log: every record from sequence 1, decoded,
 * and each user's state folded from it with the actors' pure code. Tests compare
 * this with what the engine serves.
 */
import { DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { DefinitionRegistry } from '../../actors/definitions/index.js';
import { emptyUserState, foldUserEvent, profileOf, type Profile } from '../../actors/user/index.js';
import type { Catalog } from '../../engine/catalog/index.js';
import { DEFAULT_CART_ABANDON_MS } from '../../engine/config/index.js';
import { connectNats } from '../../engine/log/index.js';
import { EVENT_STREAM } from '../../engine/placement/index.js';
import { decodeEvent, type ShopEvent } from '../../protos/index.js';

export interface LoggedEvent {
  seq: number;
  event: ShopEvent;
}

export async function readLog(natsUrl: string): Promise<LoggedEvent[]> {
  const nc = await connectNats(natsUrl, 'test-reference');
  try {
    const last = (await (await jetstreamManager(nc)).streams.info(EVENT_STREAM)).state.last_seq;
    const out: LoggedEvent[] = [];
    if (last === 0) return out;
    const c = await jetstream(nc).consumers.get(EVENT_STREAM, { deliver_policy: DeliverPolicy.All });
    const msgs = await c.consume();
    for await (const m of msgs) {
      out.push({ seq: m.seq, event: decodeEvent(m.data) });
      if (m.seq >= last) break;
    }
    return out;
  } finally {
    await nc.close();
  }
}

/**
 * A profile without what the shard computes at read time from shop-wide state (the
 * intent score of the model in force, category picks): the part a fold of one user's
 * events must reproduce exactly.
 */
export function foldedPart<P extends object>(p: P): Omit<P, 'intent' | 'categoryPicks'> {
  const { intent: _i, categoryPicks: _c, ...rest } = p as P & { intent?: unknown; categoryPicks?: unknown };
  return rest;
}

/**
 * The log once the engine has stopped appending to it: actors' commands (coupon and
 * stock decisions, resent outboxes) keep landing for a moment after the traffic stops.
 * Reads until two reads `quietMs` apart end at the same sequence and `applied()` (every
 * shard's applied sequence) reached it.
 */
export async function readSettledLog(natsUrl: string, applied: () => number, quietMs = 500, timeoutMs = 20_000): Promise<LoggedEvent[]> {
  const end = Date.now() + timeoutMs;
  let log = await readLog(natsUrl);
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const again = await readLog(natsUrl);
    const last = again.at(-1)?.seq ?? 0;
    if ((last === (log.at(-1)?.seq ?? 0) && applied() >= last) || Date.now() > end) return again;
    log = again;
  }
}

export function referenceProfiles(log: LoggedEvent[], catalog: Catalog, cartAbandonMs = DEFAULT_CART_ABANDON_MS): Map<string, Profile> {
  const states = new Map<string, ReturnType<typeof emptyUserState>>();
  // Promotion rules in force at each position, as every shard's registry holds them.
  const defs = new DefinitionRegistry();
  const ctx = { cartAbandonMs, item: (id: string) => catalog.get(id), promoRules: () => defs.promoRules };
  for (const { seq, event } of log) {
    if (event.kind === 'definition') {
      defs.apply(event, seq);
      continue;
    }
    let s = states.get(event.userId);
    if (!s) states.set(event.userId, (s = emptyUserState(event.userId)));
    foldUserEvent(s, event, seq, ctx);
  }
  return new Map([...states].map(([id, s]) => [id, profileOf(s)]));
}
