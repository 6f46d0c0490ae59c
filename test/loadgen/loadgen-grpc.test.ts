/**
 * The gRPC mode of loadgen against a real engine (in this process, from the test
 * kit; loadgen runs as its own process, as from the CLI): Track acks, pushes from
 * StreamRecommendations matched by causedBy, the lost check over GetProfile, and a
 * wrong API key as a typed failure.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../engine/index.js';
import { grpcUserId } from '../../loadgen/transport/index.js';
import { startNats, startTestEngine, testEnv, type TestNats } from '../kit/index.js';
import { LOADGEN, run, runLoadgen } from './cli.js';

// No API_KEY / DATA_DIR from the test's environment: the key comes from the flags only.
const loadgen = (args: string[]) => runLoadgen(['--protocol', 'grpc', ...args], { ...process.env, API_KEY: '', DATA_DIR: '/nonexistent-loadgen-test' });

describe('loadgen - gRPC mode against a real engine', () => {
  let nats: TestNats;
  let engine: Engine;
  let target: string;

  before(async () => {
    nats = await startNats();
    // No API_KEY: the engine generates one into DATA_DIR/api-key, which --engine-data reads.
    engine = await startTestEngine(testEnv(nats.url));
    target = `127.0.0.1:${engine.grpcPort}`;
  });
  after(async () => {
    await engine?.stop();
    await nats?.stop();
  });

  it('loadgen - gRPC shoppers get every Track acked and its push by causedBy, nothing lost (GetProfile)', async () => {
    const { stdout, json } = await loadgen(['--grpc-url', target, '--engine-data', engine.config.dataDir, '--shoppers', '20', '--rate', '60', '--duration', '3', '--settle', '500', '--grpc-channels', '2']);
    assert.match(stdout, /browse over gRPC against 127\.0\.0\.1:\d+/);
    assert.match(stdout, /event -> push/);
    assert.equal(json.protocol, 'grpc');
    assert.equal(json.connected, 20);
    assert.ok(json.sent >= 100, `sent ${json.sent}`);
    assert.equal(json.acked, json.sent, 'every event acked');
    assert.ok(json.pushes > 0, 'recs pushes came from StreamRecommendations');
    assert.equal(json.push_missing, 0, 'every pushing event got a push naming it (or a later event of the shopper)');
    assert.ok(json.push_ms.p50 > 0 && json.push_ms.p50 <= json.push_ms.p99 && json.push_ms.p99 <= json.push_ms.max);
    assert.ok(json.ack_ms.p50 > 0 && json.ack_ms.p50 <= json.ack_ms.p99);
    assert.ok(json.events_per_s > 40 && json.events_per_s < 80, `events/s ${json.events_per_s} near the target 60`);
    assert.equal(json.errors, 0, JSON.stringify(json.errors_by_code));
    assert.equal(json.unverified, 0, 'every profile was read over GetProfile');
    assert.equal(json.lost, 0);
    assert.equal(json.cart_mismatch, 0);
  });

  it('loadgen - flood over gRPC with the key given by --api-key loses nothing; user ids have the engine form', async () => {
    const key = readFileSync(join(engine.config.dataDir, 'api-key'), 'utf8').trim();
    const { json } = await loadgen(['--grpc-url', target, '--api-key', key, '--scenario', 'flood', '--shoppers', '4', '--inflight', '2', '--duration', '1.5']);
    assert.ok(json.acked > 20, `acked ${json.acked}`);
    assert.equal(json.errors, 0, JSON.stringify(json.errors_by_code));
    assert.equal(json.lost, 0);
    assert.match(grpcUserId('abc123', 0), /^u-[a-z0-9]{8,40}$/);
    assert.match(grpcUserId('abc123', 99_999), /^u-[a-z0-9]{8,40}$/);
  });

  it('loadgen - a wrong API key is E_UNAUTHENTICATED, exit 1, before any shopper starts', async () => {
    await assert.rejects(run(process.execPath, [LOADGEN, '--protocol', 'grpc', '--grpc-url', target, '--api-key', 'wrong-key-0123456789abcdef', '--duration', '1', '--quiet'], { timeout: 30_000 }), (err: { code: number; stderr: string }) => {
      assert.equal(err.code, 1);
      assert.match(err.stderr, /refused the API key .*\[E_UNAUTHENTICATED\]/);
      assert.match(err.stderr, /--api-key/);
      return true;
    });
  });

  it('loadgen - no gRPC server at --grpc-url is E_UNREACHABLE, exit 1', async () => {
    await assert.rejects(run(process.execPath, [LOADGEN, '--protocol', 'grpc', '--grpc-url', '127.0.0.1:9', '--api-key', 'any-key-0123456789abcdef', '--duration', '1', '--quiet'], { timeout: 30_000 }), (err: { code: number; stderr: string }) => {
      assert.equal(err.code, 1);
      assert.match(err.stderr, /E_UNREACHABLE/);
      assert.match(err.stderr, /--grpc-url/);
      return true;
    });
  });
});
