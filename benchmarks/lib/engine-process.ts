/**
 * The engine under test, as a child process (`node dist/bin/shop-brain.js`) with its
 * own data directory and its embedded nats-server: the default deployment, on
 * free ports. Knows the pids of both, for CPU accounting and kill -9.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findLogRecord } from '../../engine/observability/index.js';

export const ENGINE_MAIN = fileURLToPath(new URL('../../bin/shop-brain.js', import.meta.url));
/** A fixed secret so a benchmark can sign tokens for users it wrote into LMDB itself. */
export const BENCH_SESSION_SECRET = 'bench-secret-0123456789abcdef';

export interface EngineOptions {
  dataDir?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Prefix the command (e.g. clinic); default runs node directly. */
  command?: { file: string; args: string[] };
}

export interface EngineProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the "engine ready" log line. */
  readyMs: number;
  /** Epoch ms of the spawn, to place the engine's log timestamps. */
  spawnedAt: number;
  natsPid(): number | undefined;
  /** Engine-side pid: the node process itself (not a wrapper such as clinic). */
  enginePid(): number | undefined;
  /** The last `chars` of its stderr (JSON-lines log). */
  logTail(chars?: number): string;
  stop(timeoutMs?: number): Promise<void>;
  kill9(): Promise<void>;
}

export function benchDataDir(prefix = 'bench'): string {
  return mkdtempSync(join(tmpdir(), `shop-${prefix}-`));
}

export function natsPidOf(dataDir: string): number | undefined {
  const f = join(dataDir, 'nats', 'nats-server.pid');
  if (!existsSync(f)) return undefined;
  const pid = Number(readFileSync(f, 'utf8').trim());
  return pid > 0 ? pid : undefined;
}

/** Stops a nats-server a kill -9'd engine left behind (found by its pid file). */
export function killOrphanNats(dataDir: string): void {
  const pid = natsPidOf(dataDir);
  if (pid === undefined) return;
  try {
    if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('nats-server')) process.kill(pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

export async function startEngine(opts: EngineOptions = {}): Promise<EngineProcess> {
  const dataDir = opts.dataDir ?? benchDataDir();
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    GRPC_PORT: '0',
    LOG_LEVEL: 'info',
    SESSION_SECRET: BENCH_SESSION_SECRET,
    // The benchmarks read shard progress and latency buckets from /metrics.
    METRICS_AUTH: 'false',
    ...opts.env,
  };
  // BENCH_ENGINE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p" profiles the engine of any benchmark
  // (node refuses --cpu-prof in NODE_OPTIONS).
  const nodeArgs = (process.env['BENCH_ENGINE_NODE_ARGS'] ?? '').split(/\s+/).filter(Boolean);
  const cmd = opts.command ?? { file: process.execPath, args: [...nodeArgs, ENGINE_MAIN] };
  const t0 = performance.now();
  const spawnedAt = Date.now();
  const child = spawn(cmd.file, cmd.args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const timeoutMs = opts.timeoutMs ?? 180_000;
  const url = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`engine not ready after ${timeoutMs} ms:\n${log.slice(-3000)}`)), timeoutMs);
    const onData = (d: Buffer) => {
      log = (log + d.toString()).slice(-100_000);
      const ready = findLogRecord(log, 'engine ready');
      if (ready) {
        clearTimeout(t);
        child.stderr!.off('data', onData);
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        child.stderr!.on('data', (more: Buffer) => {
          log = (log + more.toString()).slice(-100_000);
        });
        resolve(String(ready['url']));
      }
    };
    child.stderr!.on('data', onData);
    child.stdout!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(t);
      reject(new Error(`engine exited (${code ?? signal}) before ready:\n${log.slice(-3000)}`));
    });
  });
  const readyMs = performance.now() - t0;
  // Keep reading so the pipes never fill; remember a tail for failure reports and start-up phases.
  const exited = () => new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));
  return {
    url,
    dataDir,
    child,
    readyMs,
    spawnedAt,
    natsPid: () => natsPidOf(dataDir),
    enginePid: () => child.pid,
    logTail: (chars = 5000) => log.slice(-chars),
    stop: async (stopTimeoutMs = 30_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      await exited();
      clearTimeout(t);
      killOrphanNats(dataDir);
    },
    kill9: async () => {
      child.kill('SIGKILL');
      await exited();
    },
  };
}

export function removeDataDir(dir: string): void {
  killOrphanNats(dir);
  rmSync(dir, { recursive: true, force: true });
}
