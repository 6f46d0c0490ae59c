/**
 * The shopper's live connection: one WebSocket per page, reconnected with
 * exponential backoff, carrying events out (acked once the engine's log stored
 * them) and recs/coupon/order pushes in. When the socket is down, events go over HTTP
 * with the same id (the engine stores a retried id once); analytics events that
 * cannot be sent at all wait in a small queue until the shop is reachable again.
 *
 * States: connecting -> live -> (closed) -> offline (waiting to retry) -> connecting ...
 */
import { ApiError, request } from './api.js';
import type { Ack, CategoryPick, Coupon, EventMessage, OrderPush, Recs, ServerMessage, ShopEvent } from './api-types.js';
import { newId } from './format.js';
import { getSession, onSessionChange, renewSession } from './session.js';

export type LiveState = 'connecting' | 'live' | 'offline';

/** First retry after this long; doubled per failed attempt up to MAX_BACKOFF_MS. */
export const MIN_BACKOFF_MS = 500;
export const MAX_BACKOFF_MS = 15_000;
/** An event not acked over the socket in this time is retried over HTTP. */
const ACK_TIMEOUT_MS = 4000;
/** Analytics events kept while the shop is unreachable; older ones are dropped first. */
const MAX_QUEUED = 50;
const QUEUEABLE = new Set<ShopEvent['kind']>(['view', 'dwell', 'search', 'search_click', 'rec_click', 'rec_impression', 'ad_click']);

interface Pending {
  event: ShopEvent & { id: string };
  resolve: (a: Ack) => void;
  reject: (e: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
}

type Listener<T> = (v: T) => void;

export class LiveSocket {
  #ws: WebSocket | undefined;
  #token = '';
  #state: LiveState = 'connecting';
  #attempt = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #retryAt = 0;
  #lastRenew = 0;
  readonly #pending = new Map<string, Pending>();
  readonly #queue: Array<ShopEvent & { id: string }> = [];
  readonly #stateL = new Set<Listener<LiveState>>();
  readonly #recsL = new Set<Listener<Recs>>();
  readonly #couponL = new Set<Listener<Coupon>>();
  readonly #orderL = new Set<Listener<OrderPush>>();
  readonly #picksL = new Set<Listener<CategoryPick[]>>();
  /** The newest recs seen (push or fetch), so a page opened later starts from them. */
  lastRecs: Recs | undefined;

  start(): void {
    window.addEventListener('online', () => this.reconnectNow());
    window.addEventListener('offline', () => this.#ws?.close(4000, 'browser offline'));
    onSessionChange((s) => {
      if (s.token !== this.#token) this.reconnectNow();
    });
    void this.#connect();
  }

  get state(): LiveState {
    return this.#state;
  }

  /** When the next attempt is due (ms since the epoch), while offline. */
  get retryAt(): number {
    return this.#retryAt;
  }

  onState(fn: Listener<LiveState>): () => void {
    this.#stateL.add(fn);
    fn(this.#state);
    return () => this.#stateL.delete(fn);
  }

  onRecs(fn: Listener<Recs>): () => void {
    this.#recsL.add(fn);
    return () => this.#recsL.delete(fn);
  }

  onCoupon(fn: Listener<Coupon>): () => void {
    this.#couponL.add(fn);
    return () => this.#couponL.delete(fn);
  }

  /** Checkout outcomes (placed or refused) as the engine pushes them. */
  onOrder(fn: Listener<OrderPush>): () => void {
    this.#orderL.add(fn);
    return () => this.#orderL.delete(fn);
  }

  /** The shopper's category picks, whenever the engine says they changed. */
  onCategoryPicks(fn: Listener<CategoryPick[]>): () => void {
    this.#picksL.add(fn);
    return () => this.#picksL.delete(fn);
  }

  /** Offers recs from an HTTP fetch; kept only when newer than what the socket delivered. */
  offerRecs(r: Recs): boolean {
    if (this.lastRecs && this.lastRecs.ts >= r.ts) return false;
    this.lastRecs = r;
    return true;
  }

  reconnectNow(): void {
    clearTimeout(this.#retryTimer);
    this.#attempt = 0;
    const ws = this.#ws;
    this.#ws = undefined;
    if (ws) {
      ws.onclose = null;
      ws.close(1000, 'reconnecting');
    }
    void this.#connect();
  }

  #setState(s: LiveState): void {
    if (s === this.#state) return;
    this.#state = s;
    for (const l of this.#stateL) l(s);
  }

  async #connect(): Promise<void> {
    this.#setState('connecting');
    let token: string;
    try {
      token = (await getSession()).token;
    } catch {
      this.#scheduleRetry();
      return;
    }
    this.#token = token;
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${proto}//${location.host}/ws?token=${encodeURIComponent(token)}`);
    this.#ws = ws;
    ws.onmessage = (ev) => {
      let m: ServerMessage;
      try {
        m = JSON.parse(String(ev.data)) as ServerMessage;
      } catch {
        return;
      }
      this.#onMessage(m);
    };
    ws.onclose = (ev) => {
      if (this.#ws !== ws) return;
      this.#ws = undefined;
      this.#failPending();
      if (ev.code === 4401 && Date.now() - this.#lastRenew > 5000) {
        // The engine rejected the token (expired, or signed by another secret): get a new session.
        this.#lastRenew = Date.now();
        renewSession(token).then(() => this.reconnectNow(), () => this.#scheduleRetry());
        return;
      }
      this.#scheduleRetry();
    };
  }

  #onMessage(m: ServerMessage): void {
    switch (m.type) {
      case 'hello':
        this.#attempt = 0;
        this.#retryAt = 0;
        this.#setState('live');
        this.#flushQueue();
        return;
      case 'ack': {
        const p = this.#pending.get(m.id);
        if (!p) return;
        this.#pending.delete(m.id);
        clearTimeout(p.timer);
        p.resolve({ id: m.id, seq: m.seq });
        return;
      }
      case 'error': {
        const p = m.id ? this.#pending.get(m.id) : undefined;
        if (p) {
          this.#pending.delete(p.event.id);
          clearTimeout(p.timer);
          p.reject(new ApiError(m.code, m.message, 400));
        }
        return;
      }
      case 'recs': {
        const r: Recs = { items: m.items, ts: m.ts, causedBy: m.causedBy, seq: m.seq };
        this.lastRecs = r;
        for (const l of this.#recsL) l(r);
        return;
      }
      case 'coupon':
        for (const l of this.#couponL) l(m.coupon);
        return;
      case 'order':
        for (const l of this.#orderL) l(m);
        return;
      case 'categories':
        for (const l of this.#picksL) l(m.picks);
        return;
      default:
        // A message type newer than this page: ignored, the socket stays up.
        return;
    }
  }

  #scheduleRetry(): void {
    const delay = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** this.#attempt) * (0.7 + 0.3 * Math.random());
    this.#attempt++;
    this.#retryAt = Date.now() + delay;
    this.#setState('offline');
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => void this.#connect(), delay);
  }

  /** Events in flight on a socket that closed: finish them over HTTP with the same id. */
  #failPending(): void {
    const all = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of all) {
      clearTimeout(p.timer);
      this.#overHttp(p.event).then(p.resolve, p.reject);
    }
  }

  #flushQueue(): void {
    const q = this.#queue.splice(0);
    for (const e of q) void this.#send(e).catch(() => undefined);
  }

  /** Sends an event; resolves with the engine's ack, rejects with an ApiError. */
  track(e: ShopEvent, opts: { keepalive?: boolean } = {}): Promise<Ack | undefined> {
    const event = { ...e, id: newId(e.kind.replace('_', '')) };
    if (opts.keepalive) return this.#overHttp(event, true).catch(() => undefined);
    return this.#send(event).catch((err: unknown) => {
      if (err instanceof ApiError && err.code === 'E_NETWORK' && QUEUEABLE.has(e.kind)) {
        if (this.#queue.length >= MAX_QUEUED) this.#queue.shift();
        this.#queue.push(event);
        return undefined;
      }
      throw err;
    });
  }

  #send(event: ShopEvent & { id: string }): Promise<Ack> {
    const ws = this.#ws;
    if (!ws || ws.readyState !== WebSocket.OPEN || this.#state !== 'live') return this.#overHttp(event);
    return new Promise<Ack>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (!this.#pending.delete(event.id)) return;
        this.#overHttp(event).then(resolve, reject);
      }, ACK_TIMEOUT_MS);
      this.#pending.set(event.id, { event, resolve, reject, timer });
      const m: EventMessage = { type: 'event', ...event };
      ws.send(JSON.stringify(m));
    });
  }

  async #overHttp(event: ShopEvent & { id: string }, keepalive = false): Promise<Ack> {
    const r = await request<{ id: string; seq: number }>('/api/events', { method: 'POST', body: event, keepalive });
    return { id: r.id, seq: r.seq };
  }
}

export const live = new LiveSocket();
