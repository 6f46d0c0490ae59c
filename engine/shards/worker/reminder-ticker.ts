/**
 * Publishes due reminders (persisted actor timers) of owned partitions to the log; the
 * actor folds them like any event. The event id is derived from the reminder, so a
 * reminder re-published after a crash is dropped by the log.
 */
import type { JetStreamClient } from '@nats-io/jetstream';
import { encodeEvent, type ShopEvent } from '../../../protos/index.js';
import { dedupKey } from '../../log/index.js';
import type { Logger } from '../../observability/index.js';
import { eventSubject, hash32, type ShardPlacement } from '../../placement/index.js';
import { reminderKey, type StateStore } from '../../store/index.js';

export const REMINDER_TICK_MS = 200;

export class ReminderTicker {
  readonly #d: { js: JetStreamClient; store: StateStore; placement: ShardPlacement; log: Logger };
  /** Reminder keys published and not yet folded (cancelled by their own fold). */
  readonly #published = new Set<string>();

  constructor(deps: { js: JetStreamClient; store: StateStore; placement: ShardPlacement; log: Logger }) {
    this.#d = deps;
  }

  /** A reminder was folded (or cancelled): it may be published again if re-armed. */
  forget(keys: readonly string[]): void {
    for (const k of keys) this.#published.delete(k);
  }

  tick(now = Date.now()): void {
    const { store, placement, js, log } = this.#d;
    const end = reminderKey(now + 1, '', '');
    for (const { key, value } of store.reminders.getRange({ end })) {
      if (!placement.owns(value.partition) || this.#published.has(key)) continue;
      this.#published.add(key);
      const e: ShopEvent = { id: `rem-${hash32(key).toString(36)}-${value.dueAt}`, userId: value.userId, kind: 'reminder', ts: now, reminder: value.name, dueAt: value.dueAt, source: 'engine' };
      js.publish(eventSubject(value.partition), encodeEvent(e), { msgID: dedupKey(e) }).catch((err: unknown) => {
        this.#published.delete(key);
        log.warn('reminder publish failed; will retry', { err });
      });
    }
  }
}
