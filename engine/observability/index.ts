export { createLogger, type Logger, type LogLevel } from './logger.js';
export { Metrics } from './metrics.js';
