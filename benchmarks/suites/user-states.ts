/**
 * Realistic user actor states for the actors suite, made by folding a shopper's
 * events through the real user actor (actors/user foldUserEvent), so their shape
 * and size are what the engine stores.
 */
import { emptyUserState, foldUserEvent, type ItemFacts, type UserState } from '../../actors/user/index.js';
import type { Product } from '../../engine/catalog/index.js';
import type { ShopEvent } from '../../protos/index.js';
import { Rng } from '../../loadgen/rng.js';

/** A valid user id (USER_ID_PATTERN: u- and 8..40 of [a-z0-9]) for the n-th synthetic user. */
export const syntheticUserId = (n: number) => `u-bench${n.toString(36).padStart(8, '0')}`;

/** The state after `events` events: views in a few categories, a dwell or two, cart adds, now and then an order. */
export function syntheticUserState(n: number, events: number, products: readonly Product[], item: (id: string) => ItemFacts | undefined): UserState {
  const rng = new Rng(n + 1);
  const userId = syntheticUserId(n);
  const s = emptyUserState(userId);
  const ctx = { item, cartAbandonMs: 30 * 60_000 };
  let ts = Date.now() - 3600_000 + rng.int(600_000);
  const base = rng.int(products.length);
  for (let i = 0; i < events; i++) {
    ts += 5000 + rng.int(60_000);
    const p = products[(base + rng.int(400)) % products.length]!;
    const x = rng.next();
    const kind: ShopEvent['kind'] = x < 0.7 ? 'view' : x < 0.82 ? 'dwell' : x < 0.92 ? 'cart_add' : x < 0.96 ? 'search' : 'purchase';
    const e: ShopEvent = { id: `e${i}`, userId, kind, ts, source: 'ws' };
    if (kind === 'search') e.query = p.category.split('-')[0]!;
    else e.itemId = p.itemId;
    if (kind === 'dwell') e.dwellMs = 1000 + rng.int(60_000);
    if (kind === 'cart_add' || kind === 'purchase') e.qty = 1;
    foldUserEvent(s, e, i + 1, ctx);
  }
  return s;
}
