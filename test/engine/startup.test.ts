import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { spawnEngine, startNats, tempDir, testEnv } from '../kit/index.js';

const MAIN = fileURLToPath(new URL('../../bin/shop-brain.js', import.meta.url));

/** Runs the engine expecting it to refuse to start; returns its exit code and output. */
function runToExit(env: Record<string, string>, timeoutMs = 30_000): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    const t = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`engine did not exit: ${out.slice(-2000)}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(t);
      resolve({ code, out });
    });
  });
}

describe('engine - start-up', () => {
  it('engine - refuses to start on uWebSockets.js\'s slow JS fallback unless ALLOW_UWS_FALLBACK=true', async () => {
    const nats = await startNats();
    try {
      const r = await runToExit({ ...testEnv(nats.url), UWS_USE_FALLBACK: '1' });
      assert.equal(r.code, 1);
      assert.match(r.out, /fell back to a slow pure-JS shim/);
      assert.match(r.out, /ALLOW_UWS_FALLBACK=true/);
      const e = await spawnEngine({ ...testEnv(nats.url), UWS_USE_FALLBACK: '1', ALLOW_UWS_FALLBACK: 'true' });
      assert.match(e.stderr(), /RUNNING SLOWLY/);
      const h = await fetch(`${e.url}/health`);
      assert.equal(h.status, 200);
      await e.stop();
    } finally {
      await nats.stop();
    }
  });

  it('engine - a bad configuration value stops start-up naming the variable', async () => {
    const r = await runToExit({ ...testEnv('nats://127.0.0.1:1'), SHARDS: 'lots' });
    assert.equal(r.code, 1);
    assert.match(r.out, /E_BAD_CONFIG/);
    assert.match(r.out, /SHARDS: expected an integer/);
  });

  it('engine - without nats-server and NATS_URL it says exactly what to install', async () => {
    const r = await runToExit({ ...testEnv(undefined), NATS_SERVER_BIN: '/nonexistent/nats-server' });
    assert.equal(r.code, 1);
    assert.match(r.out, /apt-get install -y nats-server/);
    assert.match(r.out, /NATS_URL/);
  });

  it('engine - CATALOG=file.csv imports the good rows and reports bad rows by line', async () => {
    const nats = await startNats();
    const file = join(tempDir('catalog'), 'shop.csv');
    writeFileSync(file, [
      'itemId,name,category,description,price,stock,brand',
      'p-1,Trail Runner,running-shoes,"Light, grippy trail shoe",89.90,12,Acme',
      'p-2,Road Runner,running-shoes,Cushioned road shoe,79.00,0,Acme',
      'p-3,Bad Price,running-shoes,oops,-5,3,Acme',
      'p-4,Espresso Beans,coffee,Dark roast,12.50,40,Bean Co',
    ].join('\n'));
    const env: Record<string, string> = { ...testEnv(nats.url), CATALOG: file };
    // An index left by an earlier catalog is pruned at start-up.
    const stale = join(env['DATA_DIR']!, 'index', 'stale-catalog-fingerprint');
    mkdirSync(stale, { recursive: true });
    const e = await spawnEngine(env);
    try {
      assert.equal(existsSync(stale), false, 'stale index directory removed');
      assert.equal(readdirSync(join(env['DATA_DIR']!, 'index')).length, 1, 'the current index is kept');
      assert.match(e.stderr(), /catalog rows rejected/);
      assert.match(e.stderr(), /line 4/);
      const r = (await (await fetch(`${e.url}/api/products?limit=10`)).json()) as { total: number; items: Array<{ itemId: string }> };
      assert.equal(r.total, 3);
      assert.deepEqual(r.items.map((p) => p.itemId).sort(), ['p-1', 'p-2', 'p-4']);
      const out = await fetch(`${e.url}/api/products/p-3`);
      assert.equal(out.status, 404);
    } finally {
      await e.stop();
      await nats.stop();
    }
  });
});
