/**
 * Interop: a Python client (Debian's python3-grpcio, the C-core implementation)
 * calls every shop.v1.Engine RPC, health and reflection against the running
 * engine, checks the answers itself, and the engine's own state is checked here.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Engine } from '../../engine/index.js';
import { GrpcServer, type GrpcServerStats, type ItemsChanged } from '../../engine/grpc/index.js';
import { startNats, startTestEngine, tempDir, testEnv, type TestNats } from '../kit/index.js';
import { generatePythonStubs, PYTHON, pythonGrpcMissing } from './python-stubs.js';

const run = promisify(execFile);
const CLIENT = fileURLToPath(new URL('../../../test/grpc/interop_client.py', import.meta.url));
const API_KEY = 'interop-test-key-0123456789';
const skip = pythonGrpcMissing();

interface PyError {
  status: string;
  message: string;
  code?: string;
  field?: string;
  reason?: string;
  domain?: string;
  infoField?: string;
  violations?: Array<{ field: string; description: string }>;
}

describe('grpc - python interop', { skip }, () => {
  let nats: TestNats;
  let engine: Engine;
  let server: GrpcServer;
  let target: string;
  let stubs: string;
  let itemIds: string[];
  const changed: ItemsChanged[] = [];
  let statsBeforeErrors: GrpcServerStats | undefined;

  async function py<T>(scenario: string, args: Record<string, unknown>, at = target): Promise<T> {
    try {
      const { stdout } = await run(PYTHON, [CLIENT, stubs, at, scenario, JSON.stringify({ apiKey: API_KEY, ...args })], { timeout: 60_000 });
      return JSON.parse(stdout.trim().split('\n').pop()!) as T;
    } catch (err) {
      const e = err as { stderr?: string; message: string };
      throw new Error(`python scenario ${scenario} failed:\n${e.stderr ?? e.message}`);
    }
  }
  const newUser = () => engine.services.sessions.create().userId;

  before(async () => {
    stubs = tempDir('pystubs');
    // Settled here so a failure cannot become an unhandled rejection while the engine starts.
    const generating = generatePythonStubs(stubs).then(() => undefined, (err: unknown) => err);
    nats = await startNats();
    // Without the default promotion rules: their coupon decisions would move the profile's lastSeq past the batch's last ack.
    engine = await startTestEngine(testEnv(nats.url, { PROMO_DEFAULT_RULES: 'false' }));
    itemIds = [...engine.services.catalog.values()].slice(0, 20).map((p) => p.itemId);
    server = new GrpcServer(engine.services, {
      auth: { apiKey: API_KEY }, host: '127.0.0.1', health: engine.health, log: engine.log.child('grpc'),
      onItemsChanged: (c) => void changed.push(c),
    });
    target = `127.0.0.1:${await server.start(0)}`;
    const failed = await generating;
    if (failed) throw failed;
  });
  after(async () => {
    await server?.stop();
    await engine?.stop();
    await nats?.stop();
  });

  it('grpc - health says SERVING and reflection lists the Engine service with every RPC', async () => {
    const r = await py<{ services: string[]; methods: Record<string, Record<string, { clientStreaming: boolean; serverStreaming: boolean }>>; messages: string[] }>('health_reflection', {});
    assert.ok(r.services.includes('shop.v1.Engine') && r.services.includes('grpc.health.v1.Health'), r.services.join());
    const engineMethods = r.methods['shop.v1.Engine']!;
    assert.deepEqual(Object.keys(engineMethods).sort(), [
      'Checkout', 'DryRunPromotion', 'GetAdCampaign', 'GetExperiment', 'GetItem', 'GetProfile', 'ListCategories', 'ListCoupons', 'ListItems', 'ListPromotions', 'PutAdCampaign', 'PutExperiment', 'PutPromotion', 'Recommend',
      'Search', 'SetPromotionStatus', 'StreamRecommendations', 'Suggest', 'Track', 'TrackBatch', 'UpsertItems',
    ]);
    assert.deepEqual(engineMethods['TrackBatch'], { in: '.shop.v1.Event', out: '.shop.v1.Ack', clientStreaming: true, serverStreaming: true });
    assert.ok(r.messages.includes('shop.v1.Event'), 'the imported Event is described too');
  });

  it('grpc - Track is acked after the log stored it, is idempotent by id, and GetProfile shows it', async () => {
    const userId = newUser();
    const r = await py<{ seqs: number[]; profile: { recent: string[]; events: number; lastSeq: number } }>('track', { userId, itemIds });
    const p = await engine.services.asks.profile(userId);
    assert.deepEqual(p.recent, [itemIds[0]]);
    assert.deepEqual(p.cart, [{ itemId: itemIds[1], qty: 2 }]);
    assert.equal(p.events, 3);
    assert.equal(p.lastSeq, r.seqs[3]);
    assert.equal(r.profile.lastSeq, p.lastSeq);
  });

  it('grpc - TrackBatch acks every event in order; bad events get an error in their ack and the stream goes on', async () => {
    const userId = newUser();
    const r = await py<{ acks: number; stored: number; lastSeq: number }>('track_batch', { userId, itemIds });
    assert.equal(r.acks, 40);
    assert.equal(r.stored, 37);
    const p = await engine.services.asks.profile(userId);
    assert.equal(p.events, 37);
    assert.equal(p.lastSeq, r.lastSeq);
    assert.equal(server.stats.batchEventsInFlight, 0);
  });

  it('grpc - Recommend answers from live state, honouring k, exclude, category and item context', async () => {
    const userId = newUser();
    const category = engine.services.catalog.get(itemIds[0]!)!.category;
    const r = await py<{ items: string[]; category: string[] }>('recommend', { userId, itemIds, category });
    assert.ok(r.items.length > 0 && r.items.length <= 5);
    assert.ok(r.category.every((c) => c === category));
  });

  it('grpc - StreamRecommendations starts with the current list, then delivers the push a Track caused', async () => {
    const userId = newUser();
    const r = await py<{ messages: number; causedBy: string; firstItems: number }>('stream', { userId, itemIds });
    assert.equal(r.causedBy, 'py-stream-1');
    assert.ok(r.messages >= 2);
    // The cancelled stream released its push subscription and its stream slot.
    await waitUntil(() => server.stats.streams === 0);
  });

  it('grpc - ListCategories, ListItems, GetItem and UpsertItems (partial updates, bad rows reported by index)', async () => {
    const before0 = engine.services.catalogViews.product(itemIds[0]!);
    const before1 = engine.services.catalogViews.product(itemIds[1]!);
    const r = await py<{ newPrice: number; summary: Record<string, number> }>('catalog', { itemIds, newItemId: 'py-new-1' });
    assert.deepEqual(r.summary, { received: 9, created: 1, updated: 2, unchanged: 1, rejected: 5 });
    const created = engine.services.catalog.get('py-new-1');
    assert.equal(created?.name, 'Trail Runner 9000');
    assert.equal(created?.tags, undefined);
    assert.equal(engine.services.catalog.get(itemIds[0]!)?.price, Math.round((before0.price + 1) * 100) / 100);
    assert.equal(engine.services.catalog.get(itemIds[1]!)?.category, before1.category, 'a rejected row changed nothing');
    const hooked = changed.flatMap((c) => c.changes);
    assert.deepEqual(hooked.map((c) => [c.itemId, c.created, c.changedFields]), [['py-new-1', true, []], [itemIds[0], false, ['price']], ['py-new-1', false, ['tags']]]);
  });

  it('grpc - bad input gets the right status with code, field and google.rpc details; the server stays up', async () => {
    const userId = newUser();
    statsBeforeErrors = server.stats;
    const r = await py<Record<string, PyError> & { afterwards: number }>('errors', { userId, itemIds });
    const expectError = (name: string, status: string, code: string, field?: string) => {
      const e = r[name]!;
      assert.equal(e.status, status, `${name}: ${JSON.stringify(e)}`);
      assert.equal(e.code, code, name);
      assert.equal(e.reason, code, `${name}: ErrorInfo.reason`);
      assert.equal(e.domain, 'shop.v1', name);
      assert.equal(e.field ?? undefined, field, `${name}: field trailer`);
      assert.equal(e.infoField ?? undefined, field, `${name}: ErrorInfo field`);
      if (status === 'INVALID_ARGUMENT' && field !== undefined) {
        assert.equal(e.violations?.[0]?.field, field, `${name}: BadRequest field violation`);
        assert.ok(e.violations[0]!.description.length > 10, name);
      }
      assert.ok(e.message.length > 10, `${name}: a message a person can act on`);
    };
    expectError('noKey', 'UNAUTHENTICATED', 'E_UNAUTHENTICATED');
    assert.match(r['noKey']!.message, /x-api-key/);
    expectError('wrongKey', 'UNAUTHENTICATED', 'E_UNAUTHENTICATED');
    expectError('noKeyStream', 'UNAUTHENTICATED', 'E_UNAUTHENTICATED');
    expectError('badUser', 'INVALID_ARGUMENT', 'E_BAD_REQUEST', 'user_id');
    expectError('noKind', 'INVALID_ARGUMENT', 'E_BAD_EVENT', 'kind');
    expectError('noItem', 'INVALID_ARGUMENT', 'E_BAD_EVENT', 'item_id');
    expectError('badQty', 'INVALID_ARGUMENT', 'E_BAD_EVENT', 'qty');
    expectError('reminder', 'INVALID_ARGUMENT', 'E_BAD_EVENT', 'kind');
    expectError('source', 'INVALID_ARGUMENT', 'E_BAD_EVENT', 'source');
    expectError('bigK', 'INVALID_ARGUMENT', 'E_BAD_REQUEST', 'k');
    expectError('badExclude', 'INVALID_ARGUMENT', 'E_BAD_REQUEST', 'exclude[1]');
    expectError('bigLimit', 'INVALID_ARGUMENT', 'E_BAD_REQUEST', 'limit');
    expectError('badCategory', 'INVALID_ARGUMENT', 'E_BAD_REQUEST', 'category');
    expectError('noItemId', 'INVALID_ARGUMENT', 'E_BAD_REQUEST', 'item_id');
    expectError('unknownItem', 'NOT_FOUND', 'E_UNKNOWN_ITEM');
    expectError('unknownContext', 'NOT_FOUND', 'E_UNKNOWN_ITEM');
    expectError('unknownCategory', 'NOT_FOUND', 'E_NOT_FOUND');
    expectError('trackUnknownItem', 'NOT_FOUND', 'E_UNKNOWN_ITEM');
    // Too large is refused by grpc-js before any handler runs: no engine code or details.
    assert.equal(r['tooLarge']!.status, 'RESOURCE_EXHAUSTED');
    assert.match(r['tooLarge']!.message, /larger than max/i);
    assert.equal(r['streamDeadline']!.status, 'DEADLINE_EXCEEDED');
    assert.equal(r['batchDeadline']!.status, 'DEADLINE_EXCEEDED');
    assert.ok(r.afterwards > 0, 'Recommend still answers');
    // The server ended both calls early and their work with them: nothing is left in flight.
    // (Whether it counts a call as past its deadline or cancelled depends on whose timer
    // fired first, the client's or its own, so the two counts are taken together.)
    await waitUntil(() => server.stats.streams === 0 && server.stats.batchEventsInFlight === 0);
    const before = statsBeforeErrors!;
    const endedEarly = (s: GrpcServerStats) => s.deadlineExceeded + s.cancelled;
    assert.ok(endedEarly(server.stats) - endedEarly(before) >= 2, JSON.stringify(server.stats));
    assert.ok(server.stats.unauthenticated >= 3);
    const p = await engine.services.asks.profile(userId);
    assert.ok(!p.recent.includes(itemIds[1]!), 'the event after the deadline was not stored');
    assert.equal(server.state, 'serving');
  });

  it('grpc - over capacity, calls are refused with RESOURCE_EXHAUSTED (E_OVERLOADED) and later ones succeed', async () => {
    const small = new GrpcServer(engine.services, { auth: false, host: '127.0.0.1', maxInFlight: 1 });
    const port = await small.start(0);
    try {
      const r = await py<{ ok: number; exhausted: number; sample: PyError; after: number }>('overload', { userId: newUser(), calls: 64 }, `127.0.0.1:${port}`);
      assert.ok(r.ok > 0 && r.exhausted > 0, JSON.stringify(r));
      assert.equal(r.sample.code, 'E_OVERLOADED');
      assert.match(r.sample.message, /retry/);
      assert.ok(r.after > 0);
      assert.equal(small.stats.inFlight, 0);
    } finally {
      await small.stop();
    }
  });
});

async function waitUntil(cond: () => boolean, timeoutMs = 3000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
