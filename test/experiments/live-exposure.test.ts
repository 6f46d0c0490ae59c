/**
 * Experiments live, end to end on a real engine process: two recommendation
 * experiments (a ranking test and an A/A test) are created over HTTP; 60 shoppers
 * view items and get recommendations (that serving is their exposure), a third of
 * them buy; the engine is killed with -9 half-way and restarted, and the first half
 * asks again (no second exposure). The report's exposures and conversions, and each
 * shopper's profile, equal an independent fold of the log; the log holds exactly one
 * exposure per user and phase, with the variant the assignment function gives.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { assign, parseExperiment, type Experiment } from '../../actors/experiments/index.js';
import { readLog, spawnEngine, startNats, testEnv, type EngineProcess, type LoggedEvent, type TestNats } from '../kit/index.js';
import * as grpc from '@grpc/grpc-js';
import { API_KEY, eventually, grpcClient, httpCheckout, session, withKey } from '../stock/stock-kit.js';

const SHOPPERS = 60;

const admin = (url: string, path: string, body?: unknown) => fetch(`${url}${path}`, {
  method: body === undefined ? 'GET' : 'POST', headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

const RANKING = { id: 'rank_ab', metric: 'conversion', variants: [{ name: 'control', weight: 1, config: {} }, { name: 'weighted', weight: 1, config: { fusionMode: 0, diversity: 0.1 } }] };
const AA = { id: 'aa_recs', metric: 'rec_ctr', variants: [{ name: 'a', weight: 1, config: {} }, { name: 'b', weight: 1, config: {} }] };

type Report = { id: string; phase: number; variants: Array<{ name: string; exposures: number; conversions: number }>; srm: { p: number; flagged: boolean }; decision: string };

/** The independent fold: first exposure per user and phase in log order; a purchase after it converts the user. */
function referenceExperiments(log: LoggedEvent[], id: string) {
  const exposed = new Map<string, { variant: string; seq: number }>();
  const converted = new Set<string>();
  let records = 0;
  for (const { seq, event: e } of log) {
    if (e.kind === 'exposure' && e.experimentId === id && e.experimentPhase === 1) {
      records++;
      if (!exposed.has(e.userId)) exposed.set(e.userId, { variant: e.variant ?? '', seq });
    }
    if (e.kind === 'purchase' && (exposed.get(e.userId)?.seq ?? Infinity) < seq) converted.add(e.userId);
  }
  const perVariant = new Map<string, { exposures: number; conversions: number }>();
  for (const [u, x] of exposed) {
    const v = perVariant.get(x.variant) ?? { exposures: 0, conversions: 0 };
    v.exposures++;
    if (converted.has(u)) v.conversions++;
    perVariant.set(x.variant, v);
  }
  return { exposed, perVariant, records };
}

describe('experiments - live exposure exactly once', () => {
  let nats: TestNats | undefined;
  let engine: EngineProcess | undefined;
  after(async () => {
    await engine?.stop();
    await nats?.stop();
  });

  it('experiments - recs experiments: exposures once per user and phase across kill -9, report = independent fold, profile shows variants', async () => {
    nats = await startNats();
    const env = testEnv(nats.url, { API_KEY, PROMO_DEFAULT_RULES: 'false' });
    engine = await spawnEngine(env);
    for (const def of [RANKING, AA]) {
      const r = await admin(engine.url, '/api/admin/experiments', def);
      assert.equal(r.status, 200, await r.clone().text());
      assert.deepEqual(Object.keys((await r.json()) as object).sort(), ['id', 'phase', 'seq', 'version']);
    }
    // Bad input: typed errors naming the field.
    for (const [body, field] of [
      [{ ...RANKING, variants: [{ name: 'x', weight: 1, config: { colour: 'red' } }, { name: 'y', weight: 1, config: {} }] }, /colour/],
      [{ ...RANKING, metric: 'happiness' }, /metric/],
      [{ ...RANKING, variants: [{ name: 'x', weight: 1, config: { fusionMode: 0 } }, { name: 'y', weight: 1, config: { searchFusion: { method: 'rrf' } } }] }, /decision points/],
    ] as const) {
      const r = await admin(engine.url, '/api/admin/experiments', body);
      assert.equal(r.status, 400);
      const err = ((await r.json()) as { error: { code: string; message: string } }).error;
      assert.equal(err.code, 'E_BAD_REQUEST');
      assert.match(err.message, field);
    }
    assert.equal((await admin(engine.url, '/api/admin/experiments/nope')).status, 404);
    assert.equal((await fetch(`${engine.url}/api/admin/experiments/rank_ab`)).status, 401);

    const products = ((await (await fetch(`${engine.url}/api/products?limit=40`)).json()) as { items: Array<{ itemId: string; stock: number }> }).items.filter((p) => p.stock > 5);
    const shoppers = await Promise.all(Array.from({ length: SHOPPERS }, () => session(engine!.url)));
    const visit = async (s: { userId: string; token: string }, i: number) => {
      const auth = { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' };
      for (let k = 0; k < 2; k++) {
        const ev = await fetch(`${engine!.url}/api/events`, { method: 'POST', headers: auth, body: JSON.stringify({ id: `v-${s.userId}-${k}`, kind: 'view', itemId: products[(i + k) % products.length]!.itemId }) });
        assert.equal(ev.status, 200);
      }
      const recs = await fetch(`${engine!.url}/api/recommendations?k=8`, { headers: auth });
      assert.equal(recs.status, 200);
      if (i % 3 === 0) {
        const o = await httpCheckout(engine!.url, s.token, [{ itemId: products[i % products.length]!.itemId, qty: 1 }], `buy-${s.userId}`);
        assert.equal(o.status, 'placed', JSON.stringify(o));
      }
    };
    const half = SHOPPERS / 2;
    await Promise.all(shoppers.slice(0, half).map((s, i) => visit(s, i)));
    // kill -9 at once: exposures served a moment ago may still be in the outbox, not yet on the log.
    await engine.kill9();
    engine = await spawnEngine(env);
    await Promise.all(shoppers.slice(half).map((s, i) => visit(s, half + i)));
    // The first half is served again after the restart: no second exposure.
    await Promise.all(shoppers.slice(0, half).map((s) => fetch(`${engine!.url}/api/recommendations?k=8`, { headers: { authorization: `Bearer ${s.token}` } })));

    const defs = new Map<string, Experiment>([RANKING, AA].map((d) => [d.id, { ...parseExperiment(d), phase: 1, version: 1 }]));
    for (const id of [RANKING.id, AA.id]) {
      const report = await eventually(async () => (await (await admin(engine!.url, `/api/admin/experiments/${id}`)).json()) as Report,
        (r) => r.variants.reduce((s, v) => s + v.exposures, 0) >= SHOPPERS && r.variants.reduce((s, v) => s + v.conversions, 0) >= SHOPPERS / 3, `${id}: every shopper exposed`, 30_000);
      await new Promise((r) => setTimeout(r, 500));
      const log = await readLog(nats.url);
      const ref = referenceExperiments(log, id);
      assert.equal(ref.exposed.size, SHOPPERS, `${id}: every shopper exposed once in the log`);
      assert.equal(ref.records, SHOPPERS, `${id}: no duplicate exposure records on the log`);
      for (const s of shoppers) assert.equal(ref.exposed.get(s.userId)?.variant, assign(defs.get(id)!, s.userId).name, 'the variant the assignment gives');
      for (const v of report.variants) {
        assert.deepEqual({ exposures: v.exposures, conversions: v.conversions }, ref.perVariant.get(v.name) ?? { exposures: 0, conversions: 0 }, `${id}/${v.name} equals the independent fold`);
      }
      assert.equal(report.variants.reduce((s, v) => s + v.conversions, 0), SHOPPERS / 3);
      assert.equal(report.phase, 1);
      assert.ok(report.srm.p > 0.001, `${id}: a healthy split is not flagged`);
      assert.equal(report.decision, 'none', '60 users decide nothing');
    }

    // Profile: the shopper's variants, exposed.
    const p = (await (await fetch(`${engine.url}/api/profile`, { headers: { authorization: `Bearer ${shoppers[5]!.token}` } })).json()) as { experiments: Array<{ id: string; variant: string; exposed: boolean; phase: number }> };
    assert.deepEqual(p.experiments.map((x) => [x.id, x.variant, x.exposed, x.phase]).sort(),
      [AA.id, RANKING.id].map((id) => [id, assign(defs.get(id)!, shoppers[5]!.userId).name, true, 1]));
    const list = (await (await admin(engine.url, '/api/admin/experiments')).json()) as { experiments: Array<{ id: string }> };
    assert.deepEqual(list.experiments.map((e) => e.id), [AA.id, RANKING.id]);

    // gRPC answers the same report, and refuses bad input with the field named.
    const client = grpcClient(engine.grpcPort);
    try {
      const http = (await (await admin(engine.url, `/api/admin/experiments/${RANKING.id}`)).json()) as Report;
      const g = await new Promise<{ id: string; phase: number; decision: string; variants: Array<{ name: string; exposures: number; conversions: number }> }>((res, rej) =>
        client.GetExperiment({ id: RANKING.id }, withKey(), (err, r) => (err ? rej(err) : res(r!))));
      assert.deepEqual(g.variants.map((v) => [v.name, v.exposures, v.conversions]), http.variants.map((v) => [v.name, v.exposures, v.conversions]));
      assert.equal(g.decision, http.decision);
      const bad = await new Promise<grpc.ServiceError>((res) => client.PutExperiment({ experimentJson: JSON.stringify({ ...RANKING, metric: 'joy' }) }, withKey(), (err) => res(err!)));
      assert.equal(bad.code, grpc.status.INVALID_ARGUMENT);
      assert.match(bad.details, /metric/);
      const missing = await new Promise<grpc.ServiceError>((res) => client.GetExperiment({ id: 'nope' }, withKey(), (err) => res(err!)));
      assert.equal(missing.code, grpc.status.NOT_FOUND);
      const put = await new Promise<{ version: number; phase: number }>((res, rej) =>
        client.PutExperiment({ experimentJson: JSON.stringify({ ...AA, variants: [{ name: 'a', weight: 3, config: {} }, { name: 'b', weight: 1, config: {} }] }) }, withKey(), (err, r) => (err ? rej(err) : res(r!))));
      assert.deepEqual([put.version, put.phase], [2, 2], 'changed weights start a new phase');
    } finally {
      client.close();
    }
  });
});
