/**
 * Test kit for the storefront: a real engine with the storefront mounted, a real
 * headless Chromium (Debian's, driven by playwright-core), console-error capture,
 * screenshots under test-artifacts/storefront/, and an axe-core accessibility audit run in
 * the page.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startEngine, loadConfig, type Engine } from '../../engine/index.js';
import { createLogger } from '../../engine/observability/index.js';
import { mountDashboard } from '../../dashboard/index.js';
import { mountStorefront } from '../../storefront/index.js';
import { startNats, testEnv, type TestNats } from '../kit/index.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** `describe(..., { skip: browserSkip })`: false when Chromium is installed, else the reason. */
export const browserSkip: string | false = existsSync(CHROMIUM_PATH)
  ? false
  : `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium); browser tests skipped`;

export const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'storefront');

export interface Shop {
  nats: TestNats;
  engine: Engine;
  url: string;
  stop(): Promise<void>;
}

/** nats-server + engine (with the storefront) on free ports, temp data. */
export async function startShop(extraEnv: Record<string, string> = {}): Promise<Shop> {
  const nats = await startNats();
  const env = testEnv(nats.url, extraEnv);
  const log = createLogger('warn');
  let engine: Engine;
  try {
    engine = await startEngine(loadConfig(env), {
      log, mountSite: (app) => {
        mountDashboard(app, { log: log.child('dashboard') });
        mountStorefront(app, { log: log.child('storefront') });
      },
    });
  } catch (err) {
    await nats.stop();
    throw err;
  }
  return {
    nats, engine, url: engine.url,
    stop: async () => {
      await engine.stop();
      await nats.stop();
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function newShopper(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, reducedMotion: 'no-preference' });
  await context.addInitScript({ content: probeScript() });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return { context, page, errors };
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  // Let entry animations finish so the picture shows the settled page.
  await page.waitForTimeout(450);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Waits until the page's live socket said hello. */
export async function waitLive(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForSelector('[data-testid="connection"][data-state="live"]', { timeout });
}

export async function sessionOf(page: Page): Promise<{ userId: string; token: string }> {
  const s = await probe<{ userId: string; token: string } | undefined>(page, 'session');
  if (!s) throw new Error('no session in localStorage');
  return s;
}

export async function apiAs<T>(baseUrl: string, token: string, path: string): Promise<T> {
  const r = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/** A category whose first `n` listed products are all in stock, with their ids in listing order. */
export async function categoryWithStock(baseUrl: string, n: number, not: string[] = []): Promise<{ category: string; itemIds: string[] }> {
  const { categories } = (await (await fetch(`${baseUrl}/api/categories`)).json()) as { categories: Array<{ category: string; count: number }> };
  for (const { category } of categories) {
    if (not.includes(category)) continue;
    const list = (await (await fetch(`${baseUrl}/api/products?category=${category}&limit=${n}`)).json()) as { items: Array<{ itemId: string; stock: number }> };
    if (list.items.length === n && list.items.every((p) => p.stock >= 5)) return { category, itemIds: list.items.map((p) => p.itemId) };
  }
  throw new Error(`no category has ${n} products in stock`);
}

/** One axe-core violation on one element: the rule, where, and what axe says is wrong. */
export interface A11yProblem {
  /** axe rule id, e.g. color-contrast, button-name, image-alt. */
  kind: string;
  impact: string | null;
  /** CSS selector of the element. */
  what: string;
  detail: string;
}

let probeSource: string | undefined;

/** storefront/client/testing/probes.ts bundled once as the page global `__shop`. */
function probeScript(): string {
  if (probeSource) return probeSource;
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild') as { buildSync(o: Record<string, unknown>): { outputFiles: Array<{ text: string }> } };
  const entry = fileURLToPath(new URL('../../../storefront/client/testing/probes.ts', import.meta.url));
  const out = esbuild.buildSync({ entryPoints: [entry], bundle: true, format: 'iife', globalName: '__shop', footer: { js: 'globalThis.__shop = __shop;' }, write: false, target: 'chrome100' });
  probeSource = out.outputFiles[0]!.text;
  return probeSource;
}

/** Calls a probe inside the page: `probe(page, 'cartLines')`, `probe(page, 'orderItems', id)`. */
export function probe<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(`__shop.${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`) as Promise<T>;
}

/**
 * Waits until a probe returns something truthy. Polls from here (page.waitForFunction
 * with a string would need 'unsafe-eval', which the shop's CSP rightly forbids).
 */
export async function waitForProbe(page: Page, name: string, args: unknown[], timeout = 5000, everyMs = 15): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await probe<unknown>(page, name, ...args)) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface StripCard {
  itemId: string;
  category: string;
  reason: string;
}

/** WCAG 2.x A and AA, the level shops are held to (EN 301 549, ADA settlements). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let axeSource: string | undefined;

/**
 * axe-core's WCAG A/AA rules over the page as it is now (names, alt text, contrast,
 * ARIA, landmarks, forms...). axe is evaluated into the page on first use, outside
 * the shop's CSP, so the shipped bundle never carries it.
 */
export async function a11yAudit(page: Page): Promise<A11yProblem[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate('typeof globalThis.axe === "object"'))) await page.evaluate(axeSource);
  // Judge the page at rest: mid-fade text would fail contrast it does not have (infinite pulses are skipped).
  await page.evaluate(`Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => {})))`);
  const script = `globalThis.axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} }, resultTypes: ['violations'] })
    .then((r) => r.violations.flatMap((v) => v.nodes.map((n) => ({ kind: v.id, impact: n.impact ?? v.impact ?? null, what: n.target.join(' '), detail: n.failureSummary ?? v.help }))))`;
  return (await page.evaluate(script)) as A11yProblem[];
}
