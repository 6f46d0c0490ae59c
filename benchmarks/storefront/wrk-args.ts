/** Typed flags of the storefront HTTP benchmark, validated up front. */
import { parseArgs } from 'node:util';

export interface WrkArgs {
  /** Seconds per target. @default 15 */
  duration: number;
  /** Open connections. @default 64 */
  connections: number;
  /** wrk threads. @default 2 */
  threads: number;
  /** Demo catalog size of the engine under test. @default 10000 */
  catalog: number;
  /** Where the markdown report goes (a .json beside it). @default benchmarks/storefront/results.md */
  out: string;
  json: boolean;
}

export const DEFAULTS: WrkArgs = { duration: 15, connections: 64, threads: 2, catalog: 10_000, out: 'benchmarks/storefront/results.md', json: false };

export const USAGE = `usage: node dist/benchmarks/storefront/wrk-bench.js [--duration S] [--connections N] [--threads N] [--catalog N] [--out FILE] [--json]`;

function int(name: string, raw: string | undefined, dflt: number, min: number, max: number): number {
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new RangeError(`--${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}\n${USAGE}`);
  return n;
}

export function parseWrkArgs(argv: string[]): WrkArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string' }, connections: { type: 'string' }, threads: { type: 'string' },
      catalog: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' },
    },
    strict: true,
  });
  return {
    duration: int('duration', values.duration, DEFAULTS.duration, 1, 3600),
    connections: int('connections', values.connections, DEFAULTS.connections, 1, 10_000),
    threads: int('threads', values.threads, DEFAULTS.threads, 1, 64),
    catalog: int('catalog', values.catalog, DEFAULTS.catalog, 100, 1_000_000),
    out: values.out ?? DEFAULTS.out,
    json: values.json ?? false,
  };
}
