/**
 * The one nats-server launcher: the engine's embedded server, the test kit and the
 * benchmarks all start nats-server here, with the same flags, the same readiness
 * check (the server's ports file plus "Server is ready") and the same stop
 * (SIGCONT first, so a server a test paused with SIGSTOP still handles SIGTERM).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UnavailableError } from '../errors/index.js';

const CANDIDATE_PATHS = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'];
const START_TIMEOUT_MS = 15_000;
const STOP_GRACE_MS = 5_000;

export const NATS_INSTALL_HINT =
  'nats-server was not found. Install it with `sudo apt-get update && sudo apt-get install -y nats-server` ' +
  '(Debian/Ubuntu), or set NATS_SERVER_BIN to its path, or set NATS_URL to use a running server.';

export function findNatsServer(env = process.env): string | undefined {
  const fromEnv = env['NATS_SERVER_BIN'];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  for (const p of CANDIDATE_PATHS) if (existsSync(p)) return p;
  const which = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return found || undefined;
}

export interface NatsServerSpec {
  /** JetStream store directory. */
  storeDir: string;
  /** Where the pid file and ports file go. */
  workDir: string;
  /** 0 or undefined = a free port chosen by the server. */
  port?: number;
  host?: string;
  /** More flags, e.g. cluster routes. */
  extraArgs?: readonly string[];
  /** Clients must log in with these; the returned url carries them. */
  auth?: { user: string; password: string };
}

export interface NatsServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderrTail: string;
}

export interface NatsServerProcess {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly pidFile: string;
  /** Resolves when the process exits, for whatever reason. */
  readonly exited: Promise<NatsServerExit>;
  isRunning(): boolean;
  stderrTail(): string;
  /** SIGCONT, SIGTERM, SIGKILL after a grace period; resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * JetStream's own storage limit defaults to 75 % of the disk that is free when the
 * server starts, and stays there: on a disk that filled and was freed again, the
 * stream would stay "insufficient resources" until a restart. The engine watches
 * free space itself (log-health.ts) and stops appending before the disk is full, so
 * the server gets a limit it never reaches.
 */
const MAX_FILE_STORE = '1T';

/** The config file every launch uses (flags cannot set the storage limit). */
function writeConfig(spec: NatsServerSpec): string {
  const file = join(spec.workDir, 'nats-server.conf');
  const auth = spec.auth ? `authorization {\n  user: ${JSON.stringify(spec.auth.user)}\n  password: ${JSON.stringify(spec.auth.password)}\n}\n` : '';
  writeFileSync(file, `jetstream {\n  store_dir: ${JSON.stringify(spec.storeDir)}\n  max_file_store: ${MAX_FILE_STORE}\n}\n${auth}`, { mode: 0o600 });
  return file;
}

export function natsServerArgs(spec: NatsServerSpec, configFile: string): string[] {
  return [
    '-c', configFile,
    '-a', spec.host ?? '127.0.0.1',
    '-p', String(spec.port || -1),
    '--pid', join(spec.workDir, 'nats-server.pid'),
    '--ports_file_dir', join(spec.workDir, 'ports'),
    '-m', '0',
    ...(spec.extraArgs ?? []),
  ];
}

export async function launchNatsServer(spec: NatsServerSpec): Promise<NatsServerProcess> {
  const bin = findNatsServer();
  if (!bin) throw new UnavailableError(NATS_INSTALL_HINT);
  const portsDir = join(spec.workDir, 'ports');
  rmSync(portsDir, { recursive: true, force: true });
  mkdirSync(portsDir, { recursive: true });
  mkdirSync(spec.storeDir, { recursive: true });
  const child: ChildProcess = spawn(bin, natsServerArgs(spec, writeConfig(spec)), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-8000);
  });
  const exited = new Promise<NatsServerExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, stderrTail: stderr.slice(-2000) }));
  });
  const running = () => child.exitCode === null && child.signalCode === null;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!running()) {
      await exited;
      throw new UnavailableError(`nats-server exited at start (code ${child.exitCode}): ${stderr.slice(-500)}`);
    }
    const file = readdirSync(portsDir).find((f) => f.endsWith('.ports'));
    if (file && /Server is ready/.test(stderr)) {
      const ports = JSON.parse(readFileSync(join(portsDir, file), 'utf8')) as { nats?: string[] };
      const bare = ports.nats?.[0];
      if (bare) {
        const port = Number(new URL(bare).port);
        const url = spec.auth ? bare.replace('//', `//${encodeURIComponent(spec.auth.user)}:${encodeURIComponent(spec.auth.password)}@`) : bare;
        return {
          url,
          port,
          pid: child.pid!,
          pidFile: join(spec.workDir, 'nats-server.pid'),
          exited,
          isRunning: running,
          stderrTail: () => stderr.slice(-2000),
          stop: async () => {
            if (!running()) return;
            child.kill('SIGCONT');
            child.kill('SIGTERM');
            const t = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
            await exited;
            clearTimeout(t);
          },
        };
      }
    }
    await sleep(25);
  }
  child.kill('SIGKILL');
  await exited;
  throw new UnavailableError(`nats-server did not become ready within ${START_TIMEOUT_MS} ms: ${stderr.slice(-500)}`);
}
