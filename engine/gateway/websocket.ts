/**
 * The shopper's WebSocket at /ws?token=...: events in (acked only after the log
 * stored them), pushes out (only this user's). A slow socket gets the newest recs
 * coalesced, never an unbounded buffer; a flooding socket is rate limited, and so
 * is a user flooding through many sockets. A socket closes (4401) when its token expires.
 */
import type { TemplatedApp, WebSocket, us_socket_context_t } from 'uWebSockets.js';
import { ackMessage, encodeServerMessage, errorMessage, httpErrorBody, pushTypeOf, type PushJson, type ServerMessage } from '../../protos/contract.js';
import { AuthError, BadRequestError, EngineError, NotAllowedError, TooLargeError, toEngineError } from '../errors/index.js';
import type { Logger } from '../observability/index.js';
import { NextTurn, type EngineServices } from '../services/index.js';
import { TokenBucket } from './token-bucket.js';
import type { LoadedUws } from './uws.js';

/** Largest event message accepted (bigger frames up to MAX_FRAME_BYTES get E_TOO_LARGE; beyond, the socket closes). */
export const MAX_MESSAGE_BYTES = 64 * 1024;
const MAX_FRAME_BYTES = 1024 * 1024;
/** Above this many unsent bytes on a socket, new recs replace the pending ones instead of queueing. */
const PUSH_BACKPRESSURE_BYTES = 64 * 1024;
const MAX_BACKPRESSURE_BYTES = 4 * 1024 * 1024;
const RATE_LIMIT_NOTICE_MS = 1000;
/** Close code for an authentication failure (the HTTP 401 of WebSockets, by convention 4000 + status). */
const CLOSE_UNAUTHORIZED = 4401;
/** setTimeout cannot wait longer than this (2^31-1 ms, ~24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface SocketData {
  userId: string | undefined;
  authError: EngineError | undefined;
  closed: boolean;
  /** When the session token expires (ms); the socket closes then. */
  expiresAt: number;
  expiryTimer: NodeJS.Timeout | undefined;
  bucket: TokenBucket;
  lastRateNotice: number;
  pendingRecs: PushJson | undefined;
  unsubscribe: (() => void) | undefined;
}

export interface WebSocketOptions {
  services: EngineServices;
  log: Logger;
  maxMessagesPerS: number;
  /** Across all of one user's sockets. */
  maxUserMessagesPerS: number;
  /** See EngineConfig.wsAllowedOrigins. */
  allowedOrigins: readonly string[];
}

/**
 * A browser always sends Origin on a WebSocket upgrade; a page on another site must
 * not open a shopper's socket with a token it got hold of. No Origin = not a browser.
 */
export function originAllowed(origin: string, host: string, allowed: readonly string[]): boolean {
  if (origin === '') return true;
  if (allowed.includes('*') || allowed.includes(origin)) return true;
  if (allowed.length > 0) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** One user's shared budget, kept while any of its sockets is open. */
interface UserBudget {
  bucket: TokenBucket;
  sockets: number;
}

export function mountWebSocket(app: TemplatedApp, loaded: LoadedUws, opts: WebSocketOptions): { sockets: () => number; closeAll: () => void } {
  const { services, log } = opts;
  const m = services.metrics;
  const errors = m.counter('shop_ws_errors_total', 'typed errors sent on WebSockets, by code');
  const rejectedOrigins = m.counter('shop_ws_origin_refused_total', 'WebSocket upgrades refused for their Origin').with({});
  const coalesced = m.counter('shop_ws_recs_coalesced_total', 'recs pushes replaced by newer ones on a backpressured socket');
  let open = 0;
  const all = new Set<WebSocket<SocketData>>();
  m.gauge('shop_ws_connections', 'open shopper WebSockets', () => open);
  const burst = opts.maxMessagesPerS * 2;
  const userBurst = opts.maxUserMessagesPerS * 2;
  const budgets = new Map<string, UserBudget>();
  // Events of one turn are appended together (one NATS write for all of them).
  const nextTurn = new NextTurn();
  // Sends from async callbacks (acks, pushes) are corked: uncorked, uWS writes each
  // message to the socket at once, which cost a fifth of the gateway's time under load.
  const send = (ws: WebSocket<SocketData>, json: string) => {
    ws.cork(() => ws.send(json));
  };
  const sendMessage = (ws: WebSocket<SocketData>, m: ServerMessage) => send(ws, encodeServerMessage(m));

  const sendError = (ws: WebSocket<SocketData>, err: unknown, id?: unknown) => {
    const e = toEngineError(err);
    if (e.code === 'E_INTERNAL') log.error('websocket message failed', { err });
    errors.inc({ code: e.code });
    if (!ws.getUserData().closed) sendMessage(ws, errorMessage(e, typeof id === 'string' && id.length <= 64 ? id : undefined));
  };

  const deliver = (ws: WebSocket<SocketData>, json: PushJson) => {
    const d = ws.getUserData();
    if (d.closed) return;
    if (ws.getBufferedAmount() > PUSH_BACKPRESSURE_BYTES && pushTypeOf(json) === 'recs') {
      if (d.pendingRecs !== undefined) coalesced.inc();
      d.pendingRecs = json;
      return;
    }
    send(ws, json);
  };

  const expire = (ws: WebSocket<SocketData>) => {
    const d = ws.getUserData();
    if (d.closed) return;
    sendError(ws, new AuthError('E_TOKEN_EXPIRED', 'session token has expired: POST /api/session for a new one and reconnect'));
    d.closed = true;
    ws.end(CLOSE_UNAUTHORIZED, 'E_TOKEN_EXPIRED');
  };

  app.ws<SocketData>('/ws', {
    compression: loaded.uws.DISABLED,
    maxPayloadLength: MAX_FRAME_BYTES,
    maxBackpressure: MAX_BACKPRESSURE_BYTES,
    idleTimeout: 120,
    sendPingsAutomatically: true,
    upgrade: (res, req, context: us_socket_context_t) => {
      const token = new URLSearchParams(req.getQuery() ?? '').get('token') ?? undefined;
      const origin = req.getHeader('origin');
      if (!originAllowed(origin, req.getHeader('host'), opts.allowedOrigins)) {
        rejectedOrigins.inc();
        res.cork(() => {
          res.writeStatus('403 Forbidden').writeHeader('content-type', 'application/json; charset=utf-8').writeHeader('x-content-type-options', 'nosniff')
            .end(JSON.stringify(httpErrorBody(new NotAllowedError(`origin ${JSON.stringify(origin.slice(0, 100))} may not open /ws (WS_ALLOWED_ORIGINS)`, 'origin'))), true);
        });
        return;
      }
      const data: SocketData = {
        userId: undefined, authError: undefined, closed: false, expiresAt: 0, expiryTimer: undefined,
        bucket: new TokenBucket(opts.maxMessagesPerS, burst), lastRateNotice: 0, pendingRecs: undefined, unsubscribe: undefined,
      };
      try {
        const s = services.sessions.verifySession(token);
        data.userId = s.userId;
        data.expiresAt = s.expiresAt;
      } catch (err) {
        // Upgrade anyway so the client can read a typed error, then close.
        data.authError = err instanceof EngineError ? err : new AuthError('E_BAD_TOKEN', 'session token is invalid');
      }
      res.upgrade(data, req.getHeader('sec-websocket-key'), req.getHeader('sec-websocket-protocol'), req.getHeader('sec-websocket-extensions'), context);
    },
    open: (ws) => {
      const d = ws.getUserData();
      if (d.authError || !d.userId) {
        sendError(ws, d.authError);
        ws.end(CLOSE_UNAUTHORIZED, d.authError?.code ?? 'E_BAD_TOKEN');
        return;
      }
      open++;
      all.add(ws);
      const userId = d.userId;
      let budget = budgets.get(userId);
      if (!budget) budgets.set(userId, (budget = { bucket: new TokenBucket(opts.maxUserMessagesPerS, userBurst), sockets: 0 }));
      budget.sockets++;
      d.expiryTimer = setTimeout(() => expire(ws), Math.min(MAX_TIMER_MS, Math.max(0, d.expiresAt - Date.now())));
      d.unsubscribe = services.pushes.subscribe(d.userId, (json) => deliver(ws, json));
      ws.send(encodeServerMessage({ type: 'hello', userId: d.userId, ts: Date.now() }));
    },
    message: (ws, message) => {
      const d = ws.getUserData();
      if (!d.userId) return;
      const now = Date.now();
      if (now >= d.expiresAt) return expire(ws); // the timer may not have fired yet
      const perSocket = d.bucket.take(now);
      const perUser = perSocket && budgets.get(d.userId)!.bucket.take(now);
      if (!perUser) {
        // Tell the client at most once a second; flooding must not be amplified by our replies.
        if (now - d.lastRateNotice >= RATE_LIMIT_NOTICE_MS) {
          d.lastRateNotice = now;
          sendError(ws, new EngineError('E_RATE_LIMITED', perSocket
            ? `more than ${opts.maxUserMessagesPerS} messages/s from this user across its sockets; messages are being dropped`
            : `more than ${opts.maxMessagesPerS} messages/s on this socket; messages are being dropped`));
        } else errors.inc({ code: 'E_RATE_LIMITED' });
        return;
      }
      if (message.byteLength > MAX_MESSAGE_BYTES) return sendError(ws, new TooLargeError('message', message.byteLength, MAX_MESSAGE_BYTES));
      let input: unknown;
      try {
        input = JSON.parse(Buffer.from(message).toString('utf8'));
      } catch {
        return sendError(ws, new BadRequestError('message is not valid JSON', undefined, 'E_BAD_JSON'));
      }
      const o = input as Record<string, unknown> | null;
      const id = typeof o === 'object' && o !== null ? o['id'] : undefined;
      if (typeof o !== 'object' || o === null || Array.isArray(o)) return sendError(ws, new BadRequestError('message must be a JSON object with a "type"', 'type'));
      if (o['type'] !== 'event') {
        return sendError(ws, new BadRequestError(`unknown message type ${JSON.stringify(o['type'])?.slice(0, 40)}: expected "event"`, 'type', 'E_UNKNOWN_KIND'), id);
      }
      let event;
      try {
        event = services.tracking.validateEvent(o, { userId: d.userId, source: 'ws' });
      } catch (err) {
        return sendError(ws, err, id);
      }
      const ev = event;
      nextTurn.run(() => services.tracking.track(ev)).then(
        (r) => {
          if (!d.closed) sendMessage(ws, ackMessage(r.id, r.seq, r.duplicate));
        },
        (err: unknown) => {
          if (!d.closed) sendError(ws, err, event.id);
        },
      );
    },
    drain: (ws) => {
      const d = ws.getUserData();
      if (d.pendingRecs !== undefined && ws.getBufferedAmount() <= PUSH_BACKPRESSURE_BYTES) {
        const json = d.pendingRecs;
        d.pendingRecs = undefined;
        ws.send(json);
      }
    },
    close: (ws) => {
      const d = ws.getUserData();
      d.closed = true;
      clearTimeout(d.expiryTimer);
      all.delete(ws);
      if (d.unsubscribe) {
        open--;
        d.unsubscribe();
        const budget = budgets.get(d.userId!);
        if (budget && --budget.sockets === 0) budgets.delete(d.userId!);
      }
    },
  });
  return {
    sockets: () => open,
    closeAll: () => {
      for (const ws of [...all]) ws.end(1001, 'server shutting down');
    },
  };
}
