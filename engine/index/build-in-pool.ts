/**
 * Runs the index build (build-task.ts) in a piscina worker, so the main thread keeps
 * serving while a catalog is embedded and indexed (seconds for 10k items).
 */
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { checkBuildTask, deserializeError, type BuildIndexResult, type BuildIndexTask, type BuildTaskReply } from './build-messages.js';

/** The compiled task file; piscina loads it by URL, so it must be the .js beside this module. */
export const BUILD_TASK_URL = new URL('./build-task.js', import.meta.url);

export interface BuildPoolOptions {
  /** Threads of the pool created for this build. @default 1 */
  maxThreads?: number;
}

export interface BuildRunOptions {
  /** Aborts a queued or running build (the worker is terminated). */
  signal?: AbortSignal;
  /** Points added to the graph so far, from the worker. */
  onProgress?: (added: number, total: number) => void;
}

export const DEFAULT_BUILD_THREADS = 1;

/**
 * Builds an index in `pool` (a shared piscina pool; the task file is passed per
 * run, so the pool may serve other tasks too) or, given options, in a pool created
 * for this build and destroyed after it. Rejects with the worker's typed error
 * (`EngineError`, `CatalogError`, `RangeError`, `TypeError`).
 */
export async function buildIndexInPool(
  pool: Piscina | BuildPoolOptions,
  task: BuildIndexTask,
  options: BuildRunOptions = {},
): Promise<BuildIndexResult> {
  checkBuildTask(task);
  let own: Piscina | undefined;
  if (!(pool instanceof Piscina)) {
    if (typeof pool !== 'object' || pool === null) throw new TypeError('pool must be a Piscina instance or pool options');
    const maxThreads = pool.maxThreads ?? DEFAULT_BUILD_THREADS;
    if (!Number.isInteger(maxThreads) || maxThreads < 1) throw new RangeError(`maxThreads must be an integer >= 1, got ${String(maxThreads)}`);
    own = new Piscina({ filename: BUILD_TASK_URL.href, minThreads: 0, maxThreads });
  }
  const runner = own ?? (pool as Piscina);
  const channel = options.onProgress ? new MessageChannel() : undefined;
  channel?.port1.on('message', (m: { added: number; total: number }) => options.onProgress!(m.added, m.total));
  try {
    const withPort = channel ? { ...task, progressPort: channel.port2 } : task;
    const reply = (await runner.run(withPort, {
      filename: BUILD_TASK_URL.href,
      signal: options.signal ?? null,
      transferList: channel ? [channel.port2] : undefined,
    })) as BuildTaskReply;
    if (!reply.ok) throw deserializeError(reply.error);
    return reply.result;
  } finally {
    channel?.port1.close();
    await own?.destroy();
  }
}
