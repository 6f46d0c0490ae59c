import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkip, launchBrowser, newShopper, probe, screenshot, startShop, waitLive, type Shop } from './shop-kit.js';

interface Listed {
  itemId: string;
  name: string;
  stock: number;
}

async function lowStockItem(base: string): Promise<Listed> {
  for (let page = 1; page <= 20; page++) {
    const r = (await (await fetch(`${base}/api/products?limit=100&page=${page}`)).json()) as { items: Listed[] };
    const hit = r.items.find((p) => p.stock >= 2 && p.stock <= 5);
    if (hit) return hit;
  }
  throw new Error('no product with 2 to 5 units in stock');
}

async function stockOf(base: string, itemId: string): Promise<number> {
  return ((await (await fetch(`${base}/api/products/${itemId}`)).json()) as Listed).stock;
}

describe('storefront - checkout when stock runs out', { skip: browserSkip }, () => {
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

  it('storefront - an item bought out by another shopper cannot be checked out: E_OUT_OF_STOCK is shown on the line, fixing the quantity lets the order through', async () => {
    const item = await lowStockItem(shop.url);
    const { page, errors, context } = await newShopper(browser, shop.url);
    await page.goto(`/product/${item.itemId}`);
    await waitLive(page);
    assert.equal(await page.locator('#qty option').count(), item.stock, 'the quantity picker offers only what is in stock');
    await page.selectOption('#qty', String(item.stock));
    await page.click('[data-testid="add-to-cart"]');
    await page.waitForSelector(`[data-testid="cart-count"][data-count="${item.stock}"]`);

    // Someone else buys one unit first.
    const other = (await (await fetch(`${shop.url}/api/session`, { method: 'POST' })).json()) as { token: string };
    const bought = await fetch(`${shop.url}/api/checkout`, {
      method: 'POST', headers: { authorization: `Bearer ${other.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ lines: [{ itemId: item.itemId, qty: 1 }] }),
    });
    assert.equal(bought.status, 200);
    for (let i = 0; i < 200 && (await stockOf(shop.url, item.itemId)) !== item.stock - 1; i++) await new Promise((r) => setTimeout(r, 10));

    await page.click('[data-testid="cart-link"]');
    await page.waitForSelector('[data-testid="cart"] li.cart-line');
    assert.match(await page.locator('.cart-line .stock-note').innerText(), new RegExp(`Only ${item.stock - 1} left`), 'the line warns before checkout');
    await page.click('[data-testid="checkout"]');
    const alert = page.locator('[data-testid="checkout-error"]');
    await alert.waitFor({ state: 'visible' });
    assert.equal(await alert.getAttribute('data-code'), 'E_OUT_OF_STOCK');
    const text = await alert.innerText();
    assert.match(text, /Not enough stock/);
    assert.ok(text.includes(item.name), 'the message names the product');
    assert.match(text, new RegExp(`only ${item.stock - 1} left`));
    assert.equal(await page.locator(`li.cart-line[data-item-id="${item.itemId}"]`).getAttribute('data-out-of-stock'), 'true', 'the line is marked');
    assert.equal(await page.evaluate('document.activeElement?.dataset?.testid'), 'checkout-error', 'focus moves to the error');
    await screenshot(page, '20-cart-out-of-stock');

    // Lower the quantity by one: the error goes away and the order goes through.
    await page.click(`button[aria-label^="Decrease quantity"]`);
    await page.waitForSelector(`li.cart-line[data-qty="${item.stock - 1}"]`);
    assert.equal(await alert.count(), 1);
    assert.ok(await page.locator('[data-testid="checkout-error"]').isHidden(), 'the error clears once the cart changes');
    await page.click('[data-testid="checkout"]');
    await page.waitForSelector('[data-testid="order-placed"]');
    assert.equal(await stockOf(shop.url, item.itemId).then(async (s) => {
      for (let i = 0; i < 200 && s !== 0; i++) s = await stockOf(shop.url, item.itemId);
      return s;
    }), 0, 'stock went down to zero');

    // Now sold out: the product page cannot add it.
    await page.goto(`/product/${item.itemId}`);
    await page.waitForSelector('[data-testid="stock"]');
    assert.equal(await page.locator('[data-testid="stock"]').innerText(), 'Out of stock');
    assert.ok(await page.locator('[data-testid="add-to-cart"]').isDisabled(), 'add to cart is disabled when sold out');
    await screenshot(page, '21-product-sold-out');

    // The one console error allowed: Chromium reports the 409 of the refused checkout.
    assert.deepEqual(errors.filter((e) => !/status of 409/.test(e)), []);
    await context.close();
  });

  it('storefront - cart quantities change and lines are removed', async () => {
    const { page, errors, context } = await newShopper(browser, shop.url);
    const list = (await (await fetch(`${shop.url}/api/products?limit=50`)).json()) as { items: Listed[] };
    const [x, y] = list.items.filter((p) => p.stock >= 10);
    for (const p of [x!, y!]) {
      await page.goto(`/product/${p.itemId}`);
      await page.click('[data-testid="add-to-cart"]');
      await page.waitForSelector(`.toast`);
    }
    await page.goto('/cart');
    await page.waitForSelector('[data-testid="cart"] li.cart-line');
    await page.waitForSelector('[data-testid="cart-count"][data-count="2"]');
    const line = (id: string) => page.locator(`li.cart-line[data-item-id="${id}"]`);
    await line(x!.itemId).locator('button[aria-label^="Increase"]').click();
    await page.waitForSelector(`li.cart-line[data-item-id="${x!.itemId}"][data-qty="2"]`);
    await line(x!.itemId).locator('input.qty-input').fill('5');
    await line(x!.itemId).locator('input.qty-input').press('Enter');
    await page.waitForSelector(`li.cart-line[data-item-id="${x!.itemId}"][data-qty="5"]`);
    await page.waitForSelector('[data-testid="cart-count"][data-count="6"]');
    await line(y!.itemId).getByRole('button', { name: /^Remove/ }).click();
    await page.locator(`li.cart-line[data-item-id="${y!.itemId}"]`).waitFor({ state: 'detached' });
    assert.deepEqual(await probe(page, 'cartLines'), [[x!.itemId, 5]]);
    await line(x!.itemId).getByRole('button', { name: /^Remove/ }).click();
    await page.getByText('Your cart is empty.').waitFor();
    await page.waitForSelector('[data-testid="cart-count"][data-count="0"]');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
