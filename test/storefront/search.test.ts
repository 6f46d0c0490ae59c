/**
 * Search in Chromium against a real engine: a typo in the search box still finds the
 * product (and suggestions work from the keyboard), a facet narrows the list with the
 * count it showed, and a shopper who browsed a category sees its items ranked higher
 * for an ambiguous query than a new shopper does. axe-clean, no console errors.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { a11yAudit, browserSkip, launchBrowser, newShopper, screenshot, startShop, waitLive, type Shop } from './shop-kit.js';

const settled = (page: Page) => page.waitForSelector('main:not([aria-busy])');
const resultCount = async (page: Page) => Number((await page.getByTestId('result-count').first().innerText()).split(' ')[0]);

describe('storefront - search', { skip: browserSkip }, () => {
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

  it('storefront - a typo in the search box still finds the product; suggestions open from the keyboard', async () => {
    const target = [...shop.engine.services.catalog.values()].find((p) => p.category === 'headphones' && p.brand === 'Sennheiser')!;
    const { page, errors, context } = await newShopper(browser, shop.url);
    await page.goto('/');
    await waitLive(page);
    await page.locator('#search-q').click();
    await page.keyboard.type('sennhei');
    await page.waitForSelector('#search-suggest:not([hidden]) [role="option"]');
    assert.equal(await page.locator('#search-q').getAttribute('aria-expanded'), 'true');
    await screenshot(page, '60-search-suggest');
    assert.deepEqual(await a11yAudit(page), [], 'axe: suggestions open');
    await page.keyboard.press('ArrowDown');
    const active = await page.locator('#search-q').getAttribute('aria-activedescendant');
    assert.ok(active, 'an option is active');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#search-q').getAttribute('aria-expanded'), 'false');

    await page.locator('#search-q').fill('senheiser headphnes');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=senheiser/);
    await settled(page);
    const brands = await page.locator('main [data-testid="results"] .card-brand').allTextContents();
    assert.ok(brands.length > 0 && brands.slice(0, 5).every((b) => b === target.brand), `typos still find ${target.brand}: ${brands.slice(0, 5).join(', ')}`);
    assert.ok((await page.locator('main [data-testid="results"] .card-title mark').count()) > 0, 'matched words are highlighted');
    assert.match(await page.getByTestId('did-you-mean').innerText(), /sennheiser/);
    await screenshot(page, '61-search-typo', true);
    assert.deepEqual(await a11yAudit(page), [], 'axe: results page');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('storefront - a facet narrows the list to the count it showed', async () => {
    const { page, errors, context } = await newShopper(browser, shop.url);
    await page.goto('/search?q=wireless');
    await settled(page);
    const total = await resultCount(page);
    const link = page.locator('[data-testid="facet-brand"] a.facet-link').first();
    const brand = (await link.getAttribute('data-value'))!;
    const count = Number(await link.getAttribute('data-count'));
    assert.ok(count > 0 && count < total, `brand facet ${brand}: ${count} of ${total}`);
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/brand=/);
    await settled(page);
    assert.equal(await resultCount(page), count, 'the list has as many products as the facet said');
    const shown = await page.locator('main [data-testid="results"] .card-brand').allTextContents();
    assert.ok(shown.length > 0 && shown.every((b) => b === brand));
    assert.equal(await page.locator('[data-testid="facet-brand"] a[aria-current="true"]').getAttribute('data-value'), brand);
    // A second facet (price) narrows further with its own count.
    const price = page.locator('[data-testid="facet-price"] a.facet-link').first();
    const priceCount = Number(await price.getAttribute('data-count'));
    await price.click();
    await page.waitForURL(/minPrice=/);
    await settled(page);
    assert.equal(await resultCount(page), priceCount);
    await screenshot(page, '62-search-facets', true);
    await page.getByTestId('clear-filters').click();
    await page.waitForURL((u) => !u.searchParams.has('brand') && !u.searchParams.has('minPrice'));
    await settled(page);
    assert.equal(await resultCount(page), total, 'clearing the filters brings every result back');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('storefront - a shopper who browsed a category sees its items higher for an ambiguous query', async () => {
    const tablets = [...shop.engine.services.catalog.values()].filter((p) => p.category === 'tablets' && p.brand === 'Apple').slice(0, 5);
    const top = async (page: Page) => {
      await page.goto('/search?q=apple');
      await settled(page);
      return page.locator('main [data-testid="results"] li.card').evaluateAll((els) => els.slice(0, 12).map((e) => e.getAttribute('data-category')));
    };
    const fresh = await newShopper(browser, shop.url);
    const newcomer = await top(fresh.page);
    const regular = await newShopper(browser, shop.url);
    await regular.page.goto('/');
    await waitLive(regular.page);
    for (const p of tablets) {
      await regular.page.goto(`/product/${p.itemId}`);
      await regular.page.waitForSelector(`article.product[data-item-id="${p.itemId}"]`);
    }
    // The views travel over the socket; the search asks the user actor after its last acked event.
    await new Promise((r) => setTimeout(r, 300));
    const browsed = await top(regular.page);
    const n = (xs: Array<string | null>) => xs.filter((c) => c === 'tablets').length;
    assert.ok(n(browsed) > n(newcomer), `tablets in the top 12: ${n(browsed)} for the shopper who browsed tablets vs ${n(newcomer)} for a new one`);
    assert.ok((await regular.page.getByTestId('boost').allInnerTexts()).some((t) => /Tablets/.test(t)), 'the reason is shown');
    await screenshot(regular.page, '63-search-personal', true);
    assert.deepEqual([...fresh.errors, ...regular.errors], []);
    await fresh.context.close();
    await regular.context.close();
  });
});
