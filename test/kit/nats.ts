/** Starts a real nats-server with JetStream on a free port and a temp store; cleans up after. */
import { spawn, type ChildProcess } from 'node:child_process';
import { findNatsServer, NATS_INSTALL_HINT } from '../../engine/log/index.js';
import { tempDir } from './temp.js';

export interface TestNats {
  url: string;
  port: number;
  storeDir: string;
  /** The nats-server process: tests SIGSTOP/SIGCONT it to stall the log. */
  pid: number;
  stop(): Promise<void>;
}

export async function startNats(): Promise<TestNats> {
  const bin = findNatsServer();
  if (!bin) throw new Error(NATS_INSTALL_HINT);
  const storeDir = tempDir('nats');
  const child: ChildProcess = spawn(bin, ['-js', '-sd', storeDir, '-a', '127.0.0.1', '-p', '-1'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const port = await new Promise<number>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`nats-server did not start: ${log}`)), 10_000);
    child.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      const m = /Listening for client connections on [^\s]*:(\d+)/.exec(log);
      if (m && /Server is ready/.test(log)) {
        clearTimeout(t);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`nats-server exited ${code}: ${log}`)));
  });
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGCONT'); // a stopped server would never handle the SIGTERM
      child.kill('SIGTERM');
      await exited;
    },
  };
}
