/**
 * The operator dashboard in a real Chromium against a real engine: login with the API
 * key, live tiles under a real loadgen run (a purchase shows within a second), every
 * panel drawn, no console errors, axe WCAG A/AA clean, and the session ending cleanly.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { a11yAudit, browserSkip, launchBrowser, startShop, type Shop } from '../storefront/shop-kit.js';

const KEY = 'dashboard-browser-key-0123456789';
const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'dashboard');
const LOADGEN = fileURLToPath(new URL('../../loadgen/main.js', import.meta.url));

describe('dashboard - browser code', () => {
  it('dashboard - dashboard/client type-checks under its strict tsconfig', () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const project = fileURLToPath(new URL('../../../dashboard/client/tsconfig.json', import.meta.url));
    const r = spawnSync(process.execPath, [tsc, '-p', project, '--noEmit'], { encoding: 'utf8' });
    assert.equal(r.status, 0, `tsc reported:\n${r.stdout}${r.stderr}`);
  });
});

describe('dashboard - in Chromium with loadgen running', { skip: browserSkip }, () => {
  let shop: Shop;
  let browser: Browser;
  let page: Page;
  let loadgen: ChildProcess | undefined;
  const errors: string[] = [];
  before(async () => {
    shop = await startShop({ API_KEY: KEY });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    loadgen?.kill('SIGKILL');
    await browser?.close();
    await shop?.stop();
  });

  it('dashboard - no access without the key; a wrong key is refused with a message', async () => {
    const r = await fetch(`${shop.url}/admin`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.equal((await fetch(`${shop.url}/admin/assets/nope.js`)).status, 404);
    await page.goto(`${shop.url}/admin`);
    await page.waitForSelector('[data-testid="login"]');
    assert.deepEqual(await a11yAudit(page), [], 'the login page passes axe');
    await page.fill('[data-testid="api-key"]', 'wrong-key-0123456789-wrong');
    await page.click('[data-testid="login"] button[type="submit"]');
    await page.waitForFunction('document.querySelector("[data-testid=login-error]")?.textContent.length > 0');
    assert.match(await page.textContent('[data-testid="login-error"]') ?? '', /not accepted/);
    assert.equal(await page.$('[data-testid="kpi-orders"]'), null, 'nothing of the dashboard is shown');
    assert.equal(await page.evaluate('sessionStorage.length'), 0);
    // The refused login is the one console error this page may have.
    assert.ok(errors.every((e) => /401/.test(e)), errors.join('\n'));
    errors.length = 0;
  });

  it('dashboard - live tiles follow a loadgen run; each purchase shows within a second; every panel drawn', async () => {
    await page.fill('[data-testid="api-key"]', KEY);
    await page.click('[data-testid="login"] button[type="submit"]');
    await page.waitForSelector('[data-testid="connection"][data-state="live"]', { timeout: 10_000 });
    await page.waitForSelector('[data-testid="kpi-orders"][data-value]');
    const stored = String(await page.evaluate('JSON.stringify(sessionStorage)'));
    assert.ok(!stored.includes(KEY), 'the browser keeps the session token, never the key');
    const ordersBefore = Number(await page.getAttribute('[data-testid="kpi-orders"]', 'data-value'));

    loadgen = spawn(process.execPath, [LOADGEN, '--url', shop.url, '--shoppers', '60', '--rate', '150', '--duration', '12', '--quiet', '--skip-verify'], { stdio: 'ignore' });
    const loadgenDone = new Promise<number | null>((r) => loadgen!.once('exit', (code) => r(code)));

    // Our own purchases, timed: checkout answered -> the page shows a summary that includes its log position.
    const item = [...shop.engine.services.catalog.values()].find((p) => p.stock >= 50)!;
    const session = (await (await fetch(`${shop.url}/api/session`, { method: 'POST' })).json()) as { token: string };
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 1200));
      const res = await fetch(`${shop.url}/api/checkout`, {
        method: 'POST', headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ lines: [{ itemId: item.itemId, qty: 1 }] }),
      });
      assert.equal(res.status, 200, await res.clone().text());
      const { seq } = (await res.json()) as { seq: number };
      const t0 = Date.now();
      // Polled from here (the page's CSP forbids evaluated predicates): about 10 ms of resolution.
      for (;;) {
        if (Number(await page.getAttribute('[data-testid="lag"]', 'data-applied-seq')) >= seq) break;
        assert.ok(Date.now() - t0 < 5000, `log #${seq} not on the dashboard after 5 s`);
        await new Promise((r) => setTimeout(r, 5));
      }
      latencies.push(Date.now() - t0);
    }
    assert.equal(await loadgenDone, 0, 'loadgen ran to the end');
    const ordersAfter = Number(await page.getAttribute('[data-testid="kpi-orders"]', 'data-value'));
    assert.ok(ordersAfter >= ordersBefore + 5, `orders tile ${ordersBefore} -> ${ordersAfter}`);
    assert.ok(Math.max(...latencies) < 1000, `checkout -> tiles: ${latencies.join(', ')} ms`);
    process.stdout.write(`# checkout -> dashboard tiles: ${latencies.join(', ')} ms (under loadgen at 150 ev/s)\n`);

    // The chart, the hot lists and every report panel are drawn.
    await page.waitForSelector('[data-testid="minutes"] .chart[data-drawn="true"] canvas');
    assert.ok(Number(await page.getAttribute('[data-testid="kpi-sessions"]', 'data-value')) > 0);
    assert.ok((await page.$$('[data-testid="hot-products"] li')).length >= 3);
    // the intent panel reports the live model (none yet this early: it says how many sessions it has)
    assert.match(await page.locator('[data-testid="intent-facts"]').innerText(), /Model[\s\S]*(v\d+|none yet)[\s\S]*Prequential ROC-AUC/);
    for (const id of ['funnel', 'segments', 'cohorts', 'abc', 'clv']) await page.waitForSelector(`[data-testid="${id}"][data-loaded]`, { timeout: 10_000 });
    await page.reload();
    await page.waitForSelector('[data-testid="kpi-orders"][data-value]', { timeout: 10_000 });
    for (const id of ['funnel', 'abc']) await page.waitForSelector(`[data-testid="${id}"][data-loaded]`, { timeout: 10_000 });
    assert.ok(Number((await page.textContent('[data-testid="funnel-purchases"] .bar-value'))?.replace(/[^\d].*$/, '')) > 0, 'the funnel counts purchases');
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-live.png'), fullPage: true });
    assert.deepEqual(await a11yAudit(page), [], 'the dashboard passes axe');
    assert.deepEqual(errors, []);
    // On a phone the page never scrolls sideways: wide tables scroll inside their panels.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate('document.documentElement.scrollWidth'), 390, 'no horizontal page scroll at 390 px');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1400, height: 1000 });
  });

  it('dashboard - a session that ends (forged or logged out) goes back to the login', async () => {
    await page.evaluate(`sessionStorage.setItem('shop-brain.operator', JSON.stringify({ token: 'op1.9999999999.AAAAAAAAAAAAAAAA.' + 'A'.repeat(43), expiresAt: Date.now() + 3600000 }))`);
    await page.reload();
    await page.waitForSelector('[data-testid="login"]', { timeout: 10_000 });
    assert.match(await page.textContent('[data-testid="login-error"]') ?? '', /session ended/);
    await page.fill('[data-testid="api-key"]', KEY);
    await page.click('[data-testid="login"] button[type="submit"]');
    await page.waitForSelector('[data-testid="connection"][data-state="live"]');
    await page.click('[data-testid="logout"]');
    await page.waitForSelector('[data-testid="login"]');
    assert.equal(await page.evaluate('sessionStorage.length'), 0);
  });
});
