/** The seam between the user actor and the recommendation code. */

import type { SessionItemKind } from '../signals.js';
export { SESSION_ITEM_KINDS, type SessionItemKind } from '../signals.js';

export interface SessionItem {
  itemId: string;
  /** Milliseconds since the epoch. */
  ts: number;
  kind: SessionItemKind;
}

export interface RecommendQuery {
  /** The shopper's current session, oldest first. */
  items: SessionItem[];
  k: number;
  /** Never recommended, e.g. recently purchased items. */
  exclude?: ReadonlySet<string>;
  /** Stock check: false => never recommend. Called only for items that would make the list. */
  isAvailable?: (itemId: string) => boolean;
  /** E.g. HNSW neighbours of the session embedding; scores higher = better. */
  extraCandidates?: ReadonlyArray<{ itemId: string; score: number }>;
  /** Item name for human reasons. */
  describe?: (itemId: string) => string | undefined;
  /** The key this shopper's events are observed under: their own live session is then not used as a neighbour. */
  sessionKey?: string;
  /** Per-query overrides of the model's options (an experiment's variant): fusion mode 0..3, diversity 0..1. */
  strategy?: { fusionMode?: number; diversity?: number };
}

export interface Recommendation {
  itemId: string;
  score: number;
  /** Short human text: "because you viewed X", "often viewed together with X", "trending". */
  reason: string;
}

export interface SessionModelStats {
  items: number;
  openSessions: number;
  indexedSessions: number;
  postingEntries: number;
  coVisitEntries: number;
  sequenceEntries: number;
  /** Approximate bytes held in typed arrays and session lists. */
  approxBytes: number;
  observed: number;
}
