/** apply-batch without NATS, LMDB or threads: records in, writes, outbox and pushes out. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyItemState, type ItemState } from '../../actors/item/index.js';
import { emptyRuleBudget, PromoRuleSet, type RuleBudgetState } from '../../actors/promo/index.js';
import { emptyCampaignBudget, type CampaignBudgetState } from '../../actors/ads/index.js';
import { defaultRules } from '../promo/promo-kit.js';
import { emptyUserState, type UserState } from '../../actors/user/index.js';
import { ShardPlacement } from '../../engine/placement/index.js';
import { applyBatch, type ApplyInput } from '../../engine/shards/worker/apply-batch.js';
import type { ShopEvent } from '../../protos/index.js';

class Actors<S> {
  readonly map = new Map<string, S>();
  readonly dirty = new Set<string>();
  constructor(private readonly create: (id: string) => S) {}
  get(id: string): S {
    let s = this.map.get(id);
    if (!s) this.map.set(id, (s = this.create(id)));
    return s;
  }
  markDirty(id: string): void {
    this.dirty.add(id);
  }
}

/** One shard owning every partition: each record is folded by its user and item actor. */
function setup(stock = 3) {
  const placement = new ShardPlacement({ partitions: 4, shards: 1, shardIndex: 0 });
  const users = new Actors<UserState>(emptyUserState);
  const items = new Actors<ItemState>(emptyItemState);
  const observed: number[] = [];
  const cursor = new Map(placement.owned.map((p) => [p, 0]));
  let appliedSeq = 0;
  const run = (records: Array<{ seq: number; event: ShopEvent | undefined }>) => {
    const input: ApplyInput = {
      records, appliedSeq, placement, userCursor: cursor, itemCursor: cursor, users, items,
      rules: new Actors<RuleBudgetState>(emptyRuleBudget), rule: () => undefined,
      campaigns: new Actors<CampaignBudgetState>(emptyCampaignBudget), campaign: () => undefined,
      foldCtx: { item: () => ({ category: 'tents', price: 10 }), cartAbandonMs: 60_000, promoRules: () => new PromoRuleSet(defaultRules(['cart_abandoned'])) },
      catalogStock: () => ({ stock, soldAtStock: 0 }),
      observe: (_e, seq) => observed.push(seq),
    };
    const r = applyBatch(input);
    appliedSeq = r.appliedSeq;
    return r;
  };
  return { run, users, items, observed, placement };
}

const ev = (over: Partial<ShopEvent>): ShopEvent => ({ id: 'e', userId: 'u-aaaaaaaa', kind: 'view', ts: 1000, ...over });

describe('apply-batch', () => {
  it('apply-batch - folds user and item actors, marks them dirty, skips redeliveries and undecodable records', () => {
    const t = setup();
    const r = t.run([
      { seq: 1, event: ev({ id: 'e1', itemId: 'sku-1' }) },
      { seq: 2, event: undefined },
      { seq: 3, event: ev({ id: 'e3', kind: 'cart_add', itemId: 'sku-1' }) },
    ]);
    assert.equal(r.appliedSeq, 3);
    assert.equal(r.applied, 2);
    assert.deepEqual(r.undecodable, [2]);
    assert.deepEqual(r.touched.get('u-aaaaaaaa'), { id: 'e3', seq: 3, ts: 1000 });
    assert.equal(r.reminderPuts.length, 1, 'a cart add arms the abandonment reminder');
    assert.deepEqual([...t.users.dirty], ['u-aaaaaaaa']);
    assert.equal(t.items.get('sku-1').views, 1);
    assert.deepEqual(t.observed, [1, 3]);
    const again = t.run([{ seq: 3, event: ev({ id: 'e3', kind: 'cart_add', itemId: 'sku-1' }) }]);
    assert.equal(again.applied, 0, 'a redelivered record is not applied twice');
    assert.equal(t.users.get('u-aaaaaaaa').cart[0]!.qty, 1);
  });

  it('apply-batch - a checkout saga: reserve commands, owner decisions in log order, commit or release', () => {
    const t = setup(3);
    const a = 'u-aaaaaaaa';
    const b = 'u-bbbbbbbb';
    const checkout = (userId: string, checkoutId: string, qty: number): ShopEvent =>
      ev({ id: `co.${checkoutId}`, userId, kind: 'checkout', checkoutId, orderId: `o-${checkoutId}`, lines: [{ itemId: 'sku-1', qty, price: 10 }] });
    let seq = 0;
    const r1 = t.run([{ seq: ++seq, event: checkout(a, 'c1', 2) }, { seq: ++seq, event: checkout(b, 'c2', 2) }]);
    const reserves = r1.outbox.map((o) => o.event);
    assert.deepEqual(reserves.map((e) => [e.kind, e.userId, e.qty]), [['stock_reserve', a, 2], ['stock_reserve', b, 2]]);
    assert.equal(r1.outbox[0]!.partition, t.placement.itemSlotOf('sku-1'), 'item commands go to the item slot');

    // The item actor decides in log order: 2 of 3 for a, then b is refused.
    const r2 = t.run(reserves.map((event) => ({ seq: ++seq, event })));
    const decisions = r2.outbox.map((o) => o.event);
    assert.deepEqual(decisions.map((e) => [e.kind, e.userId, e.stockLeft]), [['stock_granted', a, 1], ['stock_refused', b, 1]]);
    assert.equal(t.items.get('sku-1').held, 2);

    // A duplicate reserve (past the log's de-dup window) decides nothing new.
    const dup = t.run([{ seq: ++seq, event: reserves[0]! }]);
    assert.equal(dup.outbox.length, 0);

    const r3 = t.run(decisions.map((event) => ({ seq: ++seq, event })));
    assert.deepEqual(r3.orders.map((o) => [o.userId, o.effect.checkout.status]), [[a, 'placed'], [b, 'refused']]);
    assert.deepEqual(r3.outbox.map((o) => [o.event.kind, o.event.userId]), [['stock_commit', a], ['purchase', a]]);
    assert.equal(t.users.get(a).orders[0]!.orderId, 'o-c1');
    assert.equal(t.users.get(b).orders.length, 0);

    t.run(r3.outbox.map((o) => ({ seq: ++seq, event: o.event })));
    const item = t.items.get('sku-1');
    assert.equal(item.held, 0);
    assert.equal(item.sold, 2, 'sold once, by the commit (the purchase record does not sell again)');
  });

  it('apply-batch - a shard folds only the partitions and item slots it owns', () => {
    const placement = new ShardPlacement({ partitions: 4, shards: 2, shardIndex: 0 });
    const users = new Actors<UserState>(emptyUserState);
    const items = new Actors<ItemState>(emptyItemState);
    const cursor = new Map(placement.owned.map((p) => [p, 0]));
    const ids = ['u-aaaaaaaa', 'u-bbbbbbbb', 'u-cccccccc', 'u-dddddddd', 'u-eeeeeeee', 'u-ffffffff'];
    const r = applyBatch({
      records: ids.map((userId, i) => ({ seq: i + 1, event: ev({ id: `e${i}`, userId, itemId: `sku-${i}` }) })),
      appliedSeq: 0, placement, userCursor: cursor, itemCursor: cursor, users, items,
      rules: new Actors<RuleBudgetState>(emptyRuleBudget), rule: () => undefined,
      campaigns: new Actors<CampaignBudgetState>(emptyCampaignBudget), campaign: () => undefined,
      foldCtx: { item: () => undefined, cartAbandonMs: 1 }, catalogStock: () => undefined, observe: () => undefined,
    });
    assert.equal(r.applied, ids.length, 'every record is read (the model learns from all)');
    assert.deepEqual([...users.map.keys()].sort(), ids.filter((u) => placement.owns(placement.partitionOf(u))).sort());
    assert.ok([...items.map.keys()].every((id) => placement.owns(placement.itemSlotOf(id))));
  });
});
