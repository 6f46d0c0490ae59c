/**
 * The dashboard's WebSocket at /admin/ws?token=<operator session>: a live analytics
 * summary on connect and whenever the analytics fold moves (at most 4 a second). The
 * analytics worker builds it while any operator socket is open, and this thread only
 * publishes it to every operator socket. Read-only: operators act through the HTTP
 * API. Closes with 4401 when the session expires.
 */
import type { TemplatedApp, WebSocket, us_socket_context_t } from 'uWebSockets.js';
import type { AdminServerMessage } from '../../protos/admin-contract.js';
import { errorMessage, httpErrorBody } from '../../protos/contract.js';
import { AuthError, BadRequestError, EngineError, NotAllowedError } from '../errors/index.js';
import type { AdminDeps } from './admin-routes.js';
import type { LoadedUws } from './uws.js';
import { originAllowed } from './websocket.js';

const TOPIC = 'admin:live';
const CLOSE_UNAUTHORIZED = 4401;
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A slow dashboard skips summaries rather than buffering them. */
const MAX_BACKPRESSURE_BYTES = 512 * 1024;

interface AdminSocketData {
  authError: EngineError | undefined;
  expiresAt: number;
  timer: NodeJS.Timeout | undefined;
  closed: boolean;
}

export interface AdminSocketOptions {
  admin: AdminDeps;
  allowedOrigins: readonly string[];
}

const encode = (m: AdminServerMessage) => JSON.stringify(m);

export function mountAdminSocket(app: TemplatedApp, loaded: LoadedUws, opts: AdminSocketOptions): { sockets: () => number; closeAll: () => void } {
  const { admin } = opts;
  const all = new Set<WebSocket<AdminSocketData>>();
  const unsubscribe = admin.analytics.onSummary((json) => {
    if (all.size > 0) app.publish(TOPIC, json);
  });

  const refuse = (ws: WebSocket<AdminSocketData>, err: EngineError) => {
    ws.getUserData().closed = true;
    ws.send(encode(errorMessage(err)));
    ws.end(CLOSE_UNAUTHORIZED, err.code);
  };

  app.ws<AdminSocketData>('/admin/ws', {
    compression: loaded.uws.SHARED_COMPRESSOR,
    maxPayloadLength: 4096,
    maxBackpressure: MAX_BACKPRESSURE_BYTES,
    idleTimeout: 120,
    sendPingsAutomatically: true,
    upgrade: (res, req, context: us_socket_context_t) => {
      const token = new URLSearchParams(req.getQuery() ?? '').get('token') ?? undefined;
      const origin = req.getHeader('origin');
      if (!originAllowed(origin, req.getHeader('host'), opts.allowedOrigins)) {
        res.cork(() => {
          res.writeStatus('403 Forbidden').writeHeader('content-type', 'application/json; charset=utf-8')
            .end(JSON.stringify(httpErrorBody(new NotAllowedError(`origin ${JSON.stringify(origin.slice(0, 100))} may not open /admin/ws (WS_ALLOWED_ORIGINS)`, 'origin'))), true);
        });
        return;
      }
      const data: AdminSocketData = { authError: undefined, expiresAt: 0, timer: undefined, closed: false };
      try {
        data.expiresAt = admin.sessions.verify(token);
      } catch (err) {
        data.authError = err instanceof EngineError ? err : new AuthError('E_BAD_TOKEN', 'operator session token is invalid');
      }
      res.upgrade(data, req.getHeader('sec-websocket-key'), req.getHeader('sec-websocket-protocol'), req.getHeader('sec-websocket-extensions'), context);
    },
    open: (ws) => {
      const d = ws.getUserData();
      if (d.authError) return refuse(ws, d.authError);
      all.add(ws);
      d.timer = setTimeout(() => refuse(ws, new AuthError('E_TOKEN_EXPIRED', 'operator session has expired: log in again with the API key')), Math.min(MAX_TIMER_MS, Math.max(0, d.expiresAt - Date.now())));
      ws.send(encode({ type: 'hello', ts: Date.now(), expiresAt: d.expiresAt }));
      ws.subscribe(TOPIC);
      // The newest summary at once; the first operator makes the worker start building them (one comes at once).
      const last = admin.analytics.lastSummary();
      if (last) ws.send(last);
      admin.analytics.wantSummaries(true);
    },
    message: (ws) => {
      // Nothing to say to the engine here; a client that tries learns why.
      ws.send(encode(errorMessage(new BadRequestError('/admin/ws is read-only: use the admin HTTP API', 'type'))));
    },
    close: (ws) => {
      const d = ws.getUserData();
      d.closed = true;
      clearTimeout(d.timer);
      all.delete(ws);
      if (all.size === 0) admin.analytics.wantSummaries(false);
    },
  });
  return {
    sockets: () => all.size,
    closeAll: () => {
      unsubscribe();
      for (const ws of [...all]) ws.end(1001, 'server shutting down');
    },
  };
}
