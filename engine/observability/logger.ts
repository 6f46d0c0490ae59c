/**
 * Structured logs through pino: one JSON object per line on stderr (machine-readable,
 * what log shippers expect), pretty and coloured when stderr is a terminal. Tokens,
 * keys and passwords are redacted wherever they appear in the fields, so a debug line
 * never leaks a credential into a log store.
 */
import { pino, stdSerializers, type Logger as PinoLogger } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(component: string): Logger;
}

/** Field names whose values never reach a log line, at the top level and one level down. */
const SECRET_KEYS = ['token', 'apiKey', 'api_key', 'password', 'pass', 'secret', 'authorization', 'cookie', 'credentials', 'operatorKey', 'metricsKey'];
export const REDACT_PATHS: readonly string[] = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `headers.${k}`]);

/** Errors keep their code and cause (pino's err serializer keeps message, stack and own fields). */
function serializeError(e: unknown): unknown {
  if (!(e instanceof Error)) return e;
  const o = stdSerializers.err(e) as unknown as Record<string, unknown>;
  if (e.cause !== undefined) o['cause'] = serializeError(e.cause);
  return o;
}

function wrap(p: PinoLogger, component: string): Logger {
  const at = (lvl: LogLevel) => (msg: string, fields?: Record<string, unknown>) => {
    if (!p.isLevelEnabled(lvl)) return;
    if (fields === undefined) p[lvl](msg);
    else p[lvl](fields, msg);
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (c) => {
      const name = `${component}.${c}`;
      return wrap(p.child({ component: name }), name);
    },
  };
}

export interface LoggerOptions {
  /** Where lines go; default stderr (fd 2), synchronously so a crash loses nothing. */
  destination?: NodeJS.WritableStream;
  /** Pretty lines for humans; default: when stderr is a terminal and LOG_FORMAT is not json. */
  pretty?: boolean;
}

export function createLogger(level: LogLevel = (process.env['LOG_LEVEL'] as LogLevel) ?? 'info', component = 'engine', opts: LoggerOptions = {}): Logger {
  const lvl = LEVELS.includes(level) ? level : 'info';
  const pretty = opts.pretty ?? (process.stderr.isTTY === true && process.env['LOG_FORMAT'] !== 'json');
  const options = {
    level: lvl,
    base: { component },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
    serializers: { err: serializeError, error: serializeError, cause: serializeError },
  };
  const dest = opts.destination
    ?? (pretty
      ? pino.transport({ target: 'pino-pretty', options: { destination: 2, colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } })
      : pino.destination({ dest: 2, sync: true }));
  return wrap(pino(options, dest), component);
}
