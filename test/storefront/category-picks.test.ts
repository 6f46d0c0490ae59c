/**
 * "Categories for you" on the home page follows the shopper live: views in a
 * category (in another tab of the same session) move it to the front of the home
 * page that stays open, pushed by the engine, without a reload.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { a11yAudit, browserSkip, categoryWithStock, launchBrowser, newShopper, screenshot, startShop, waitLive, type Shop } from './shop-kit.js';

describe('storefront - categories for you', { skip: browserSkip }, () => {
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

  it('storefront - the home page\'s "Categories for you" changes after views in a category, without reload', async () => {
    const { page, errors, context } = await newShopper(browser, shop.url);
    await page.goto('/');
    await waitLive(page);
    const tiles = page.getByTestId('category-picks').locator('a[data-category]');
    await tiles.first().waitFor();
    const before = await tiles.evaluateAll((els) => els.map((e) => e.getAttribute('data-category')));
    assert.ok(before.length >= 1, 'a new shopper sees the shop\'s best categories');
    await page.evaluate('window.__noReload = true');

    const target = await categoryWithStock(shop.url, 3, before.filter((c): c is string => !!c));
    const other = await context.newPage();
    for (const id of target.itemIds) {
      await other.goto(`/product/${id}`);
      await other.waitForSelector(`article.product[data-item-id="${id}"][data-view-event-id]`);
    }
    await page.waitForFunction(`document.querySelector('[data-testid="category-picks"] a[data-category]')?.getAttribute('data-category') === ${JSON.stringify(target.category)}`, undefined, { timeout: 10_000 });
    assert.equal(await page.evaluate('window.__noReload'), true, 'the same page, not a reload');
    const first = page.getByTestId('category-picks').locator('a[data-category]').first();
    assert.match(await first.innerText(), /Because you looked/);
    await screenshot(page, 'home-category-picks', true);
    assert.deepEqual(await a11yAudit(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
