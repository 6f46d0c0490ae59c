/**
 * The embedded default: when NATS_URL is unset the engine runs and supervises a
 * local nats-server with JetStream, its store under DATA_DIR/nats. A server left
 * behind by a crashed engine (kill -9) is found by its pid file and replaced, so a
 * restart never fails on a locked store.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UnavailableError } from '../errors/index.js';
import type { Logger } from '../observability/index.js';

const CANDIDATE_PATHS = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'];
const START_TIMEOUT_MS = 15_000;

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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isNatsServer(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('nats-server');
  } catch {
    return alive(pid); // no /proc (macOS): trust the pid file
  }
}

async function stopPid(pid: number, log: Logger): Promise<void> {
  log.warn('stopping a nats-server left behind by an earlier run', { pid });
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
  if (alive(pid)) {
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
  }
}

export interface EmbeddedNatsOptions {
  dataDir: string;
  /** 0 = a free port chosen by the server. */
  port: number;
  log: Logger;
}

/** Lifecycle: stopped -> starting -> running -> stopping -> stopped. */
export class EmbeddedNatsServer {
  #child: ChildProcess | undefined;
  #url: string | undefined;
  #stopping = false;
  readonly #dir: string;
  readonly #opts: EmbeddedNatsOptions;

  constructor(opts: EmbeddedNatsOptions) {
    this.#opts = opts;
    this.#dir = join(opts.dataDir, 'nats');
  }

  get url(): string {
    if (!this.#url) throw new UnavailableError('embedded nats-server is not running');
    return this.#url;
  }

  async start(): Promise<string> {
    const bin = findNatsServer();
    if (!bin) throw new UnavailableError(NATS_INSTALL_HINT);
    mkdirSync(this.#dir, { recursive: true });
    const pidFile = join(this.#dir, 'nats-server.pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').trim());
      if (pid > 0 && alive(pid) && isNatsServer(pid)) await stopPid(pid, this.#opts.log);
      rmSync(pidFile, { force: true });
    }
    const portsDir = join(this.#dir, 'ports');
    rmSync(portsDir, { recursive: true, force: true });
    mkdirSync(portsDir, { recursive: true });
    const args = ['-js', '-sd', join(this.#dir, 'store'), '-a', '127.0.0.1', '-p', String(this.#opts.port || -1),
      '--pid', pidFile, '--ports_file_dir', portsDir, '-m', '0'];
    const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.#child = child;
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    child.on('exit', (code, signal) => {
      if (!this.#stopping) this.#opts.log.error('embedded nats-server exited', { code, signal, stderr: stderr.slice(-1000) });
    });
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new UnavailableError(`nats-server exited at start (code ${child.exitCode}): ${stderr.slice(-500)}`);
      const file = readdirSync(portsDir).find((f) => f.endsWith('.ports'));
      if (file && /Server is ready/.test(stderr)) {
        const ports = JSON.parse(readFileSync(join(portsDir, file), 'utf8')) as { nats?: string[] };
        const u = ports.nats?.[0];
        if (u) {
          this.#url = u;
          writeFileSync(join(this.#dir, 'url'), u);
          this.#opts.log.info('embedded nats-server ready', { url: u, pid: child.pid, store: join(this.#dir, 'store') });
          return u;
        }
      }
      await sleep(50);
    }
    child.kill('SIGKILL');
    throw new UnavailableError(`nats-server did not become ready within ${START_TIMEOUT_MS} ms: ${stderr.slice(-500)}`);
  }

  async stop(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null) return;
    this.#stopping = true;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  }
}
