/**
 * The engine's HTTP API. Errors arrive as `{error:{code,message,field?}}` and are
 * thrown as ApiError with that code; a rejected session token is replaced and the
 * request retried once.
 */
import type { Cart, CheckoutResult, CouponView, HttpErrorBody, ListQuery, Order, Product, ProductList, Profile, Recs, SearchQuery, SearchResponse, SuggestResponse } from './api-types.js';

export type { ListQuery } from './api-types.js';
import { getSession, renewSession } from './session.js';

export class ApiError extends Error {
  constructor(readonly code: string, message: string, readonly status: number, readonly field?: string) {
    super(message);
    this.name = 'ApiError';
  }
}

const AUTH_CODES = new Set(['E_BAD_TOKEN', 'E_TOKEN_EXPIRED', 'E_UNAUTHENTICATED']);

interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** Send the session token. @default true */
  auth?: boolean;
  signal?: AbortSignal;
  keepalive?: boolean;
}

async function once<T>(path: string, o: RequestOptions, token: string | undefined): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers['authorization'] = `Bearer ${token}`;
  const init: RequestInit = { method: o.method ?? 'GET', headers };
  if (o.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(o.body);
  }
  if (o.signal) init.signal = o.signal;
  if (o.keepalive) init.keepalive = true;
  let r: Response;
  try {
    r = await fetch(path, init);
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError('E_NETWORK', 'cannot reach the shop: check your connection', 0);
  }
  const text = await r.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!r.ok) {
    const e = (body as Partial<HttpErrorBody> | undefined)?.error;
    throw new ApiError(e?.code ?? `HTTP_${r.status}`, e?.message ?? `the shop answered HTTP ${r.status}`, r.status, e?.field);
  }
  return body as T;
}

export async function request<T>(path: string, o: RequestOptions = {}): Promise<T> {
  if (o.auth === false) return once<T>(path, o, undefined);
  const s = await getSession();
  try {
    return await once<T>(path, o, s.token);
  } catch (err) {
    if (!(err instanceof ApiError) || !AUTH_CODES.has(err.code)) throw err;
    const fresh = await renewSession(s.token);
    return once<T>(path, o, fresh.token);
  }
}


function qs(params: Record<string, string | number | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

const productCache = new Map<string, Product>();

export const api = {
  categories: (signal?: AbortSignal) => request<{ categories: Array<{ category: string; count: number }> }>('/api/categories', { auth: false, ...(signal && { signal }) }),
  products: (q: ListQuery, signal?: AbortSignal) => request<ProductList>(`/api/products${qs({ ...q })}`, { auth: false, ...(signal && { signal }) }),
  async product(itemId: string, signal?: AbortSignal): Promise<Product> {
    const p = await request<Product>(`/api/products/${encodeURIComponent(itemId)}`, { auth: false, ...(signal && { signal }) });
    productCache.set(itemId, p);
    return p;
  },
  /** A product for display only (name, price): cached, may be stale in stock. */
  async productForDisplay(itemId: string, signal?: AbortSignal): Promise<Product> {
    return productCache.get(itemId) ?? api.product(itemId, signal);
  },
  recommendations: (q: { k?: number; itemId?: string; category?: string }, personal: boolean, signal?: AbortSignal) =>
    request<Recs>(`/api/recommendations${qs(q)}`, { auth: personal, ...(signal && { signal }) }),
  profile: (signal?: AbortSignal) => request<Profile>('/api/profile', signal ? { signal } : {}),
  cart: (signal?: AbortSignal, coupon?: string) => request<Cart>(`/api/cart${coupon ? `?coupon=${encodeURIComponent(coupon)}` : ''}`, signal ? { signal } : {}),
  coupons: (signal?: AbortSignal) => request<{ coupons: CouponView[] }>('/api/coupons', signal ? { signal } : {}),
  orders: (signal?: AbortSignal) => request<{ orders: Order[] }>('/api/orders', signal ? { signal } : {}),
  checkout: (coupon?: string) => request<CheckoutResult>('/api/checkout', coupon ? { method: 'POST', body: { coupon } } : { method: 'POST' }),
  /** With the session: re-ranked for this shopper. */
  search: (q: SearchQuery, signal?: AbortSignal) => request<SearchResponse>(`/api/search${qs({ ...q } as Record<string, string | number | undefined>)}`, signal ? { signal } : {}),
  suggest: (q: string, signal?: AbortSignal) => request<SuggestResponse>(`/api/suggest${qs({ q })}`, { auth: false, ...(signal && { signal }) }),
};
