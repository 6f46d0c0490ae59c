/**
 * ShopClient: the shopper side of the engine over HTTP (fetch) and the WebSocket,
 * for browsers and Node alike. No runtime imports beyond this folder: the contract
 * is imported for its types only, so the client bundles for the browser as it is.
 */
import type { HttpErrorBody, ProductList, ProductListQuery, ProductView, SearchQuery, SearchResponse, SuggestResponse } from '../../protos/contract.js';
import { ShopApiError, ShopConnectionError } from './errors.js';
import { LiveConnection, type LiveOptions, type WebSocketFactory } from './live-connection.js';
import type { Ack, Cart, CartLine, CategoryCount, Order, OrderResult, Profile, Recommendations, Session, TrackEvent } from './types.js';

/** A session is renewed when it expires within this long. */
export const RENEW_BEFORE_MS = 60_000;
/** Checkout attempts (with one idempotency key) on E_TIMEOUT or a lost connection. @default 3 */
export const DEFAULT_CHECKOUT_ATTEMPTS = 3;

export interface ShopClientOptions {
  /** The engine, e.g. `https://shop.example.com` or `http://127.0.0.1:8080`. */
  baseUrl: string;
  /** A session kept from before (e.g. in localStorage); a new one is created when absent or expiring. */
  session?: Session;
  /**
   * On E_TOKEN_EXPIRED / E_BAD_TOKEN, create a new session and retry once. The engine
   * has no renewal: a new session is a new shopper (a new user id).
   * @default true
   */
  autoRenew?: boolean;
  /** Called with every new session, to keep it. */
  onSession?: (s: Session) => void;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Opens WebSockets for `connect()`. @default the global WebSocket (browsers, Node >= 22); in Node 20 pass `(url) => new WebSocket(url)` of the `ws` package */
  webSocket?: WebSocketFactory;
}

function checkOptions(o: ShopClientOptions): void {
  if (typeof o?.baseUrl !== 'string' || !/^https?:\/\//.test(o.baseUrl)) throw new TypeError('ShopClient option "baseUrl" must be an http(s) URL');
  if (o.fetch === undefined && typeof globalThis.fetch !== 'function') throw new TypeError('ShopClient option "fetch" is required: this runtime has no global fetch');
}

const newId = () => globalThis.crypto.randomUUID();
const search = (q: URLSearchParams) => (q.toString() ? `?${q.toString()}` : '');

export class ShopClient {
  readonly baseUrl: string;
  readonly #fetch: typeof fetch;
  readonly #autoRenew: boolean;
  readonly #onSession: ((s: Session) => void) | undefined;
  readonly #webSocket: WebSocketFactory | undefined;
  #session: Session | undefined;
  #creating: Promise<Session> | undefined;

  constructor(options: ShopClientOptions) {
    checkOptions(options);
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#autoRenew = options.autoRenew ?? true;
    this.#onSession = options.onSession;
    this.#webSocket = options.webSocket;
    this.#session = options.session;
  }

  /** The current session, if any. */
  get session(): Session | undefined {
    return this.#session;
  }

  /** A new shopper: POST /api/session. Concurrent callers share one request. */
  createSession(): Promise<Session> {
    return (this.#creating ??= this.#request<Session>('POST', '/api/session', { auth: false })
      .then((s) => {
        this.#session = s;
        this.#onSession?.(s);
        return s;
      })
      .finally(() => (this.#creating = undefined)));
  }

  /** The current session, or a new one when there is none or it expires within RENEW_BEFORE_MS. */
  async ensureSession(): Promise<Session> {
    const s = this.#session;
    if (s && s.expiresAt - RENEW_BEFORE_MS > Date.now()) return s;
    return this.createSession();
  }

  /** Replaces a session the engine refused (or that expired): a new shopper. */
  renewSession(): Promise<Session> {
    this.#session = undefined;
    return this.createSession();
  }

  // ---- catalog ----

  listProducts(query: ProductListQuery = {}): Promise<ProductList> {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, String(v));
    return this.#request('GET', `/api/products${search(q)}`, { auth: false });
  }

  /** Products by id (at most 100); unknown ids are left out. */
  async lookupProducts(itemIds: readonly string[]): Promise<ProductView[]> {
    if (itemIds.length === 0) return [];
    const list = await this.#request<ProductList>('GET', `/api/products?ids=${itemIds.map(encodeURIComponent).join(',')}`, { auth: false });
    return list.items;
  }

  getProduct(itemId: string): Promise<ProductView> {
    return this.#request('GET', `/api/products/${encodeURIComponent(itemId)}`, { auth: false });
  }

  /** Hybrid search with facets; with a session (unless `anonymous`) re-ranked for this shopper. */
  search(query: SearchQuery, opts: { anonymous?: boolean } = {}): Promise<SearchResponse> {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, String(v));
    return this.#request('GET', `/api/search${search(q)}`, { auth: !opts.anonymous });
  }

  /** Autocomplete for what was typed so far. */
  suggest(q: string, category?: string): Promise<SuggestResponse> {
    const p = new URLSearchParams({ q });
    if (category) p.set('category', category);
    return this.#request('GET', `/api/suggest${search(p)}`, { auth: false });
  }

  async categories(): Promise<CategoryCount[]> {
    return (await this.#request<{ categories: CategoryCount[] }>('GET', '/api/categories', { auth: false })).categories;
  }

  // ---- the shopper ----

  /** With a session: this shopper's; `anonymous: true` gives what a newcomer gets (trending). */
  recommendations(opts: { k?: number; itemId?: string; category?: string; anonymous?: boolean } = {}): Promise<Recommendations> {
    const q = new URLSearchParams();
    if (opts.k !== undefined) q.set('k', String(opts.k));
    if (opts.itemId) q.set('itemId', opts.itemId);
    if (opts.category) q.set('category', opts.category);
    return this.#request('GET', `/api/recommendations${search(q)}`, { auth: !opts.anonymous });
  }

  profile(): Promise<Profile> {
    return this.#request('GET', '/api/profile');
  }

  cart(): Promise<Cart> {
    return this.#request('GET', '/api/cart');
  }

  async orders(): Promise<Order[]> {
    return (await this.#request<{ orders: Order[] }>('GET', '/api/orders')).orders;
  }

  /** Records an event over HTTP; an `id` is generated when absent, so a retry is stored once. */
  track(event: TrackEvent): Promise<Ack> {
    const e = event.id ? event : { ...event, id: newId() };
    return this.#request('POST', '/api/events', { body: e });
  }

  /**
   * Buys the cart (or `lines`), all or none. One idempotency key (generated when not
   * given) covers every attempt, so a retry after E_TIMEOUT or a lost answer never
   * buys twice. E_OUT_OF_STOCK names the item in `field`.
   */
  async checkout(opts: { lines?: CartLine[]; idempotencyKey?: string; attempts?: number } = {}): Promise<OrderResult> {
    const body = { ...(opts.lines ? { lines: opts.lines } : {}), idempotencyKey: opts.idempotencyKey ?? newId() };
    const attempts = opts.attempts ?? DEFAULT_CHECKOUT_ATTEMPTS;
    for (let i = 1; ; i++) {
      try {
        return await this.#request<OrderResult>('POST', '/api/checkout', { body });
      } catch (err) {
        const again = err instanceof ShopConnectionError || (err instanceof ShopApiError && err.code === 'E_TIMEOUT');
        if (!again || i >= attempts) throw err;
      }
    }
  }

  /** The live connection: pushes for this shopper, events acked over the socket. */
  connect(options: LiveOptions = {}): LiveConnection {
    const factory = this.#webSocket ?? defaultWebSocket();
    return new LiveConnection(this, factory, options);
  }

  /** The /ws URL for a token (used by LiveConnection). */
  socketUrl(token: string): string {
    return `${this.baseUrl.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(token)}`;
  }

  async #request<T>(method: 'GET' | 'POST', path: string, opts: { auth?: boolean; body?: unknown } = {}): Promise<T> {
    const auth = opts.auth ?? true;
    const once = async (session: Session | undefined): Promise<T> => {
      const headers: Record<string, string> = {};
      if (session) headers['authorization'] = `Bearer ${session.token}`;
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      let res: Response;
      try {
        res = await this.#fetch(`${this.baseUrl}${path}`, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
      } catch (cause) {
        throw new ShopConnectionError(`${method} ${path}: the engine could not be reached`, { cause });
      }
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (cause) {
        throw new ShopConnectionError(`${method} ${path}: HTTP ${res.status} with a body that is not JSON`, { cause, status: res.status });
      }
      if (res.ok) return json as T;
      const e = (json as Partial<HttpErrorBody>)?.error;
      if (typeof e?.code !== 'string') throw new ShopConnectionError(`${method} ${path}: HTTP ${res.status} without an API error body`, { status: res.status });
      throw new ShopApiError(e, { status: res.status });
    };
    if (!auth) return once(undefined);
    const session = await this.ensureSession();
    try {
      return await once(session);
    } catch (err) {
      if (!this.#autoRenew || !(err instanceof ShopApiError) || (err.code !== 'E_TOKEN_EXPIRED' && err.code !== 'E_BAD_TOKEN')) throw err;
      // Another call may have renewed it already.
      const fresh = this.#session && this.#session.token !== session.token ? this.#session : await this.renewSession();
      return once(fresh);
    }
  }
}

function defaultWebSocket(): WebSocketFactory {
  const WS = (globalThis as { WebSocket?: new (url: string) => unknown }).WebSocket;
  if (typeof WS !== 'function') throw new TypeError('ShopClient option "webSocket" is required: this runtime has no global WebSocket (Node 20: use the ws package)');
  return (url) => new WS(url) as ReturnType<WebSocketFactory>;
}
