/**
 * A backend service with the SDK's gRPC client (@shop-brain/client/backend): track,
 * a batch, recommendations, a profile, a checkout and a catalog upsert, with the API key.
 *
 *   npm start                                   # in another terminal (gRPC on 50051)
 *   npm run build && SHOP_API_KEY=$(cat data/api-key) node dist/examples/typescript-grpc.js
 *   # SHOP_GRPC=host:port to point elsewhere
 */
import { ShopApiError, ShopBackendClient } from '../sdk/src/backend.js';

export async function main(address = process.env['SHOP_GRPC'] ?? '127.0.0.1:50051', apiKey = process.env['SHOP_API_KEY'] ?? ''): Promise<number> {
  const engine = new ShopBackendClient({ address, apiKey });
  try {
    const userId = `u-example${Date.now().toString(36)}`;
    const summary = await engine.upsertItems([
      { itemId: 'example-mug', name: 'Example mug', category: 'kitchen', description: 'A mug', price: 9.5, stock: 100, brand: 'Example' },
    ]);
    console.log(`upsert: ${summary.created} created, ${summary.updated} updated, ${summary.rejected} rejected`);

    const ack = await engine.track({ id: `${userId}-view-1`, userId, kind: 'VIEW', itemId: 'example-mug' });
    console.log(`view stored at ${ack.seq}`);
    const acks = await engine.trackBatch([
      { userId, kind: 'SEARCH', query: 'mug' },
      { userId, kind: 'CART_ADD', itemId: 'example-mug', qty: 2 },
      { userId, kind: 'VIEW', itemId: 'no-such-item' }, // rejected in its Ack; the others are stored
    ]);
    console.log(acks.map((a) => (a.error ? `#${a.index} ${a.error.code}` : `#${a.index} at ${a.seq}`)).join(', '));

    const recs = await engine.recommend({ userId, k: 4, itemId: 'example-mug' });
    console.log(`recommended: ${recs.items.map((i) => i.itemId).join(', ')}`);
    const order = await engine.checkout({ userId, idempotencyKey: `${userId}-order-1` });
    console.log(`placed ${order.orderId}: ${order.total}`);
    const profile = await engine.profile(userId);
    console.log(`profile: ${profile.events} events, ${profile.orders.length} order(s)`);

    try {
      await engine.checkout({ userId, lines: [{ itemId: 'example-mug', qty: 999 }] });
    } catch (err) {
      if (err instanceof ShopApiError) console.log(`typed error: ${err.code} (gRPC ${err.grpcStatus}), field ${err.field}`);
      else throw err;
    }
    return profile.orders.length;
  } finally {
    engine.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
