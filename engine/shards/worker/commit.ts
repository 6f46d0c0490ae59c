/**
 * Commits one applied batch: the changed actors, reminders, outbox entries and every
 * owned cursor in ONE LMDB write transaction, so after a crash state, cursors and the
 * events still to send agree, and recovery resumes exactly after the last commit.
 */
import type { ItemState } from '../../../actors/item/index.js';
import type { RuleBudgetState } from '../../../actors/promo/index.js';
import type { CampaignBudgetState } from '../../../actors/ads/index.js';
import type { UserState } from '../../../actors/user/index.js';
import { EngineError } from '../../errors/index.js';
import type { ShardPlacement } from '../../placement/index.js';
import { itemCursorKey, reminderKey, userCursorKey, type StateStore } from '../../store/index.js';
import type { ApplyResult } from './apply-batch.js';

export interface CommitInput {
  users: Iterable<[string, UserState]>;
  items: Iterable<[string, ItemState]>;
  rules: Iterable<[string, RuleBudgetState]>;
  campaigns: Iterable<[string, CampaignBudgetState]>;
  result: ApplyResult;
  placement: ShardPlacement;
  /** Updated in place once the transaction committed. */
  userCursor: Map<number, number>;
  itemCursor: Map<number, number>;
}

export function commitBatch(store: StateStore, c: CommitInput): void {
  const seq = c.result.appliedSeq;
  const next = new Map<number, [number, number]>();
  try {
    store.root.transactionSync(() => {
      for (const [id, s] of c.users) store.users.put(id, s);
      for (const [id, s] of c.items) store.items.put(id, s);
      for (const [id, s] of c.rules) store.rules.put(id, s);
      for (const [id, s] of c.campaigns) store.campaigns.put(id, s);
      for (const r of c.result.reminderPuts) store.reminders.put(reminderKey(r.dueAt, r.userId, r.name), r);
      for (const k of c.result.reminderDels) store.reminders.remove(k);
      for (const o of c.result.outbox) store.outbox.put(o.key, o);
      // Cursors only move forward: while the model replica replays history that the
      // actors already hold, a batch's last sequence can be below a partition's cursor.
      for (const p of c.placement.owned) {
        const u = Math.max(seq, c.userCursor.get(p)!);
        const i = Math.max(seq, c.itemCursor.get(p)!);
        store.cursors.put(userCursorKey(p), u);
        store.cursors.put(itemCursorKey(p), i);
        next.set(p, [u, i]);
      }
    });
  } catch (err) {
    // In-memory state is now ahead of LMDB: let the supervisor restart this shard from its cursors.
    throw new EngineError('E_INTERNAL', 'LMDB commit failed; shard must recover', { cause: err });
  }
  for (const [p, [u, i]] of next) {
    c.userCursor.set(p, u);
    c.itemCursor.set(p, i);
  }
}
