/**
 * The shopper's live connection over /ws: typed push callbacks, events acked over the
 * socket (over HTTP while it is down, with the same id: the engine stores a retried
 * id once), and reconnection with exponential backoff and jitter.
 *
 * States: connecting -> open -> (socket lost) -> waiting -> connecting ... ; close() -> closed.
 * A close with 4401 (token refused or expired) gets a new session before the next attempt.
 */
import type { AckMessage, CouponPush, ErrorMessage, HelloMessage, OrderPush, RecsPush, ServerMessage } from '../../protos/contract.js';
import { ShopApiError, ShopConnectionError } from './errors.js';
import type { Session, TrackEvent } from './types.js';

/** What LiveConnection needs of a WebSocket: the browser's, Node 22's or the `ws` package's. */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketFactory = (url: string) => WebSocketLike;

export type LiveState = 'connecting' | 'open' | 'waiting' | 'closed';

/** First retry after this long; doubled per failed attempt up to MAX_BACKOFF_MS (each with +-25% jitter). */
export const MIN_BACKOFF_MS = 500;
export const MAX_BACKOFF_MS = 15_000;
/** An event not acked over the socket in this time is rejected (retry it with the same id). @default 5000 */
export const DEFAULT_ACK_TIMEOUT_MS = 5000;
const OPEN = 1;
const CLOSE_UNAUTHORIZED = 4401;

export interface LiveOptions {
  onHello?: (m: HelloMessage) => void;
  onRecs?: (m: RecsPush) => void;
  onCoupon?: (m: CouponPush) => void;
  onOrder?: (m: OrderPush) => void;
  /** Errors not tied to one event (rate limits, authentication). */
  onError?: (e: ShopApiError) => void;
  onState?: (s: LiveState) => void;
  /** @default 500 */
  minBackoffMs?: number;
  /** @default 15000 */
  maxBackoffMs?: number;
  /** @default 5000 */
  ackTimeoutMs?: number;
}

/** What LiveConnection needs of ShopClient (kept narrow so the two files do not import each other's values). */
export interface LiveHost {
  ensureSession(): Promise<Session>;
  renewSession(): Promise<Session>;
  socketUrl(token: string): string;
  track(event: TrackEvent): Promise<AckMessage>;
}

interface Pending {
  resolve: (a: AckMessage) => void;
  reject: (e: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
}

function checkMs(name: string, v: number | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  if (!Number.isFinite(v) || v < 0) throw new RangeError(`LiveConnection option "${name}" must be a number of ms >= 0, got ${String(v)}`);
  return v;
}

export class LiveConnection {
  readonly #host: LiveHost;
  readonly #open: WebSocketFactory;
  readonly #o: LiveOptions;
  readonly #minMs: number;
  readonly #maxMs: number;
  readonly #ackMs: number;
  readonly #pending = new Map<string, Pending>();
  #ws: WebSocketLike | undefined;
  #state: LiveState = 'connecting';
  #attempt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #renew = false;
  #openWaiters: Array<() => void> = [];

  constructor(host: LiveHost, open: WebSocketFactory, options: LiveOptions = {}) {
    this.#host = host;
    this.#open = open;
    this.#o = options;
    this.#minMs = checkMs('minBackoffMs', options.minBackoffMs, MIN_BACKOFF_MS);
    this.#maxMs = checkMs('maxBackoffMs', options.maxBackoffMs, MAX_BACKOFF_MS);
    this.#ackMs = checkMs('ackTimeoutMs', options.ackTimeoutMs, DEFAULT_ACK_TIMEOUT_MS);
    void this.#connect();
  }

  get state(): LiveState {
    return this.#state;
  }

  /** Resolves once the socket is open and greeted (`hello`). */
  opened(): Promise<void> {
    if (this.#state === 'open') return Promise.resolve();
    if (this.#state === 'closed') return Promise.reject(new ShopConnectionError('the live connection is closed'));
    return new Promise((resolve) => this.#openWaiters.push(resolve));
  }

  /**
   * Sends an event and resolves with its ack once the log stored it. While the socket
   * is not open the event goes over HTTP instead, with the same id.
   */
  track(event: TrackEvent): Promise<AckMessage> {
    const e = { ...event, id: event.id || globalThis.crypto.randomUUID() };
    const ws = this.#ws;
    if (this.#state !== 'open' || !ws || ws.readyState !== OPEN) return this.#host.track(e);
    return new Promise<AckMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(e.id);
        reject(new ShopConnectionError(`event ${e.id} was not acked within ${this.#ackMs} ms; retry it with the same id`));
      }, this.#ackMs);
      this.#pending.set(e.id, { resolve, reject, timer });
      ws.send(JSON.stringify({ type: 'event', ...e }));
    });
  }

  /** Closes for good: no reconnect; pending events are rejected. */
  close(): void {
    if (this.#state === 'closed') return;
    this.#setState('closed');
    clearTimeout(this.#timer);
    this.#ws?.close(1000, 'client closed');
    this.#failPending('the live connection was closed');
  }

  async #connect(): Promise<void> {
    if (this.#state === 'closed') return;
    this.#setState('connecting');
    let session: Session;
    try {
      session = this.#renew ? await this.#host.renewSession() : await this.#host.ensureSession();
      this.#renew = false;
    } catch {
      return this.#retry();
    }
    if (this.#isClosed()) return; // close() ran while the session was fetched
    let ws: WebSocketLike;
    try {
      ws = this.#open(this.#host.socketUrl(session.token));
    } catch {
      return this.#retry();
    }
    this.#ws = ws;
    ws.onmessage = (ev) => this.#onMessage(typeof ev.data === 'string' ? ev.data : String(ev.data));
    ws.onerror = () => undefined; // a close follows; it decides
    ws.onclose = (ev) => {
      if (this.#ws !== ws) return;
      this.#ws = undefined;
      this.#failPending(`the socket closed (${ev.code}) before the ack; retry with the same id`);
      if (ev.code === CLOSE_UNAUTHORIZED) this.#renew = true;
      this.#retry();
    };
  }

  #retry(): void {
    if (this.#state === 'closed') return;
    this.#setState('waiting');
    const base = Math.min(this.#maxMs, this.#minMs * 2 ** this.#attempt++);
    const delay = base * (0.75 + Math.random() * 0.5);
    this.#timer = setTimeout(() => void this.#connect(), delay);
  }

  #onMessage(text: string): void {
    let m: ServerMessage;
    try {
      m = JSON.parse(text) as ServerMessage;
    } catch {
      return; // not the engine's: ignored
    }
    switch (m.type) {
      case 'hello':
        this.#attempt = 0;
        this.#setState('open');
        for (const w of this.#openWaiters.splice(0)) w();
        this.#o.onHello?.(m);
        return;
      case 'ack':
        return this.#settle(m.id, (p) => p.resolve(m));
      case 'error':
        return this.#onError(m);
      case 'recs':
        return this.#o.onRecs?.(m);
      case 'coupon':
        return this.#o.onCoupon?.(m);
      case 'order':
        return this.#o.onOrder?.(m);
      default:
        return; // a type a newer engine sends: skipped
    }
  }

  #onError(m: ErrorMessage): void {
    const err = new ShopApiError(m.field === undefined ? { code: m.code, message: m.message } : { code: m.code, message: m.message, field: m.field });
    if (m.id !== undefined && this.#pending.has(m.id)) return this.#settle(m.id, (p) => p.reject(err));
    this.#o.onError?.(err);
  }

  #settle(id: string, fn: (p: Pending) => void): void {
    const p = this.#pending.get(id);
    if (!p) return;
    this.#pending.delete(id);
    clearTimeout(p.timer);
    fn(p);
  }

  #failPending(why: string): void {
    for (const [id, p] of this.#pending) {
      clearTimeout(p.timer);
      p.reject(new ShopConnectionError(`event ${id}: ${why}`));
    }
    this.#pending.clear();
  }

  #isClosed(): boolean {
    return this.#state === 'closed';
  }

  #setState(s: LiveState): void {
    if (this.#state === s || (this.#state === 'closed' && s !== 'closed')) return;
    this.#state = s;
    this.#o.onState?.(s);
  }
}
