/** Small helpers over uWS HTTP: bodies with a size cap, JSON replies, typed errors. */
import type { HttpRequest, HttpResponse } from 'uWebSockets.js';
import { httpErrorBody } from '../../protos/contract.js';
import { BadRequestError, EngineError, TooLargeError, toEngineError } from '../errors/index.js';

const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized',
  404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 413: 'Payload Too Large', 429: 'Too Many Requests',
  500: 'Internal Server Error', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};
export const status = (code: number) => `${code} ${STATUS_TEXT[code] ?? 'Status'}`;

/** Tracks whether the client went away: uWS forbids touching an aborted response. */
export interface Reply {
  res: HttpResponse;
  aborted: boolean;
}

export function reply(res: HttpResponse): Reply {
  const r: Reply = { res, aborted: false };
  res.onAborted(() => {
    r.aborted = true;
  });
  return r;
}

export function sendJson(r: Reply, code: number, body: unknown, headers: Record<string, string> = {}): void {
  if (r.aborted) return;
  r.res.cork(() => {
    r.res.writeStatus(status(code)).writeHeader('content-type', 'application/json; charset=utf-8').writeHeader('cache-control', 'no-store');
    for (const [k, v] of Object.entries(headers)) r.res.writeHeader(k, v);
    r.res.end(JSON.stringify(body));
  });
}

export function sendText(r: Reply, code: number, body: string, contentType: string): void {
  if (r.aborted) return;
  r.res.cork(() => {
    r.res.writeStatus(status(code)).writeHeader('content-type', contentType).end(body);
  });
}

export function sendError(r: Reply, err: unknown, onInternal?: (e: EngineError) => void): void {
  const e = toEngineError(err);
  if (e.code === 'E_INTERNAL') onInternal?.(e);
  sendJson(r, e.httpStatus, httpErrorBody(e));
}

/** Reads the whole body (at most `limit` bytes) and parses it as JSON; empty body = undefined. */
export function readJson(r: Reply, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
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
