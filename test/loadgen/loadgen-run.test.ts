import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findSessionsFile } from '../../loadgen/index.js';
import { spawnEngine, startNats, testEnv, type EngineProcess, type TestNats } from '../kit/index.js';
import { LOADGEN, run, runLoadgen } from './cli.js';

const DATA = fileURLToPath(new URL('../../../../shared/data', import.meta.url));
const loadgen = (args: string[]) => runLoadgen(args);

describe('loadgen - a real run against a real engine', () => {
  let nats: TestNats;
  let engine: EngineProcess;

  before(async () => {
    nats = await startNats();
    engine = await spawnEngine(testEnv(nats.url));
  });
  after(async () => {
    await engine?.stop();
    await nats?.stop();
  });

  it('loadgen - browse shoppers get every event acked and pushed, nothing lost, JSON summary last', async () => {
    const { stdout, json } = await loadgen(['--url', engine.url, '--shoppers', '20', '--rate', '60', '--duration', '3', '--settle', '500']);
    assert.match(stdout, /event -> push/);
    for (const k of ['events_per_s', 'errors', 'lost', 'sent', 'acked', 'pushes']) assert.equal(typeof (json as unknown as Record<string, unknown>)[k], 'number', k);
    for (const k of ['p50', 'p99'] as const) assert.equal(typeof json.ack_ms[k], 'number');
    for (const k of ['p50', 'p95', 'p99', 'max'] as const) assert.equal(typeof json.push_ms[k], 'number');
    assert.ok(json.sent >= 100, `sent ${json.sent}`);
    assert.equal(json.acked, json.sent, 'every event acked');
    assert.ok(json.pushes > 0, 'recs pushes were counted');
    assert.equal(json.push_missing, 0);
    assert.ok(json.push_ms.p50 > 0 && json.push_ms.p50 <= json.push_ms.p99 && json.push_ms.p99 <= json.push_ms.max);
    assert.ok(json.ack_ms.p50 > 0 && json.ack_ms.p50 <= json.ack_ms.p99);
    assert.ok(json.events_per_s > 40 && json.events_per_s < 80, `events/s ${json.events_per_s} near the target 60`);
    assert.equal(json.errors, 0, JSON.stringify(json.errors_by_code));
    assert.equal(json.lost, 0);
    assert.equal(json.cart_mismatch, 0);
  });

  it('loadgen - flood keeps events in flight and still loses nothing', async () => {
    const { json } = await loadgen(['--url', engine.url, '--scenario', 'flood', '--shoppers', '4', '--inflight', '2', '--duration', '2']);
    assert.ok(json.acked > 50, `acked ${json.acked}`);
    assert.equal(json.lost, 0);
  });

  it('loadgen - replay maps real sessions onto the catalog (skipped without ../shared/data)', async (t) => {
    if (!findSessionsFile(DATA)) return t.skip(`no session data under ${DATA}`);
    const { json } = await loadgen(['--url', engine.url, '--scenario', 'replay', '--data', DATA, '--shoppers', '10', '--rate', '40', '--duration', '2']);
    assert.ok(json.acked > 40);
    assert.ok(json.pushes > 0, 'views produce pushes');
    assert.equal(json.errors, 0, JSON.stringify(json.errors_by_code));
    assert.equal(json.lost, 0);
  });

  it('loadgen - replay without session data is skipped cleanly, exit 0', async () => {
    const { stdout, stderr } = await run(process.execPath, [LOADGEN, '--url', engine.url, '--scenario', 'replay', '--data', '/nonexistent-data', '--json', '--quiet'], { timeout: 30_000 });
    assert.match(stderr, /replay skipped: no train_sessions\.tsv under \/nonexistent-data/);
    assert.deepEqual(Object.keys(JSON.parse(stdout.trim().split('\n').pop()!) as object), ['skipped', 'reason']);
  });

  it('loadgen - an engine that is not there is a clear failure, exit 1', async () => {
    await assert.rejects(run(process.execPath, [LOADGEN, '--url', 'http://127.0.0.1:9', '--duration', '1', '--quiet'], { timeout: 30_000 }), (err: { code: number; stderr: string }) => {
      assert.equal(err.code, 1);
      assert.match(err.stderr, /E_UNREACHABLE/);
      assert.match(err.stderr, /--url/);
      return true;
    });
  });
});
