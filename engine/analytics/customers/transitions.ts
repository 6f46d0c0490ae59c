/**
 * Segment transitions between two RFM results (two asOf dates, or the previous and
 * the current scoring of the live consumer). A customer scored only in `after` moves
 * from `null` (new customer); one scored only in `before` moves to `null`. Each move
 * is what the consumer turns into a segment-change event ("moved to At Risk").
 */
import type { RfmResult } from './rfm.js';

export interface SegmentMove {
  customerId: string;
  from: string | null;
  to: string | null;
}

export interface SegmentTransitions {
  /** Customers whose segment differs, sorted by customer id. */
  moves: SegmentMove[];
  /** counts[from][to] over every customer in either result, unchanged ones included; `null` is keyed "(none)". */
  counts: Record<string, Record<string, number>>;
}

export const NO_SEGMENT = '(none)';

export function segmentTransitions(before: RfmResult, after: RfmResult): SegmentTransitions {
  const was = new Map<string, string>();
  for (const s of before.scores) was.set(s.customerId, s.segment);
  const now = new Map<string, string>();
  for (const s of after.scores) now.set(s.customerId, s.segment);
  const ids = [...new Set([...was.keys(), ...now.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const moves: SegmentMove[] = [];
  const counts: Record<string, Record<string, number>> = {};
  for (const id of ids) {
    const from = was.get(id) ?? null;
    const to = now.get(id) ?? null;
    const row = (counts[from ?? NO_SEGMENT] ??= {});
    row[to ?? NO_SEGMENT] = (row[to ?? NO_SEGMENT] ?? 0) + 1;
    if (from !== to) moves.push({ customerId: id, from, to });
  }
  return { moves, counts };
}
