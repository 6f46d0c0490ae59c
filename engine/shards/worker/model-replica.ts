/**
 * A shard's model replica: what is learned from ALL shoppers' events (the session
 * model's co-visitation, sequences and session index; trending). Every shard folds
 * the whole log into its own replica, so scoring reads only local memory. It is
 * snapshotted to disk with the log sequence it reflects, so a restart replays only
 * the events after the snapshot instead of the whole log. The definitions in force
 * (model versions) and the shop-wide category facts live here too: both are folds
 * of the whole log that must be current at every log position.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pack, unpack } from 'msgpackr';
import { SessionModel, SESSION_ITEM_KINDS, type SessionItemKind } from '../../../actors/recommend/index.js';
import type { ShopEvent } from '../../../protos/index.js';
import type { Logger } from '../../observability/index.js';
import { DefinitionRegistry, type RegistrySnapshot } from '../../../actors/definitions/index.js';
import { CategoryStats, type CategoryStatsSnapshot } from './category-stats.js';
import { TrendingBoard } from './trending.js';

const SNAPSHOT_VERSION = 4;
const INTERACTION = new Set<string>(SESSION_ITEM_KINDS);

export class ModelReplica {
  model: SessionModel;
  trending: TrendingBoard;
  /** Last log sequence folded into the replica. */
  seq: number;
  /**
   * Units taken per item (granted to checkouts and not released, or bought before the
   * stock saga), from every shard's decisions in the log: the hot path's stock check
   * reads memory, not LMDB.
   */
  readonly sold: Map<string, number>;
  /** The merchant's last count per item set through the log (stock_set), and units taken then. */
  readonly stockSet: Map<string, { qty: number; takenAt: number }>;
  /** Told after each purchase is counted (the recommender keeps units left per item). */
  onSold: ((itemId: string) => void) | undefined;
  /** The catalog's category of an item (for the category facts). */
  categoryOf: (itemId: string) => string | undefined = () => undefined;
  /** Told when a definition was refused (it keeps the previous one in force). */
  onRefused: ((e: ShopEvent, seq: number, message: string) => void) | undefined;
  readonly definitions: DefinitionRegistry;
  readonly categories: CategoryStats;
  readonly #file: string;

  private constructor(
    file: string, model: SessionModel, trending: TrendingBoard, seq: number, sold: Map<string, number>, stockSet: Map<string, { qty: number; takenAt: number }>,
    definitions = new DefinitionRegistry(), categories = new CategoryStats(),
  ) {
    this.#file = file;
    this.definitions = definitions;
    this.categories = categories;
    this.sold = sold;
    this.stockSet = stockSet;
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
        const d = unpack(readFileSync(file)) as {
          v: number; seq: number; model: Uint8Array; trending: Array<[string, number, number]>; sold: Array<[string, number]>;
          stockSet: Array<[string, { qty: number; takenAt: number }]>; definitions: RegistrySnapshot; categories: CategoryStatsSnapshot;
        };
        if (d.v === SNAPSHOT_VERSION) {
          log.info('model snapshot loaded', { seq: d.seq });
          return new ModelReplica(
            file, SessionModel.fromSnapshot(d.model), TrendingBoard.from(d.trending), d.seq, new Map(d.sold), new Map(d.stockSet),
            DefinitionRegistry.fromSnapshot(d.definitions), CategoryStats.fromSnapshot(d.categories),
          );
        }
      } catch (err) {
        // A damaged snapshot only costs time: the log rebuilds the replica.
        log.warn('model snapshot unreadable; rebuilding from the log', { err });
      }
    }
    return new ModelReplica(file, new SessionModel(), new TrendingBoard(), 0, new Map(), new Map());
  }

  observe(e: ShopEvent, seq: number): void {
    if (seq <= this.seq) return;
    this.seq = seq;
    if (e.kind === 'definition') {
      if (this.definitions.apply(e, seq) === 'refused') this.onRefused?.(e, seq, this.definitions.refusals[0]?.message ?? '');
      return;
    }
    if (e.itemId) {
      this.#observeStock(e, e.itemId);
      this.categories.observe(e, this.categoryOf(e.itemId));
    }
    if (!e.itemId || !INTERACTION.has(e.kind)) return;
    this.model.observe(e.userId, { itemId: e.itemId, ts: e.ts, kind: e.kind as SessionItemKind });
    this.trending.observe(e.itemId, e.kind, e.ts);
  }

  #observeStock(e: ShopEvent, itemId: string): void {
    let delta = 0;
    if (e.kind === 'stock_granted') delta = e.qty ?? 0;
    else if (e.kind === 'stock_release') delta = -(e.qty ?? 0);
    else if (e.kind === 'purchase' && !e.checkoutId) delta = Math.max(1, e.qty ?? 1);
    else if (e.kind === 'stock_set') this.stockSet.set(itemId, { qty: e.qty ?? 0, takenAt: this.sold.get(itemId) ?? 0 });
    else return;
    if (delta !== 0) this.sold.set(itemId, (this.sold.get(itemId) ?? 0) + delta);
    this.onSold?.(itemId);
  }

  /** Units left of an item: the merchant's latest count minus units taken since. */
  unitsLeft(itemId: string, catalogStock: number, soldAtStock: number): number {
    const taken = this.sold.get(itemId) ?? 0;
    const set = this.stockSet.get(itemId);
    return set ? set.qty - Math.max(0, taken - set.takenAt) : catalogStock - Math.max(0, taken - soldAtStock);
  }

  /** Writes the snapshot atomically (temp file + rename). */
  save(): void {
    const tmp = `${this.#file}.tmp`;
    writeFileSync(tmp, pack({
      v: SNAPSHOT_VERSION, seq: this.seq, model: this.model.toSnapshot(), trending: this.trending.toJSON(), sold: [...this.sold], stockSet: [...this.stockSet],
      definitions: this.definitions.toSnapshot(), categories: this.categories.toSnapshot(),
    }));
    renameSync(tmp, this.#file);
  }
}
