import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { apiAs, browserSkip, categoryWithStock, launchBrowser, newShopper, probe, screenshot, sessionOf, startShop, waitForProbe, waitLive, type Shop, type StripCard } from './shop-kit.js';

/** Every event the page sent (socket frames and HTTP fallbacks) and the cause of every push it got. */
function recordSocket(page: Page): { sent: Set<string>; pushedCauses: string[] } {
  const rec = { sent: new Set<string>(), pushedCauses: [] as string[] };
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/events') rec.sent.add((JSON.parse(r.postData() ?? '{}') as { id: string }).id);
  });
  page.on('websocket', (ws) => {
    ws.on('framesent', (f) => {
      const m = JSON.parse(String(f.payload)) as { type?: string; id?: string };
      if (m.type === 'event' && m.id) rec.sent.add(m.id);
    });
    ws.on('framereceived', (f) => {
      const m = JSON.parse(String(f.payload)) as { type?: string; causedBy?: string };
      if (m.type === 'recs' && m.causedBy) rec.pushedCauses.push(m.causedBy);
    });
  });
  return rec;
}

async function viewProducts(page: Page, itemIds: string[], category: string): Promise<void> {
  for (const id of itemIds) {
    await page.goto(`/product/${id}`);
    await waitLive(page);
    await page.waitForSelector(`article.product[data-item-id="${id}"][data-view-event-id]`);
  }
  await waitForProbe(page, 'forYouFollowed', [category, 3]);
}

describe('storefront - two shoppers side by side', { skip: browserSkip }, () => {
  let shop: Shop;
  let browser: Browser;

  before(async () => {
    shop = await startShop();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await shop?.stop();
  });

  it('storefront - two browser contexts see only their own suggestions, pushes and cart', async () => {
    const a = await newShopper(browser, shop.url);
    const b = await newShopper(browser, shop.url);
    const recA = recordSocket(a.page);
    const recB = recordSocket(b.page);
    const catA = await categoryWithStock(shop.url, 4);
    const catB = await categoryWithStock(shop.url, 4, [catA.category]);

    // Interleave the two shoppers so their events are in the log at the same time.
    await Promise.all([viewProducts(a.page, catA.itemIds.slice(0, 3), catA.category), viewProducts(b.page, catB.itemIds.slice(0, 3), catB.category)]);
    const sa = await sessionOf(a.page);
    const sb = await sessionOf(b.page);
    assert.notEqual(sa.userId, sb.userId, 'each browser has its own session');

    const stripA = await probe<StripCard[]>(a.page, 'stripCards', 'for-you');
    const stripB = await probe<StripCard[]>(b.page, 'stripCards', 'for-you');
    const count = (s: StripCard[], c: string) => s.filter((x) => x.category === c).length;
    assert.ok(count(stripA, catA.category) > count(stripA, catB.category), `A's strip follows A (${catA.category}): ${JSON.stringify(stripA.map((x) => x.category))}`);
    assert.ok(count(stripB, catB.category) > count(stripB, catA.category), `B's strip follows B (${catB.category}): ${JSON.stringify(stripB.map((x) => x.category))}`);
    for (const viewed of catB.itemIds.slice(0, 3)) {
      assert.ok(!stripA.some((x) => x.reason.includes(viewed)), 'no reason in A mentions what B viewed');
    }

    // Both add to their carts at the same moment.
    await Promise.all([a.page.click('[data-testid="add-to-cart"]'), b.page.click('[data-testid="add-to-cart"]')]);
    await Promise.all([a.page.waitForSelector('[data-testid="cart-count"][data-count="1"]'), b.page.waitForSelector('[data-testid="cart-count"][data-count="1"]')]);
    await Promise.all([a.page.goto('/cart'), b.page.goto('/cart')]);
    await Promise.all([a.page.waitForSelector('[data-testid="cart"] li.cart-line'), b.page.waitForSelector('[data-testid="cart"] li.cart-line')]);
    assert.deepEqual(await probe(a.page, 'cartLines'), [[catA.itemIds[2], 1]], "A's cart holds only A's item");
    assert.deepEqual(await probe(b.page, 'cartLines'), [[catB.itemIds[2], 1]], "B's cart holds only B's item");
    const [pa, pb] = await Promise.all([
      apiAs<{ cart: unknown }>(shop.url, sa.token, '/api/profile'),
      apiAs<{ cart: unknown }>(shop.url, sb.token, '/api/profile'),
    ]);
    assert.deepEqual(pa.cart, [{ itemId: catA.itemIds[2], qty: 1 }]);
    assert.deepEqual(pb.cart, [{ itemId: catB.itemIds[2], qty: 1 }]);

    // Every push a socket received was caused by an event that same page sent.
    assert.ok(recA.pushedCauses.length >= 3 && recB.pushedCauses.length >= 3, 'both sockets got pushes');
    for (const c of recA.pushedCauses) assert.ok(recA.sent.has(c), `A received a push caused by ${c}, which A did not send`);
    for (const c of recB.pushedCauses) assert.ok(recB.sent.has(c), `B received a push caused by ${c}, which B did not send`);

    await screenshot(a.page, '10-shopper-a-cart');
    await screenshot(b.page, '11-shopper-b-cart');
    assert.deepEqual(a.errors, []);
    assert.deepEqual(b.errors, []);
    await a.context.close();
    await b.context.close();
  });
});
