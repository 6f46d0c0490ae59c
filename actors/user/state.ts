/** The user (session) actor's state: a deterministic fold of that user's events. */
import type { CategoryPick, Coupon, IntentView } from '../../protos/contract.js';
import type { LiveIntentState } from '../propensity/index.js';
import type { PromoUserState } from '../promo/evaluate.js';

export const USER_STATE_VERSION = 1;
export const MAX_RECENT = 50;
export const MAX_SESSION_ITEMS = 50;
export const MAX_ORDERS = 100;
export const MAX_PURCHASED = 200;
export const MAX_SEARCHES = 20;
export const MAX_COUPONS = 20;
/** Half-life of category affinity. */
export const AFFINITY_HALF_LIFE_MS = 24 * 3600_000;

import type { SessionItemKind } from '../signals.js';
export { SESSION_GAP_MS, type SessionItemKind } from '../signals.js';

export interface CartLine {
  itemId: string;
  qty: number;
  /** Unit price when it was (last) added, if known (a price drop since is a promotion trigger). */
  price?: number;
}

export interface OrderLine {
  itemId: string;
  qty: number;
  price: number;
}

export interface Order {
  orderId: string;
  ts: number;
  lines: OrderLine[];
  /** What was paid: items - discount + delivery (orders placed by a checkout); items only for imported ones. */
  total: number;
  subtotal?: number;
  discount?: number;
  delivery?: number;
  /** The coupon code applied, and the discount per line (item id -> amount). */
  coupon?: string;
  lineDiscounts?: Record<string, number>;
  gift?: string;
}

export interface Reminder {
  name: string;
  dueAt: number;
}

/** A coupon as the profile holds it and the push carries it: the wire contract's shape. */
export type { Coupon } from '../../protos/contract.js';

export const MAX_CHECKOUTS = 20;

/** One checkout attempt of the stock saga, as the user actor (its coordinator) knows it. */
export interface CheckoutRecord {
  checkoutId: string;
  orderId: string;
  /** Id of the command event that started it (what pushes about it name as `causedBy`). */
  commandId: string;
  ts: number;
  lines: OrderLine[];
  /** Per item: the owner's decision (granted or not, units left then). */
  decided: Record<string, { granted: boolean; left: number }>;
  status: 'pending' | 'placed' | 'refused';
  /** Log sequence of the event that decided it (0 while pending). */
  seq: number;
  /** The price as the checkout fixed it (records written before promotions have none). */
  subtotal?: number;
  discount?: number;
  delivery?: number;
  total?: number;
  coupon?: string;
  /** The engine picked the coupon (the checkout asked for the best eligible one). */
  autoCoupon?: boolean;
  lineDiscounts?: Record<string, number>;
  gift?: string;
  /** Refused because of its coupon (no stock was asked for). */
  couponError?: { code: 'E_COUPON_UNKNOWN' | 'E_COUPON_EXPIRED' | 'E_COUPON_USED' | 'E_COUPON_NOT_APPLICABLE'; message: string };
}

export interface UserState {
  v: number;
  userId: string;
  /** Viewed items, most recent first, without repeats. */
  recent: string[];
  /** The current session's interactions, oldest first (what the recommender reads). */
  session: Array<{ itemId: string; ts: number; kind: SessionItemKind }>;
  sessionStart: number;
  cart: CartLine[];
  orders: Order[];
  /** Purchased item ids, most recent first. */
  purchased: string[];
  searches: string[];
  /** Decayed interest per category, valued at `affinityTs`. */
  affinity: Record<string, number>;
  affinityTs: number;
  dwellMs: number;
  events: number;
  firstTs: number;
  lastTs: number;
  /** Stream sequence of the last event folded into this state. */
  lastSeq: number;
  lastEventId: string;
  reminders: Reminder[];
  coupons: Coupon[];
  /** Recent checkouts, newest first (states written before the stock saga have none). */
  checkouts?: CheckoutRecord[];
  /** The customer's RFM segment, as analytics last moved it (segment_change; asOf = the day, ms). */
  segment?: { name: string; previous: string; asOf: number };
  /** The purchase-intent features of the current session (states written before intent have none). */
  intent?: LiveIntentState;
  /** Promotions: coupons asked for per rule, and those waiting for their budget owner's decision. */
  promo?: PromoUserState;
  /** Time of the last search (the search-without-result rule reads it). */
  lastSearchTs?: number;
  /** Experiments this shopper was exposed to (exposure events folded): id -> phase, variant, time. */
  experiments?: Record<string, { phase: number; variant: string; ts: number }>;
  /** The last intent score, with the band and model version it had (absent until a model is live). */
  intentScore?: { score: number; band: number; version: number; ts: number };
}

export function emptyUserState(userId: string): UserState {
  return {
    v: USER_STATE_VERSION,
    userId,
    recent: [],
    session: [],
    sessionStart: 0,
    cart: [],
    orders: [],
    purchased: [],
    searches: [],
    affinity: {},
    affinityTs: 0,
    dwellMs: 0,
    events: 0,
    firstTs: 0,
    lastTs: 0,
    lastSeq: 0,
    lastEventId: '',
    reminders: [],
    coupons: [],
  };
}

/** What a profile shows that the state alone does not hold: computed by the shard at read time. */
export interface ProfileExtras {
  /** The current session's intent with its explanation (null: no model live yet). */
  intent: IntentView | null;
  categoryPicks: CategoryPick[];
  /** The running experiments the shopper is assigned to, and whether a decision of theirs was served yet. */
  experiments?: ExperimentAssignment[];
}

/** A running experiment the shopper is assigned to, and whether a decision of its variant was served yet. */
export interface ExperimentAssignment {
  id: string;
  phase: number;
  variant: string;
  exposed: boolean;
}

/** The shopper's live state as /api/profile and gRPC GetProfile show it. */
export function profileOf(s: UserState, extras: ProfileExtras = { intent: null, categoryPicks: [] }) {
  const top = Object.entries(s.affinity).sort((a, b) => b[1] - a[1]).slice(0, 5);
  return {
    userId: s.userId,
    recent: s.recent,
    cart: s.cart.map((l) => ({ itemId: l.itemId, qty: l.qty })),
    orders: s.orders,
    purchased: s.purchased,
    searches: s.searches,
    topCategories: top.map(([category, score]) => ({ category, score: Math.round(score * 1000) / 1000 })),
    coupons: s.coupons,
    events: s.events,
    dwellMs: s.dwellMs,
    firstTs: s.firstTs,
    lastTs: s.lastTs,
    lastSeq: s.lastSeq,
    segment: s.segment?.name ?? '',
    intent: extras.intent,
    categoryPicks: extras.categoryPicks,
    experiments: extras.experiments ?? ([] as ExperimentAssignment[]),
  };
}
export type Profile = ReturnType<typeof profileOf>;
