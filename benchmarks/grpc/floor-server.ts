/**
 * The transport floor of the Recommend benchmark: servers that answer Recommend with
 * a fixed, engine-sized message and do nothing else, so the same open-loop client
 * measures what HTTP/2 + gRPC alone cost on this machine. Run as a child process
 * (`fork`), it reports its port on the IPC channel:
 *
 *   grpcjs  @grpc/grpc-js with the engine's proto (what the engine runs)
 *   http2   node:http2 with the gRPC framing by hand (no grpc-js layers at all)
 */
import * as grpc from '@grpc/grpc-js';
import http2 from 'node:http2';
import { loadEngineProto } from '../../engine/grpc/index.js';

export const FLOOR_SERVERS = ['grpcjs', 'http2'] as const;
export type FloorServer = (typeof FLOOR_SERVERS)[number];

const loaded = loadEngineProto();
const method = loaded.service.Recommend;
/** Eight items with names and reasons like the engine's answers (about the same bytes). */
const ANSWER = {
  userId: 'u-bench000000',
  items: Array.from({ length: 8 }, (_, i) => ({
    itemId: `item-${1000 + i}`, score: 0.5 - i / 100, reason: 'because you viewed Handcrafted Steel Chair',
    name: `Ergonomic Granite Keyboard ${i}`, price: 12.5 + i, category: 'electronics',
  })),
  causedBy: '', ts: 0,
};

function serveGrpcJs(): Promise<number> {
  const server = new grpc.Server();
  server.addService(loaded.service, {
    Recommend: (_call: grpc.ServerUnaryCall<unknown, unknown>, cb: grpc.sendUnaryData<unknown>) => cb(null, { ...ANSWER, ts: Date.now() }),
  });
  return new Promise((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => (err ? reject(err) : resolve(port))));
}

function serveHttp2(): Promise<number> {
  const server = http2.createServer();
  server.on('stream', (stream, headers) => {
    stream.on('error', () => undefined);
    const chunks: Buffer[] = [];
    stream.on('data', (d: Buffer) => chunks.push(d));
    stream.on('end', () => {
      if (headers[':path'] !== method.path) {
        stream.respond({ ':status': 200, 'content-type': 'application/grpc', 'grpc-status': '12' }, { endStream: true });
        return;
      }
      method.requestDeserialize(Buffer.concat(chunks).subarray(5));
      const body = method.responseSerialize({ ...ANSWER, ts: Date.now() });
      const frame = Buffer.allocUnsafe(5 + body.length);
      frame[0] = 0;
      frame.writeUInt32BE(body.length, 1);
      body.copy(frame, 5);
      stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
      stream.once('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
      stream.end(frame);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

if (process.send) {
  const kind = process.argv[2] as FloorServer;
  const start = kind === 'grpcjs' ? serveGrpcJs : kind === 'http2' ? serveHttp2 : undefined;
  if (!start) throw new Error(`floor-server: unknown server ${kind}; one of ${FLOOR_SERVERS.join(', ')}`);
  void start().then((port) => process.send!({ port }));
}
