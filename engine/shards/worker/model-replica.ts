/**
 * A shard's model replica: what is learned from ALL shoppers' events (the session
 * model's co-visitation, sequences and session index; trending). Every shard folds
 * the whole log into its own replica, so scoring reads only local memory. It is
 * snapshotted to disk with the log sequence it reflects, so a restart replays only
 * the events after the snapshot instead of the whole log.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pack, unpack } from 'msgpackr';
import { SessionModel, SESSION_ITEM_KINDS, type SessionItemKind } from '../../../actors/recommend/index.js';
import type { ShopEvent } from '../../../protos/index.js';
import type { Logger } from '../../observability/index.js';
import { TrendingBoard } from './trending.js';

const SNAPSHOT_VERSION = 2;
const INTERACTION = new Set<string>(SESSION_ITEM_KINDS);

export class ModelReplica {
  model: SessionModel;
  trending: TrendingBoard;
  /** Last log sequence folded into the replica. */
  seq: number;
  /** Units sold per item, from every purchase in the log: the hot path's stock check reads memory, not LMDB. */
  readonly sold: Map<string, number>;
  /** Told after each purchase is counted (the recommender keeps units left per item). */
  onSold: ((itemId: string) => void) | undefined;
  readonly #file: string;

  private constructor(file: string, model: SessionModel, trending: TrendingBoard, seq: number, sold: Map<string, number>) {
    this.#file = file;
    this.sold = sold;
    this.model = model;
    this.trending = trending;
    this.seq = seq;
  }

  /** Loads the shard's last snapshot, or starts empty (seq 0: replay the whole log). */
  static open(dataDir: string, shardIndex: number, log: Logger): ModelReplica {
    const dir = join(dataDir, 'model');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `shard-${shardIndex}.snapshot`);
    if (existsSync(file)) {
      try {
        const d = unpack(readFileSync(file)) as { v: number; seq: number; model: Uint8Array; trending: Array<[string, number, number]>; sold: Array<[string, number]> };
        if (d.v === SNAPSHOT_VERSION) {
          log.info('model snapshot loaded', { seq: d.seq });
          return new ModelReplica(file, SessionModel.fromSnapshot(d.model), TrendingBoard.from(d.trending), d.seq, new Map(d.sold));
        }
      } catch (err) {
        // A damaged snapshot only costs time: the log rebuilds the replica.
        log.warn('model snapshot unreadable; rebuilding from the log', { err });
      }
    }
    return new ModelReplica(file, new SessionModel(), new TrendingBoard(), 0, new Map());
  }

  observe(e: ShopEvent, seq: number): void {
    if (seq <= this.seq) return;
    this.seq = seq;
    if (e.kind === 'purchase' && e.itemId) {
      this.sold.set(e.itemId, (this.sold.get(e.itemId) ?? 0) + Math.max(1, e.qty ?? 1));
      this.onSold?.(e.itemId);
    }
    if (!e.itemId || !INTERACTION.has(e.kind)) return;
    this.model.observe(e.userId, { itemId: e.itemId, ts: e.ts, kind: e.kind as SessionItemKind });
    this.trending.observe(e.itemId, e.kind, e.ts);
  }

  /** Writes the snapshot atomically (temp file + rename). */
  save(): void {
    const tmp = `${this.#file}.tmp`;
    writeFileSync(tmp, pack({ v: SNAPSHOT_VERSION, seq: this.seq, model: this.model.toSnapshot(), trending: this.trending.toJSON(), sold: [...this.sold] }));
    renameSync(tmp, this.#file);
  }
}
