/**
 * A lean unary gRPC client for the load generator: plain node:http2 plus the
 * method's own serializers from proto-loader (the same codec the server uses).
 * grpc-js's client costs several hundred microseconds of CPU per call on a busy
 * 2-core box, so at 2k calls/s it would compete with the engine it measures; this
 * one does the wire protocol only (no retries, no name resolution, no
 * interceptors), which is all a load generator needs.
 */
import http2 from 'node:http2';
import type { MethodDefinition } from '@grpc/proto-loader';

export interface LeanResult<Res> {
  /** gRPC status code (0 = OK). */
  status: number;
  message: string;
  value: Res | undefined;
}

const { HTTP2_HEADER_PATH, HTTP2_HEADER_METHOD, HTTP2_HEADER_CONTENT_TYPE, HTTP2_HEADER_TE } = http2.constants;

export class LeanUnaryClient<Req, Res> {
  readonly #target: string;
  #session: http2.ClientHttp2Session;
  /** Sessions the server closed under this client (each was replaced by a new one). */
  reconnects = 0;
  readonly #headers: http2.OutgoingHttpHeaders;
  readonly #method: MethodDefinition<Req, Res, unknown, Res>;
  #closed = false;

  constructor(target: string, method: MethodDefinition<Req, Res, unknown, Res>, metadata: Record<string, string>) {
    this.#target = target;
    this.#session = this.#connect();
    this.#method = method;
    this.#headers = {
      [HTTP2_HEADER_METHOD]: 'POST',
      [HTTP2_HEADER_PATH]: method.path,
      [HTTP2_HEADER_CONTENT_TYPE]: 'application/grpc',
      [HTTP2_HEADER_TE]: 'trailers',
      ...metadata,
    };
  }

  #connect(): http2.ClientHttp2Session {
    const session = http2.connect(`http://${this.#target}`);
    session.on('error', () => undefined);
    return session;
  }

  call(req: Req, timeoutMs: number, done: (r: LeanResult<Res>) => void): void {
    if (this.#closed) return done({ status: 14, message: 'client closed', value: undefined });
    if (this.#session.closed || this.#session.destroyed) {
      this.reconnects++;
      this.#session = this.#connect();
    }
    const body = this.#method.requestSerialize(req);
    const frame = Buffer.allocUnsafe(5 + body.length);
    frame.writeUInt8(0, 0);
    frame.writeUInt32BE(body.length, 1);
    body.copy(frame, 5);
    let stream: http2.ClientHttp2Stream;
    try {
      stream = this.#session.request({ ...this.#headers, 'grpc-timeout': `${Math.max(1, Math.round(timeoutMs))}m` });
    } catch (err) {
      return done({ status: 14, message: `cannot start a stream: ${(err as Error).message}`, value: undefined });
    }
    const chunks: Buffer[] = [];
    let status = -1;
    let message = '';
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      if (status !== 0) return done({ status: status < 0 ? 14 : status, message: message || 'stream ended without a status', value: undefined });
      const data = Buffer.concat(chunks);
      done({ status: 0, message: '', value: data.length >= 5 ? this.#method.responseDeserialize(data.subarray(5)) : undefined });
    };
    const readStatus = (h: http2.IncomingHttpHeaders) => {
      if (h['grpc-status'] !== undefined) {
        status = Number(h['grpc-status']);
        message = decodeURIComponent(String(h['grpc-message'] ?? ''));
      }
    };
    stream.on('response', readStatus); // trailers-only answers carry the status in the headers
    stream.on('trailers', readStatus);
    stream.on('data', (d: Buffer) => chunks.push(d));
    stream.on('end', finish);
    stream.on('close', finish);
    stream.on('error', (err) => {
      message = err.message;
      finish();
    });
    stream.end(frame);
  }

  close(): void {
    this.#closed = true;
    this.#session.close();
  }
}
