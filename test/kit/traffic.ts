/** Drives many shoppers at once over real WebSockets and remembers exactly which events were acked. */
import { Shopper } from './shopper.js';

const KINDS = ['view', 'view', 'view', 'cart_add', 'cart_remove', 'search', 'dwell', 'rec_click', 'rec_impression'] as const;

export interface Traffic {
  shoppers: Shopper[];
  /** userId -> acked event ids */
  acked: Map<string, Set<string>>;
  sent: number;
  stop(): Promise<void>;
}

/** Each shopper keeps up to `inFlight` events outstanding until stopped (or its socket dies). */
export async function startTraffic(url: string, opts: { shoppers: number; itemIds: string[]; inFlight?: number; seed?: number }): Promise<Traffic> {
  const shoppers = await Promise.all(Array.from({ length: opts.shoppers }, () => Shopper.connect(url)));
  const acked = new Map<string, Set<string>>(shoppers.map((s) => [s.userId, new Set<string>()]));
  let stopped = false;
  let sent = 0;
  let rnd = opts.seed ?? 7;
  const rand = () => ((rnd = (Math.imul(rnd, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const loops = shoppers.map(async (s, si) => {
    let n = 0;
    const inFlight = new Set<Promise<unknown>>();
    while (!stopped && !s.closed) {
      const kind = KINDS[Math.floor(rand() * KINDS.length)]!;
      const itemId = opts.itemIds[Math.floor(rand() * opts.itemIds.length)]!;
      const id = `s${si}-${n++}`;
      const ev: Record<string, unknown> = { id, kind };
      if (kind === 'search') ev['query'] = 'blue shoes';
      else if (kind === 'rec_impression') {
        ev['itemIds'] = [...new Set([itemId, opts.itemIds[Math.floor(rand() * opts.itemIds.length)]!, opts.itemIds[Math.floor(rand() * opts.itemIds.length)]!])];
        ev['slot'] = 'for-you';
      } else ev['itemId'] = itemId;
      if (kind === 'rec_click') ev['slot'] = 'for-you';
      if (kind === 'dwell') ev['dwellMs'] = 1500;
      if (kind === 'cart_add') ev['qty'] = 1 + Math.floor(rand() * 3);
      sent++;
      const p = s.track(ev, 10_000).then(
        () => acked.get(s.userId)!.add(id),
        () => undefined, // not acked: the socket died or the event was rejected
      );
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
      if (inFlight.size >= (opts.inFlight ?? 4)) await Promise.race(inFlight);
      // Drop old messages so waitFor stays cheap.
      if (s.messages.length > 200) s.messages.splice(0, s.messages.length - 50);
    }
    await Promise.allSettled(inFlight);
  });
  return {
    shoppers,
    acked,
    get sent() {
      return sent;
    },
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}
