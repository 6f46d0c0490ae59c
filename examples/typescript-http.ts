/**
 * The shopper side with the SDK (@shop-brain/client): a session, the catalog, a live
 * connection with typed pushes, events, recommendations and a checkout.
 *
 *   npm start                                   # in another terminal
 *   npm run build && node dist/examples/typescript-http.js   # SHOP_URL=http://host:port to point elsewhere
 *
 * In a browser the same code runs without the `webSocket` option (the global WebSocket).
 */
import WebSocket from 'ws';
import { ShopApiError, ShopClient, type WebSocketLike } from '../sdk/src/index.js';

export async function main(baseUrl = process.env['SHOP_URL'] ?? 'http://localhost:8080'): Promise<string> {
  const shop = new ShopClient({
    baseUrl,
    // Node 20 has no global WebSocket: the ws package's has the same on* API.
    webSocket: (url) => new WebSocket(url) as unknown as WebSocketLike,
    onSession: (s) => console.log(`session for ${s.userId}, valid until ${new Date(s.expiresAt).toISOString()}`),
  });

  const { items } = await shop.listProducts({ sort: 'price_asc', limit: 3 });
  const item = items.find((p) => p.stock > 0) ?? items[0]!;
  console.log(`cheapest: ${item.name} (${item.price})`);

  const live = shop.connect({
    onRecs: (r) => console.log(`recs after ${r.causedBy}: ${r.items.map((i) => `${i.itemId} (${i.reason})`).join(', ')}`),
    onOrder: (o) => console.log(`order ${o.orderId} ${o.status}, total ${o.total}`),
    onState: (s) => console.log(`live: ${s}`),
  });
  await live.opened();
  const ack = await live.track({ kind: 'view', itemId: item.itemId });
  console.log(`view stored at log sequence ${ack.seq}`);
  await live.track({ kind: 'cart_add', itemId: item.itemId, qty: 1 });

  const recs = await shop.recommendations({ k: 4, itemId: item.itemId });
  console.log(`recommended: ${recs.items.map((i) => i.itemId).join(', ')}`);

  const order = await shop.checkout(); // the cart; an idempotency key covers retries
  console.log(`placed ${order.orderId}: ${order.total}`);

  try {
    await shop.getProduct('no-such-item');
  } catch (err) {
    if (err instanceof ShopApiError) console.log(`typed error: ${err.code} (HTTP ${err.status})`);
    else throw err;
  }
  live.close();
  return order.orderId;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
