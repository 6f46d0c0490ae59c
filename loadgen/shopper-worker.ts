/** Entry point of a loadgen worker thread: runs one LoadDriver on the coordinator's commands. */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { LoadDriver } from './driver.js';
import type { MainToWorker, WorkerInit, WorkerToMain } from './worker-protocol.js';

const TICK_MS = 1000;
const init = workerData as WorkerInit;
const port = parentPort!;
const post = (m: WorkerToMain) => port.postMessage(m);
const driver = new LoadDriver(init);

async function main(): Promise<void> {
  await driver.connect((connected, failed) => post({ type: 'connecting', connected, failed }));
  post({ type: 'ready', connected: driver.stats.connected, failed: driver.stats.connectFailed, connectMs: driver.stats.connectMs, errorsByCode: driver.errorsByCode });
  const start = await new Promise<Extract<MainToWorker, { type: 'start' }>>((resolve) => {
    port.on('message', (m: MainToWorker) => {
      if (m.type === 'start') resolve(m);
      else if (m.type === 'abort') {
        driver.close();
        process.exit(0);
      }
    });
  });
  const elu0 = performance.eventLoopUtilization();
  const ticker = setInterval(() => post({ type: 'tick', tick: driver.takeTick() }), TICK_MS);
  await driver.run(start.startAt, start.measureFrom, start.sendUntil);
  clearInterval(ticker);
  post({ type: 'tick', tick: driver.takeTick() });
  const elu = performance.eventLoopUtilization(elu0).utilization;
  let verify;
  if (!init.skipVerify) {
    await new Promise((r) => setTimeout(r, init.settleMs));
    verify = await driver.verify();
  }
  post({ type: 'result', result: driver.result(verify, elu) });
  driver.close();
}

main().catch((err: unknown) => {
  post({ type: 'fatal', message: String((err as Error)?.stack ?? err) });
  driver.close();
  process.exit(1);
});
