export { createLogger, type Logger, type LogLevel } from './logger.js';
export { Metrics } from './metrics.js';
export { findLogRecord, parseLogLine, type LogRecord } from './log-records.js';
export { createProgress, type Progress, type ProgressOptions } from './progress.js';
