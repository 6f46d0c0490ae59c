/**
 * The `replay` behaviour: real click sessions (../shared/data, one session a line,
 * item ids separated by spaces) replayed as `view` events. Data-set items are mapped
 * onto catalog items by popularity rank: the i-th most clicked data-set item becomes
 * the i-th item of a seeded shuffle of the catalog (wrapping when the data set has
 * more items), so popular items stay distinct and co-clicks stay co-clicks.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LoadgenError } from '../errors.js';
import { Rng } from '../rng.js';
import { THINK_AFTER } from './browse.js';
import type { Behaviour, ShopperAction } from './types.js';

export const SESSIONS_FILE = 'train_sessions.tsv';
/** Preferred data set when --data points at the folder holding several. */
export const DEFAULT_DATASET = 'yoochoose1_64';

/** Finds the sessions file under `dir` (the file's folder, or its parent); undefined when absent. */
export function findSessionsFile(dir: string): string | undefined {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return undefined;
  if (existsSync(join(dir, SESSIONS_FILE))) return join(dir, SESSIONS_FILE);
  const preferred = join(dir, DEFAULT_DATASET, SESSIONS_FILE);
  if (existsSync(preferred)) return preferred;
  for (const name of readdirSync(dir).sort()) {
    const f = join(dir, name, SESSIONS_FILE);
    if (existsSync(f)) return f;
  }
  return undefined;
}

export interface ReplaySessions {
  file: string;
  /** Each session as catalog item indices, in click order. */
  sessions: number[][];
  datasetItems: number;
}

/** Reads the sessions file and maps its items onto catalog indices [0, catalogSize). */
export function loadReplaySessions(dataDir: string, catalogSize: number, seed: number, maxSessions = Infinity): ReplaySessions {
  const file = findSessionsFile(dataDir);
  if (!file) {
    throw new LoadgenError('E_NO_DATA', `no ${SESSIONS_FILE} under ${dataDir} (nor in a sub-folder): the replay scenario needs ../shared/data; use --data DIR or --scenario browse`);
  }
  const raw: string[][] = [];
  const freq = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (raw.length >= maxSessions) break;
    const items = line.trim().split(/\s+/).filter(Boolean);
    if (items.length === 0) continue;
    raw.push(items);
    for (const it of items) freq.set(it, (freq.get(it) ?? 0) + 1);
  }
  if (raw.length === 0) throw new LoadgenError('E_NO_DATA', `${file} has no sessions`);
  const ranked = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  const perm = Array.from({ length: catalogSize }, (_, i) => i);
  const rng = new Rng(seed);
  for (let i = perm.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [perm[i], perm[j]] = [perm[j]!, perm[i]!];
  }
  const toCatalog = new Map<string, number>();
  ranked.forEach((id, rank) => toCatalog.set(id, perm[rank % catalogSize]!));
  return { file, sessions: raw.map((s) => s.map((id) => toCatalog.get(id)!)), datasetItems: ranked.length };
}

/** One shopper replaying sessions first, first + stride, ... (wrapping), each click a view. */
export class ReplayShopper implements Behaviour {
  readonly #sessions: readonly number[][];
  readonly #itemIds: readonly string[];
  readonly #stride: number;
  #session: number;
  #pos = 0;

  constructor(sessions: readonly number[][], itemIds: readonly string[], first: number, stride: number) {
    if (sessions.length === 0) throw new RangeError('replay needs at least one session');
    this.#sessions = sessions;
    this.#itemIds = itemIds;
    this.#session = first % sessions.length;
    this.#stride = Math.max(1, stride);
  }

  next(): ShopperAction {
    const s = this.#sessions[this.#session]!;
    const itemId = this.#itemIds[s[this.#pos]!]!;
    this.#pos++;
    let thinkAfter: number = THINK_AFTER.view;
    if (this.#pos >= s.length) {
      this.#pos = 0;
      this.#session = (this.#session + this.#stride) % this.#sessions.length;
      thinkAfter += THINK_AFTER.visitEnd;
    }
    return { kind: 'view', itemId, thinkAfter };
  }

  onRecs(): void {}

  onRejected(): void {}
}
