export { StateStore, userCursorKey, itemCursorKey, reminderKey, type ReminderEntry } from './state-store.js';
