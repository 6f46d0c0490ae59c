/**
 * DATA_DIR on a small tmpfs that fills up: events are refused with E_STORAGE_FULL
 * (507 over HTTP, a typed error on the socket), /health and /metrics say so, and
 * once space is freed the same engine accepts events again; nothing acked is lost.
 * Needs root (mount); skipped elsewhere.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../engine/index.js';
import { fetchMetrics, Shopper, startTestEngine, tempDir, testEnv } from '../kit/index.js';
import { assertAckedInLog, waitHealth } from './log-faults-kit.js';

const MB = 1024 * 1024;
const canMount = typeof process.getuid === 'function' && process.getuid() === 0;

describe('log - the disk under DATA_DIR fills up', { skip: canMount ? false : 'needs root to mount a tmpfs' }, () => {
  let mnt: string;
  let engine: Engine;
  before(async () => {
    mnt = tempDir('tmpfs');
    const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=128m', 'tmpfs', mnt], { encoding: 'utf8' });
    assert.equal(m.status, 0, `mount: ${m.stderr}`);
    const dataDir = join(mnt, 'data');
    mkdirSync(dataDir);
    engine = await startTestEngine(testEnv(undefined, { DATA_DIR: dataDir, DISK_MIN_FREE_MB: '16' }));
  });
  after(async () => {
    await engine?.stop();
    if (mnt) spawnSync('umount', ['-l', mnt]);
  });

  it('log - a full disk refuses events with E_STORAGE_FULL, /health says so, and events resume once space is freed', async () => {
    const item = engine.services.catalog.values().next().value!.itemId;
    const s = await Shopper.connect(engine.url);
    const acked = new Map<string, Set<string>>([[s.userId, new Set()]]);
    const track = async (id: string) => {
      await s.track({ id, kind: 'view', itemId: item }, 10_000);
      acked.get(s.userId)!.add(id);
    };
    for (let i = 0; i < 20; i++) await track(`before-${i}`);

    // Leave 8 MB free: under the 16 MB low-water mark.
    const ballast = join(mnt, 'ballast');
    const st = statfsSync(mnt);
    const free = Number(st.bavail) * Number(st.bsize);
    writeFileSync(ballast, Buffer.alloc(Math.max(0, free - 8 * MB)));
    const full = await waitHealth(engine.url, (h) => h.status === 503, 5000, 'with the disk nearly full');
    assert.equal(full.body.storageFull, true);
    assert.match(await fetchMetrics(engine), /^shop_storage_full 1$/m);

    await assert.rejects(track('while-full-ws'), (err: { code?: string }) => err.code === 'E_STORAGE_FULL');
    const r = await fetch(`${engine.url}/api/events`, {
      method: 'POST', headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'while-full-http', kind: 'view', itemId: item }),
    });
    assert.equal(r.status, 507);
    assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'E_STORAGE_FULL');

    rmSync(ballast);
    await waitHealth(engine.url, (h) => h.status === 200, 10_000, 'after freeing space');
    assert.match(await fetchMetrics(engine), /^shop_storage_full 0$/m);
    for (let i = 0; i < 20; i++) await track(`after-${i}`);
    await s.waitFor((m) => m.type === 'recs' && m['causedBy'] === 'after-19', 10_000);
    s.close();
    assert.equal(await assertAckedInLog(engine.natsUrl, acked), 40);
  });
});
