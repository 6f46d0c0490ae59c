/**
 * The WebSocket transport: each shopper a session (`POST /api/session`) and its own
 * socket; events and their acks, errors and pushes are JSON messages on it; the
 * profile for the lost check is `GET /api/profile` with the session token. A
 * purchase is a checkout (`POST /api/checkout`, the event id as its idempotency key),
 * as the storefront does it: shopper clients cannot send purchase events.
 */
import WebSocket from 'ws';
import type { EventMessage, HttpErrorBody, ServerMessage } from '../../protos/contract.js';
import type { Behaviour, ShopperAction } from '../behaviour/types.js';
import type { ProfileView } from '../verify.js';
import { newVirtualShopper, type VirtualShopper } from '../virtual-shopper.js';
import { ConnectError, type ShopperReplies, type ShopperTransport } from './types.js';

const HELLO_TIMEOUT_MS = 15_000;
const SESSION_CONCURRENCY = 32;
const CONNECT_CONCURRENCY = 100;

export class WsTransport implements ShopperTransport {
  readonly createConcurrency = SESSION_CONCURRENCY;
  readonly openConcurrency = CONNECT_CONCURRENCY;
  readonly #url: string;
  readonly #replies: ShopperReplies;
  /** By shopper index. */
  readonly #tokens: string[] = [];
  readonly #sockets: Array<WebSocket | undefined> = [];
  /** A checkout's event id (what its pushes name as causedBy) -> the action id loadgen gave it. */
  readonly #checkoutIds = new Map<string, string>();
  /** Per shopper index: recs pushes that came while its checkout's answer was still on the way. */
  readonly #early = new Map<number, Array<{ causedBy: string; items: string[] | undefined }>>();
  readonly #checkoutsInFlight = new Map<number, number>();

  constructor(url: string, replies: ShopperReplies) {
    this.#url = url;
    this.#replies = replies;
  }

  async create(index: number, _globalIndex: number, behaviour: Behaviour): Promise<VirtualShopper> {
    let r: Response;
    try {
      r = await fetch(`${this.#url}/api/session`, { method: 'POST' });
    } catch (err) {
      throw new ConnectError('LG_SESSION', `POST /api/session failed: ${(err as Error).message}`, { cause: err });
    }
    if (r.status !== 200) throw new ConnectError('LG_SESSION', `POST /api/session answered ${r.status}`);
    const s = (await r.json()) as { userId: string; token: string };
    this.#tokens[index] = s.token;
    return newVirtualShopper(index, s.userId, behaviour);
  }

  /** Opens the shopper's WebSocket; resolves on the engine's `hello`, rejects on an error or no hello. */
  open(s: VirtualShopper): Promise<void> {
    const wsUrl = `${this.#url.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(this.#tokens[s.index] ?? '')}`;
    const ws = new WebSocket(wsUrl, { perMessageDeflate: false, skipUTF8Validation: true });
    this.#sockets[s.index] = ws;
    return new Promise<void>((resolve, reject) => {
      const fail = (message: string, cause?: unknown) => reject(new ConnectError('LG_CONNECT', message, { cause }));
      const t = setTimeout(() => {
        ws.terminate();
        fail('no hello');
      }, HELLO_TIMEOUT_MS);
      ws.on('message', (data: Buffer) => {
        if (s.alive) return this.#onMessage(s, data);
        clearTimeout(t);
        const text = data.toString();
        if (text.startsWith('{"type":"error"')) return fail(text);
        s.alive = true;
        resolve();
      });
      ws.on('error', (err) => {
        clearTimeout(t);
        if (!s.alive) fail(err.message, err);
      });
      ws.on('close', () => {
        clearTimeout(t);
        if (s.alive) {
          s.alive = false;
          this.#replies.closed(s, 'LG_SOCKET_CLOSED');
        } else fail('closed before hello');
      });
    });
  }

  send(s: VirtualShopper, id: string, action: ShopperAction): void {
    if (action.kind === 'purchase') {
      void this.#checkout(s, id, action);
      return;
    }
    const ws = this.#sockets[s.index];
    if (!ws) return;
    const msg: EventMessage = { type: 'event', id, kind: action.kind };
    if (action.itemId !== undefined) msg.itemId = action.itemId;
    if (action.qty !== undefined) msg.qty = action.qty;
    if (action.query !== undefined) msg.query = action.query;
    if (action.dwellMs !== undefined) msg.dwellMs = action.dwellMs;
    if (action.itemIds !== undefined) msg.itemIds = action.itemIds;
    if (action.slot !== undefined) msg.slot = action.slot;
    ws.send(JSON.stringify(msg));
  }

  async #checkout(s: VirtualShopper, id: string, action: ShopperAction): Promise<void> {
    this.#checkoutsInFlight.set(s.index, (this.#checkoutsInFlight.get(s.index) ?? 0) + 1);
    try {
      await this.#postCheckout(s, id, action);
    } finally {
      const n = this.#checkoutsInFlight.get(s.index)! - 1;
      if (n > 0) this.#checkoutsInFlight.set(s.index, n);
      else {
        this.#checkoutsInFlight.delete(s.index);
        for (const p of this.#early.get(s.index) ?? []) this.#replies.recs(s, p.causedBy, p.items);
        this.#early.delete(s.index);
      }
    }
  }

  async #postCheckout(s: VirtualShopper, id: string, action: ShopperAction): Promise<void> {
    let r: Response;
    try {
      r = await fetch(`${this.#url}/api/checkout`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.#tokens[s.index] ?? ''}`, 'content-type': 'application/json' },
        body: JSON.stringify({ lines: [{ itemId: action.itemId, qty: action.qty ?? 1 }], idempotencyKey: id }),
      });
    } catch {
      this.#replies.refused(s, id, 'LG_HTTP');
      return;
    }
    const body = (await r.json().catch(() => undefined)) as { seq?: number; eventId?: string } & Partial<HttpErrorBody> | undefined;
    if (r.status !== 200 || !body) {
      this.#replies.refused(s, id, body?.error?.code ?? `HTTP_${r.status}`);
      return;
    }
    this.#replies.ack(s, id, body.seq, false);
    if (!body.eventId) return;
    // Its recs push may have come before this answer.
    const early = this.#early.get(s.index);
    const at = early?.findIndex((p) => p.causedBy === body.eventId) ?? -1;
    if (at >= 0) this.#replies.recs(s, id, early!.splice(at, 1)[0]!.items);
    else this.#checkoutIds.set(body.eventId, id);
  }

  #onMessage(s: VirtualShopper, data: Buffer): void {
    // Not JSON is a fault; a type newer than loadgen (an `order` push, say) falls to `default`.
    let m: ServerMessage;
    try {
      m = JSON.parse(data.toString()) as ServerMessage;
    } catch {
      this.#replies.fault('LG_BAD_MESSAGE');
      return;
    }
    switch (m.type) {
      case 'ack':
        if (m.id !== undefined) this.#replies.ack(s, m.id, typeof m.seq === 'number' ? m.seq : undefined, m.duplicate === true);
        return;
      case 'recs': {
        const causedBy = m.causedBy ?? '';
        const items = m.items?.map((i) => i.itemId);
        const checkout = this.#checkoutIds.get(causedBy);
        if (checkout !== undefined) {
          this.#checkoutIds.delete(causedBy);
          this.#replies.recs(s, checkout, items);
        } else if (this.#checkoutsInFlight.has(s.index)) {
          // Perhaps the push of a checkout whose answer is still on the way: hold it until then.
          let list = this.#early.get(s.index);
          if (!list) this.#early.set(s.index, (list = []));
          list.push({ causedBy, items });
        } else this.#replies.recs(s, causedBy, items);
        return;
      }
      case 'error':
        this.#replies.refused(s, m.id, m.code ?? 'E_UNKNOWN');
        return;
      case 'coupon':
        this.#replies.coupon(s);
        return;
      default:
        return;
    }
  }

  async readProfile(s: VirtualShopper, timeoutMs: number): Promise<ProfileView> {
    const r = await fetch(`${this.#url}/api/profile`, { headers: { authorization: `Bearer ${this.#tokens[s.index] ?? ''}` }, signal: AbortSignal.timeout(timeoutMs) });
    if (r.status !== 200) throw new Error(`GET /api/profile answered ${r.status}: ${(await r.text()).slice(0, 200)}`);
    return (await r.json()) as ProfileView;
  }

  close(): void {
    for (const ws of this.#sockets) ws?.terminate();
  }
}
