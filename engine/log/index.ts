export { EmbeddedNatsServer } from './nats-server.js';
export { findNatsServer, launchNatsServer, natsServerArgs, NATS_INSTALL_HINT, type NatsServerProcess, type NatsServerSpec } from './nats-server-process.js';
export { connectNats, redactNatsUrl, splitCredentials } from './nats-client.js';
export { EventLog, type StorageGuard, dedupKey, ensureEventStream, DUPLICATE_WINDOW_MS, MAX_EVENT_BYTES, type PublishResult } from './event-log.js';
export { LogPump, DEFAULT_MAX_BATCH, type LogRecord, type LogPumpOptions } from './log-pump.js';
export { LogHealth, DEFAULT_MIN_FREE_BYTES, type LogHealthSnapshot } from './log-health.js';
export { readDefinitions, readRecent, type ReadRecord } from './log-reader.js';
