/**
 * Typed command-line flags of `npm run loadgen`, validated up front: a bad value
 * stops the run before any socket opens, with a message naming the flag.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FlagError } from './errors.js';

/** Named scenarios: what each virtual shopper does. */
export const SCENARIOS = {
  browse: 'behaviour model: browse a category, view, dwell, search, cart, buy or abandon, with think times (open loop)',
  replay: 'replays real sessions from --data (YOOCHOOSE / RetailRocket clicks) mapped onto catalog items (open loop)',
  flood: 'capacity probe: each shopper keeps --inflight events outstanding and sends the next on each ack (closed loop; --rate ignored)',
} as const;
export type ScenarioName = keyof typeof SCENARIOS;

export const DEFAULT_URL = 'http://127.0.0.1:8080';
export const DEFAULT_SHOPPERS = 100;
export const DEFAULT_RATE = 100;
export const DEFAULT_DURATION_S = 30;
export const DEFAULT_DATA_DIR = '../shared/data';
export const DEFAULT_SETTLE_MS = 1000;
export const DEFAULT_DRAIN_S = 10;
export const DEFAULT_INFLIGHT = 4;
export const DEFAULT_SEED = 1;
export const MAX_SHOPPERS = 100_000;
/** Shoppers one loadgen thread drives before `--workers auto` adds another. */
export const SHOPPERS_PER_WORKER = 2500;

export interface LoadgenOptions {
  /** Engine base URL (http://host:port). @default http://127.0.0.1:8080 */
  url: string;
  /** Virtual shoppers, each with its own session and WebSocket. @default 100 */
  shoppers: number;
  /** Target events per second over all shoppers (open loop). @default 100 */
  rate: number;
  /** Measured seconds (after the warm-up). @default 30 */
  durationS: number;
  /** Seconds of load before measuring starts; not counted in the histograms. @default 0 */
  warmupS: number;
  scenario: ScenarioName;
  /** Session data for `replay`: a folder with train_sessions.tsv, or its parent. @default ../shared/data */
  dataDir: string;
  /** Loadgen threads; @default ceil(shoppers / 2500), at most the cores. */
  workers: number;
  seed: number;
  /** Wait after the last ack before reading profiles for the lost check. @default 1000 */
  settleMs: number;
  /** How long to wait for outstanding acks and pushes after sending stops. @default 10 */
  drainS: number;
  /** Outstanding events per shopper in the `flood` scenario. @default 4 */
  inflight: number;
  /** Skip the /api/profile check at the end (no lost count). @default false */
  skipVerify: boolean;
  json: boolean;
  quiet: boolean;
}

export const USAGE = `Usage: npm run loadgen -- [flags]

  --url URL            engine base URL (default ${DEFAULT_URL})
  --shoppers N         virtual shoppers, each a WebSocket with its own session (default ${DEFAULT_SHOPPERS})
  --rate R             target events/s over all shoppers, open loop (default ${DEFAULT_RATE})
  --duration S         measured seconds (default ${DEFAULT_DURATION_S})
  --warmup S           seconds of load before measuring (default 0)
  --scenario NAME      ${Object.keys(SCENARIOS).join(' | ')} (default browse)
  --data DIR           session data for replay (default ${DEFAULT_DATA_DIR})
  --workers W          loadgen threads (default: one per ${SHOPPERS_PER_WORKER} shoppers, at most the cores)
  --seed N             seed of the behaviour model (default ${DEFAULT_SEED})
  --settle MS          wait before the lost check (default ${DEFAULT_SETTLE_MS})
  --drain S            wait for outstanding acks/pushes after sending stops (default ${DEFAULT_DRAIN_S})
  --inflight K         flood: outstanding events per shopper (default ${DEFAULT_INFLIGHT})
  --skip-verify        do not read /api/profile at the end (no lost count)
  --json               print one JSON object as the last line
  --quiet              no progress line
  --help

Scenarios:
${Object.entries(SCENARIOS).map(([k, v]) => `  ${k.padEnd(8)} ${v}`).join('\n')}
`;

function num(flag: string, raw: string | undefined, dflt: number, min: number, max: number, integer: boolean): number {
  if (raw === undefined) return dflt;
  const s = raw.trim();
  const n = Number(s);
  if (s === '' || !Number.isFinite(n)) throw new FlagError(flag, `expected a number, got ${JSON.stringify(raw)}`);
  if (integer && !Number.isInteger(n)) throw new FlagError(flag, `expected an integer, got ${JSON.stringify(raw)}`);
  if (n < min || n > max) throw new FlagError(flag, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

/** Parses argv (without node and script); throws FlagError naming the flag. Returns undefined for --help. */
export function parseLoadgenArgs(argv: readonly string[], cores = availableParallelism()): LoadgenOptions | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        url: { type: 'string' },
        shoppers: { type: 'string' },
        rate: { type: 'string' },
        duration: { type: 'string' },
        warmup: { type: 'string' },
        scenario: { type: 'string' },
        data: { type: 'string' },
        workers: { type: 'string' },
        seed: { type: 'string' },
        settle: { type: 'string' },
        drain: { type: 'string' },
        inflight: { type: 'string' },
        'skip-verify': { type: 'boolean' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    const e = err as Error & { code?: string };
    const m = /option '(?:-\w, )?--?([\w-]+)/i.exec(e.message);
    throw new FlagError(m?.[1] ?? 'args', e.message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const v = parsed.values;
  if (v.help) return undefined;

  const url = (v.url ?? DEFAULT_URL).trim().replace(/\/+$/, '');
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new FlagError('url', `expected an http(s) URL such as ${DEFAULT_URL}, got ${JSON.stringify(v.url)}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FlagError('url', `expected http:// or https://, got ${u.protocol}`);

  const scenario = (v.scenario ?? 'browse').trim();
  if (!Object.hasOwn(SCENARIOS, scenario)) {
    throw new FlagError('scenario', `unknown scenario ${JSON.stringify(scenario)}: expected one of ${Object.keys(SCENARIOS).join(', ')}`);
  }
  const shoppers = num('shoppers', v.shoppers, DEFAULT_SHOPPERS, 1, MAX_SHOPPERS, true);
  const workersRaw = v.workers === undefined || v.workers.trim() === 'auto' ? undefined : v.workers;
  const autoWorkers = Math.max(1, Math.min(cores, Math.ceil(shoppers / SHOPPERS_PER_WORKER)));
  const workers = num('workers', workersRaw, autoWorkers, 1, 64, true);
  if (workers > shoppers) throw new FlagError('workers', `${workers} workers for ${shoppers} shoppers: each worker needs at least one shopper`);
  return {
    url,
    shoppers,
    rate: num('rate', v.rate, DEFAULT_RATE, 0.01, 10_000_000, false),
    durationS: num('duration', v.duration, DEFAULT_DURATION_S, 0.1, 7 * 24 * 3600, false),
    warmupS: num('warmup', v.warmup, 0, 0, 3600, false),
    scenario: scenario as ScenarioName,
    dataDir: resolve(v.data ?? DEFAULT_DATA_DIR),
    workers,
    seed: num('seed', v.seed, DEFAULT_SEED, 0, 2 ** 32 - 1, true),
    settleMs: num('settle', v.settle, DEFAULT_SETTLE_MS, 0, 600_000, true),
    drainS: num('drain', v.drain, DEFAULT_DRAIN_S, 0, 3600, false),
    inflight: num('inflight', v.inflight, DEFAULT_INFLIGHT, 1, 1000, true),
    skipVerify: v['skip-verify'] ?? false,
    json: v.json ?? false,
    quiet: v.quiet ?? false,
  };
}
