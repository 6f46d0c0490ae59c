/**
 * The item actor decides its stock: commands arrive on its slot's subject in log order
 * (reserve, commit, release, set) and each reservation is answered by a decision event
 * to the ordering user's partition. Pure; a replay of the log decides the same way, so
 * no unit is granted twice however often the log is replayed.
 */
import type { ShopEvent } from '../../protos/index.js';
import { availableUnits, type CatalogStock, type ItemState } from './state.js';

/** Settled hold keys remembered per item (duplicates older than JetStream's de-dup window are rare). */
const MAX_SETTLED = 64;

export type ItemEffect = { type: 'decision'; event: ShopEvent };

const holdKey = (e: ShopEvent) => `${e.userId}/${e.checkoutId ?? ''}`;

function settle(s: ItemState, key: string): void {
  const list = s.settled ?? (s.settled = []);
  list.push(key);
  if (list.length > MAX_SETTLED) list.splice(0, list.length - MAX_SETTLED);
}

/** The decision event's id is derived from the command's, so a re-published decision is de-duplicated. */
export const decisionId = (checkoutId: string, itemId: string) => `${checkoutId}.d.${itemId}`;

/** Folds one stock command (ITEM_COMMAND_KINDS) into the item's state; returns the decision to publish, if any. */
export function foldStockCommand(s: ItemState, e: ShopEvent, seq: number, catalog: CatalogStock | undefined): ItemEffect[] {
  const qty = Math.max(0, e.qty ?? 0);
  const key = holdKey(e);
  const holds = s.holds ?? (s.holds = {});
  const effects: ItemEffect[] = [];
  switch (e.kind) {
    case 'stock_reserve': {
      // A duplicate reserve: its decision is already on its way (the shard's outbox).
      if (holds[key] !== undefined || s.settled?.includes(key)) break;
      const left = availableUnits(s, catalog);
      const granted = qty > 0 && qty <= left;
      if (granted) {
        holds[key] = qty;
        s.held = (s.held ?? 0) + qty;
      } else settle(s, key);
      effects.push({ type: 'decision', event: {
        id: decisionId(e.checkoutId ?? '', s.itemId), userId: e.userId, kind: granted ? 'stock_granted' : 'stock_refused', ts: e.ts,
        itemId: s.itemId, qty, checkoutId: e.checkoutId ?? '', stockLeft: granted ? left - qty : left, source: 'engine',
      } });
      break;
    }
    case 'stock_commit':
    case 'stock_release': {
      const h = holds[key];
      if (h === undefined) break;
      delete holds[key];
      s.held = Math.max(0, (s.held ?? 0) - h);
      if (e.kind === 'stock_commit') s.sold += h;
      settle(s, key);
      break;
    }
    case 'stock_set':
      s.stockSet = qty;
      s.soldAtSet = s.sold;
      break;
    default:
      return effects;
  }
  s.lastSeq = seq;
  return effects;
}
