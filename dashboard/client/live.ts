/**
 * The dashboard's live feed: /admin/ws with the session token, reconnected with
 * backoff. Each `analytics` message replaces the last; a 4401 close means the
 * session ended.
 */
import type { AdminServerMessage, AnalyticsLiveMessage } from '../../protos/admin-contract.js';

export type FeedState = 'connecting' | 'live' | 'offline';
const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 10_000;

export class LiveFeed {
  #ws: WebSocket | undefined;
  #attempt = 0;
  #stopped = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  last: AnalyticsLiveMessage | undefined;

  constructor(
    private readonly token: string,
    private readonly on: { summary(m: AnalyticsLiveMessage): void; state(s: FeedState): void; ended(): void },
  ) {}

  start(): void {
    this.#connect();
  }

  #connect(): void {
    if (this.#stopped) return;
    this.on.state('connecting');
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/admin/ws?token=${encodeURIComponent(this.token)}`;
    const ws = new WebSocket(url);
    this.#ws = ws;
    ws.onmessage = (ev) => {
      let m: AdminServerMessage;
      try {
        m = JSON.parse(String(ev.data)) as AdminServerMessage;
      } catch {
        return;
      }
      if (m.type === 'hello') {
        this.#attempt = 0;
        this.on.state('live');
      } else if (m.type === 'analytics') {
        this.last = m;
        this.on.summary(m);
      }
    };
    ws.onclose = (ev) => {
      if (this.#ws !== ws) return;
      this.#ws = undefined;
      if (ev.code === 4401) {
        this.#stopped = true;
        this.on.ended();
        return;
      }
      if (this.#stopped) return;
      this.on.state('offline');
      const wait = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** this.#attempt++) * (0.75 + Math.random() / 2);
      this.#timer = setTimeout(() => this.#connect(), wait);
    };
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#ws?.close(1000, 'logged out');
  }
}
