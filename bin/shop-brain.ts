/**
 * `npm start`: the CLI entry. Composes the engine (configured from the environment) with
 * the storefront and the operator dashboard it serves, until SIGINT/SIGTERM. The engine
 * itself never imports either; this file is where they meet.
 */
import { loadConfig } from '../engine/config/index.js';
import { EngineError } from '../engine/errors/index.js';
import { redactNatsUrl } from '../engine/log/index.js';
import { createLogger } from '../engine/observability/index.js';
import { startEngine } from '../engine/index.js';
import { mountDashboard } from '../dashboard/index.js';
import { mountStorefront } from '../storefront/index.js';

const log = createLogger((process.env['LOG_LEVEL'] as 'info') ?? 'info');

async function main(): Promise<void> {
  const config = loadConfig();
  const mountSite = (app: Parameters<typeof mountStorefront>[0]) => {
    mountDashboard(app, { log: log.child('dashboard') });
    mountStorefront(app, { log: log.child('storefront') });
  };
  const engine = await startEngine(config, { log, mountSite });
  const keyFrom = config.apiKey === undefined ? `${config.dataDir}/api-key` : 'API_KEY';
  process.stdout.write(`\n  Shop engine ready: ${engine.url}  (gRPC :${engine.grpcPort}, NATS ${redactNatsUrl(engine.natsUrl)})\n  Operator dashboard: ${engine.url}/admin  (log in with the API key: ${keyFrom})\n\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    engine.stop().then(() => process.exit(0), (err: unknown) => {
      log.error('stop failed', { err });
      process.exit(1);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof EngineError) log.error(`cannot start: ${err.message}`, { code: err.code, cause: err.cause });
  else log.error('cannot start', { err });
  process.exit(1);
});
