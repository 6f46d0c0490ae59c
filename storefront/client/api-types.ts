/** The engine's public contract v1 as the browser sees it (HTTP JSON and WebSocket messages). */

export interface Session {
  userId: string;
  token: string;
  /** ms since the epoch */
  expiresAt: number;
}

export interface Product {
  itemId: string;
  name: string;
  category: string;
  description: string;
  price: number;
  stock: number;
  brand: string;
  rating?: number;
  tags?: string[];
}

export interface ProductList {
  items: Product[];
  total: number;
  page: number;
  limit: number;
}

export type SortOrder = 'relevance' | 'price_asc' | 'price_desc' | 'popularity' | 'name';

export interface RecItem {
  itemId: string;
  score: number;
  reason: string;
  name: string;
  price: number;
  category: string;
}

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
}

export interface Cart {
  lines: CartLine[];
  total: number;
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
  total: number;
}

export interface Coupon {
  code: string;
  rule: string;
  percentOff: number;
  ts?: number;
}

export interface Profile {
  userId: string;
  recent: string[];
  cart: Array<{ itemId: string; qty: number }>;
  orders: Order[];
  coupons: Coupon[];
}

export interface CheckoutResult {
  orderId: string;
  lines: OrderLine[];
  total: number;
  seq: number;
}

export type EventKind = 'view' | 'cart_add' | 'cart_remove' | 'purchase' | 'search' | 'dwell' | 'rec_click';

export interface ShopEvent {
  kind: EventKind;
  itemId?: string;
  query?: string;
  qty?: number;
  dwellMs?: number;
}

export interface Ack {
  id: string;
  seq: number;
}

export type ServerMessage =
  | { type: 'hello'; userId: string }
  | { type: 'ack'; id: string; seq: number }
  | { type: 'recs'; items: RecItem[]; causedBy: string; seq?: number; ts: number }
  | { type: 'coupon'; coupon: Coupon; causedBy?: string }
  | { type: 'error'; code: string; message: string; id?: string };
