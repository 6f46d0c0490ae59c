import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { us_listen_socket } from 'uWebSockets.js';
import { loadUws } from '../../engine/gateway/index.js';
import { createLogger } from '../../engine/observability/index.js';
import { mountStorefront, PAGE_ROUTES } from '../../storefront/index.js';
import { encodeAll, pickEncoding } from '../../storefront/server/compress.js';
import { CATEGORY_SLUG, placeholderSvg } from '../../storefront/server/placeholders.js';

/** Budgets for what a first visit downloads (brotli). */
const JS_BR_BUDGET = 16 * 1024;
const CSS_BR_BUDGET = 8 * 1024;

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const h = (r: Raw, name: string) => String(r.headers[name] ?? '');

describe('storefront - static files over uWS', () => {
  const loaded = loadUws();
  let sock: us_listen_socket | undefined;
  let port = 0;
  let js = '';
  let css = '';

  before(async () => {
    const app = loaded.uws.App();
    mountStorefront(app, { log: createLogger('warn') });
    await new Promise<void>((resolve, reject) => app.listen('127.0.0.1', 0, (s) => {
      if (!s) return reject(new Error('listen failed'));
      sock = s;
      port = loaded.uws.us_socket_local_port(s);
      resolve();
    }));
    const shell = (await get(port, '/')).body.toString();
    js = /<script type="module" src="([^"]+)"/.exec(shell)?.[1] ?? '';
    css = /<link rel="stylesheet" href="([^"]+)"/.exec(shell)?.[1] ?? '';
  });
  after(() => {
    if (sock) loaded.uws.us_listen_socket_close(sock);
  });

  it('storefront - every page route of contract v1 serves the shell, revalidated, with a CSP', async () => {
    for (const route of PAGE_ROUTES) {
      const path = route.replace('*', 'x-1');
      const r = await get(port, path);
      assert.equal(r.status, 200, path);
      assert.match(h(r, 'content-type'), /^text\/html/);
      assert.equal(h(r, 'cache-control'), 'no-cache');
      assert.match(h(r, 'etag'), /^"[\w-]+"$/);
      assert.match(h(r, 'content-security-policy'), /script-src 'self'/);
      assert.match(r.body.toString(), /<main id="main"/);
    }
    const missing = await get(port, '/no/such/page');
    assert.equal(missing.status, 404, 'unknown paths get the shell with 404 (the page says "not found")');
    assert.match(missing.body.toString(), /<main id="main"/);
  });

  it('storefront - If-None-Match answers 304 without a body', async () => {
    const first = await get(port, '/', { 'accept-encoding': 'br' });
    const again = await get(port, '/', { 'accept-encoding': 'br', 'if-none-match': h(first, 'etag') });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(h(again, 'etag'), h(first, 'etag'));
    const other = await get(port, '/', { 'if-none-match': '"something-else"' });
    assert.equal(other.status, 200);
    const asset = await get(port, js);
    assert.equal((await get(port, js, { 'if-none-match': `W/${h(asset, 'etag')}` })).status, 304, 'weak comparison');
  });

  it('storefront - brotli, then gzip, then identity by Accept-Encoding; each decodes to the same bytes', async () => {
    const plain = await get(port, js);
    assert.equal(h(plain, 'content-encoding'), '');
    const br = await get(port, js, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(h(br, 'content-encoding'), 'br');
    assert.deepEqual(brotliDecompressSync(br.body), plain.body);
    const gz = await get(port, js, { 'accept-encoding': 'gzip' });
    assert.equal(h(gz, 'content-encoding'), 'gzip');
    assert.deepEqual(gunzipSync(gz.body), plain.body);
    assert.equal(h(br, 'vary'), 'accept-encoding');
    assert.notEqual(h(br, 'etag'), h(gz, 'etag'), 'each representation has its own strong ETag');
    assert.equal(h(await get(port, js, { 'accept-encoding': 'br;q=0, gzip' }), 'content-encoding'), 'gzip', 'q=0 refuses an encoding');
  });

  it('storefront - hashed assets are cached for a year; the bundle stays small', async () => {
    assert.match(js, /^\/assets\/app\.[\w-]{10}\.js$/);
    assert.match(css, /^\/assets\/styles\.[\w-]{10}\.css$/);
    for (const path of [js, css]) {
      const r = await get(port, path, { 'accept-encoding': 'br' });
      assert.equal(r.status, 200);
      assert.equal(h(r, 'cache-control'), 'public, max-age=31536000, immutable');
      assert.equal(h(r, 'x-content-type-options'), 'nosniff');
    }
    const jsBr = (await get(port, js, { 'accept-encoding': 'br' })).body.length;
    const cssBr = (await get(port, css, { 'accept-encoding': 'br' })).body.length;
    assert.ok(jsBr <= JS_BR_BUDGET, `script ${jsBr} B brotli (budget ${JS_BR_BUDGET})`);
    assert.ok(cssBr <= CSS_BR_BUDGET, `styles ${cssBr} B brotli (budget ${CSS_BR_BUDGET})`);
    assert.doesNotMatch((await get(port, js)).body.toString(), /__shop|a11y|audit\(/, 'test probes are not in the shipped bundle');
    assert.equal((await get(port, '/assets/app.0000000000.js')).status, 404);
  });

  it('storefront - a picture per category, generated, cached for a day; bad names are 404', async () => {
    const r = await get(port, '/assets/img/coffee.svg', { 'accept-encoding': 'br' });
    assert.equal(r.status, 200);
    assert.equal(h(r, 'content-type'), 'image/svg+xml');
    assert.equal(h(r, 'cache-control'), 'public, max-age=86400');
    assert.match(brotliDecompressSync(r.body).toString(), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.equal((await get(port, '/assets/img/any-new-category.svg')).status, 200, 'unknown categories get a generic picture');
    assert.equal((await get(port, '/assets/img/..%2Fetc.svg')).status, 404);
    assert.equal((await get(port, '/assets/img/UPPER.svg')).status, 404);
    assert.notEqual(placeholderSvg('coffee'), placeholderSvg('tea'));
    assert.ok(CATEGORY_SLUG.test('running-shoes') && !CATEGORY_SLUG.test('a/b'));
  });

  it('storefront - pickEncoding follows q-values and what is available', () => {
    const all = encodeAll(Buffer.from('x'.repeat(2000)), true);
    assert.equal(pickEncoding('', all), 'identity');
    assert.equal(pickEncoding('gzip, br', all), 'br');
    assert.equal(pickEncoding('br;q=0, gzip;q=0.5', all), 'gzip');
    assert.equal(pickEncoding('*', all), 'br');
    assert.equal(pickEncoding('*;q=0', all), 'identity');
    assert.equal(pickEncoding('identity', all), 'identity');
    const tiny = encodeAll(Buffer.from('tiny'), true);
    assert.equal(pickEncoding('br', tiny), 'identity', 'tiny bodies are not compressed');
    assert.equal(pickEncoding('br', encodeAll(Buffer.alloc(5000), false)), 'identity', 'incompressible types are sent as is');
  });
});
