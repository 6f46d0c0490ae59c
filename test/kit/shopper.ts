/** A test shopper: a real session and a real WebSocket, with helpers to await messages. */
import WebSocket from 'ws';
import type { ServerMessage as WireServerMessage } from '../../protos/contract.js';

/** A message from the engine as the contract declares it; tests may also read any field by name. */
export type ServerMessage = WireServerMessage & Record<string, unknown>;

export class Shopper {
  readonly messages: ServerMessage[] = [];
  readonly #waiters = new Set<() => void>();
  closed: { code: number; reason: string } | undefined;

  private constructor(readonly userId: string, readonly token: string, readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as ServerMessage);
      for (const w of [...this.#waiters]) w();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      for (const w of [...this.#waiters]) w();
    });
  }

  static async session(baseUrl: string): Promise<{ userId: string; token: string }> {
    const r = await fetch(`${baseUrl}/api/session`, { method: 'POST' });
    if (r.status !== 200) throw new Error(`POST /api/session: ${r.status} ${await r.text()}`);
    return (await r.json()) as { userId: string; token: string };
  }

  static async connect(baseUrl: string, session?: { userId: string; token: string }): Promise<Shopper> {
    const s = session ?? (await Shopper.session(baseUrl));
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(s.token)}`);
    const shopper = new Shopper(s.userId, s.token, ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    await shopper.waitFor((m) => m.type === 'hello' || m.type === 'error');
    return shopper;
  }

  send(msg: unknown): void {
    this.ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
  }

  /** Resolves with the first message (already received or future) matching `pred`. */
  waitFor(pred: (m: ServerMessage) => boolean, timeoutMs = 5000): Promise<ServerMessage> {
    const found = this.messages.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const check = () => {
        const m = this.messages.find(pred);
        if (m) {
          done();
          resolve(m);
        }
      };
      const t = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms; got ${JSON.stringify(this.messages.slice(-5))}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(t);
        this.#waiters.delete(check);
      };
      this.#waiters.add(check);
    });
  }

  waitClosed(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    if (this.closed) return Promise.resolve(this.closed);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('socket did not close')), timeoutMs);
      this.ws.once('close', (code, reason) => {
        clearTimeout(t);
        resolve({ code, reason: String(reason) });
      });
    });
  }

  /** Sends an event and resolves with its ack (or rejects with the typed error). */
  async track(event: Record<string, unknown>, timeoutMs = 5000): Promise<ServerMessage> {
    const id = (event['id'] as string) ?? `e-${Math.random().toString(36).slice(2)}`;
    this.send({ type: 'event', id, ...event });
    const m = await this.waitFor((x) => (x.type === 'ack' || x.type === 'error') && x['id'] === id, timeoutMs);
    if (m.type === 'error') throw Object.assign(new Error(m.message), { code: m.code });
    return m;
  }

  async profile(baseUrl: string): Promise<Record<string, unknown>> {
    const r = await fetch(`${baseUrl}/api/profile`, { headers: { authorization: `Bearer ${this.token}` } });
    return (await r.json()) as Record<string, unknown>;
  }

  close(): void {
    this.ws.close();
  }
}
