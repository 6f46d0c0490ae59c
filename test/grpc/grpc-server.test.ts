/**
 * GrpcServer seen from a grpc-js client using the generated TypeScript types (the
 * README's example), plus what the Python interop test cannot see from outside:
 * the API key file, option checks, TrackBatch flow control, and the stop lifecycle.
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { createRequire } from 'node:module';
import type { Engine } from '../../engine/index.js';
import { EngineError } from '../../engine/errors/index.js';
import { API_KEY_FILE, GrpcServer, loadEngineProto, resolveApiKey } from '../../engine/grpc/index.js';
import type { ProtoGrpcType } from '../../protos/gen/engine/engine.js';
import type { Ack__Output } from '../../protos/gen/engine/shop/v1/Ack.js';
import type { EngineClient } from '../../protos/gen/engine/shop/v1/Engine.js';
import type { Recommendations__Output } from '../../protos/gen/engine/shop/v1/Recommendations.js';
import { startNats, startTestEngine, tempDir, testEnv, type TestNats } from '../kit/index.js';

const KEY = 'node-client-test-key-0123456789';

function client(port: number): EngineClient {
  const proto = grpc.loadPackageDefinition(loadEngineProto().packageDefinition) as unknown as ProtoGrpcType;
  return new proto.shop.v1.Engine(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}

function withKey(): grpc.Metadata {
  const m = new grpc.Metadata();
  m.set('x-api-key', KEY);
  return m;
}

describe('grpc - api key', () => {
  it('grpc - the key comes from API_KEY, else it is generated once into DATA_DIR/api-key (mode 0600)', () => {
    const dir = tempDir('apikey');
    assert.equal(resolveApiKey('configured-key-0123456789', dir), 'configured-key-0123456789');
    const k = resolveApiKey(undefined, dir);
    assert.match(k, /^[0-9a-f]{64}$/);
    const file = join(dir, API_KEY_FILE);
    assert.equal(readFileSync(file, 'utf8').trim(), k);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(resolveApiKey(undefined, dir), k, 'the same key after a restart');
    assert.throws(() => resolveApiKey('short', dir), { code: 'E_BAD_CONFIG', field: 'API_KEY' });
  });
});

describe('grpc - server', () => {
  let nats: TestNats;
  let engine: Engine;
  let server: GrpcServer;
  let port: number;
  let c: EngineClient;
  let itemIds: string[];

  before(async () => {
    nats = await startNats();
    engine = await startTestEngine(testEnv(nats.url));
    itemIds = [...engine.services.catalog.values()].slice(0, 10).map((p) => p.itemId);
    server = new GrpcServer(engine.services, { auth: { apiKey: KEY }, host: '127.0.0.1', batchWindow: 2, maxBatchEvents: 3 });
    port = await server.start(0);
    c = client(port);
  });
  after(async () => {
    c?.close();
    await server?.stop();
    await engine?.stop();
    await nats?.stop();
  });

  it('grpc - options are checked when the server is constructed, naming the option', () => {
    assert.throws(() => new GrpcServer(engine.services, { auth: { apiKey: KEY }, maxInFlight: 0 }), /options\.maxInFlight/);
    assert.throws(() => new GrpcServer(engine.services, { auth: { apiKey: 'short' } }), /options\.auth\.apiKey/);
    assert.throws(() => new GrpcServer(engine.services, {} as never), /options\.auth/);
  });

  it('grpc - a TypeScript client with the generated types tracks an event and reads it back', async () => {
    const userId = engine.services.sessions.create().userId;
    const ack = await new Promise<Ack__Output>((resolve, reject) =>
      c.Track({ userId, kind: 'VIEW', itemId: itemIds[0]!, id: 'ts-1' }, withKey(), { deadline: Date.now() + 5000 }, (err, res) => (err ? reject(err) : resolve(res!))));
    assert.equal(ack.id, 'ts-1');
    assert.ok(ack.seq > 0);
    const recs = await new Promise<Recommendations__Output>((resolve, reject) =>
      c.Recommend({ userId, k: 3 }, withKey(), (err, res) => (err ? reject(err) : resolve(res!))));
    assert.ok(recs.items.length > 0 && recs.items.length <= 3);
    assert.ok(!recs.items.some((i) => i.itemId === ''));
  });

  it('grpc - a backend may record a purchase; a non-finite price (NaN, Infinity) is refused naming the field', async () => {
    const userId = engine.services.sessions.create().userId;
    const stocked = [...engine.services.catalog.values()].find((p) => p.stock > 2)!.itemId;
    const track = (e: Record<string, unknown>) => new Promise<Ack__Output>((resolve, reject) =>
      c.Track({ userId, ...e }, withKey(), { deadline: Date.now() + 5000 }, (err, res) => (err ? reject(err) : resolve(res!))));
    for (const price of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1]) {
      await assert.rejects(track({ kind: 'PURCHASE', itemId: stocked, id: `nan-${String(price)}`, qty: 1, price }), (err: grpc.ServiceError) => {
        assert.equal(err.code, grpc.status.INVALID_ARGUMENT, String(price));
        assert.match(err.details, /price/);
        return true;
      });
    }
    await assert.rejects(track({ kind: 'VIEW', itemId: itemIds[0]!, id: 'nan-view', price: Number.NaN }), (err: grpc.ServiceError) => err.code === grpc.status.INVALID_ARGUMENT);
    const ack = await track({ kind: 'PURCHASE', itemId: stocked, id: 'backend-buy-1', qty: 1, price: 12.5 });
    assert.ok(ack.seq > 0, 'a purchase from a backend with the key is taken');
  });

  it('grpc - TrackBatch never has more events in flight than its window and budget, and acks all in order', async () => {
    const svc = engine.services;
    const tracking = svc.tracking;
    let now = 0;
    let most = 0;
    const original = tracking.track;
    tracking.track = async (e) => {
      most = Math.max(most, ++now);
      try {
        return await original.call(tracking, e);
      } finally {
        now--;
      }
    };
    try {
      const userId = svc.sessions.create().userId;
      const run = (s: number) => new Promise<Ack__Output[]>((resolve, reject) => {
        const call = c.TrackBatch(withKey());
        const acks: Ack__Output[] = [];
        call.on('data', (a: Ack__Output) => acks.push(a));
        call.on('error', reject);
        call.on('end', () => resolve(acks));
        for (let i = 0; i < 60; i++) call.write({ userId, kind: 'VIEW', itemId: itemIds[i % itemIds.length]!, id: `fc-${s}-${i}` });
        call.end();
      });
      const [a, b] = await Promise.all([run(0), run(1)]);
      for (const acks of [a!, b!]) {
        assert.deepEqual(acks.map((x) => x.index), Array.from({ length: 60 }, (_, i) => i));
        assert.ok(acks.every((x) => x.seq > 0 && !x.error));
      }
      assert.ok(most <= 3, `at most maxBatchEvents=3 appends at once, saw ${most}`);
      assert.ok(most >= 2, 'the streams did run concurrently');
    } finally {
      delete (tracking as { track?: unknown }).track;
    }
  });

  it('grpc - a call the client cancels ends at once as CANCELLED, not as a deadline, even while its ask is still out', async () => {
    const asks = engine.services.asks;
    const calls = engine.services.metrics.counter('shop_grpc_calls_total', '');
    const before = { ...server.stats };
    const countOf = (method: string, code: string) => calls.get({ method, code });
    const cancelledBefore = { Recommend: await countOf('Recommend', 'CANCELLED'), GetProfile: await countOf('GetProfile', 'CANCELLED') };
    const deadlineBefore = (await countOf('Recommend', 'DEADLINE_EXCEEDED')) + (await countOf('GetProfile', 'DEADLINE_EXCEEDED'));
    // Asks that answer long after the client left: the recommend one never, the profile
    // one with the shard's timeout, which must not turn the cancel into a deadline.
    let asked = 0;
    asks.recommend = () => {
      asked++;
      return new Promise(() => undefined);
    };
    asks.profile = () => {
      asked++;
      return new Promise((_, reject) => setTimeout(() => reject(new EngineError('E_TIMEOUT', 'the ask timed out')), 300));
    };
    try {
      const userId = engine.services.sessions.create().userId;
      const cancelled = (start: (done: (err: grpc.ServiceError | null) => void) => grpc.ClientUnaryCall) => new Promise<grpc.ServiceError | null>((resolve) => {
        const call = start(resolve);
        const t = setInterval(() => {
          if (asked === 0) return;
          clearInterval(t);
          call.cancel();
        }, 5);
      });
      const deadline = { deadline: Date.now() + 10_000 };
      const e1 = await cancelled((done) => c.Recommend({ userId, k: 3 }, withKey(), deadline, (err) => done(err)));
      asked = 0;
      const e2 = await cancelled((done) => c.GetProfile({ userId }, withKey(), deadline, (err) => done(err)));
      assert.equal(e1?.code, grpc.status.CANCELLED);
      assert.equal(e2?.code, grpc.status.CANCELLED);
      // The server frees the slots at the cancel, not when (or if) the asks return.
      const until = Date.now() + 2000;
      while (server.stats.inFlight > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      assert.equal(server.stats.inFlight, 0);
      await new Promise((r) => setTimeout(r, 400));
      const after = server.stats;
      assert.equal(after.cancelled - before.cancelled, 2);
      assert.equal(after.deadlineExceeded, before.deadlineExceeded, 'a cancel is not a deadline');
      assert.equal(after.internalErrors, before.internalErrors);
      assert.equal((await countOf('Recommend', 'CANCELLED')) - cancelledBefore.Recommend, 1);
      assert.equal((await countOf('GetProfile', 'CANCELLED')) - cancelledBefore.GetProfile, 1);
      assert.equal((await countOf('Recommend', 'DEADLINE_EXCEEDED')) + (await countOf('GetProfile', 'DEADLINE_EXCEEDED')), deadlineBefore);
    } finally {
      delete (asks as { recommend?: unknown }).recommend;
      delete (asks as { profile?: unknown }).profile;
    }
  });

  it('grpc - stop() reports NOT_SERVING, ends open streams with UNAVAILABLE, then refuses connections', async () => {
    const require = createRequire(import.meta.url);
    const healthDef = protoLoader.loadSync(require.resolve('grpc-health-check/proto/health/v1/health.proto'), { enums: String });
    const Health = (grpc.loadPackageDefinition(healthDef) as unknown as { grpc: { health: { v1: { Health: typeof grpc.Client } } } }).grpc.health.v1.Health;
    const health = new Health(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as grpc.Client & {
      Watch(req: { service: string }): grpc.ClientReadableStream<{ status: string }>;
    };
    const statuses: string[] = [];
    const watch = health.Watch({ service: 'shop.v1.Engine' });
    watch.on('data', (m: { status: string }) => statuses.push(m.status));
    watch.on('error', () => undefined);

    const userId = engine.services.sessions.create().userId;
    const stream = c.StreamRecommendations({ userId }, withKey());
    const first = await new Promise<Recommendations__Output>((resolve, reject) => {
      stream.once('data', resolve);
      stream.once('error', reject);
    });
    assert.equal(first.causedBy, '');
    const ended = new Promise<grpc.ServiceError>((resolve) => stream.on('error', resolve));
    const t0 = Date.now();
    await server.stop();
    assert.ok(Date.now() - t0 < 2000, 'stop() did not wait for the health watch to end');
    const err = await ended;
    assert.equal(err.code, grpc.status.UNAVAILABLE);
    assert.equal(err.metadata.get('shop-error-code')[0], 'E_UNAVAILABLE');
    assert.ok(statuses.includes('SERVING') && statuses.at(-1) === 'NOT_SERVING', statuses.join());
    assert.equal(server.state, 'stopped');
    assert.equal(server.stats.streams, 0);
    health.close();
    const refused = await new Promise<grpc.ServiceError | null>((resolve) =>
      c.ListCategories({}, withKey(), { deadline: Date.now() + 1000 }, (e) => resolve(e)));
    assert.equal(refused?.code, grpc.status.UNAVAILABLE);
  });
});
