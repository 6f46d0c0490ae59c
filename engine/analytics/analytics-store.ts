/**
 * The analytics consumer's own LMDB environment (DATA_DIR/analytics), apart from
 * the shards' state: its folds and its log cursor are committed in one transaction,
 * so after a crash it resumes exactly after the last batch it applied.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { open, type Database, type RootDatabase } from 'lmdb';
import type { ExperimentMember, ExperimentSums } from './experiments/variant-fold.js';
import type { CustomerOrder, FunnelCounts, HotScore, KpiBucket, VisitorState } from './shop-fold.js';

export const CURSOR_KEY = 'cursor';
/** Time of the newest event folded (hot scores decay to it). */
export const LAST_TS_KEY = 'lastTs';
/** The UTC day (ms) whose RFM segments were last published as segment_change events. */
export const SEGMENT_DAY_KEY = 'segmentDay';

export class AnalyticsStore {
  readonly root: RootDatabase;
  readonly buckets: Database<KpiBucket, string>;
  readonly visitors: Database<VisitorState, string>;
  readonly orders: Database<CustomerOrder[], string>;
  readonly funnel: Database<FunnelCounts, string>;
  readonly hot: Database<HotScore, string>;
  readonly meta: Database<unknown, string>;
  /** Each customer's RFM segment as last published (segment-moves.ts). */
  readonly segments: Database<string, string>;
  /** Per experiment phase (`id:phase`): the per-variant sufficient statistics. */
  readonly experiments: Database<ExperimentSums, string>;
  /** Per user: the experiment phases they were exposed to, with their running totals. */
  readonly experimentMembers: Database<ExperimentMember[], string>;

  private constructor(root: RootDatabase) {
    this.root = root;
    this.buckets = root.openDB({ name: 'buckets', encoding: 'msgpack' });
    this.visitors = root.openDB({ name: 'visitors', encoding: 'msgpack' });
    this.orders = root.openDB({ name: 'orders', encoding: 'msgpack' });
    this.funnel = root.openDB({ name: 'funnel', encoding: 'msgpack' });
    this.hot = root.openDB({ name: 'hot', encoding: 'msgpack' });
    this.meta = root.openDB({ name: 'meta', encoding: 'msgpack' });
    this.segments = root.openDB({ name: 'segments', encoding: 'msgpack' });
    this.experiments = root.openDB({ name: 'experiments', encoding: 'msgpack' });
    this.experimentMembers = root.openDB({ name: 'experimentMembers', encoding: 'msgpack' });
  }

  static open(dataDir: string): AnalyticsStore {
    const path = join(dataDir, 'analytics');
    mkdirSync(path, { recursive: true });
    // As for the shards: the log is the truth, so commits need not fsync (see StateStore).
    return new AnalyticsStore(open({ path, maxDbs: 12, noSync: true, mapSize: 16 * 1024 ** 3, compression: false }));
  }

  /** Last log sequence folded (0 = none). */
  cursor(): number {
    return (this.meta.get(CURSOR_KEY) as number | undefined) ?? 0;
  }

  async close(): Promise<void> {
    await this.root.close();
  }
}
