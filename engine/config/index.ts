/**
 * Engine configuration, read from the environment and validated up front: a bad
 * value stops start-up with E_BAD_CONFIG naming the variable, never later.
 */
import { checkLogisticsWeights, DEFAULT_LOGISTICS_WEIGHTS, type LogisticsWeights } from '../../actors/ranking/index.js';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { SegmentMap, type SegmentRule } from '../analytics/customers/segments.js';
import { ConfigError } from '../errors/index.js';

export const DEFAULT_PORT = 8080;
export const DEFAULT_GRPC_PORT = 50051;
export const DEFAULT_DATA_DIR = './data';
/** Fixed partition count of the event log (subjects shop.ev.0 .. shop.ev.31). Changing it re-homes every user. */
export const DEFAULT_PARTITIONS = 32;
export const DEFAULT_ACTOR_CAP = 50_000;
export const DEFAULT_ACTOR_IDLE_MS = 10 * 60_000;
export const DEFAULT_CART_ABANDON_MS = 30 * 60_000;
export const DEFAULT_TOKEN_TTL_S = 7 * 24 * 3600;
export const DEFAULT_MAX_WS_MESSAGES_PER_S = 50;
export const DEFAULT_SHARD_NICENESS = 5;
/** Intent bands: below 0.3 low, from 0.7 high. */
export const DEFAULT_INTENT_BANDS: readonly number[] = [0.3, 0.7];
export const DEFAULT_INTENT_SESSION_GAP_MS = 30 * 60_000;
export const DEFAULT_INTENT_TRAIN_EVERY_MS = 5 * 60_000;
export const DEFAULT_INTENT_MIN_SESSIONS = 200;

export interface EngineConfig {
  /** NATS server or cluster URL(s); undefined = run an embedded nats-server. */
  natsUrl: string | undefined;
  /** Port of the embedded nats-server; 0 = any free port. */
  natsPort: number;
  dataDir: string;
  /** Address HTTP and gRPC listen on. @default 0.0.0.0 (all interfaces) */
  host: string;
  port: number;
  grpcPort: number;
  /** gRPC unary calls worked on at once, and open streams; beyond them, RESOURCE_EXHAUSTED. */
  grpcMaxInFlight: number;
  grpcMaxStreams: number;
  /** Number of shard worker threads. @default one per core */
  shards: number;
  partitions: number;
  /** CATALOG file path, or undefined for the built-in demo catalog. */
  catalog: string | undefined;
  /** Products in the built-in demo catalog (CATALOG unset). */
  demoCatalogSize: number;
  /** HMAC secret for session tokens; undefined = generated once and kept in DATA_DIR. */
  sessionSecret: string | undefined;
  tokenTtlS: number;
  /** gRPC API key; undefined = generated and kept in DATA_DIR unless `grpcAuth` is false. */
  apiKey: string | undefined;
  grpcAuth: boolean;
  /** Run the analytics consumer in this process (off: another node folds the log for operators). */
  analytics: boolean;
  /** Serve gRPC server reflection (the schema only; no key needed, by choice). */
  grpcReflection: boolean;
  /** Most active actors held in memory per shard before the least recently used are passivated. */
  actorCap: number;
  actorIdleMs: number;
  cartAbandonMs: number;
  /** Publish the default promotion rules the log does not have yet at start (PROMO_DEFAULT_RULES). @default true */
  promoDefaults: boolean;
  /** Sponsored products in /api/search and /api/recommendations answers (ADS). @default true */
  ads: boolean;
  /** Least price per click an ad pays, and least bid that takes part (ADS_RESERVE_PRICE, dollars). @default 0.05 */
  adsReservePrice: number;
  /** Share of an answer's slots sponsored entries may take, never more (ADS_SLOT_SHARE). @default 0.2 */
  adsSlotShare: number;
  /** Weights of the logistics multiplier in recommendations, search and ads (LOGISTICS_WEIGHTS=delivery:0.4,late:0.3,returns:0.3,strength:0.3). */
  logisticsWeights: LogisticsWeights;
  /** Exclude recently purchased items from recommendations. */
  excludePurchased: boolean;
  maxWsMessagesPerS: number;
  /** `/metrics` asks for the API key (`x-api-key` or `Authorization: Bearer`). */
  metricsAuth: boolean;
  /** Browser origins allowed to open /ws; empty = the page's own origin only; `*` = any. Clients without an Origin (services) are not browsers and pass. */
  wsAllowedOrigins: string[];
  /** Messages/s one user may send across all its sockets. @default 2 x maxWsMessagesPerS */
  maxUserMessagesPerS: number;
  /** Niceness of shard threads relative to the gateway (0 = same priority); see runtime/thread-priority.ts. */
  shardNiceness: number;
  /** Start even when uWebSockets.js fell back to its slow pure-JS shim. */
  allowUwsFallback: boolean;
  /** Stream replicas (1 on one node, 3 on a cluster). */
  streamReplicas: number;
  /** Events are refused (E_STORAGE_FULL) while the disk under DATA_DIR has less free space than this. */
  diskMinFreeMb: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Score purchase intent in the user actors (INTENT; off: no features, no scores, no pushes). */
  intent: boolean;
  /** Ascending score thresholds in (0, 1) between intent bands; crossing one pushes the score. */
  intentBands: number[];
  /** Inactivity that ends an intent session (and labels it: bought or not). */
  intentSessionGapMs: number;
  /** How often the intent trainer tries a new model from the log (0 = never; models on the log still apply). */
  intentTrainEveryMs: number;
  /** Finished sessions the trainer needs before its first fit. */
  intentMinSessions: number;
  /** RFM segment rules (SEGMENT_RULES: a JSON file of [{name, r: [min, max], fm: [min, max]}], first match wins); undefined = the default 11. */
  segmentRules: SegmentRule[] | undefined;
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, dflt: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (!/^-?\d+$/.test(raw.trim())) throw new ConfigError(name, `expected an integer, got ${JSON.stringify(raw)}`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: Env, name: string, dflt: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return dflt;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `expected true or false, got ${JSON.stringify(env[name])}`);
}

function hostOf(env: Env): string {
  const raw = env['HOST']?.trim();
  if (!raw) return '0.0.0.0';
  if (!/^[A-Za-z0-9.:-]{1,253}$/.test(raw)) throw new ConfigError('HOST', `expected an IP address or host name, got ${JSON.stringify(raw)}`);
  return raw;
}

function originsOf(env: Env): string[] {
  const raw = env['WS_ALLOWED_ORIGINS']?.trim();
  if (!raw) return [];
  const list = raw.split(',').map((o) => o.trim()).filter(Boolean);
  for (const o of list) {
    if (o !== '*' && !/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(o)) throw new ConfigError('WS_ALLOWED_ORIGINS', `expected origins like https://shop.example.com, got ${JSON.stringify(o)}`);
  }
  return list;
}

/** SEGMENT_RULES: a file of rules, checked as the analytics will use them (every R x FM cell covered, names unique). */
function segmentRulesOf(env: Env): SegmentRule[] | undefined {
  const path = str(env, 'SEGMENT_RULES');
  if (path === undefined) return undefined;
  let rules: SegmentRule[];
  try {
    rules = JSON.parse(readFileSync(resolve(path), 'utf8')) as SegmentRule[];
  } catch (err) {
    throw new ConfigError('SEGMENT_RULES', `cannot read ${path} as JSON: ${(err as Error).message}`);
  }
  try {
    return [...new SegmentMap(rules).rules];
  } catch (err) {
    throw new ConfigError('SEGMENT_RULES', `${path}: ${(err as Error).message}`);
  }
}

/** INTENT_BANDS: comma-separated ascending thresholds strictly between 0 and 1. */
function bandsOf(env: Env): number[] {
  const raw = str(env, 'INTENT_BANDS');
  if (raw === undefined) return [...DEFAULT_INTENT_BANDS];
  const parts = raw.split(',').map((x) => x.trim());
  if (parts.length > 5) throw new ConfigError('INTENT_BANDS', `at most 5 thresholds, got ${parts.length}`);
  const bands = parts.map((x) => {
    if (!/^(0?\.\d+)$/.test(x)) throw new ConfigError('INTENT_BANDS', `expected numbers between 0 and 1 like 0.3,0.7, got ${JSON.stringify(x)}`);
    return Number(x);
  });
  for (let i = 0; i < bands.length; i++) {
    if (!(bands[i]! > 0 && bands[i]! < 1)) throw new ConfigError('INTENT_BANDS', `thresholds must be strictly between 0 and 1, got ${bands[i]}`);
    if (i > 0 && bands[i]! <= bands[i - 1]!) throw new ConfigError('INTENT_BANDS', `thresholds must ascend, got ${bands[i - 1]} then ${bands[i]}`);
  }
  return bands;
}

function trainEveryOf(env: Env): number {
  const v = int(env, 'INTENT_TRAIN_EVERY_MS', DEFAULT_INTENT_TRAIN_EVERY_MS, 0, 7 * 24 * 3600_000);
  if (v !== 0 && v < 1000) throw new ConfigError('INTENT_TRAIN_EVERY_MS', `must be 0 (never) or at least 1000, got ${v}`);
  return v;
}

function logisticsWeightsOf(env: Env): LogisticsWeights {
  const raw = str(env, 'LOGISTICS_WEIGHTS');
  if (raw === undefined) return DEFAULT_LOGISTICS_WEIGHTS;
  const w: LogisticsWeights = { ...DEFAULT_LOGISTICS_WEIGHTS };
  for (const part of raw.split(',')) {
    const [k, v] = part.split(':').map((x) => x.trim());
    if (k !== 'delivery' && k !== 'late' && k !== 'returns' && k !== 'strength') throw new ConfigError('LOGISTICS_WEIGHTS', `unknown weight ${JSON.stringify(k)}: expected delivery, late, returns, strength`);
    if (v === undefined || !/^\d+(\.\d+)?$/.test(v)) throw new ConfigError('LOGISTICS_WEIGHTS', `${k} needs a number >= 0, got ${JSON.stringify(v)}`);
    w[k] = Number(v);
  }
  try {
    return checkLogisticsWeights(w);
  } catch (err) {
    throw new ConfigError('LOGISTICS_WEIGHTS', (err as Error).message);
  }
}

function str(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

export function loadConfig(env: Env = process.env, overrides: Partial<EngineConfig> = {}): EngineConfig {
  const natsUrl = str(env, 'NATS_URL');
  if (natsUrl !== undefined && !/^(nats|tls|wss?):\/\/[^\s]+$|^[\w.-]+:\d+(,[\w.-]+:\d+)*$/.test(natsUrl)) {
    throw new ConfigError('NATS_URL', `expected e.g. nats://127.0.0.1:4222, got ${JSON.stringify(natsUrl)}`);
  }
  const level = str(env, 'LOG_LEVEL') ?? 'info';
  if (!['debug', 'info', 'warn', 'error'].includes(level)) throw new ConfigError('LOG_LEVEL', 'expected debug, info, warn or error');
  const secret = str(env, 'SESSION_SECRET');
  if (secret !== undefined && secret.length < 16) throw new ConfigError('SESSION_SECRET', 'must be at least 16 characters');
  const cfg: EngineConfig = {
    natsUrl,
    natsPort: int(env, 'NATS_PORT', 0, 0, 65535),
    dataDir: resolve(str(env, 'DATA_DIR') ?? DEFAULT_DATA_DIR),
    port: int(env, 'PORT', DEFAULT_PORT, 0, 65535),
    grpcPort: int(env, 'GRPC_PORT', DEFAULT_GRPC_PORT, 0, 65535),
    grpcMaxInFlight: int(env, 'GRPC_MAX_IN_FLIGHT', 256, 1, 100_000),
    grpcMaxStreams: int(env, 'GRPC_MAX_STREAMS', 1000, 1, 1_000_000),
    shards: int(env, 'SHARDS', Math.max(1, availableParallelism()), 1, 64),
    partitions: int(env, 'PARTITIONS', DEFAULT_PARTITIONS, 1, 1024),
    catalog: str(env, 'CATALOG'),
    demoCatalogSize: int(env, 'DEMO_CATALOG_SIZE', 10_000, 100, 1_000_000),
    sessionSecret: secret,
    tokenTtlS: int(env, 'TOKEN_TTL_S', DEFAULT_TOKEN_TTL_S, 1, 365 * 24 * 3600),
    apiKey: str(env, 'API_KEY'),
    grpcAuth: bool(env, 'GRPC_AUTH', true),
    actorCap: int(env, 'ACTOR_CAP', DEFAULT_ACTOR_CAP, 10, 10_000_000),
    actorIdleMs: int(env, 'ACTOR_IDLE_MS', DEFAULT_ACTOR_IDLE_MS, 100, 24 * 3600_000),
    cartAbandonMs: int(env, 'CART_ABANDON_MS', DEFAULT_CART_ABANDON_MS, 50, 7 * 24 * 3600_000),
    excludePurchased: bool(env, 'EXCLUDE_PURCHASED', true),
    promoDefaults: bool(env, 'PROMO_DEFAULT_RULES', true),
    ads: bool(env, 'ADS', true),
    logisticsWeights: logisticsWeightsOf(env),
    adsReservePrice: int(env, 'ADS_RESERVE_CENTS', 5, 1, 100_000) / 100,
    adsSlotShare: int(env, 'ADS_SLOT_SHARE_PCT', 20, 0, 50) / 100,
    host: hostOf(env),
    grpcReflection: bool(env, 'GRPC_REFLECTION', true),
    analytics: bool(env, 'ANALYTICS', true),
    metricsAuth: bool(env, 'METRICS_AUTH', true),
    wsAllowedOrigins: originsOf(env),
    maxWsMessagesPerS: int(env, 'MAX_WS_MESSAGES_PER_S', DEFAULT_MAX_WS_MESSAGES_PER_S, 1, 100_000),
    maxUserMessagesPerS: int(env, 'MAX_USER_MESSAGES_PER_S', 2 * int(env, 'MAX_WS_MESSAGES_PER_S', DEFAULT_MAX_WS_MESSAGES_PER_S, 1, 100_000), 1, 200_000),
    shardNiceness: int(env, 'SHARD_NICENESS', DEFAULT_SHARD_NICENESS, 0, 19),
    allowUwsFallback: bool(env, 'ALLOW_UWS_FALLBACK', false),
    streamReplicas: int(env, 'STREAM_REPLICAS', 1, 1, 5),
    diskMinFreeMb: int(env, 'DISK_MIN_FREE_MB', 32, 0, 1_000_000),
    logLevel: level as EngineConfig['logLevel'],
    segmentRules: segmentRulesOf(env),
    intent: bool(env, 'INTENT', true),
    intentBands: bandsOf(env),
    intentSessionGapMs: int(env, 'INTENT_SESSION_GAP_MS', DEFAULT_INTENT_SESSION_GAP_MS, 1000, 7 * 24 * 3600_000),
    intentTrainEveryMs: trainEveryOf(env),
    intentMinSessions: int(env, 'INTENT_MIN_SESSIONS', DEFAULT_INTENT_MIN_SESSIONS, 20, 10_000_000),
    ...overrides,
  };
  return cfg;
}
