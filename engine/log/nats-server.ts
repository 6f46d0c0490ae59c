/**
 * The embedded default: when NATS_URL is unset the engine runs and supervises a
 * local nats-server with JetStream, its store under DATA_DIR/nats. A server left
 * behind by a crashed engine (kill -9) is found by its pid file and replaced, so a
 * restart never fails on a locked store; a server that dies while the engine runs
 * is restarted on the same store and port, so the client reconnects by itself.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UnavailableError } from '../errors/index.js';
import type { Logger } from '../observability/index.js';
import { redactNatsUrl } from './nats-client.js';
import { launchNatsServer, type NatsServerProcess } from './nats-server-process.js';

export { findNatsServer, NATS_INSTALL_HINT } from './nats-server-process.js';

const RESTART_BACKOFF_MS = [100, 250, 500, 1000, 2000, 5000];

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
  /** 0 = a free port chosen by the server at first start (kept for restarts). */
  port: number;
  log: Logger;
}

/** Lifecycle: stopped -> starting -> running (-> restarting -> running)* -> stopping -> stopped. */
export class EmbeddedNatsServer {
  #server: NatsServerProcess | undefined;
  #url: string | undefined;
  #port = 0;
  #stopping = false;
  #restarts = 0;
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

  get pid(): number | undefined {
    return this.#server?.pid;
  }

  /** Times the server was restarted after dying under the engine. */
  get restarts(): number {
    return this.#restarts;
  }

  isRunning(): boolean {
    return this.#server?.isRunning() ?? false;
  }

  async start(): Promise<string> {
    mkdirSync(this.#dir, { recursive: true });
    const pidFile = join(this.#dir, 'nats-server.pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').trim());
      if (pid > 0 && alive(pid) && isNatsServer(pid)) await stopPid(pid, this.#opts.log);
      rmSync(pidFile, { force: true });
    }
    this.#port = this.#opts.port;
    await this.#launch();
    return this.#url!;
  }

  /** The embedded server's login, made once and kept (0600) so restarts and shards share it. */
  #password(): string {
    const file = join(this.#dir, 'password');
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    const pw = randomBytes(24).toString('base64url');
    writeFileSync(file, pw, { mode: 0o600 });
    return pw;
  }

  async #launch(): Promise<void> {
    const server = await launchNatsServer({
      storeDir: join(this.#dir, 'store'), workDir: this.#dir, port: this.#port, auth: { user: 'engine', password: this.#password() },
    });
    this.#server = server;
    this.#port = server.port;
    this.#url = server.url;
    writeFileSync(join(this.#dir, 'url'), server.url, { mode: 0o600 });
    this.#opts.log.info('embedded nats-server ready', { url: redactNatsUrl(server.url), pid: server.pid, store: join(this.#dir, 'store') });
    void server.exited.then((exit) => {
      if (this.#stopping || this.#server !== server) return;
      this.#opts.log.error('embedded nats-server exited; restarting it on the same store and port', {
        code: exit.code, signal: exit.signal, stderr: exit.stderrTail.slice(-1000),
      });
      void this.#restart();
    });
  }

  async #restart(): Promise<void> {
    for (let attempt = 0; !this.#stopping; attempt++) {
      await sleep(RESTART_BACKOFF_MS[Math.min(attempt, RESTART_BACKOFF_MS.length - 1)]!);
      if (this.#stopping) return;
      try {
        await this.#launch();
        this.#restarts++;
        return;
      } catch (err) {
        this.#opts.log.error('embedded nats-server restart failed; retrying', { attempt, err: (err as Error).message });
      }
    }
  }

  /** Stops a running but stuck server and starts it again on the same store and port. */
  async restart(reason: string): Promise<void> {
    const server = this.#server;
    if (this.#stopping || !server?.isRunning()) return; // the exit handler restarts a dead one
    this.#opts.log.error('restarting the embedded nats-server', { reason, pid: server.pid });
    await server.stop(); // its exit handler launches the new one
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    await this.#server?.stop();
  }
}
