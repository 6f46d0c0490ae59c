/**
 * The gateway: one uWebSockets.js app on the main thread serving the JSON API,
 * the shopper WebSocket, /health, /metrics and the storefront.
 */
import type { TemplatedApp, us_listen_socket } from 'uWebSockets.js';
import { EngineError, UnavailableError } from '../errors/index.js';
import type { Logger } from '../observability/index.js';
import type { ApiKeyCheck, EngineServices } from '../services/index.js';
import type { AdminDeps } from './admin-routes.js';
import { mountApi, type HealthSource } from './api-routes.js';
import { reply, sendError } from './http.js';
import { loadUws, UWS_FALLBACK_MESSAGE } from './uws.js';
import { mountAdminSocket } from './admin-socket.js';
import { mountWebSocket } from './websocket.js';

export interface GatewayOptions {
  services: EngineServices;
  health: HealthSource;
  log: Logger;
  port: number;
  maxWsMessagesPerS: number;
  maxUserMessagesPerS: number;
  wsAllowedOrigins: readonly string[];
  /** Interface to listen on. */
  host: string;
  /** The operator key; `/metrics` asks for it when set. */
  metricsKey: ApiKeyCheck | undefined;
  /** The operator API (/api/admin/); absent = not mounted. */
  admin?: AdminDeps;
  allowUwsFallback: boolean;
  /** Mounts the storefront's pages and static files (served for every other GET). */
  mountSite?: (app: TemplatedApp) => void;
}

/** Lifecycle: created -> listening -> closed. */
export class Gateway {
  readonly #opts: GatewayOptions;
  #listen: us_listen_socket | undefined;
  #port = 0;
  #sockets: () => number = () => 0;
  #close: (() => void) | undefined;

  constructor(opts: GatewayOptions) {
    this.#opts = opts;
  }

  get port(): number {
    return this.#port;
  }

  get openSockets(): number {
    return this.#sockets();
  }

  async listen(): Promise<number> {
    const { services, log } = this.#opts;
    const loaded = loadUws();
    if (!loaded.native) {
      if (!this.#opts.allowUwsFallback) throw new UnavailableError(UWS_FALLBACK_MESSAGE);
      log.warn(`RUNNING SLOWLY: ${UWS_FALLBACK_MESSAGE}`);
    }
    const app = loaded.uws.App();
    const ws = mountWebSocket(app, loaded, { services, log, maxMessagesPerS: this.#opts.maxWsMessagesPerS, maxUserMessagesPerS: this.#opts.maxUserMessagesPerS, allowedOrigins: this.#opts.wsAllowedOrigins });
    this.#sockets = ws.sockets;
    const adminWs = this.#opts.admin ? mountAdminSocket(app, loaded, { admin: this.#opts.admin, allowedOrigins: this.#opts.wsAllowedOrigins }) : undefined;
    mountApi(app, services, this.#opts.health, log, this.#opts.metricsKey, this.#opts.admin);
    this.#opts.mountSite?.(app);
    // Pages and assets are read-only: any other standard method is 405, not a dropped connection.
    app.any('/*', (res, req) => sendError(reply(res), new EngineError('E_METHOD_NOT_ALLOWED', `${req.getCaseSensitiveMethod()} is not allowed here; use GET`), undefined, { allow: 'GET, HEAD' }));
    this.#close = () => {
      if (this.#listen) loaded.uws.us_listen_socket_close(this.#listen);
      ws.closeAll();
      adminWs?.closeAll();
    };
    await new Promise<void>((resolve, reject) => {
      app.listen(this.#opts.host, this.#opts.port, (sock) => {
        if (!sock) return reject(new UnavailableError(`cannot listen on port ${this.#opts.port}: is it in use? Set PORT to another port.`));
        this.#listen = sock;
        this.#port = loaded.uws.us_socket_local_port(sock);
        resolve();
      });
    });
    log.info('gateway listening', { port: this.#port, native: loaded.native });
    return this.#port;
  }

  /** Stops accepting connections and closes every open socket. */
  close(): void {
    this.#close?.();
    this.#listen = undefined;
  }
}
