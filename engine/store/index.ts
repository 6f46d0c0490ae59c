export { StateStore, userCursorKey, itemCursorKey, reminderKey, type ReminderEntry, type OutboxEntry } from './state-store.js';
