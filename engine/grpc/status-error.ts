/**
 * Turns engine errors into gRPC statuses a client of any language can act on:
 * the status code from ERROR_CODES, the message, and three trailers:
 * `shop-error-code`, `shop-error-field` (snake_case, as in the .proto) and the
 * standard `grpc-status-details-bin` (google.rpc.Status carrying google.rpc.ErrorInfo
 * and, for INVALID_ARGUMENT, google.rpc.BadRequest), which grpc-status libraries decode.
 */
import { Metadata, status as Status, type ServiceError } from '@grpc/grpc-js';
import protobuf from 'protobufjs/minimal.js';
import { EngineError, ERROR_CODES, toEngineError, type ErrorCode } from '../errors/index.js';
import type { ErrorDetail } from '../../protos/gen/engine/shop/v1/ErrorDetail.js';

export const ERROR_DOMAIN = 'shop.v1';
export const CODE_TRAILER = 'shop-error-code';
export const FIELD_TRAILER = 'shop-error-field';
export const DETAILS_TRAILER = 'grpc-status-details-bin';
const ERROR_INFO_URL = 'type.googleapis.com/google.rpc.ErrorInfo';
const BAD_REQUEST_URL = 'type.googleapis.com/google.rpc.BadRequest';

/** `itemId` -> `item_id`; engine validators name fields as in JSON, the API as in the .proto. */
export function protoFieldName(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** An error raised by a gRPC handler about a request field (already snake_case). */
export function fieldError(field: string, message: string, code: ErrorCode = 'E_BAD_REQUEST'): EngineError {
  return new EngineError(code, message, { field });
}

function fieldOf(err: EngineError): string | undefined {
  return err.field === undefined ? undefined : protoFieldName(err.field);
}

// google.rpc messages are written by hand: three small messages do not justify
// shipping google/rpc/*.proto and a second loader.
function any(typeUrl: string, value: Uint8Array): Uint8Array {
  return protobuf.Writer.create().uint32(10).string(typeUrl).uint32(18).bytes(value).finish();
}

function errorInfo(code: string, field: string | undefined): Uint8Array {
  const w = protobuf.Writer.create().uint32(10).string(code).uint32(18).string(ERROR_DOMAIN);
  if (field !== undefined) {
    // map<string, string> metadata = 3: an entry message {1: key, 2: value}.
    w.uint32(26).fork().uint32(10).string('field').uint32(18).string(field).ldelim();
  }
  return w.finish();
}

function badRequest(field: string, description: string): Uint8Array {
  // repeated FieldViolation field_violations = 1; FieldViolation {1: field, 2: description}
  return protobuf.Writer.create().uint32(10).fork().uint32(10).string(field).uint32(18).string(description).ldelim().finish();
}

export function statusDetails(code: number, message: string, err: EngineError): Uint8Array {
  const field = fieldOf(err);
  const w = protobuf.Writer.create().uint32(8).int32(code).uint32(18).string(message);
  w.uint32(26).bytes(any(ERROR_INFO_URL, errorInfo(err.code, field)));
  if (code === Status.INVALID_ARGUMENT && field !== undefined) w.uint32(26).bytes(any(BAD_REQUEST_URL, badRequest(field, err.message)));
  return w.finish();
}

/** The ServiceError grpc-js sends for `err` (anything thrown becomes E_INTERNAL, message hidden). */
export function toServiceError(err: unknown): ServiceError {
  const e = toEngineError(err);
  const code = ERROR_CODES[e.code].grpc;
  const metadata = new Metadata();
  metadata.set(CODE_TRAILER, e.code);
  const field = fieldOf(e);
  if (field !== undefined) metadata.set(FIELD_TRAILER, field);
  metadata.set(DETAILS_TRAILER, Buffer.from(statusDetails(code, e.message, e)));
  return Object.assign(new Error(e.message), { code, details: e.message, metadata });
}

/** The per-item error of TrackBatch acks and UpsertItems rows. */
export function toErrorDetail(err: unknown): ErrorDetail {
  const e = toEngineError(err);
  const d: ErrorDetail = { code: e.code, message: e.message, status: ERROR_CODES[e.code].grpc };
  const field = fieldOf(e);
  if (field !== undefined) d.field = field;
  return d;
}

/** Errors grpc-js itself raises (deadline, cancel) are not the engine's: keep them apart. */
export const isEngineError = (err: unknown): err is EngineError => err instanceof EngineError;
