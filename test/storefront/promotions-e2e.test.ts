/**
 * Promotions end to end in Chromium: a shopper adds an item and leaves; the
 * cart-abandonment coupon (its wait shortened by CART_ABANDON_MS) appears without a
 * reload; the coupons page lists it; applied in the cart it lowers the total by exactly
 * the reward; the order page shows the discount; the code used again is refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { DELIVERY_FEE, FREE_DELIVERY_FROM } from '../../actors/promo/index.js';
import { apiAs, browserSkip, launchBrowser, newShopper, screenshot, sessionOf, startShop, waitLive, type Shop } from './shop-kit.js';

const CART_ABANDON_MS = 1500;
const r2 = (x: number) => Math.round(x * 100) / 100;
const money = (x: number) => `$${x.toFixed(2)}`;

describe('storefront - promotions', { skip: browserSkip }, () => {
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

  it('storefront - the abandoned-cart coupon appears live, is listed on /coupons, lowers the cart by 10%, shows on the order, and is refused a second time', async () => {
    const { page, errors, context } = await newShopper(browser, shop.url);
    // An item under the big-cart threshold and with stock: only the abandonment rule fires on this cart.
    const { items } = (await (await fetch(`${shop.url}/api/products?limit=100`)).json()) as { items: Array<{ itemId: string; price: number; stock: number; category: string }> };
    const item = items.find((p) => p.stock >= 5 && p.price >= 20 && p.price < 250 && p.category !== 't-shirts')!;
    await page.goto(`/product/${item.itemId}`);
    await waitLive(page);
    await page.click('[data-testid="add-to-cart"]');
    await page.waitForSelector('[data-testid="cart-count"][data-count="1"]');

    // The shopper leaves the cart alone: the coupon is pushed to this page, no reload.
    const banner = page.locator('[data-testid="coupon-banner"][data-code^="COMEBACK10-"]');
    await banner.waitFor({ state: 'visible', timeout: CART_ABANDON_MS + 10_000 });
    const code = (await banner.getAttribute('data-code'))!;
    assert.match(await banner.innerText(), /10% off/);
    await screenshot(page, '60-promo-banner');

    // The banner links to the coupons page, which lists it with its expiry.
    await banner.getByTestId('coupon-banner-link').click();
    const card = page.locator(`[data-testid="coupon-list"] [data-code="${code}"]`);
    await card.waitFor();
    assert.equal(await card.getAttribute('data-status'), 'live');
    assert.match(await card.innerText(), /Expires/);
    await screenshot(page, '61-promo-coupons-page');

    // In the cart, the code lowers the total by exactly 10% of the item.
    await page.goto('/cart');
    await page.waitForSelector('[data-testid="cart-total"]');
    const before = item.price + (item.price >= FREE_DELIVERY_FROM ? 0 : DELIVERY_FEE);
    assert.equal(await page.getByTestId('cart-total').innerText(), money(r2(before)), 'the cart total includes delivery, as the order will');
    await page.getByTestId('coupon-input').fill(code);
    await page.getByTestId('coupon-apply').click();
    await page.getByTestId('coupon-applied').waitFor();
    const discount = r2(item.price * 0.1);
    assert.equal(await page.getByTestId('cart-discount').innerText(), `−${money(discount)}`);
    assert.equal((await page.getByTestId('line-discount').innerText()).trim(), `−${money(discount)}`, 'shown on the line');
    assert.equal(await page.getByTestId('cart-total').innerText(), money(r2(before - discount)));
    await screenshot(page, '62-promo-cart-with-code');

    await page.getByTestId('checkout').click();
    await page.waitForSelector('[data-testid="order-placed"]');
    const orderDiscount = page.getByTestId('order-discount').first();
    assert.match(await orderDiscount.innerText(), new RegExp(`${code}.*${money(discount).replace('$', '\\$')}`));
    const { token } = await sessionOf(page);
    const { orders } = await apiAs<{ orders: Array<{ coupon?: string; discount?: number; total: number; subtotal?: number }> }>(shop.url, token, '/api/orders');
    assert.deepEqual([orders[0]!.coupon, orders[0]!.discount, orders[0]!.subtotal, orders[0]!.total], [code, discount, item.price, r2(before - discount)]);
    await screenshot(page, '63-promo-order');

    // The same code again: refused, in the cart's quote and at checkout.
    await page.goto(`/product/${item.itemId}`);
    await page.click('[data-testid="add-to-cart"]');
    await page.waitForSelector('[data-testid="cart-count"][data-count="1"]');
    await page.goto(`/cart?coupon=${code}`);
    const refusal = page.getByTestId('coupon-error');
    await refusal.waitFor();
    assert.equal(await refusal.getAttribute('data-code'), 'E_COUPON_USED');
    const again = await fetch(`${shop.url}/api/checkout`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ coupon: code }) });
    assert.equal(again.status, 409);
    assert.equal(((await again.json()) as { error: { code: string } }).error.code, 'E_COUPON_USED');
    await screenshot(page, '64-promo-code-used');
    const used = await apiAs<{ coupons: Array<{ code: string; status: string }> }>(shop.url, token, '/api/coupons');
    assert.equal(used.coupons.find((c) => c.code === code)?.status, 'used');
    assert.deepEqual(errors.filter((e) => !/status of 40[49]/.test(e)), []);
    await context.close();
  });
});
