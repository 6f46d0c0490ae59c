/**
 * The engine's public contract v1 as the browser sees it. What crosses the
 * WebSocket (and the error body of every HTTP answer) is declared once, in
 * protos/contract.ts, and re-exported here; the HTTP resources are below.
 * Types only: esbuild erases these imports, the bundle takes no code from outside.
 */
import type { CategoryPick, Coupon, EventMessage, OrderLine, ProductList as WireProductList, ProductView, RecItem } from '../../protos/contract.js';

export type {
  CategoryPick, CategoriesPush, ClientEventKind as EventKind, ClientMessage, Coupon, ErrorCode, EventMessage, HttpErrorBody, OrderLine, OrderPush, PushMessage, RecItem, ServerMessage, WireError,
} from '../../protos/contract.js';

export interface Session {
  userId: string;
  token: string;
  /** ms since the epoch */
  expiresAt: number;
}

export type Product = ProductView;
export type ProductList = WireProductList;

export type { ProductListQuery as ListQuery, SortOrder } from '../../protos/contract.js';
export type { SearchQuery, SearchResponse, SearchItem, SearchSort, SearchFacets, SuggestResponse, MatchSpan, SearchBoost } from '../../protos/contract.js';

export interface Recs {
  items: RecItem[];
  ts: number;
  /** Set on pushes: the event that caused this recompute. */
  causedBy?: string;
  /** Set on pushes: log sequence of causedBy; the recs reflect every event of this shopper up to it. */
  seq?: number;
}

export interface CartLine {
  itemId: string;
  qty: number;
  product?: Product;
  /** What the quoted coupon takes off the line. */
  discount: number;
}

/** The cart as the engine prices it (what checkout would charge now). */
export interface Cart {
  lines: CartLine[];
  subtotal: number;
  discount: number;
  delivery: number;
  total: number;
  coupon?: { code: string; applied: boolean; auto: boolean; error?: { code: string; message: string } };
}

export interface Order {
  orderId: string;
  ts: number;
  lines: OrderLine[];
  total: number;
  subtotal?: number;
  discount?: number;
  delivery?: number;
  coupon?: string;
  lineDiscounts?: Record<string, number>;
}

/** GET /api/coupons: a coupon with its status as of now and its reward in words. */
export type CouponView = Coupon & { rewardText: string };

export interface Profile {
  userId: string;
  recent: string[];
  cart: Array<{ itemId: string; qty: number }>;
  orders: Order[];
  coupons: Coupon[];
  /** Categories for this shopper, best first (live; also pushed as `categories`). */
  categoryPicks: CategoryPick[];
}

export interface CheckoutResult {
  orderId: string;
  lines: Array<OrderLine & { discount: number }>;
  subtotal: number;
  discount: number;
  delivery: number;
  total: number;
  coupon: string;
  couponAuto: boolean;
  seq: number;
  /** The checkout's event id: the pushes it causes name it as `causedBy`. */
  eventId: string;
}

/** An event as the pages make it; live.ts adds the `type` and the `id`. */
export type ShopEvent = Pick<EventMessage, 'kind' | 'itemId' | 'query' | 'qty' | 'dwellMs' | 'itemIds' | 'slot' | 'resultCount' | 'category' | 'position' | 'impressionId' | 'campaignId'>;

export interface Ack {
  id: string;
  seq: number;
}
