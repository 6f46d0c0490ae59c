/**
 * Typed flags of the gRPC benchmark, validated before anything starts; a bad value
 * stops the run with a message naming the flag.
 */
import { parseArgs } from 'node:util';

export const SCENARIOS = {
  all: 'TrackBatch ingest (which also gives the users their history), then Recommend at a fixed rate',
  recommend: 'Recommend only, at a fixed rate (open loop): p50/p99 latency from the scheduled send time',
  'track-batch': 'TrackBatch only: events/s with every event acked after JetStream stored it',
  floor: 'no engine: the same Recommend load against do-nothing servers (grpc-js, bare node:http2), i.e. what the transport alone costs here',
} as const;
export type ScenarioName = keyof typeof SCENARIOS;

export interface BenchOptions {
  scenario: ScenarioName;
  /** Recommend requests per second, open loop; several = one run per rate, in order. @default [2000] */
  rates: number[];
  /** Measured seconds of Recommend load. @default 30 */
  durationS: number;
  /** Seconds of Recommend load before measuring. @default 5 */
  warmupS: number;
  /** Distinct users (u-...) the events and requests spread over. @default 2000 */
  users: number;
  /** Events sent through TrackBatch. @default 100000 */
  events: number;
  /** Concurrent TrackBatch streams. @default 4 */
  streams: number;
  /** Recommendations asked for per call. @default 8 */
  k: number;
  /** Engine shard workers. @default engine default (one per core) */
  shards: number | undefined;
  /** Where to append the results section. @default benchmarks/grpc/results.md */
  out: string | undefined;
  json: boolean;
  /** Also run the transport floor (see scenario floor) at the same rates, after the engine. */
  floor: boolean;
}

export const USAGE = `Usage: node dist/benchmarks/grpc/main.js [flags]

  --scenario NAME   ${Object.keys(SCENARIOS).join(' | ')} (default all)
  --rate R[,R...]   Recommend requests/s, open loop; a list runs each in turn (default 2000)
  --duration S      measured seconds of Recommend (default 30)
  --warmup S        unmeasured seconds of Recommend first (default 5)
  --users N         distinct users (default 2000)
  --events N        events through TrackBatch (default 100000)
  --streams N       concurrent TrackBatch streams (default 4)
  --k K             recommendations per call (default 8)
  --shards N        engine shard workers (default: one per core)
  --out FILE        append the results here (default benchmarks/grpc/results.md; "-" = nowhere)
  --floor           also measure the transport floor at the same rates (scenario floor)
  --json            print one JSON object as the last line
  --help

Scenarios:
${Object.entries(SCENARIOS).map(([k, v]) => `  ${k.padEnd(12)} ${v}`).join('\n')}
`;

function int(flag: string, raw: string | undefined, dflt: number, min: number, max: number): number {
  if (raw === undefined) return dflt;
  if (!/^\d+$/.test(raw)) throw new RangeError(`--${flag} must be an integer, got ${JSON.stringify(raw)}`);
  const n = Number(raw);
  if (n < min || n > max) throw new RangeError(`--${flag} must be from ${min} to ${max}, got ${n}`);
  return n;
}

export function parseBenchArgs(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      scenario: { type: 'string' }, rate: { type: 'string' }, duration: { type: 'string' }, warmup: { type: 'string' },
      users: { type: 'string' }, events: { type: 'string' }, streams: { type: 'string' }, k: { type: 'string' },
      shards: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, floor: { type: 'boolean' }, help: { type: 'boolean' },
    },
  });
  if (values.help) return 'help';
  const scenario = values.scenario ?? 'all';
  if (!(scenario in SCENARIOS)) throw new RangeError(`--scenario must be one of ${Object.keys(SCENARIOS).join(', ')}, got ${JSON.stringify(scenario)}`);
  return {
    scenario: scenario as ScenarioName,
    rates: (values.rate ?? '2000').split(',').map((r) => int('rate', r.trim(), 2000, 1, 100_000)),
    durationS: int('duration', values.duration, 30, 1, 3600),
    warmupS: int('warmup', values.warmup, 5, 0, 600),
    users: int('users', values.users, 2000, 1, 1_000_000),
    events: int('events', values.events, 100_000, 1, 10_000_000),
    streams: int('streams', values.streams, 4, 1, 256),
    k: int('k', values.k, 8, 1, 100),
    shards: values.shards === undefined ? undefined : int('shards', values.shards, 0, 1, 64),
    out: values.out === '-' ? undefined : (values.out ?? 'benchmarks/grpc/results.md'),
    json: values.json ?? false,
    floor: values.floor ?? scenario === 'floor',
  };
}
