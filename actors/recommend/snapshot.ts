/**
 * Snapshot format: msgpack (msgpackr) of the whole learned state, typed arrays
 * included as raw bytes, so a restarted worker is bit-identical to the one that
 * wrote it (same recommendations, same future updates). Versioned: a reader
 * refuses a version it does not know rather than guess.
 */
import { pack, unpack } from 'msgpackr';
import { DecayClock } from './decay.js';
import { NeighbourTable } from './neighbour-table.js';
import type { Row } from './neighbour-table.js';
import { resolveOptions } from './options.js';
import type { ResolvedOptions } from './options.js';
import { SessionIndex } from './session-index.js';
import type { Posting } from './session-index.js';
import type { ModelState, OpenSession } from './state.js';

export const SNAPSHOT_VERSION = 1;

type Bytes = Uint8Array;
const bytes = (a: Float64Array | Int32Array): Bytes => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
// copy into a fresh buffer: decoded bytes may be an unaligned view into a
// shared pool (msgpackr returns Buffers, whose slice() does not copy)
const f64 = (b: Bytes): Float64Array => new Float64Array(new Uint8Array(b).buffer);
const i32 = (b: Bytes): Int32Array => new Int32Array(new Uint8Array(b).buffer);

interface TableData { items: number[]; keys: Bytes[]; vals: Bytes[]; sizes: number[] }

function tableOut(t: NeighbourTable): TableData {
  const d = t.toData();
  return { items: d.items, keys: d.rows.map((r) => bytes(r.keys)), vals: d.rows.map((r) => bytes(r.vals)), sizes: d.rows.map((r) => r.size) };
}

function tableIn(cap: number, d: TableData): NeighbourTable {
  const rows: Row[] = d.items.map((_, i) => ({ keys: i32(d.keys[i] as Bytes), vals: f64(d.vals[i] as Bytes), size: d.sizes[i] as number }));
  return NeighbourTable.fromData(cap, { items: d.items, rows });
}

interface SnapshotData {
  v: number;
  opts: ResolvedOptions;
  ids: string[];
  pop: Bytes;
  trend: Bytes;
  itemOrigin: number;
  trendOrigin: number;
  coVisit: TableData;
  sequence: TableData;
  index: {
    next: number; slotSerial: Bytes; slotTs: Bytes; slotItems: Array<number[] | null>;
    postItems: number[]; postBufs: Bytes[]; postHeads: number[]; postSizes: number[];
  };
  open: Array<[string, number, number, number[]]>;
  observed: number;
  lastTs: number | null;
  trendTop: number[];
  trendTopAt: number;
  repeatHits: Bytes;
  repeatSeen: Bytes;
  itemNextSeen: Bytes;
  itemNextSame: Bytes;
}

export function encodeState(s: ModelState): Uint8Array {
  const ix = s.index.toData();
  const data: SnapshotData = {
    v: SNAPSHOT_VERSION,
    opts: s.opts,
    ids: s.ids,
    pop: bytes(s.pop),
    trend: bytes(s.trend),
    itemOrigin: s.itemClock.origin,
    trendOrigin: s.trendClock.origin,
    coVisit: tableOut(s.coVisit),
    sequence: tableOut(s.sequence),
    index: {
      next: ix.next, slotSerial: bytes(ix.slotSerial), slotTs: bytes(ix.slotTs), slotItems: ix.slotItems,
      postItems: ix.postItems, postBufs: ix.postings.map((p) => bytes(p.buf)), postHeads: ix.postings.map((p) => p.head), postSizes: ix.postings.map((p) => p.size),
    },
    open: [...s.open].map(([k, o]) => [k, o.serial, o.lastTs, o.recent]),
    observed: s.observed,
    lastTs: Number.isFinite(s.lastTs) ? s.lastTs : null,
    trendTop: s.trendTop,
    trendTopAt: s.trendTopAt,
    repeatHits: bytes(s.repeatHits),
    repeatSeen: bytes(s.repeatSeen),
    itemNextSeen: bytes(s.itemNextSeen),
    itemNextSame: bytes(s.itemNextSame),
  };
  return pack(data);
}

export function decodeState(b: Uint8Array): ModelState {
  if (!(b instanceof Uint8Array)) throw new TypeError('SessionModel.fromSnapshot: expected a Uint8Array');
  let d: SnapshotData;
  try {
    d = unpack(b) as SnapshotData;
  } catch (e) {
    throw new RangeError('SessionModel.fromSnapshot: not a snapshot (msgpack decode failed)', { cause: e });
  }
  if (typeof d !== 'object' || d === null || d.v !== SNAPSHOT_VERSION) {
    throw new RangeError(`SessionModel.fromSnapshot: unsupported snapshot version ${String((d as { v?: unknown } | null)?.v)}`);
  }
  const opts = resolveOptions(d.opts);
  const postings: Posting[] = d.index.postItems.map((_, i) => ({
    buf: f64(d.index.postBufs[i] as Bytes), head: d.index.postHeads[i] as number, size: d.index.postSizes[i] as number,
  }));
  const index = SessionIndex.fromData(opts.maxSessions, opts.maxSessionsPerItem, opts.maxSessionLength, {
    next: d.index.next, slotSerial: f64(d.index.slotSerial), slotTs: f64(d.index.slotTs), slotItems: d.index.slotItems,
    postItems: d.index.postItems, postings,
  });
  const open = new Map<string, OpenSession>();
  for (const [k, serial, lastTs, recent] of d.open) open.set(k, { serial, lastTs, recent });
  return {
    opts,
    ids: d.ids,
    byId: new Map(d.ids.map((id, i) => [id, i])),
    pop: f64(d.pop),
    trend: f64(d.trend),
    itemClock: new DecayClock(opts.halfLifeMs, d.itemOrigin ?? Number.NaN),
    trendClock: new DecayClock(opts.trendHalfLifeMs, d.trendOrigin ?? Number.NaN),
    coVisit: tableIn(opts.maxNeighboursPerItem, d.coVisit),
    sequence: tableIn(opts.maxNeighboursPerItem, d.sequence),
    index,
    open,
    observed: d.observed,
    lastTs: d.lastTs ?? Number.NEGATIVE_INFINITY,
    trendTop: d.trendTop,
    trendTopAt: d.trendTopAt,
    repeatHits: f64(d.repeatHits),
    repeatSeen: f64(d.repeatSeen),
    itemNextSeen: f64(d.itemNextSeen),
    itemNextSame: f64(d.itemNextSame),
  };
}
