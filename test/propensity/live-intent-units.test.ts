/**
 * The pure parts of live intent: the session feature fold (actor and trainer share
 * it), the definitions registry (versions, refusals), band pushes from the user fold,
 * category picks, the trainer's session collector and its ROC-AUC.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DefinitionRegistry, INTENT_MODEL_ID, INTENT_MODEL_KIND } from '../../actors/definitions/index.js';
import {
  emptyLiveIntent, foldLiveIntent, LIVE_FEATURES, liveFeatureByName, parseModel, Prng, serializeModel, trainIntentModel, type LiveIntentSession,
} from '../../actors/propensity/index.js';
import { bandName, bandOf, categoryPicks, emptyUserState, foldUserEvent, type CategoryStatsView, type FoldContext } from '../../actors/user/index.js';
import { rocAuc } from '../../engine/analytics/intent/prequential.js';
import { SessionCollector } from '../../engine/analytics/intent/session-collector.js';
import type { ShopEvent } from '../../protos/index.js';

const GAP = 60_000;
const items: Record<string, { category: string; price: number }> = { a: { category: 'books', price: 10 }, b: { category: 'books', price: 30 }, c: { category: 'toys', price: 5 } };
let n = 0;
const ev = (userId: string, ts: number, e: Partial<ShopEvent> & Pick<ShopEvent, 'kind'>): ShopEvent => ({ id: `e${++n}`, userId, ts, ...e });

/** A small live model that has learned "carts buy": trained on synthetic live sessions. */
function cartModel(): string {
  const rng = new Prng(3);
  const rows: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < 400; i++) {
    const s = emptyLiveIntent();
    const buy = rng.next() < 0.4;
    let t = 1_000_000;
    foldLiveIntent(s, ev('u', t, { kind: 'view', itemId: 'a' }), items['a'], GAP);
    if (buy) foldLiveIntent(s, ev('u', (t += 1000), { kind: 'cart_add', itemId: 'a' }), items['a'], GAP);
    else foldLiveIntent(s, ev('u', (t += 1000), { kind: 'view', itemId: 'c' }), items['c'], GAP);
    const v: LiveIntentSession = { s, now: t };
    for (const f of LIVE_FEATURES) rows.push(f.get(v));
    y.push(buy ? (rng.next() < 0.9 ? 1 : 0) : (rng.next() < 0.1 ? 1 : 0));
  }
  const m = trainIntentModel({ x: Float64Array.from(rows), y: Uint8Array.from(y), features: LIVE_FEATURES }, { maxIterations: 50, maxLeaves: 4, validationFraction: 0 });
  return serializeModel(m);
}

const def = (version: number, payload: string, seq: number): [ShopEvent, number] => [
  { id: `d${version}`, userId: '', kind: 'definition', ts: 1, defKind: INTENT_MODEL_KIND, defId: INTENT_MODEL_ID, defVersion: version, payload }, seq,
];

describe('intent - live features', () => {
  it('intent - counts views, repeats, cart value, dwell; the outcome moment is the first checkout or purchase; a gap ends the session', () => {
    const s = emptyLiveIntent();
    const t = 1_000_000;
    assert.equal(foldLiveIntent(s, ev('u', t, { kind: 'view', itemId: 'a' }), items['a'], GAP), 'step');
    foldLiveIntent(s, ev('u', t + 1000, { kind: 'view', itemId: 'b' }), items['b'], GAP);
    foldLiveIntent(s, ev('u', t + 2000, { kind: 'view', itemId: 'a' }), items['a'], GAP);
    foldLiveIntent(s, ev('u', t + 3000, { kind: 'dwell', itemId: 'a', dwellMs: 30_000 }), items['a'], GAP);
    foldLiveIntent(s, ev('u', t + 4000, { kind: 'cart_add', itemId: 'b', qty: 2 }), items['b'], GAP);
    const v: LiveIntentSession = { s, now: t + 4000 };
    const f = (name: string) => liveFeatureByName(name)!.get(v);
    assert.equal(f('ProductViews'), 3);
    assert.equal(f('DistinctItems'), 2);
    assert.equal(f('RepeatViews'), 1);
    assert.equal(f('CartValue'), 60);
    assert.equal(f('DwellSeconds'), 30);
    assert.equal(f('SecondsInSession'), 4);
    assert.equal(f('MeanViewedPrice'), 50 / 3);
    assert.equal(f('VisitorKind'), 1, 'new visitor');
    assert.equal(foldLiveIntent(s, ev('u', t + 5000, { kind: 'checkout' }), undefined, GAP), 'outcome');
    assert.equal(foldLiveIntent(s, ev('u', t + 5100, { kind: 'purchase', itemId: 'b', qty: 2, checkoutId: 'c1' }), items['b'], GAP), 'after-outcome');
    assert.equal(s.bought, true);
    // next visit after the gap: history moves on, the cart line bought is gone
    assert.equal(foldLiveIntent(s, ev('u', t + 5000 + GAP + 1, { kind: 'view', itemId: 'c' }), items['c'], GAP), 'step');
    const v2: LiveIntentSession = { s, now: t + 5000 + GAP + 1 };
    assert.equal(liveFeatureByName('PriorSessions')!.get(v2), 1);
    assert.equal(liveFeatureByName('PriorOrders')!.get(v2), 1);
    assert.equal(liveFeatureByName('ProductViews')!.get(v2), 1);
    assert.equal(liveFeatureByName('CartLines')!.get(v2), 0);
    assert.equal(liveFeatureByName('VisitorKind')!.get(v2), 0, 'returning visitor');
  });

  it('intent - calendar features by arithmetic agree with Date (UTC) at any time', () => {
    const rng = new Prng(5);
    const s = emptyLiveIntent();
    for (let i = 0; i < 2000; i++) {
      const now = Math.floor(rng.next() * 4_000_000_000_000);
      const d = new Date(now);
      const v: LiveIntentSession = { s, now };
      assert.equal(liveFeatureByName('HourOfDay')!.get(v), d.getUTCHours());
      assert.equal(liveFeatureByName('DayOfWeek')!.get(v), d.getUTCDay());
      assert.equal(liveFeatureByName('MonthOfYear')!.get(v), d.getUTCMonth() + 1);
    }
  });

  it('intent - a live model file names only live features; a UCI one is refused by the live lookup', () => {
    const text = cartModel();
    assert.equal(parseModel(text, liveFeatureByName).features.length, LIVE_FEATURES.length);
    assert.throws(() => parseModel(text), { code: 'E_BAD_MODEL' }, 'the UCI lookup does not know live names');
  });
});

describe('intent - definitions registry', () => {
  it('intent - applies newer versions, ignores stale ones, refuses a corrupt file and keeps the previous model; survives a snapshot', () => {
    const r = new DefinitionRegistry();
    const good = cartModel();
    assert.equal(r.apply(...def(1, good, 10)), 'applied');
    assert.equal(r.intent?.version, 1);
    assert.equal(r.apply(...def(1, good, 11)), 'stale');
    assert.equal(r.apply(...def(2, good.slice(0, 200), 12)), 'refused', 'truncated');
    assert.equal(r.intent?.version, 1, 'the previous model keeps serving');
    assert.match(r.refusals[0]!.message, /not valid JSON/);
    assert.equal(r.apply(...def(3, good, 13)), 'applied');
    assert.equal(r.apply({ id: 'x', userId: '', kind: 'definition', ts: 1, defKind: 'campaign', defId: 'r1', defVersion: 1, payload: '{}' }, 14), 'unknown-kind');
    const back = DefinitionRegistry.fromSnapshot(r.toSnapshot());
    assert.equal(back.intent?.version, 3);
    assert.equal(back.intent?.seq, 13);
    assert.equal(back.refusals.length, 1);
    assert.equal(back.version('campaign', 'r1'), 1);
  });
});

describe('intent - scored in the user fold', () => {
  it('intent - with a model every shopper event is scored; a band change is an effect; no model, no score', () => {
    const r = new DefinitionRegistry();
    const ctx: FoldContext = { cartAbandonMs: 60_000, item: (id) => items[id], intent: { model: () => r.intent, bands: [0.3, 0.7], gapMs: GAP } };
    const s = emptyUserState('u-1');
    assert.deepEqual(foldUserEvent(s, ev('u-1', 1_000_000, { kind: 'view', itemId: 'a' }), 1, ctx).filter((e) => e.type === 'intent'), []);
    assert.equal(s.intentScore, undefined);
    r.apply(...def(1, cartModel(), 2));
    const first = foldUserEvent(s, ev('u-1', 1_001_000, { kind: 'view', itemId: 'c' }), 3, ctx).filter((e) => e.type === 'intent');
    assert.equal(first.length, 1, 'the first score is pushed');
    const low = s.intentScore!;
    const fx = foldUserEvent(s, ev('u-1', 1_002_000, { kind: 'cart_add', itemId: 'a' }), 4, ctx).filter((e) => e.type === 'intent');
    assert.ok(s.intentScore!.score > low.score, `a cart raises the score: ${low.score} -> ${s.intentScore!.score}`);
    if (s.intentScore!.band !== low.band) assert.equal(fx.length, 1);
    assert.equal(bandOf(0.29, [0.3, 0.7]), 0);
    assert.equal(bandOf(0.3, [0.3, 0.7]), 1);
    assert.equal(bandName(2, [0.3, 0.7]), 'high');
  });
});

describe('intent - category picks', () => {
  const stats: CategoryStatsView = {
    popular: () => [{ category: 'garden', score: 1 }, { category: 'toys', score: 0.6 }, { category: 'books', score: 0.3 }],
    alsoBought: (a) => (a === 'books' ? [{ category: 'stationery', p: 0.8 }, { category: 'toys', p: 0.2 }] : []),
  };
  it('intent - a new shopper gets the best-converting categories; a shopper\'s interest leads, with what goes with it', () => {
    const fresh = categoryPicks(emptyUserState('u-new'), stats, undefined);
    assert.deepEqual(fresh.map((p) => p.category), ['garden', 'toys', 'books']);
    assert.ok(fresh.every((p) => p.reason === 'popular'));
    const s = emptyUserState('u-b');
    s.events = 20;
    s.affinity = { books: 10, toys: 1 };
    const picks = categoryPicks(s, stats, 0.9);
    assert.equal(picks[0]!.category, 'books');
    assert.equal(picks[0]!.reason, 'affinity');
    const stationery = picks.find((p) => p.category === 'stationery');
    assert.ok(stationery && stationery.reason === 'bought-together', JSON.stringify(picks));
  });
});

describe('intent - trainer sessions and prequential AUC', () => {
  it('intent - sessions are labelled by purchase, closed by the gap on the log clock, and scored by the model in force before the outcome', () => {
    const c = new SessionCollector({ gapMs: GAP, item: (id) => items[id] });
    let seq = 0;
    const t = 5_000_000;
    c.observe(ev('buyer', t, { kind: 'view', itemId: 'a' }), ++seq);
    c.observe(ev('buyer', t + 1000, { kind: 'cart_add', itemId: 'a' }), ++seq);
    c.observe(ev('buyer', t + 2000, { kind: 'checkout' }), ++seq);
    c.observe(ev('buyer', t + 2100, { kind: 'purchase', itemId: 'a', checkoutId: 'c1' }), ++seq);
    c.observe(ev('browser', t + 500, { kind: 'view', itemId: 'c' }), ++seq);
    c.sweep();
    assert.equal(c.finished.length, 0, 'not closed before the gap passed');
    c.observe(ev('other', t + GAP + 5000, { kind: 'view', itemId: 'b' }), ++seq);
    c.sweep();
    assert.deepEqual(c.finished.map((s) => s.label).sort(), [0, 1]);
    const buyer = c.finished.find((s) => s.label === 1)!;
    assert.equal(buyer.scores.length, 2, 'the view and the cart add; not the checkout');
    assert.ok(Number.isNaN(buyer.lastScore), 'no model was in force');
    const [d, dseq] = def(1, cartModel(), ++seq);
    c.observe(d, dseq);
    c.observe(ev('late', t + GAP + 6000, { kind: 'view', itemId: 'a' }), ++seq);
    c.observe(ev('late', t + GAP + 7000, { kind: 'cart_add', itemId: 'a' }), ++seq);
    c.observe(ev('zzz', t + 3 * GAP, { kind: 'view', itemId: 'c' }), ++seq);
    c.sweep();
    const late = c.finished.find((s) => s.version === 1);
    assert.ok(late && Number.isFinite(late.lastScore), 'scored by v1 before its outcome');
  });

  it('intent - ROC-AUC equals the pairwise definition (ties count half)', () => {
    const rng = new Prng(7);
    const s = Array.from({ length: 300 }, () => Math.round(rng.next() * 20) / 20);
    const y = s.map((v) => (rng.next() < v ? 1 : 0));
    let num = 0;
    let den = 0;
    for (let i = 0; i < s.length; i++) {
      for (let j = 0; j < s.length; j++) {
        if (y[i] === 1 && y[j] === 0) {
          den++;
          num += s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0;
        }
      }
    }
    assert.ok(Math.abs(rocAuc(s, y) - num / den) < 1e-12);
    assert.ok(Number.isNaN(rocAuc([0.1, 0.2], [1, 1])));
  });
});
