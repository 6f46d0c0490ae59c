/**
 * LMDB state: one environment under DATA_DIR/state shared by all threads of a node.
 * Each shard writes its actors' state and its log cursors in ONE write transaction,
 * so after a crash state and cursor agree: recovery resumes exactly after the last
 * applied event. Any thread may read committed state; readers never block.
 */
import { open, type Database, type RootDatabase } from 'lmdb';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ItemState } from '../../actors/item/index.js';
import type { RuleBudgetState } from '../../actors/promo/index.js';
import type { CampaignBudgetState } from '../../actors/ads/index.js';
import type { UserState } from '../../actors/user/index.js';
import type { Product } from '../catalog/index.js';
import type { ShopEvent } from '../../protos/index.js';

export interface ReminderEntry {
  userId: string;
  name: string;
  dueAt: number;
  partition: number;
}

/**
 * An event a shard must append to the log because of what it folded (a stock command,
 * a decision, an order's purchase lines). Written in the same transaction as the state
 * that caused it and deleted once JetStream acked it, so a crash in between re-sends it
 * (the log drops the copy by its id): nothing decided is lost or applied twice.
 */
export interface OutboxEntry {
  /** Nats-Msg-Id of the event (also its key here). */
  key: string;
  /** Subject partition to append to. */
  partition: number;
  /** Partition or item slot of the actor that emitted it (the shard owning it re-sends it). */
  owner: number;
  event: ShopEvent;
}

/** Cursor keys: `u:<partition>` for user actors, `i:<slot>` for item actors, `model` for the model replica. */
export const userCursorKey = (partition: number) => `u:${partition}`;
export const itemCursorKey = (slot: number) => `i:${slot}`;
/** Reminders are keyed so that a range scan from the start yields the earliest due first. */
export const reminderKey = (dueAt: number, userId: string, name: string) => `${String(dueAt).padStart(15, '0')}|${userId}|${name}`;

export class StateStore {
  readonly root: RootDatabase;
  readonly users: Database<UserState, string>;
  readonly items: Database<ItemState, string>;
  /** Promotion rule actors (budgets), keyed by rule id; committed with the items of their slot. */
  readonly rules: Database<RuleBudgetState, string>;
  /** Ad campaign actors (spend), keyed by campaign id; committed with the items of their slot. */
  readonly campaigns: Database<CampaignBudgetState, string>;
  readonly cursors: Database<number, string>;
  readonly reminders: Database<ReminderEntry, string>;
  readonly outbox: Database<OutboxEntry, string>;
  readonly meta: Database<unknown, string>;
  /** The catalog as the main thread imported it; shard workers load it from here. */
  readonly catalog: Database<Product, string>;

  private constructor(root: RootDatabase) {
    this.root = root;
    this.users = root.openDB<UserState, string>({ name: 'users', encoding: 'msgpack' });
    this.items = root.openDB<ItemState, string>({ name: 'items', encoding: 'msgpack' });
    this.rules = root.openDB<RuleBudgetState, string>({ name: 'rules', encoding: 'msgpack' });
    this.campaigns = root.openDB<CampaignBudgetState, string>({ name: 'campaigns', encoding: 'msgpack' });
    this.cursors = root.openDB<number, string>({ name: 'cursors', encoding: 'msgpack' });
    this.reminders = root.openDB<ReminderEntry, string>({ name: 'reminders', encoding: 'msgpack' });
    this.outbox = root.openDB<OutboxEntry, string>({ name: 'outbox', encoding: 'msgpack' });
    this.meta = root.openDB<unknown, string>({ name: 'meta', encoding: 'msgpack' });
    this.catalog = root.openDB<Product, string>({ name: 'catalog', encoding: 'msgpack' });
  }

  static open(dataDir: string): StateStore {
    const path = join(dataDir, 'state');
    mkdirSync(path, { recursive: true });
    // The log is the source of truth, so LMDB may skip fsync per commit (noSync):
    // a process crash loses nothing (the OS has the pages); after an OS crash the
    // cursors roll back together with the state and the log is replayed from there.
    const root = open({ path, maxDbs: 16, noSync: true, mapSize: 64 * 1024 ** 3, compression: false });
    return new StateStore(root);
  }

  cursor(key: string): number {
    return this.cursors.get(key) ?? 0;
  }

  async close(): Promise<void> {
    await this.root.close();
  }
}
