/**
 * Typed command-line flags of `npm run loadgen`, validated up front: a bad value
 * stops the run before any socket opens, with a message naming the flag.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FlagError } from './errors.js';

/** Named scenarios: what each virtual shopper does. */
export const SCENARIOS = {
  browse: 'behaviour model: browse a category, view, dwell, search, cart, buy or abandon, with think times (open loop)',
  personas: 'browse with personas: each shopper has a preferred category (most visits start there) and is a buyer (30 %: focused, dwells, carts and buys) or a browser (wanders, rarely buys)',
  replay: 'replays real sessions from --data (YOOCHOOSE / RetailRocket clicks) mapped onto catalog items (open loop)',
  flood: 'capacity probe: each shopper keeps --inflight events outstanding and sends the next on each ack (closed loop; --rate ignored)',
} as const;
export type ScenarioName = keyof typeof SCENARIOS;

/** How shoppers talk to the engine. */
export const PROTOCOLS = {
  ws: 'each shopper a session and a WebSocket: events, acks and pushes on it; profiles from GET /api/profile',
  grpc: 'each shopper a user id: events by unary Track, pushes from StreamRecommendations, profiles from GetProfile; shoppers share --grpc-channels HTTP/2 connections per thread',
} as const;
export type Protocol = keyof typeof PROTOCOLS;

export const DEFAULT_URL = 'http://127.0.0.1:8080';
export const DEFAULT_SHOPPERS = 100;
export const DEFAULT_RATE = 100;
export const DEFAULT_DURATION_S = 30;
export const DEFAULT_DATA_DIR = '../shared/data';
export const DEFAULT_SETTLE_MS = 1000;
export const DEFAULT_DRAIN_S = 10;
export const DEFAULT_INFLIGHT = 4;
export const DEFAULT_SEED = 1;
export const DEFAULT_GRPC_TARGET = '127.0.0.1:50051';
/** HTTP/2 connections per loadgen thread in gRPC mode. */
export const DEFAULT_GRPC_CHANNELS = 4;
/** Where the engine keeps its generated gRPC key: its DATA_DIR (default ./data), file api-key. */
export const ENGINE_DEFAULT_DATA_DIR = './data';
export const ENGINE_API_KEY_FILE = 'api-key';
export const MAX_SHOPPERS = 100_000;
/** Shoppers one loadgen thread drives before `--workers auto` adds another. */
export const SHOPPERS_PER_WORKER = 2500;

export interface LoadgenOptions {
  /** @default ws */
  protocol: Protocol;
  /** Engine base URL (http://host:port), WebSocket mode. @default http://127.0.0.1:8080 */
  url: string;
  /** The engine's gRPC address (HOST:PORT), gRPC mode. @default 127.0.0.1:50051 */
  grpcTarget: string;
  /** gRPC mode: the engine's API key (undefined in WebSocket mode). */
  apiKey: string | undefined;
  /** Where the key came from, for the progress line (`--api-key`, `API_KEY`, or a file). */
  apiKeySource: string | undefined;
  /** gRPC mode: HTTP/2 connections per loadgen thread. @default 4 */
  grpcChannels: number;
  /** Virtual shoppers, each with its own session and WebSocket (or user id and push stream). @default 100 */
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

  --protocol P         ${Object.keys(PROTOCOLS).join(' | ')} (default ws)
  --url URL            engine base URL, ws only (default ${DEFAULT_URL})
  --grpc-url HOST:PORT the engine's gRPC API, grpc only (default ${DEFAULT_GRPC_TARGET})
  --api-key KEY        grpc: the engine's API key (else --engine-data, else $API_KEY,
                       else $DATA_DIR/api-key or ${ENGINE_DEFAULT_DATA_DIR}/api-key, as the engine looks)
  --engine-data DIR    grpc: the engine's DATA_DIR; the key is read from DIR/api-key
  --grpc-channels C    grpc: HTTP/2 connections per loadgen thread, shared by its shoppers (default ${DEFAULT_GRPC_CHANNELS})
  --shoppers N         virtual shoppers, each with its own session and WebSocket or push stream (default ${DEFAULT_SHOPPERS})
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
  --skip-verify        do not read the profiles at the end (no lost count)
  --json               print one JSON object as the last line
  --quiet              no progress line
  --help

Scenarios:
${Object.entries(SCENARIOS).map(([k, v]) => `  ${k.padEnd(8)} ${v}`).join('\n')}

Protocols:
${Object.entries(PROTOCOLS).map(([k, v]) => `  ${k.padEnd(8)} ${v}`).join('\n')}
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

function grpcTarget(raw: string | undefined): string {
  if (raw === undefined) return DEFAULT_GRPC_TARGET;
  const s = raw.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) throw new FlagError('grpc-url', `expected HOST:PORT without a scheme, such as ${DEFAULT_GRPC_TARGET}, got ${JSON.stringify(raw)}`);
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(s);
  if (!m) throw new FlagError('grpc-url', `expected HOST:PORT such as ${DEFAULT_GRPC_TARGET}, got ${JSON.stringify(raw)}`);
  const port = Number(m[2]);
  if (port < 1 || port > 65535) throw new FlagError('grpc-url', `port must be between 1 and 65535, got ${port}`);
  return s;
}

function checkKey(flag: string, key: string, from: string): string {
  // Metadata values are printable ASCII; a key with spaces or newlines was copied wrong.
  if (!/^[\x21-\x7e]+$/.test(key)) throw new FlagError(flag, `the API key ${from} must be printable ASCII without spaces${key === '' ? ', got an empty one' : ''}`);
  return key;
}

function readKeyFile(flag: string, file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new FlagError(flag, `cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): the engine writes DATA_DIR/${ENGINE_API_KEY_FILE} on its first start when API_KEY is unset`);
  }
  return checkKey(flag, text.trim(), `in ${file}`);
}

/** The gRPC key, looked for where the engine keeps it; throws FlagError when it is nowhere. */
function apiKeyOf(flagKey: string | undefined, engineData: string | undefined, env: Readonly<Record<string, string | undefined>>): { apiKey: string; apiKeySource: string } {
  if (flagKey !== undefined) return { apiKey: checkKey('api-key', flagKey, 'given with --api-key'), apiKeySource: '--api-key' };
  if (engineData !== undefined) {
    const file = join(resolve(engineData), ENGINE_API_KEY_FILE);
    return { apiKey: readKeyFile('engine-data', file), apiKeySource: file };
  }
  const fromEnv = env['API_KEY'];
  if (fromEnv !== undefined && fromEnv !== '') return { apiKey: checkKey('api-key', fromEnv, 'in $API_KEY'), apiKeySource: '$API_KEY' };
  const file = join(resolve(env['DATA_DIR'] || ENGINE_DEFAULT_DATA_DIR), ENGINE_API_KEY_FILE);
  if (existsSync(file)) return { apiKey: readKeyFile('engine-data', file), apiKeySource: file };
  throw new FlagError('api-key', `--protocol grpc needs the engine's API key: pass --api-key KEY, or --engine-data DIR (the engine's DATA_DIR, holding ${ENGINE_API_KEY_FILE}); $API_KEY is unset and there is no ${file}`);
}

/**
 * Parses argv (without node and script); throws FlagError naming the flag. Returns undefined for --help.
 * `env` is where the gRPC key is looked for last ($API_KEY, $DATA_DIR), as the engine does.
 */
export function parseLoadgenArgs(argv: readonly string[], cores = availableParallelism(), env: Readonly<Record<string, string | undefined>> = process.env): LoadgenOptions | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        protocol: { type: 'string' },
        url: { type: 'string' },
        'grpc-url': { type: 'string' },
        'api-key': { type: 'string' },
        'engine-data': { type: 'string' },
        'grpc-channels': { type: 'string' },
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

  const protocol = (v.protocol ?? 'ws').trim();
  if (!Object.hasOwn(PROTOCOLS, protocol)) {
    throw new FlagError('protocol', `unknown protocol ${JSON.stringify(protocol)}: expected one of ${Object.keys(PROTOCOLS).join(', ')}`);
  }
  const grpc = protocol === 'grpc';
  if (!grpc) {
    for (const flag of ['grpc-url', 'api-key', 'engine-data', 'grpc-channels'] as const) {
      if (v[flag] !== undefined) throw new FlagError(flag, 'only applies with --protocol grpc');
    }
  } else if (v.url !== undefined) {
    throw new FlagError('url', '--protocol grpc talks only to --grpc-url (the catalog comes from ListItems); drop --url');
  }
  const key = grpc ? apiKeyOf(v['api-key'], v['engine-data'], env) : undefined;

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
    protocol: protocol as Protocol,
    url,
    grpcTarget: grpcTarget(v['grpc-url']),
    apiKey: key?.apiKey,
    apiKeySource: key?.apiKeySource,
    grpcChannels: num('grpc-channels', v['grpc-channels'], DEFAULT_GRPC_CHANNELS, 1, 64, true),
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
