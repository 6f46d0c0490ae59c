/**
 * What every Engine call goes through before and after its handler: the API key,
 * admission (bounded in-flight work), the deadline and cancellation (an AbortSignal
 * the handler checks), error mapping, metrics and logs. Handlers stay protocol-light.
 */
import type { EventEmitter } from 'node:events';
import type * as grpc from '@grpc/grpc-js';
import { AuthError, EngineError, toEngineError } from '../errors/index.js';
import type { Logger } from '../observability/index.js';
import type { Metrics } from '../observability/index.js';
import { API_KEY_METADATA, type ApiKeyCheck } from '../services/api-key.js';
import { NextTurn } from '../services/index.js';
import { Budget } from './budget.js';
import { toServiceError } from './status-error.js';

/**
 * A call's cancellation, aborted when the client cancels, the deadline passes or
 * the server stops. An AbortController per call costs ~10 us (EventTarget); this
 * is a flag and a list.
 */
export class CallSignal {
  #reason: EngineError | undefined;
  #listeners: Array<(reason: EngineError) => void> | undefined;

  get aborted(): boolean {
    return this.#reason !== undefined;
  }

  get reason(): EngineError | undefined {
    return this.#reason;
  }

  /** Runs `fn` once on abort (at once if already aborted). */
  onAbort(fn: (reason: EngineError) => void): void {
    if (this.#reason !== undefined) fn(this.#reason);
    else (this.#listeners ??= []).push(fn);
  }

  abort(reason: EngineError): void {
    if (this.#reason !== undefined) return;
    this.#reason = reason;
    const listeners = this.#listeners;
    this.#listeners = undefined;
    for (const l of listeners ?? []) l(reason);
  }
}

export interface CallContext {
  readonly method: string;
  readonly signal: CallSignal;
  /** ms since the epoch; Infinity when the client set none. */
  readonly deadline: number;
}

export interface GuardStats {
  inFlight: number;
  streams: number;
  calls: number;
  unauthenticated: number;
  overloaded: number;
  deadlineExceeded: number;
  cancelled: number;
  internalErrors: number;
}

interface GuardOptions {
  apiKey: ApiKeyCheck | undefined;
  maxInFlight: number;
  maxStreams: number;
  metrics: Metrics | undefined;
  log: Logger | undefined;
}

interface Admitted {
  ctx: CallContext;
  /** Call exactly once when the handler is done; returns the status to send for `err`. */
  finish: (err?: unknown) => grpc.ServiceError | undefined;
  /** The client cancelled or the deadline passed: grpc-js already ended the call. */
  gone: () => boolean;
  /** Runs `fn` when the call becomes gone (not on a server stop: unary calls may finish then). */
  onGone: (fn: () => void) => void;
}

type AnyCall = grpc.ServerUnaryCall<unknown, unknown> | grpc.ServerReadableStream<unknown, unknown> | grpc.ServerWritableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>;

/**
 * A client usually ends its own call at its deadline a moment before the server's
 * timer fires (its clock started earlier): a cancel this close counts as a deadline.
 */
const DEADLINE_SLACK_MS = 100;

const STATUS_NAMES: Record<number, string> = {
  0: 'OK', 1: 'CANCELLED', 2: 'UNKNOWN', 3: 'INVALID_ARGUMENT', 4: 'DEADLINE_EXCEEDED', 5: 'NOT_FOUND', 6: 'ALREADY_EXISTS',
  7: 'PERMISSION_DENIED', 8: 'RESOURCE_EXHAUSTED', 9: 'FAILED_PRECONDITION', 10: 'ABORTED', 11: 'OUT_OF_RANGE',
  12: 'UNIMPLEMENTED', 13: 'INTERNAL', 14: 'UNAVAILABLE', 15: 'DATA_LOSS', 16: 'UNAUTHENTICATED',
};

function deadlineOf(call: AnyCall): number {
  const d = call.getDeadline();
  return d instanceof Date ? d.getTime() : d;
}

export class CallGuard {
  readonly #o: GuardOptions;
  readonly unary: Budget;
  readonly streams: Budget;
  /** Signals of the calls in progress, aborted on stop (one listener per call on a shared signal would not scale). */
  readonly #active = new Set<CallSignal>();
  readonly #nextTurn = new NextTurn();
  #stopReason: EngineError | undefined;
  readonly #stats = { calls: 0, unauthenticated: 0, overloaded: 0, deadlineExceeded: 0, cancelled: 0, internalErrors: 0 };

  constructor(o: GuardOptions) {
    this.#o = o;
    this.unary = new Budget(o.maxInFlight);
    this.streams = new Budget(o.maxStreams);
  }

  get stats(): GuardStats {
    return { inFlight: this.unary.used, streams: this.streams.used, ...this.#stats };
  }

  /** Aborts the signals of all calls in progress (the server is stopping). */
  abortAll(): void {
    this.#stopReason = new EngineError('E_UNAVAILABLE', 'the server is shutting down');
    for (const signal of this.#active) signal.abort(this.#stopReason);
  }

  #authenticate(call: AnyCall): EngineError | undefined {
    if (this.#o.apiKey === undefined) return undefined;
    const presented = call.metadata.get(API_KEY_METADATA)[0];
    if (this.#o.apiKey.matches(presented)) return undefined;
    this.#stats.unauthenticated++;
    return new AuthError('E_UNAUTHENTICATED', presented === undefined
      ? `missing API key: send it in the "${API_KEY_METADATA}" metadata`
      : `wrong API key in the "${API_KEY_METADATA}" metadata`);
  }

  /**
   * One error per budget, built once: under overload refusals come by the thousand,
   * and building an Error with its stack and details each time made them cost more
   * than the calls that were admitted. grpc-js only reads it.
   */
  readonly #overloaded = new Map<Budget, grpc.ServiceError>();
  #overloadedError(budget: Budget): grpc.ServiceError {
    let e = this.#overloaded.get(budget);
    if (!e) {
      const what = budget === this.unary ? `${budget.limit} calls are in flight` : `${budget.limit} streams are open`;
      this.#overloaded.set(budget, (e = toServiceError(new EngineError('E_OVERLOADED', `the engine is at capacity (${what}); retry with backoff`))));
    }
    return e;
  }

  /**
   * Admits a call: returns its context and a `finish(code)` to call exactly once
   * when the handler is done, or the error to answer with.
   */
  #admit(call: AnyCall, method: string, budget: Budget): Admitted | { error: grpc.ServiceError } {
    this.#stats.calls++;
    const authError = this.#authenticate(call);
    if (authError) return { error: this.#count(method, 0, toServiceError(authError)) };
    const deadline = deadlineOf(call);
    if (deadline <= Date.now()) {
      this.#stats.deadlineExceeded++;
      return { error: this.#count(method, 0, toServiceError(new EngineError('E_TIMEOUT', 'the deadline had passed before the call started'))) };
    }
    if (!budget.tryTake()) {
      this.#stats.overloaded++;
      return { error: this.#count(method, 0, this.#overloadedError(budget)) };
    }
    const t0 = performance.now();
    const signal = new CallSignal();
    let finished = false;
    let gone = false;
    let goneListener: (() => void) | undefined;
    if (this.#stopReason) signal.abort(this.#stopReason);
    else this.#active.add(signal);
    // grpc-js emits 'cancelled' after every status, ours included: only an early one is a cancel.
    (call as EventEmitter).on('cancelled', () => {
      if (finished || gone) return;
      gone = true;
      const timedOut = Date.now() >= deadline - DEADLINE_SLACK_MS;
      if (timedOut) this.#stats.deadlineExceeded++;
      else this.#stats.cancelled++;
      // A client's cancel is not a timeout: it ends (and is counted) as CANCELLED.
      signal.abort(timedOut ? new EngineError('E_TIMEOUT', 'the deadline passed') : new EngineError('E_CANCELLED', 'the client cancelled the call'));
      goneListener?.();
    });
    const ctx: CallContext = { method, signal, deadline };
    const finish = (err?: unknown): grpc.ServiceError | undefined => {
      if (finished) throw new Error(`${method}: finish called twice`);
      finished = true;
      budget.release();
      this.#active.delete(signal);
      const failure = err === undefined ? undefined : toEngineError(err);
      if (failure?.code === 'E_INTERNAL') {
        this.#stats.internalErrors++;
        this.#o.log?.error('gRPC handler failed', { method, err });
      }
      // Once gone, what the client got is the cancel or the deadline, whatever the handler did after.
      const e = gone ? signal.reason : failure;
      if (e === undefined) {
        this.#count(method, performance.now() - t0);
        return undefined;
      }
      return this.#count(method, performance.now() - t0, toServiceError(e));
    };
    return { ctx, finish, gone: () => gone, onGone: (fn) => void (goneListener = fn) };
  }

  #count<T extends grpc.ServiceError | undefined>(method: string, ms: number, err?: T): T {
    const code = STATUS_NAMES[err?.code ?? 0] ?? String(err?.code);
    this.#o.metrics?.counter('shop_grpc_calls_total', 'gRPC calls answered, by method and status').inc({ method, code });
    if (ms > 0) this.#o.metrics?.histogram('shop_grpc_call_seconds', 'gRPC call duration (streams: until closed)').observe(ms, { method });
    return err as T;
  }

  /**
   * `coalesce`: start the handler with the other calls that arrived in the same
   * event-loop turn (setImmediate), so their NATS requests leave in one socket
   * write instead of one write each; under load that is most of a call's cost.
   */
  unaryCall<Req, Res>(method: string, fn: (req: Req, ctx: CallContext) => Promise<Res> | Res, opts: { coalesce?: boolean } = {}): grpc.handleUnaryCall<Req, Res> {
    return (call, callback) => {
      const a = this.#admit(call as AnyCall, method, this.unary);
      if ('error' in a) return callback(a.error);
      const start = (): Promise<Res> => {
        try {
          return Promise.resolve(fn(call.request, a.ctx));
        } catch (err) {
          return Promise.reject(err);
        }
      };
      const p = opts.coalesce ? this.#nextTurn.run(start) : start();
      // A call the client gave up on ends now (its budget slot freed), not when the
      // handler's ask returns or times out; the handler's late answer is dropped.
      let settled = false;
      const settle = (failed: boolean, res?: Res, err?: unknown) => {
        if (settled) return;
        settled = true;
        const se = a.finish(failed ? (err ?? new Error('rejected without a reason')) : undefined);
        if (a.gone()) return;
        if (se) callback(se);
        else callback(null, res);
      };
      a.onGone(() => settle(true, undefined, a.ctx.signal.reason));
      p.then((res) => settle(false, res), (err: unknown) => settle(true, undefined, err));
    };
  }

  /** `fn` owns the stream and resolves when it is over (ended, failed or cancelled). */
  serverStream<Req, Res>(method: string, fn: (call: grpc.ServerWritableStream<Req, Res>, ctx: CallContext) => Promise<void>): grpc.handleServerStreamingCall<Req, Res> {
    return (call) => this.#stream(call as AnyCall, method, (se) => call.emit('error', se), (ctx) => fn(call, ctx));
  }

  bidiStream<Req, Res>(method: string, fn: (call: grpc.ServerDuplexStream<Req, Res>, ctx: CallContext) => Promise<void>): grpc.handleBidiStreamingCall<Req, Res> {
    return (call) => this.#stream(call as AnyCall, method, (se) => call.emit('error', se), (ctx) => fn(call, ctx));
  }

  /** `fn` resolves with the single response once the client half-closed. */
  clientStream<Req, Res>(method: string, fn: (call: grpc.ServerReadableStream<Req, Res>, ctx: CallContext) => Promise<Res>): grpc.handleClientStreamingCall<Req, Res> {
    return (call, callback) => {
      let res: Res | undefined;
      this.#stream(call as AnyCall, method, (se) => callback(se), async (ctx) => {
        res = await fn(call, ctx);
      }, () => callback(null, res));
    };
  }

  #stream(call: AnyCall, method: string, fail: (se: grpc.ServiceError) => void, run: (ctx: CallContext) => Promise<void>, succeed?: () => void): void {
    const a = this.#admit(call, method, this.streams);
    if ('error' in a) return fail(a.error);
    run(a.ctx).then(
      () => {
        a.finish();
        if (!a.gone()) succeed?.();
      },
      (err: unknown) => {
        const se = a.finish(err);
        // After a cancel or a passed deadline grpc-js has already ended the call.
        if (!a.gone()) fail(se!);
      },
    );
  }
}
