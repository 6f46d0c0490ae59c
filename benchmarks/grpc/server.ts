/**
 * The server side of the gRPC benchmark: the engine as `npm start` runs it (its
 * own embedded nats-server, shard workers, LMDB in a temp DATA_DIR) plus the
 * GrpcServer, in a process of its own. Prints one JSON line when ready:
 * {"ready":true,"port":...,"apiKey":"...","pid":...}; stops on SIGTERM.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startEngine } from '../../engine/index.js';
import { GrpcServer, resolveApiKey } from '../../engine/grpc/index.js';
import { createLogger } from '../../engine/observability/index.js';

const dataDir = mkdtempSync(join(tmpdir(), 'shop-bench-grpc-'));
const log = createLogger('warn');
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0', GRPC_PORT: '0', LOG_LEVEL: 'warn' });
const engine = await startEngine(config, { log });
const server = new GrpcServer(engine.services, {
  auth: { apiKey: resolveApiKey(config.apiKey, config.dataDir) },
  host: '127.0.0.1',
  health: engine.health,
  log: log.child('grpc'),
});
const port = await server.start(0);
process.stdout.write(JSON.stringify({ ready: true, port, apiKey: resolveApiKey(config.apiKey, config.dataDir), pid: process.pid, shards: config.shards }) + '\n');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(JSON.stringify({ stats: server.stats }) + '\n');
  await server.stop();
  await engine.stop();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
