/** Messages between the loadgen coordinator (main thread) and its shopper workers: tagged unions, one per direction. */
import type { Protocol, ScenarioName } from './args.js';
import type { CatalogSample } from './behaviour/types.js';

export interface WorkerInit {
  workerIndex: number;
  protocol: Protocol;
  /** The engine's base URL (WebSocket mode). */
  url: string;
  /** gRPC mode: where, with which key, over how many HTTP/2 channels per thread, and the run's user id tag. */
  grpc: { target: string; apiKey: string; channels: number; runTag: string } | undefined;
  /** Global index of this worker's first shopper; it drives `shoppers` from there. */
  firstShopper: number;
  shoppers: number;
  totalShoppers: number;
  /** This worker's share of the target rate, events/s. */
  rate: number;
  scenario: ScenarioName;
  inflight: number;
  seed: number;
  catalog: CatalogSample;
  /** Replay sessions, flattened: items of session i are items[offsets[i] .. offsets[i+1]). */
  replay: { items: Int32Array; offsets: Int32Array } | undefined;
  drainMs: number;
  settleMs: number;
  skipVerify: boolean;
}

export type MainToWorker =
  /** Times are epoch ms (performance.timeOrigin + performance.now()), the same clock in every thread. */
  | { type: 'start'; startAt: number; measureFrom: number; sendUntil: number }
  | { type: 'abort' };

/** Counters since the previous tick, for the progress line and the timeline. */
export interface WorkerTick {
  sent: number;
  acked: number;
  pushes: number;
  errors: number;
  /** Events waiting for an ack or a push. */
  pending: number;
  /** Events waiting for an ack (or error). */
  awaitingAck: number;
  /** Encoded interval histograms (microseconds). */
  ack: string;
  push: string;
}

export interface VerifyResult {
  /** Shoppers whose profile was read. */
  checked: number;
  /** Acked events not reflected in the profile (events count and lastSeq). */
  lost: number;
  /** Shoppers whose cart differs from the fold of their acked cart events. */
  cartMismatch: number;
  /** Profile reads that failed (counted under errors too). */
  failed: number;
  /** Example mismatches, for the report. */
  examples: string[];
  /** Scenarios with a preferred category per shopper: how often the engine's picks hold it. */
  picks?: PicksCheck;
}

/** Per preferred category: shoppers, and those whose engine top-3 category picks held it. */
export interface PicksCheck {
  /** Shoppers with at least the minimum events, by preferred category. */
  byCategory: Record<string, { shoppers: number; top3: number }>;
}

export interface WorkerResult {
  connected: number;
  connectFailed: number;
  connectMs: number;
  sent: number;
  acked: number;
  duplicates: number;
  /** `recs` pushes received. */
  pushes: number;
  /** Events whose push arrived (named in causedBy, or covered by a later event's push). */
  pushMatched: number;
  /** Of those, covered by a push caused by a later event of the same shopper (the engine coalesces per batch). */
  pushCoalesced: number;
  /** `recs` pushes naming no outstanding event. */
  pushUnmatched: number;
  /** Acked events that expected a push and got none before the drain ended. */
  pushMissing: number;
  coupons: number;
  measured: { sent: number; acked: number; pushes: number };
  errorsByCode: Record<string, number>;
  ack: string;
  push: string;
  lag: string;
  verify: VerifyResult | undefined;
  /** Event-loop utilisation of this worker during the send phase (0..1). */
  elu: number;
}

export type WorkerToMain =
  | { type: 'connecting'; connected: number; failed: number }
  | { type: 'ready'; connected: number; failed: number; connectMs: number; errorsByCode: Record<string, number> }
  | { type: 'tick'; tick: WorkerTick }
  | { type: 'result'; result: WorkerResult }
  | { type: 'fatal'; message: string; code?: string };
