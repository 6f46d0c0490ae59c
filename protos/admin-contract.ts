/**
 * The operator side of the wire contract: what the dashboard's WebSocket `/admin/ws`
 * pushes and what the admin HTTP API answers that the dashboard draws. Browser-safe
 * like contract.ts (types only), so dashboard/client imports it as it is.
 */
import type { ErrorMessage } from './contract.js';

/** A period's counts (docs/analytics.md defines each). */
export interface KpiCounts {
  revenue: number;
  orders: number;
  units: number;
  views: number;
  cartAdds: number;
  searches: number;
  recClicks: number;
  sessions: number;
  cartSessions: number;
  orderSessions: number;
  cartOrderSessions: number;
  newCustomers: number;
  returningOrders: number;
  recImpressions: number;
  recOrders: number;
  recRevenue: number;
}

export interface KpiRates {
  aov: number;
  conversionRate: number;
  cartAbandonmentRate: number;
  recCtr: number;
  recRevenueShare: number;
}

export type KpiTotals = KpiCounts & KpiRates;
export type KpiPoint = { start: string } & KpiTotals;

export interface HotProduct {
  itemId: string;
  name: string;
  score: number;
}

export interface HotQuery {
  query: string;
  score: number;
}

/** Pushed on /admin/ws when the analytics fold moved (at most 4 a second), and once on connect. */
export interface AnalyticsLiveMessage {
  type: 'analytics';
  /** Server time of this summary (ms). */
  ts: number;
  appliedSeq: number;
  /** Events in the log the fold has not been delivered yet. */
  lagEvents: number;
  /** Event time of the newest event folded (ms; 0 = none yet). */
  lastEventTs: number;
  /** Consumer lag: the longest time (ms) from an event's store in the log to its fold's commit, in the latest report that folded something. */
  foldDelayMs: number;
  /** Today (UTC, server clock) so far. */
  today: KpiTotals;
  /** The last 60 minutes, oldest first, one point per minute (zeros where nothing happened). */
  minutes: KpiPoint[];
  hot: { products: HotProduct[]; queries: HotQuery[] };
  /** The live intent model's report (null: INTENT off). */
  intent: IntentReport | null;
}

/** Predicted vs observed purchase rate of the sessions whose last score fell in [from, to). */
export interface CalibrationBin {
  from: number;
  to: number;
  n: number;
  predicted: number;
  observed: number;
}

/** GET /api/admin/intent: the live purchase-intent model and how it does (docs/intent.md). */
export interface IntentReport {
  model: { version: number; publishedAt: number; trees: number } | null;
  sessions: { open: number; finished: number; positives: number };
  lastFit: { at: number; auc: number; currentAuc: number | null; published: boolean; reason: string; trainRows: number; validationRows: number; ms: number } | null;
  /** Each finished session scored before its outcome by the model in force then. */
  prequential: { sessions: number; auc: number | null; eventAuc: number | null; brier: number | null; calibration: CalibrationBin[] };
  /** Open sessions by current score, 10 bins of 0.1. */
  distribution: number[];
  /** Model definitions refused (the previous model stayed in force). */
  refused: number;
}

export interface AdminHelloMessage {
  type: 'hello';
  ts: number;
  /** When this operator session ends (ms); the socket closes then with 4401. */
  expiresAt: number;
}

/** The same `error` message as the shopper socket's: `{type,code,message,field?}`. */
export type AdminServerMessage = AdminHelloMessage | AnalyticsLiveMessage | ErrorMessage;

export interface OperatorSession {
  token: string;
  expiresAt: number;
}
