/**
 * Typed errors with stable codes. The same code travels to WebSocket `error`
 * messages, HTTP JSON bodies and gRPC status details. The codes are a type of the
 * wire contract (protos/contract.ts); this table maps each to its statuses, and
 * `satisfies` makes a missing or extra code a compile error. The documented list
 * lives in docs/errors.md; test/errors.test.ts keeps the two in sync.
 */
import { wireError, type ErrorCode, type WireError } from '../../protos/contract.js';

export type { ErrorCode, WireError } from '../../protos/contract.js';

interface ErrorInfo {
  http: number;
  grpc: number;
  summary: string;
}

/** Every stable error code, with the HTTP status and gRPC status it maps to. */
export const ERROR_CODES = {
  E_BAD_JSON: { http: 400, grpc: 3, summary: 'the message is not valid JSON' },
  E_BAD_REQUEST: { http: 400, grpc: 3, summary: 'a field is missing, has the wrong type or is out of range' },
  E_BAD_EVENT: { http: 400, grpc: 3, summary: 'an event failed schema validation' },
  E_UNKNOWN_KIND: { http: 400, grpc: 3, summary: 'the event kind or message type is not one this version knows' },
  E_TOO_LARGE: { http: 413, grpc: 8, summary: 'the frame, body or batch exceeds its size limit' },
  E_BAD_TOKEN: { http: 401, grpc: 16, summary: 'the session token is missing, malformed or its signature is wrong' },
  E_TOKEN_EXPIRED: { http: 401, grpc: 16, summary: 'the session token has expired; create a new session' },
  E_UNAUTHENTICATED: { http: 401, grpc: 16, summary: 'the API key is missing or wrong' },
  E_UNKNOWN_ITEM: { http: 404, grpc: 5, summary: 'the item id is not in the catalog' },
  E_NOT_FOUND: { http: 404, grpc: 5, summary: 'no such resource' },
  E_OUT_OF_STOCK: { http: 409, grpc: 9, summary: 'the item cannot be bought: not enough stock' },
  E_RATE_LIMITED: { http: 429, grpc: 8, summary: 'too many messages from this client; slow down' },
  E_OVERLOADED: { http: 503, grpc: 8, summary: 'the engine is shedding load; retry with backoff' },
  E_UNAVAILABLE: { http: 503, grpc: 14, summary: 'a required component (log, shard, index) is not ready' },
  E_TIMEOUT: { http: 504, grpc: 4, summary: 'the operation did not finish before its deadline' },
  E_CANCELLED: { http: 499, grpc: 1, summary: 'the caller cancelled the call before it finished' },
  E_BAD_CATALOG: { http: 400, grpc: 3, summary: 'a catalog row is invalid (the message names the line)' },
  E_BAD_IMPORT: { http: 400, grpc: 3, summary: 'a row of an import or data file is invalid (the message names the line and column)' },
  E_BAD_CONFIG: { http: 500, grpc: 9, summary: 'a configuration value is invalid (the message names the variable)' },
  E_NOT_ALLOWED: { http: 403, grpc: 7, summary: 'this caller may not do this (e.g. a shopper client sending a purchase: purchases come from checkout)' },
  E_METHOD_NOT_ALLOWED: { http: 405, grpc: 12, summary: 'the HTTP method is not one this path answers' },
  E_URL_TOO_LONG: { http: 414, grpc: 3, summary: 'the request URL exceeds its size limit' },
  E_STORAGE_FULL: { http: 507, grpc: 8, summary: 'the disk under DATA_DIR is (nearly) full: events are refused until space is freed' },
  E_BAD_MODEL: { http: 400, grpc: 3, summary: 'a model file is corrupt, truncated or of an unknown version (the message names the field)' },
  E_BAD_DATASET: { http: 400, grpc: 3, summary: 'a training or evaluation data file is invalid (the message names the line and column)' },
  E_BAD_RULE: { http: 400, grpc: 3, summary: 'a promotion rule definition is invalid (the message names the field)' },
  E_BAD_CAMPAIGN: { http: 400, grpc: 3, summary: 'an ad campaign definition is invalid (the message names the field)' },
  E_COUPON_UNKNOWN: { http: 404, grpc: 5, summary: 'the coupon code is not one of this shopper\'s coupons (unknown, or another shopper\'s)' },
  E_COUPON_EXPIRED: { http: 409, grpc: 9, summary: 'the coupon has expired' },
  E_COUPON_USED: { http: 409, grpc: 9, summary: 'the coupon was already used by an order, or another checkout is using it now' },
  E_COUPON_NOT_APPLICABLE: { http: 409, grpc: 9, summary: 'the coupon does not apply to these lines (its scope or minimum order)' },
  E_INTERNAL: { http: 500, grpc: 13, summary: 'an unexpected failure inside the engine; it has been logged' },
} as const satisfies Record<ErrorCode, ErrorInfo>;

export interface ErrorOptions {
  cause?: unknown;
  /** The field or option that was wrong, when there is one. */
  field?: string;
}

/** Root of every error the engine raises on purpose. */
export class EngineError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EngineError';
    this.code = code;
    this.field = options.field;
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code].http;
  }

  get grpcStatus(): number {
    return ERROR_CODES[this.code].grpc;
  }

  toJSON(): WireError {
    return wireError(this.code, this.message, this.field);
  }
}

/** An error that crossed the wire (an ask reply), raised again with its code and field. */
export function fromWireError(w: WireError): EngineError {
  return new EngineError(w.code, w.message, { field: w.field });
}

export class BadRequestError extends EngineError {
  constructor(message: string, field?: string, code: 'E_BAD_REQUEST' | 'E_BAD_EVENT' | 'E_BAD_JSON' | 'E_UNKNOWN_KIND' = 'E_BAD_REQUEST') {
    super(code, message, { field });
    this.name = 'BadRequestError';
  }
}

export class TooLargeError extends EngineError {
  constructor(what: string, size: number, limit: number) {
    super('E_TOO_LARGE', `${what} is ${size} bytes; the limit is ${limit} bytes`);
    this.name = 'TooLargeError';
  }
}

export class AuthError extends EngineError {
  constructor(code: 'E_BAD_TOKEN' | 'E_TOKEN_EXPIRED' | 'E_UNAUTHENTICATED', message: string) {
    super(code, message);
    this.name = 'AuthError';
  }
}

export class NotFoundError extends EngineError {
  constructor(code: 'E_NOT_FOUND' | 'E_UNKNOWN_ITEM', message: string, field?: string) {
    super(code, message, field === undefined ? {} : { field });
    this.name = 'NotFoundError';
  }
}

export class UnavailableError extends EngineError {
  constructor(message: string, cause?: unknown) {
    super('E_UNAVAILABLE', message, { cause });
    this.name = 'UnavailableError';
  }
}

/** The disk under the log is (nearly) full; appends resume by themselves once space is freed. */
export class StorageFullError extends EngineError {
  constructor(message: string, cause?: unknown) {
    super('E_STORAGE_FULL', message, { cause });
    this.name = 'StorageFullError';
  }
}

/** The caller is known but may not do this (e.g. a shopper's client recording a purchase). */
export class NotAllowedError extends EngineError {
  constructor(message: string, field?: string) {
    super('E_NOT_ALLOWED', message, field === undefined ? {} : { field });
    this.name = 'NotAllowedError';
  }
}

export class TimeoutError extends EngineError {
  constructor(what: string, ms: number) {
    super('E_TIMEOUT', `${what} did not finish within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

export class ConfigError extends EngineError {
  constructor(variable: string, message: string) {
    super('E_BAD_CONFIG', `${variable}: ${message}`, { field: variable });
    this.name = 'ConfigError';
  }
}

export class CatalogError extends EngineError {
  readonly line: number;
  constructor(line: number, message: string) {
    super('E_BAD_CATALOG', `line ${line}: ${message}`);
    this.name = 'CatalogError';
    this.line = line;
  }
}

/** A malformed order/transaction file: names the file, the 1-based line (0: the file as a whole) and, when known, the column. */
export class ImportError extends EngineError {
  readonly file: string;
  readonly line: number;
  readonly column: string | undefined;
  constructor(file: string, line: number, column: string | undefined, message: string) {
    super('E_BAD_IMPORT', `${file}${line > 0 ? `:${line}` : ''}${column === undefined ? '' : ` column ${column}`}: ${message}`, column === undefined ? {} : { field: column });
    this.name = 'ImportError';
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

/**
 * A model file or object that cannot be served: corrupt, truncated, of another
 * format version, or internally inconsistent. `field` is the JSON path of the
 * first thing found wrong (`trees.left[17]`), so a person can look at it.
 */
export class ModelError extends EngineError {
  constructor(field: string, message: string, cause?: unknown) {
    super('E_BAD_MODEL', `model ${field}: ${message}`, { field, cause });
    this.name = 'ModelError';
  }
}

/** A data file row that cannot be read; `line` is 1-based (the header is line 1; 0: the file as a whole), `column` the header name. */
export class DatasetError extends EngineError {
  readonly file: string;
  readonly line: number;
  readonly column: string | undefined;
  constructor(file: string, line: number, column: string | undefined, message: string) {
    super('E_BAD_DATASET', `${file}${line > 0 ? ` line ${line}` : ''}${column === undefined ? '' : `, column ${column}`}: ${message}`, column === undefined ? {} : { field: column });
    this.name = 'DatasetError';
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

/** A promotion rule that cannot be served; `field` is the JSON path of the first thing wrong (`reward.percent`). */
export class RuleError extends EngineError {
  constructor(field: string, message: string) {
    super('E_BAD_RULE', `rule ${field}: ${message}`, { field });
    this.name = 'RuleError';
  }
}

export class CampaignError extends EngineError {
  constructor(field: string, message: string) {
    super('E_BAD_CAMPAIGN', `campaign ${field}: ${message}`, { field });
    this.name = 'CampaignError';
  }
}

/** A coupon the checkout cannot apply. */
export class CouponError extends EngineError {
  constructor(code: 'E_COUPON_UNKNOWN' | 'E_COUPON_EXPIRED' | 'E_COUPON_USED' | 'E_COUPON_NOT_APPLICABLE', message: string) {
    super(code, message, { field: 'coupon' });
    this.name = 'CouponError';
  }
}

/** Turns anything thrown into an EngineError, keeping the original as `cause`. */
export function toEngineError(err: unknown): EngineError {
  if (err instanceof EngineError) return err;
  return new EngineError('E_INTERNAL', 'internal error', { cause: err });
}
