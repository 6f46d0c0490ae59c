/** Errors of the SDK: one root class; engine errors carry the engine's stable code. */
import type { ErrorCode, WireError } from '../../protos/contract.js';

/** Root of every error the SDK raises on purpose. */
export class ShopClientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ShopClientError';
  }
}

/** The engine answered with a typed error (HTTP body, WebSocket `error` message or gRPC trailers). */
export class ShopApiError extends ShopClientError {
  /** The stable code (docs/errors.md), e.g. `E_OUT_OF_STOCK`. */
  readonly code: ErrorCode;
  /** HTTP status; undefined for WebSocket and gRPC errors. */
  readonly status: number | undefined;
  /** The field, parameter or header that was wrong, when there is one. */
  readonly field: string | undefined;
  /** gRPC status code (ShopBackendClient only). */
  readonly grpcStatus: number | undefined;

  constructor(error: WireError, where: { status?: number; grpcStatus?: number } = {}) {
    super(`${error.code}: ${error.message}`);
    this.name = 'ShopApiError';
    this.code = error.code;
    this.field = error.field;
    this.status = where.status;
    this.grpcStatus = where.grpcStatus;
  }

  /** Worth retrying unchanged (with the same event id or idempotency key). */
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }
}

const RETRYABLE = new Set<ErrorCode>(['E_OVERLOADED', 'E_UNAVAILABLE', 'E_TIMEOUT', 'E_RATE_LIMITED']);

/** The engine could not be reached, or answered with something that is not the API's (a proxy's HTML page, say). */
export class ShopConnectionError extends ShopClientError {
  /** HTTP status of a non-API answer, when there was one. */
  readonly status: number | undefined;

  constructor(message: string, options: { cause?: unknown; status?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ShopConnectionError';
    this.status = options.status;
  }
}
