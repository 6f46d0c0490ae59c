/** Reading the engine's JSON-lines log back (tests, benchmarks, tools that wait for a line). */
export interface LogRecord {
  level: string;
  time: string;
  component: string;
  msg: string;
  [field: string]: unknown;
}

/** The record on one line, or undefined for anything that is not one (pretty output, stray text). */
export function parseLogLine(line: string): LogRecord | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const r = JSON.parse(line) as Partial<LogRecord>;
    return typeof r.msg === 'string' && typeof r.time === 'string' ? (r as LogRecord) : undefined;
  } catch {
    return undefined;
  }
}

/** The first record with this message in a chunk of log text. */
export function findLogRecord(text: string, msg: string): LogRecord | undefined {
  for (const line of text.split('\n')) {
    if (!line.includes(msg)) continue;
    const r = parseLogLine(line);
    if (r?.msg === msg) return r;
  }
  return undefined;
}
