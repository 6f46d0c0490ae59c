/**
 * Sponsored products in Chromium against a real engine: a campaign's product appears
 * marked "Sponsored" in search results (within the ads' share of slots) and in the
 * "for you" strip; clicking it is one ad_click, charged once; once the product sells
 * out its ad is gone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { readLog } from '../kit/index.js';
import { API_KEY, eventually, grpcClient, setStock } from '../stock/stock-kit.js';
import { a11yAudit, browserSkip, launchBrowser, newShopper, screenshot, startShop, waitLive, type Shop } from './shop-kit.js';

const settled = (page: Page) => page.waitForSelector('main:not([aria-busy])');
const stats = async (url: string, id: string) => (await (await fetch(`${url}/api/admin/campaigns/${id}`, { headers: { 'x-api-key': API_KEY } })).json()) as { clicks: number; spend: number; impressions: number };

describe('storefront - sponsored products', { skip: browserSkip }, () => {
  let shop: Shop;
  let browser: Browser;

  before(async () => {
    shop = await startShop({ API_KEY, PROMO_DEFAULT_RULES: 'false', ADS_RESERVE_CENTS: '50' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await shop?.stop();
  });

  it('storefront - a sponsored result is labelled, a click on it is charged once, and a sold-out product\'s ad disappears', async () => {
    const products = [...shop.engine.services.catalog.values()];
    const item = products.find((p) => p.stock >= 10 && products.filter((q) => q.category === p.category).length >= 10)!;
    const word = item.name.split(/\s+/)[0]!;
    const created = await fetch(`${shop.url}/api/admin/campaigns`, {
      method: 'POST', headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'sf-camp', itemIds: [item.itemId], bidPerClick: 0.8, dailyBudget: 500, totalBudget: 500, categories: [item.category], queries: [word.toLowerCase()] }),
    });
    assert.equal(created.status, 200, await created.clone().text());

    const { page, errors, context } = await newShopper(browser, shop.url);
    await page.goto(`/search?q=${encodeURIComponent(word)}`);
    await waitLive(page);
    await settled(page);
    const cards = page.locator('main [data-testid="results"] li.card');
    const sponsored = page.locator('main [data-testid="results"] li.card[data-sponsored="true"]');
    const total = await cards.count();
    assert.ok(total >= 5, `results for ${word}: ${total}`);
    assert.equal(await sponsored.count(), 1, 'one sponsored result');
    assert.ok((await sponsored.count()) <= Math.floor(total * 0.2), 'never more than the ads\' share of slots');
    assert.equal(await sponsored.first().getAttribute('data-item-id'), item.itemId);
    assert.equal(await sponsored.first().getByTestId('sponsored').innerText(), 'Sponsored');
    assert.equal(await page.locator(`main [data-testid="results"] li.card[data-item-id="${item.itemId}"]`).count(), 1, 'the product is not listed twice');
    await screenshot(page, '80-search-sponsored', true);
    assert.deepEqual(await a11yAudit(page), [], 'axe: results with a sponsored entry');

    // One click: one ad_click on the log, one charge.
    await sponsored.first().locator('a.card-link').click();
    await page.waitForURL(/\/product\//);
    const s1 = await eventually(() => stats(shop.url, 'sf-camp'), (s) => s.clicks === 1, 'the click is charged', 15_000);
    assert.ok(s1.spend > 0 && s1.spend <= 0.8, `charged at most the bid: ${s1.spend}`);
    await page.waitForTimeout(800);
    const log = await readLog(shop.nats.url);
    assert.equal(log.filter((r) => r.event.kind === 'ad_click').length, 1, 'one ad_click');
    assert.equal(log.filter((r) => r.event.kind === 'ad_charged').length, 1, 'one charge');
    assert.equal((await stats(shop.url, 'sf-camp')).clicks, 1);

    // The "for you" strip carries it too, labelled.
    await page.goto('/');
    await page.waitForSelector('#for-you li.card, [aria-labelledby="for-you-h"] li.card', { timeout: 15_000 }).catch(() => undefined);
    const stripAd = page.locator('section.strip li.card[data-sponsored="true"]');
    await stripAd.first().waitFor({ timeout: 15_000 });
    assert.equal(await stripAd.first().getAttribute('data-item-id'), item.itemId);
    assert.equal(await stripAd.first().getByTestId('sponsored').innerText(), 'Sponsored');
    await screenshot(page, '81-strip-sponsored');

    // Sold out: the ad is gone from the next answer.
    const grpc = grpcClient(shop.engine.grpcPort);
    try {
      await setStock({ url: shop.url, grpc }, item.itemId, 0);
    } finally {
      grpc.close();
    }
    await page.goto(`/search?q=${encodeURIComponent(word)}`);
    await settled(page);
    assert.equal(await page.locator('main [data-testid="results"] li.card[data-sponsored="true"]').count(), 0, 'no ad for a sold-out product');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
