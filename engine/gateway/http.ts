/** Small helpers over uWS HTTP: bodies with a size cap, JSON replies, typed errors. */
import type { HttpRequest, HttpResponse } from 'uWebSockets.js';
import { httpErrorBody } from '../../protos/contract.js';
import { BadRequestError, EngineError, TooLargeError, toEngineError } from '../errors/index.js';

const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized',
  403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 413: 'Payload Too Large',
  414: 'URI Too Long', 429: 'Too Many Requests', 499: 'Client Closed Request', 500: 'Internal Server Error',
  503: 'Service Unavailable', 504: 'Gateway Timeout', 507: 'Insufficient Storage',
};
/** Longest request target (path + query) the API reads. */
export const MAX_URL_BYTES = 8 * 1024;
export const status = (code: number) => `${code} ${STATUS_TEXT[code] ?? 'Status'}`;

/** Tracks whether the client went away: uWS forbids touching an aborted response. */
export interface Reply {
  res: HttpResponse;
  aborted: boolean;
  /** Close the connection after the answer: the client is still sending a body we will not read. */
  closeAfter: boolean;
  /** The request body was read to its end. */
  bodyRead: boolean;
}

export function reply(res: HttpResponse): Reply {
  const r: Reply = { res, aborted: false, closeAfter: false, bodyRead: false };
  res.onAborted(() => {
    r.aborted = true;
  });
  return r;
}

export function sendJson(r: Reply, code: number, body: unknown, headers: Record<string, string> = {}): void {
  if (r.aborted) return;
  r.res.cork(() => {
    r.res.writeStatus(status(code)).writeHeader('content-type', 'application/json; charset=utf-8').writeHeader('cache-control', 'no-store')
      .writeHeader('x-content-type-options', 'nosniff');
    for (const [k, v] of Object.entries(headers)) r.res.writeHeader(k, v);
    r.res.end(JSON.stringify(body), r.closeAfter);
  });
}

export function sendText(r: Reply, code: number, body: string, contentType: string): void {
  if (r.aborted) return;
  r.res.cork(() => {
    r.res.writeStatus(status(code)).writeHeader('content-type', contentType).writeHeader('x-content-type-options', 'nosniff').end(body, r.closeAfter);
  });
}

export function sendError(r: Reply, err: unknown, onInternal?: (e: EngineError) => void, headers: Record<string, string> = {}): void {
  const e = toEngineError(err);
  if (e.code === 'E_INTERNAL') onInternal?.(e);
  // A body we refused is not read to its end: the connection goes instead.
  if (e.code === 'E_TOO_LARGE') r.closeAfter = true;
  sendJson(r, e.httpStatus, httpErrorBody(e), headers);
}

/**
 * Framing an API request must not have: a target over MAX_URL_BYTES (414), or a
 * body length stated twice (two different Content-Length values, or Content-Length
 * with Transfer-Encoding), which proxies and servers may read differently (request
 * smuggling). Read synchronously, while uWS's `req` is valid.
 */
export function framingProblem(req: HttpRequest): EngineError | undefined {
  const urlBytes = req.getUrl().length + (req.getQuery()?.length ?? 0);
  if (urlBytes > MAX_URL_BYTES) return new EngineError('E_URL_TOO_LONG', `the request target is ${urlBytes} bytes; the limit is ${MAX_URL_BYTES}`);
  const lengths = new Set<string>();
  let chunked = false;
  req.forEach((k, v) => {
    if (k === 'content-length') for (const part of v.split(',')) lengths.add(part.trim());
    else if (k === 'transfer-encoding') chunked = true;
  });
  if (lengths.size > 1) return new BadRequestError('Content-Length is given more than once with different values', 'content-length');
  if (lengths.size === 1 && chunked) return new BadRequestError('both Content-Length and Transfer-Encoding are given', 'content-length');
  return undefined;
}

/** The declared body length, if any (a body over the limit is refused before it is read). */
export function declaredLength(req: HttpRequest): number | undefined {
  const raw = req.getHeader('content-length');
  return /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/** Reads the whole body (at most `limit` bytes) and parses it as JSON; empty body = undefined. */
export function readJson(r: Reply, limit: number, declared?: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (declared !== undefined && declared > limit) {
      reject(new TooLargeError('request body', declared, limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    r.res.onData((ab, isLast) => {
      if (done) return;
      size += ab.byteLength;
      if (size > limit) {
        done = true;
        reject(new TooLargeError('request body', size, limit));
        return;
      }
      // uWS reuses the ArrayBuffer after this callback returns: copy it.
      chunks.push(Buffer.from(new Uint8Array(ab.slice(0))));
      if (!isLast) return;
      done = true;
      r.bodyRead = true;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new BadRequestError('request body is not valid JSON', undefined, 'E_BAD_JSON'));
      }
    });
  });
}

export function bearerToken(req: HttpRequest): string | undefined {
  const h = req.getHeader('authorization');
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m?.[1];
}

export function parseQuery(q: string): URLSearchParams {
  return new URLSearchParams(q);
}
