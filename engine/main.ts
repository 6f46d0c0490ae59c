/** `npm start`: runs the engine with configuration from the environment until SIGINT/SIGTERM. */
import { loadConfig } from './config/index.js';
import { EngineError } from './errors/index.js';
import { createLogger } from './observability/index.js';
import { startEngine } from './app/start-engine.js';

const log = createLogger((process.env['LOG_LEVEL'] as 'info') ?? 'info');

async function main(): Promise<void> {
  const config = loadConfig();
  const engine = await startEngine(config, { log, mountSite: await siteMounter() });
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

/** The storefront is optional at this layer: mounted when its module is built. */
async function siteMounter() {
  const spec = '../storefront/index.js';
  try {
    const mod = (await import(spec)) as { mountStorefront?: (app: unknown) => void };
    return mod.mountStorefront as never;
  } catch (err) {
    log.warn('storefront not mounted: only the API is served', { err });
    return undefined;
  }
}

main().catch((err: unknown) => {
  if (err instanceof EngineError) log.error(`cannot start: ${err.message}`, { code: err.code, cause: err.cause });
  else log.error('cannot start', { err });
  process.exit(1);
});
