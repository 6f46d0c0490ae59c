/** Starts the engine for tests: in this process, or as a child process that can be kill -9'd. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startEngine, loadConfig, type Engine } from '../../engine/index.js';
import { createLogger, findLogRecord } from '../../engine/observability/index.js';
import { resolveApiKey } from '../../engine/services/index.js';
import { tempDir } from './temp.js';

/** A small catalog keeps test start-up fast; the demo generator is the same. */
export const TEST_CATALOG_SIZE = 2000;

/** Test configuration; natsUrl undefined = the engine runs its embedded nats-server. */
export function testEnv(natsUrl: string | undefined, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...(natsUrl ? { NATS_URL: natsUrl } : {}),
    DATA_DIR: tempDir('data'),
    PORT: '0',
    GRPC_PORT: '0',
    SHARDS: '2',
    DEMO_CATALOG_SIZE: String(TEST_CATALOG_SIZE),
    LOG_LEVEL: 'warn',
    SESSION_SECRET: 'test-secret-0123456789abcdef',
    MAX_WS_MESSAGES_PER_S: '100000',
    ...extra,
  };
}

export async function startTestEngine(env: Record<string, string>): Promise<Engine> {
  return startEngine(loadConfig(env), { log: createLogger((env['LOG_LEVEL'] as 'warn') ?? 'warn') });
}

export interface EngineProcess {
  url: string;
  port: number;
  grpcPort: number;
  child: ChildProcess;
  stderr(): string;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

const MAIN = fileURLToPath(new URL('../../bin/shop-brain.js', import.meta.url));

/** Runs `node dist/bin/shop-brain.js` with env and waits until it logs "engine ready". */
export async function spawnEngine(env: Record<string, string>, timeoutMs = 60_000): Promise<EngineProcess> {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  const [port, grpcPort] = await new Promise<[number, number]>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`engine did not start in ${timeoutMs} ms:\n${err.slice(-3000)}`)), timeoutMs);
    child.stderr!.on('data', (d: Buffer) => {
      err = (err + d.toString()).slice(-200_000);
      const ready = findLogRecord(err, 'engine ready');
      if (ready) {
        clearTimeout(t);
        resolve([Number(new URL(String(ready['url'])).port), Number(ready['grpcPort'])]);
      }
    });
    child.stdout!.resume();
    child.once('exit', (code) => {
      clearTimeout(t);
      reject(new Error(`engine exited with ${code} before ready:\n${err.slice(-3000)}`));
    });
  });
  const exited = () => new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    grpcPort,
    child,
    stderr: () => err,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited();
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited();
    },
  };
}

/** GET /metrics of an in-process engine, with its operator key. */
export async function fetchMetrics(engine: Engine): Promise<string> {
  const key = resolveApiKey(engine.config.apiKey, engine.config.dataDir);
  const r = await fetch(`${engine.url}/metrics`, { headers: { 'x-api-key': key } });
  if (r.status !== 200) throw new Error(`/metrics answered ${r.status}: ${await r.text()}`);
  return r.text();
}
