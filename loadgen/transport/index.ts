/** Public surface of loadgen's transports: the seam the driver talks through, and the two protocols behind it. */
import type { WorkerInit } from '../worker-protocol.js';
import { GrpcTransport } from './grpc-transport.js';
import type { ShopperReplies, ShopperTransport } from './types.js';
import { WsTransport } from './ws-transport.js';

export { ConnectError, type ShopperReplies, type ShopperTransport } from './types.js';
export { grpcCatalogPages, grpcErrorCode, openChannels, setupError, UNCERTAIN_STATUS_CODES, type GrpcChannels } from './grpc-client.js';
export { grpcUserId } from './grpc-transport.js';

/** The transport of this run's protocol, for one loadgen thread. */
export function createTransport(init: WorkerInit, replies: ShopperReplies): ShopperTransport {
  const g = init.grpc;
  if (init.protocol === 'grpc') {
    if (!g) throw new TypeError('WorkerInit.grpc is required with protocol grpc');
    return new GrpcTransport({ target: g.target, apiKey: g.apiKey, channels: g.channels, runTag: g.runTag }, replies);
  }
  return new WsTransport(init.url, replies);
}
