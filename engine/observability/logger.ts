/** A small structured logger: one JSON object per line on stderr, so logs stay machine-readable. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(component: string): Logger;
}

function serialize(v: unknown): unknown {
  if (v instanceof Error) {
    const o: Record<string, unknown> = { name: v.name, message: v.message };
    if ('code' in v) o['code'] = (v as { code: unknown }).code;
    if (v.cause !== undefined) o['cause'] = serialize(v.cause);
    return o;
  }
  return v;
}

export function createLogger(level: LogLevel = (process.env['LOG_LEVEL'] as LogLevel) ?? 'info', component = 'engine'): Logger {
  const min = RANK[level] ?? RANK.info;
  const write = (lvl: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (RANK[lvl] < min) return;
    const rec: Record<string, unknown> = { t: new Date().toISOString(), level: lvl, component, msg };
    if (fields) for (const [k, v] of Object.entries(fields)) rec[k] = serialize(v);
    process.stderr.write(JSON.stringify(rec) + '\n');
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (c) => createLogger(level, `${component}.${c}`),
  };
}
