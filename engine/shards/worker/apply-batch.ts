/**
 * Applies one batch of log records to a shard's actors: pure and synchronous (no NATS,
 * no LMDB, no threads), so it is tested on its own. Records in, in log order; out come
 * the actors to write, the events to append (through the outbox), reminders, pushes and
 * the new sequence. The shard commits the writes and cursors in one LMDB transaction
 * and only then runs the effects.
 */
import { foldItemEvent, foldStockCommand, type CatalogStock, type ItemState } from '../../../actors/item/index.js';
import { foldRuleCommand, type PromoRule, type RuleBudgetState } from '../../../actors/promo/index.js';
import { foldCampaignEvent, type Campaign, type CampaignBudgetState } from '../../../actors/ads/index.js';
import { foldUserEvent, type CheckoutEffect, type Coupon, type FoldContext, type IntentChange, type UserState } from '../../../actors/user/index.js';
import { CAMPAIGN_COMMAND_KINDS, ITEM_COMMAND_KINDS, RULE_COMMAND_KINDS, type ShopEvent } from '../../../protos/index.js';
import { dedupKey } from '../../log/event-log.js';
import type { ShardPlacement } from '../../placement/index.js';
import { reminderKey, type OutboxEntry, type ReminderEntry } from '../../store/index.js';

/** Where an actor comes from: the shard's actor cache (activates on first use). */
export interface ActorSource<S> {
  get(id: string): S;
  markDirty(id: string): void;
}

export interface ApplyInput {
  /** Decoded records in log order; `event` undefined = a record that could not be decoded (skipped). */
  records: ReadonlyArray<{ seq: number; event: ShopEvent | undefined }>;
  /** Last sequence already handled: records at or below it are redeliveries. */
  appliedSeq: number;
  placement: ShardPlacement;
  /** Per owned partition / item slot: last sequence whose effects are committed. */
  userCursor: ReadonlyMap<number, number>;
  itemCursor: ReadonlyMap<number, number>;
  users: ActorSource<UserState>;
  items: ActorSource<ItemState>;
  /** Promotion rule actors (budget owners), on their rule slots (cursor: the slot's item cursor). */
  rules: ActorSource<RuleBudgetState>;
  /** The rule definition in force (the model replica's registry, current at each record). */
  rule(ruleId: string): PromoRule | undefined;
  /** Ad campaign actors (spend owners), on their campaign slots (cursor: the slot's item cursor). */
  campaigns: ActorSource<CampaignBudgetState>;
  /** The campaign definition in force (the model replica's registry, current at each record). */
  campaign(campaignId: string): Campaign | undefined;
  foldCtx: FoldContext;
  catalogStock(itemId: string): CatalogStock | undefined;
  /** The shard's model replica (learns from every record). */
  observe(e: ShopEvent, seq: number): void;
}

export interface OrderOutcome {
  userId: string;
  effect: Extract<CheckoutEffect, { type: 'order' }>;
  seq: number;
  ts: number;
}

export interface ApplyResult {
  appliedSeq: number;
  applied: number;
  /** Sequences of records that could not be decoded. */
  undecodable: number[];
  /** userId -> the latest event that asks for a recs recompute. */
  /** Users whose recs must be recomputed: the latest cause (event id, sequence, event time). */
  touched: Map<string, { id: string; seq: number; ts: number }>;
  coupons: Array<{ userId: string; coupon: Coupon }>;
  /** Intent scores that moved into another band (pushed to the shopper). */
  intents: Array<{ userId: string; change: IntentChange; causedBy: string }>;
  reminderPuts: ReminderEntry[];
  reminderDels: string[];
  /** Events to append, committed with the state and published after the commit. */
  outbox: OutboxEntry[];
  orders: OrderOutcome[];
}

/** The subject partition of an event this shard appends: item and rule commands go to their actor's slot, the rest to the user's partition. */
export function routeOf(e: ShopEvent, placement: ShardPlacement): number {
  if (ITEM_COMMAND_KINDS.has(e.kind)) return placement.itemSlotOf(e.itemId ?? '');
  if (RULE_COMMAND_KINDS.has(e.kind)) return placement.ruleSlotOf(e.defId ?? '');
  if (CAMPAIGN_COMMAND_KINDS.has(e.kind)) return placement.campaignSlotOf(e.campaignId ?? '');
  return placement.partitionOf(e.userId);
}

function toOutbox(e: ShopEvent, owner: number, placement: ShardPlacement): OutboxEntry {
  return { key: dedupKey(e), partition: routeOf(e, placement), owner, event: e };
}

export function applyBatch(input: ApplyInput): ApplyResult {
  const { placement } = input;
  const out: ApplyResult = {
    appliedSeq: input.appliedSeq, applied: 0, undecodable: [], touched: new Map(), coupons: [], intents: [],
    reminderPuts: [], reminderDels: [], outbox: [], orders: [],
  };
  for (const { seq, event: e } of input.records) {
    if (seq <= out.appliedSeq) continue; // redelivered after a consumer reset
    out.appliedSeq = seq;
    if (!e) {
      out.undecodable.push(seq);
      continue;
    }
    if (e.kind === 'definition') {
      // Not an actor's event: every shard's replica applies it (a new model version, ...).
      input.observe(e, seq);
      out.applied++;
      continue;
    }
    if (RULE_COMMAND_KINDS.has(e.kind)) {
      // Only the rule's owner folds it: the budget is decided in one place, in log order.
      const slot = placement.ruleSlotOf(e.defId ?? '');
      if (placement.owns(slot) && seq > input.itemCursor.get(slot)!) {
        const r = input.rules.get(e.defId ?? '');
        for (const eff of foldRuleCommand(r, e, seq, input.rule(e.defId ?? ''))) out.outbox.push(toOutbox(eff.event, slot, placement));
        input.rules.markDirty(e.defId ?? '');
      }
      input.observe(e, seq);
      out.applied++;
      continue;
    }
    if (CAMPAIGN_COMMAND_KINDS.has(e.kind)) {
      // Only the campaign's owner folds its impressions and clicks: spend is decided in one place, in log order.
      const cid = e.campaignId ?? '';
      const slot = placement.campaignSlotOf(cid);
      if (placement.owns(slot) && seq > input.itemCursor.get(slot)!) {
        const c = input.campaigns.get(cid);
        for (const eff of foldCampaignEvent(c, e, seq, input.campaign(cid))) out.outbox.push(toOutbox(eff.event, slot, placement));
        input.campaigns.markDirty(cid);
      }
      input.observe(e, seq);
      out.applied++;
      continue;
    }
    const itemCommand = ITEM_COMMAND_KINDS.has(e.kind);
    const p = placement.partitionOf(e.userId);
    if (!itemCommand && placement.owns(p) && seq > input.userCursor.get(p)!) {
      const s = input.users.get(e.userId);
      for (const eff of foldUserEvent(s, e, seq, input.foldCtx)) {
        if (eff.type === 'recompute') out.touched.set(e.userId, { id: eff.causedBy ?? e.id, seq, ts: e.ts });
        else if (eff.type === 'set-reminder') out.reminderPuts.push({ userId: e.userId, name: eff.name, dueAt: eff.dueAt, partition: p });
        else if (eff.type === 'cancel-reminder') out.reminderDels.push(reminderKey(eff.dueAt, e.userId, eff.name));
        else if (eff.type === 'coupon') out.coupons.push({ userId: e.userId, coupon: eff.coupon });
        else if (eff.type === 'intent') out.intents.push({ userId: e.userId, change: eff, causedBy: e.id });
        else if (eff.type === 'command') out.outbox.push(toOutbox(eff.event, p, placement));
        else out.orders.push({ userId: e.userId, effect: eff, seq, ts: e.ts });
      }
      input.users.markDirty(e.userId);
    }
    const slot = e.itemId ? placement.itemSlotOf(e.itemId) : -1;
    if (e.itemId && placement.owns(slot) && seq > input.itemCursor.get(slot)!) {
      const it = input.items.get(e.itemId);
      if (itemCommand) {
        for (const eff of foldStockCommand(it, e, seq, input.catalogStock(e.itemId))) out.outbox.push(toOutbox(eff.event, slot, placement));
        input.items.markDirty(e.itemId);
      } else if (foldItemEvent(it, e, seq)) input.items.markDirty(e.itemId);
    }
    input.observe(e, seq);
    out.applied++;
  }
  return out;
}
