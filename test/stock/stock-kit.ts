/**
 * Checkout over HTTP and gRPC as a client sees it: every attempt ends placed, refused
 * with a typed error, or unknown (503/504, a lost connection, a deadline) — and an
 * unknown one is retried with the same idempotency key until it is decided.
 */
import * as grpc from '@grpc/grpc-js';
import { CODE_TRAILER, FIELD_TRAILER, loadEngineProto } from '../../engine/grpc/client.js';
import type { ProtoGrpcType } from '../../protos/gen/engine/engine.js';
import type { CheckoutResult__Output } from '../../protos/gen/engine/shop/v1/CheckoutResult.js';
import type { EngineClient } from '../../protos/gen/engine/shop/v1/Engine.js';
import type { UpsertSummary__Output } from '../../protos/gen/engine/shop/v1/UpsertSummary.js';

export const API_KEY = 'stock-tests-key-0123456789abcdef';
/** One attempt's budget; longer than the engine's own deadlines, so the engine answers first. */
export const ATTEMPT_TIMEOUT_MS = 12_000;

export interface Line {
  itemId: string;
  qty: number;
}

export interface PlacedLine extends Line {
  price: number;
}

export type Outcome =
  | { status: 'placed'; orderId: string; lines: PlacedLine[]; total: number; seq: number }
  /** A final typed error (E_OUT_OF_STOCK, E_BAD_REQUEST, ... or UNIMPLEMENTED from a server without Checkout). */
  | { status: 'error'; code: string; field: string | undefined; message: string; http?: number }
  /** No decision known: retry with the same key. */
  | { status: 'unknown'; why: string };

/** Where the engine is now (a restart after kill -9 moves it to new ports). */
export interface Target {
  url: string;
  grpc: EngineClient;
}

export function grpcClient(port: number): EngineClient {
  const proto = grpc.loadPackageDefinition(loadEngineProto().packageDefinition) as unknown as ProtoGrpcType;
  return new proto.shop.v1.Engine(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}

export function withKey(): grpc.Metadata {
  const m = new grpc.Metadata();
  m.set('x-api-key', API_KEY);
  return m;
}

export async function session(url: string): Promise<{ userId: string; token: string }> {
  const r = await fetch(`${url}/api/session`, { method: 'POST' });
  if (r.status !== 200) throw new Error(`POST /api/session: ${r.status} ${await r.text()}`);
  return (await r.json()) as { userId: string; token: string };
}

/** POST /api/checkout with a raw body (bad-input tests send malformed ones). */
export async function postCheckout(url: string, token: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const r = await fetch(`${url}/api/checkout`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
    signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
  });
  const text = await r.text();
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { raw: text };
  }
  return { status: r.status, json };
}

export async function httpCheckout(url: string, token: string, lines: Line[] | undefined, key?: string, via: 'body' | 'header' = 'body'): Promise<Outcome> {
  const body: Record<string, unknown> = {};
  if (lines) body['lines'] = lines;
  const headers: Record<string, string> = {};
  if (key !== undefined && via === 'body') body['idempotencyKey'] = key;
  if (key !== undefined && via === 'header') headers['idempotency-key'] = key;
  let res;
  try {
    res = await postCheckout(url, token, body, headers);
  } catch (err) {
    return { status: 'unknown', why: `HTTP: ${(err as Error).message} ${String((err as { cause?: unknown }).cause ?? '')}` };
  }
  if (res.status === 200) {
    const b = res.json as { orderId: string; lines: PlacedLine[]; total: number; seq: number };
    return { status: 'placed', orderId: b.orderId, lines: b.lines, total: b.total, seq: b.seq };
  }
  const e = (res.json['error'] ?? {}) as { code?: string; message?: string; field?: string };
  if (res.status === 503 || res.status === 504) return { status: 'unknown', why: `HTTP ${res.status} ${e.code}` };
  return { status: 'error', code: e.code ?? `HTTP_${res.status}`, field: e.field, message: e.message ?? JSON.stringify(res.json), http: res.status };
}

export function grpcCall(client: EngineClient, userId: string, lines: Line[], key?: string): Promise<CheckoutResult__Output> {
  const req = key === undefined ? { userId, lines } : { userId, lines, idempotencyKey: key };
  return new Promise((resolve, reject) =>
    client.Checkout(req, withKey(), { deadline: Date.now() + ATTEMPT_TIMEOUT_MS }, (err, res) => (err ? reject(err) : resolve(res!))));
}

/** Transport failures (no engine error code) after which the order may or may not exist. */
const LOST = new Set([grpc.status.UNAVAILABLE, grpc.status.DEADLINE_EXCEEDED, grpc.status.CANCELLED, grpc.status.UNKNOWN, grpc.status.INTERNAL]);
/** The engine's own "not decided in time" answers. */
const UNDECIDED = new Set(['E_OVERLOADED', 'E_UNAVAILABLE', 'E_TIMEOUT']);

export async function grpcCheckout(client: EngineClient, userId: string, lines: Line[], key?: string): Promise<Outcome> {
  try {
    const r = await grpcCall(client, userId, lines, key);
    return { status: 'placed', orderId: r.orderId, lines: r.lines, total: r.total, seq: Number(r.seq) };
  } catch (err) {
    const e = err as grpc.ServiceError;
    const code = e.metadata?.get(CODE_TRAILER)[0]?.toString();
    if ((code === undefined && LOST.has(e.code)) || (code !== undefined && UNDECIDED.has(code))) return { status: 'unknown', why: `gRPC ${e.code} ${code ?? e.details}` };
    return { status: 'error', code: code ?? grpc.status[e.code] ?? String(e.code), field: e.metadata?.get(FIELD_TRAILER)[0]?.toString(), message: e.details };
  }
}

/**
 * Repeats `attempt` (the same checkout, same key) until it is decided or `deadlineMs`
 * passes. Returns every outcome seen, the decided one last.
 */
export async function untilDecided(attempt: () => Promise<Outcome>, deadlineMs = 60_000): Promise<Outcome[]> {
  const end = Date.now() + deadlineMs;
  const seen: Outcome[] = [];
  for (let wait = 50; ; wait = Math.min(1000, wait * 2)) {
    const o = await attempt();
    seen.push(o);
    if (o.status !== 'unknown') return seen;
    if (Date.now() > end) return seen;
    await new Promise((r) => setTimeout(r, wait));
  }
}

export function upsert(client: EngineClient, rows: Array<Record<string, unknown>>): Promise<UpsertSummary__Output> {
  return new Promise((resolve, reject) => {
    const call = client.UpsertItems(withKey(), (err, res) => (err ? reject(err) : resolve(res!)));
    for (const r of rows) call.write(r);
    call.end();
  });
}

/** Sets the units on hand (the merchant's count), as UpsertItems with a stock mask does. */
export async function setStock(t: Target, itemId: string, stock: number): Promise<void> {
  const s = await upsert(t.grpc, [{ itemId, stock, updateMask: { paths: ['stock'] } }]);
  if (s.errors.length > 0) throw new Error(`UpsertItems ${itemId}: ${JSON.stringify(s.errors)}`);
  await eventually(() => stockOf(t.url, itemId), (n) => n === stock, `stock of ${itemId} is set to ${stock}`);
}

export async function stockOf(url: string, itemId: string): Promise<number> {
  const r = await fetch(`${url}/api/products/${encodeURIComponent(itemId)}`);
  if (r.status !== 200) throw new Error(`GET /api/products/${itemId}: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { stock: number }).stock;
}

export interface OrderView {
  orderId: string;
  lines: PlacedLine[];
  total: number;
}

export async function ordersOf(url: string, token: string): Promise<OrderView[]> {
  const r = await fetch(`${url}/api/orders`, { headers: { authorization: `Bearer ${token}` } });
  if (r.status !== 200) throw new Error(`GET /api/orders: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { orders: OrderView[] }).orders;
}

/** Polls `read` until `ok` holds (or the time is up) and returns the last value read. */
export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let v = await read();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    v = await read();
  }
  if (!ok(v)) console.error(`not yet after ${timeoutMs} ms: ${what}; last ${JSON.stringify(v).slice(0, 300)}`);
  return v;
}

export const units = (lines: Array<{ itemId: string; qty: number }>, itemId?: string): number =>
  lines.reduce((n, l) => n + (itemId === undefined || l.itemId === itemId ? l.qty : 0), 0);

/** A readable tally of outcomes, for assertion messages. */
export function tally(outcomes: Outcome[]): string {
  const m = new Map<string, number>();
  for (const o of outcomes) {
    const k = o.status === 'placed' ? 'placed' : o.status === 'error' ? o.code : `unknown (${o.why})`;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m].map(([k, n]) => `${n} ${k}`).join(', ');
}
