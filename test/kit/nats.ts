/** Starts a real nats-server with JetStream on a free port and a temp store (the engine's launcher); cleans up after. */
import { join } from 'node:path';
import { launchNatsServer } from '../../engine/log/index.js';
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
  const dir = tempDir('nats');
  const storeDir = join(dir, 'store');
  const server = await launchNatsServer({ storeDir, workDir: dir });
  return { url: server.url, port: server.port, storeDir, pid: server.pid, stop: () => server.stop() };
}
