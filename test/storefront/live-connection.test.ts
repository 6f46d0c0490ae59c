import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, WebSocketRoute } from 'playwright-core';
import { apiAs, browserSkip, categoryWithStock, launchBrowser, newShopper, screenshot, sessionOf, startShop, waitForProbe, waitLive, type Shop } from './shop-kit.js';

/** A cart left alone this long earns a coupon in this engine (the default is 30 minutes). */
const CART_ABANDON_MS = 1500;

describe('storefront - the live connection', { skip: browserSkip }, () => {
  let shop: Shop;
  let browser: Browser;

  before(async () => {
    shop = await startShop({ CART_ABANDON_MS: String(CART_ABANDON_MS) });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await shop?.stop();
  });

  it('storefront - a dropped socket shows "offline", events still reach the engine over HTTP, and the page reconnects with backoff', async () => {
    const { page, errors, context } = await newShopper(browser, shop.url);
    const { category, itemIds } = await categoryWithStock(shop.url, 3);
    let blocked = false;
    const open: WebSocketRoute[] = [];
    let attempts = 0;
    await page.routeWebSocket(/\/ws\?token=/, (ws) => {
      attempts++;
      if (blocked) {
        void ws.close({ code: 1011, reason: 'test: server unreachable' });
        return;
      }
      ws.connectToServer();
      open.push(ws);
    });

    await page.goto('/');
    await waitLive(page);
    assert.ok(await page.getByTestId('offline-banner').isHidden(), 'no offline banner while live');

    blocked = true;
    const droppedAt = Date.now();
    for (const ws of open.splice(0)) await ws.close({ code: 1011, reason: 'test: connection lost' });
    await page.waitForSelector('[data-testid="connection"][data-state="offline"]');
    const banner = page.getByTestId('offline-banner');
    await banner.waitFor({ state: 'visible' });
    assert.match(await banner.innerText(), /You are offline/);
    await screenshot(page, '40-offline');

    // While the socket is down, a product view is still recorded (sent over HTTP, same event id scheme).
    await page.click(`.category-nav a[data-category="${category}"]`);
    await page.click(`main:not([aria-busy]) .listing-head ~ .grid a[data-item-id="${itemIds[0]}"]`);
    await page.waitForSelector(`article.product[data-item-id="${itemIds[0]}"][data-view-event-id]`);
    const { token } = await sessionOf(page);
    assert.equal((await apiAs<{ recent: string[] }>(shop.url, token, '/api/profile')).recent[0], itemIds[0]);

    await page.waitForTimeout(2000);
    const failedAttempts = attempts - 1;
    assert.ok(failedAttempts >= 2 && failedAttempts <= 4, `retries back off (500 ms doubling): ${failedAttempts} attempts in ${Date.now() - droppedAt} ms`);
    blocked = false;
    await waitLive(page, 20_000);
    await banner.waitFor({ state: 'hidden' });
    await page.getByText('Back online').waitFor();

    // The new socket carries pushes again.
    await page.goBack();
    await page.click(`main:not([aria-busy]) .listing-head ~ .grid a[data-item-id="${itemIds[1]}"]`);
    await waitForProbe(page, 'forYouFollowed', [category, 1]);
    // A mocked socket closed by the test is not an error the page should log.
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('storefront - a rejected session token is replaced by a new session, and the page goes live', async () => {
    const { page, errors, context } = await newShopper(browser, shop.url);
    await page.goto('/');
    await waitLive(page);
    const before = await sessionOf(page);
    const forged = { userId: 'u-0000000000000000', token: 'v1.u-0000000000000000.9999999999.forged-signature', expiresAt: 9_999_999_999_000 };
    await page.evaluate(`localStorage.setItem('shop.session.v1', ${JSON.stringify(JSON.stringify(forged))})`);
    await page.reload();
    await waitLive(page);
    await page.waitForSelector('[data-testid="for-you"] li.card');
    const after = await sessionOf(page);
    assert.notEqual(after.token, forged.token);
    assert.notEqual(after.userId, before.userId, 'a forged token never maps to an existing shopper');
    assert.ok((await apiAs<{ userId: string }>(shop.url, after.token, '/api/profile')).userId === after.userId);
    // Chromium reports the engine's 401 answers to the forged token as failed resources; nothing else may fail.
    assert.deepEqual(errors.filter((e) => !/status of 401/.test(e)), []);
    await context.close();
  });

  it('storefront - a coupon pushed by the engine appears in the banner and can be dismissed', async () => {
    const { page, errors, context } = await newShopper(browser, shop.url);
    const { itemIds } = await categoryWithStock(shop.url, 1);
    await page.goto(`/product/${itemIds[0]}`);
    await waitLive(page);
    await page.click('[data-testid="add-to-cart"]');
    await page.waitForSelector('[data-testid="cart-count"][data-count="1"]');
    const bannerEl = page.getByTestId('coupon-banner');
    // Other default rules may fire on this cart first (a big cart): wait for the abandonment coupon.
    await page.locator('[data-testid="coupon-banner"][data-code^="COMEBACK10-"]').waitFor({ state: 'visible', timeout: CART_ABANDON_MS + 8000 });
    const text = await bannerEl.innerText();
    assert.match(text, /10% off/);
    const code = await bannerEl.getAttribute('data-code');
    assert.ok(code && text.includes(code), 'the banner shows the code');
    const { token } = await sessionOf(page);
    const profile = await apiAs<{ coupons: Array<{ code: string }> }>(shop.url, token, '/api/profile');
    assert.equal(profile.coupons[0]?.code, code, 'the same coupon is in the profile');
    await screenshot(page, '41-coupon');
    await page.getByRole('button', { name: `Dismiss coupon ${code}` }).click();
    await bannerEl.waitFor({ state: 'hidden' });
    await page.reload();
    await waitLive(page);
    assert.ok(await bannerEl.isHidden(), 'a dismissed coupon stays dismissed');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
