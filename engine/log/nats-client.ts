/**
 * How the engine connects to NATS: reconnecting forever, without nats.js's per-request
 * stack captures, and with connection status changes in the log.
 */
import { RequestError } from '@nats-io/nats-core';
import { RequestOne } from '@nats-io/nats-core/internal';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { UnavailableError } from '../errors/index.js';
import type { Logger } from '../observability/index.js';

/**
 * nats.js 3.4 settles every request by calling cancel(), which builds a fresh
 * RequestError("cancelled") (a stack capture) to reject a promise that is already
 * resolved: 7% of the gateway thread under load, for nothing. Cancelling without a
 * reason now rejects with one shared error. Checked by test/log/nats-client.test.ts.
 */
const CANCELLED = new RequestError('cancelled');
const proto = RequestOne.prototype as { cancel(err?: Error): void; __shopCancelPatched?: boolean };
if (!proto.__shopCancelPatched) {
  const cancel = proto.cancel;
  proto.cancel = function (this: unknown, err?: Error) {
    cancel.call(this, err ?? CANCELLED);
  };
  proto.__shopCancelPatched = true;
}

/** Status kinds worth a line in the log (pings and the like are not). */
const LOGGED_STATUS = new Set(['disconnect', 'reconnect', 'reconnecting', 'error', 'slowConsumer', 'staleConnection', 'ldm', 'close']);

/**
 * Credentials ride in the server URLs (`nats://user:password@host:port`, or
 * `nats://token@host:port`), so every place that is handed a NATS_URL connects the
 * same way; nats.js takes them as options, so they are lifted out of the URLs here.
 */
export function splitCredentials(servers: string): { servers: string[]; user?: string; pass?: string; token?: string } {
  const out: { servers: string[]; user?: string; pass?: string; token?: string } = { servers: [] };
  for (const raw of servers.split(',').map((s) => s.trim()).filter(Boolean)) {
    const withScheme = /^[a-z]+:\/\//i.test(raw) ? raw : `nats://${raw}`;
    let u: URL;
    try {
      u = new URL(withScheme);
    } catch {
      out.servers.push(raw);
      continue;
    }
    if (u.username && u.password) {
      out.user = decodeURIComponent(u.username);
      out.pass = decodeURIComponent(u.password);
    } else if (u.username) out.token = decodeURIComponent(u.username);
    out.servers.push(`${u.protocol}//${u.host}`);
  }
  return out;
}

/** A URL list fit for logs: credentials replaced by `***`. */
export function redactNatsUrl(servers: string): string {
  return servers.replace(/\/\/[^@/,]+@/g, '//***@');
}

export async function connectNats(servers: string, name: string, log?: Logger): Promise<NatsConnection> {
  let nc: NatsConnection;
  const { servers: list, ...auth } = splitCredentials(servers);
  try {
    // noAsyncTraces: nats.js otherwise builds an Error (a stack capture) per request to
    // enrich timeouts; on the publish hot path that halves JetStream throughput.
    nc = await connect({ servers: list, name, ...auth, maxReconnectAttempts: -1, reconnectTimeWait: 250, pingInterval: 10_000, noAsyncTraces: true });
  } catch (err) {
    throw new UnavailableError(`cannot connect to NATS at ${redactNatsUrl(servers)}`, err);
  }
  if (log) {
    void (async () => {
      for await (const s of nc.status()) {
        if (!LOGGED_STATUS.has(s.type)) continue;
        const fields = { connection: name, ...(s as unknown as Record<string, unknown>) };
        // reconnect and close (our own drain at shutdown) are normal; the rest deserve attention.
        if (s.type === 'reconnect' || s.type === 'close') log.info('nats status', fields);
        else log.warn('nats status', fields);
      }
    })().catch(() => undefined);
  }
  return nc;
}
