/**
 * `npm start`: the CLI entry. Composes the engine (configured from the environment) with
 * the storefront it serves, until SIGINT/SIGTERM. The engine itself never imports the
 * storefront; this file is where the two meet.
 */
import { loadConfig } from '../engine/config/index.js';
import { EngineError } from '../engine/errors/index.js';
import { createLogger } from '../engine/observability/index.js';
import { startEngine } from '../engine/index.js';
import { mountStorefront } from '../storefront/index.js';

const log = createLogger((process.env['LOG_LEVEL'] as 'info') ?? 'info');

async function main(): Promise<void> {
  const config = loadConfig();
  const engine = await startEngine(config, { log, mountSite: (app) => mountStorefront(app, { log: log.child('storefront') }) });
  process.stdout.write(`\n  Shop engine ready: ${engine.url}  (gRPC :${engine.grpcPort}, NATS ${engine.natsUrl})\n\n`);
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
