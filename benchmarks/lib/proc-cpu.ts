/**
 * CPU time of other processes (the engine, its nats-server) from /proc, so a
 * result can say how much of the 2 cores each side used. Linux only; elsewhere the
 * numbers are undefined.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_S = 100;

/** User + system CPU seconds from a /proc stat file (a process's or one thread's). */
function statCpuSeconds(path: string): number {
  const stat = readFileSync(path, 'utf8');
  // Fields after the command (which may contain spaces) start after the last ')'.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / TICKS_PER_S;
}

/** User + system CPU seconds a process has used (all threads), or undefined. */
export function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    return statCpuSeconds(`/proc/${pid}/stat`);
  } catch {
    return undefined;
  }
}

/** Measures CPU use of some processes between start() and stop(), as cores (1.0 = one core busy). */
export class CpuMeter {
  readonly #pids: Record<string, number | undefined>;
  #t0 = 0;
  #c0: Record<string, number | undefined> = {};

  constructor(pids: Record<string, number | undefined>) {
    this.#pids = pids;
  }

  start(): void {
    this.#t0 = performance.now();
    for (const [k, pid] of Object.entries(this.#pids)) this.#c0[k] = cpuSeconds(pid);
  }

  stop(): Record<string, number | null> {
    const dt = (performance.now() - this.#t0) / 1000;
    const out: Record<string, number | null> = {};
    for (const [k, pid] of Object.entries(this.#pids)) {
      const a = this.#c0[k];
      const b = cpuSeconds(pid);
      out[k] = a === undefined || b === undefined || dt <= 0 ? null : Math.round(((b - a) / dt) * 100) / 100;
    }
    return out;
  }
}

/** CPU seconds per thread of a process (thread id -> seconds), from /proc/<pid>/task. */
export function threadCpuSeconds(pid: number | undefined): Map<number, number> {
  const out = new Map<number, number>();
  if (pid === undefined) return out;
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) out.set(Number(tid), statCpuSeconds(`/proc/${pid}/task/${tid}/stat`));
  } catch {
    /* the process or a thread ended */
  }
  return out;
}

/**
 * Where a process's CPU went between start() and stop(), as cores: its main thread
 * (the engine's gateway and gRPC server) and its busiest other threads (shard
 * workers first, then libuv/GC helpers), so a result separates front door from shards.
 */
export class ThreadCpuMeter {
  readonly #pid: number | undefined;
  #t0 = 0;
  #c0 = new Map<number, number>();

  constructor(pid: number | undefined) {
    this.#pid = pid;
  }

  start(): void {
    this.#t0 = performance.now();
    this.#c0 = threadCpuSeconds(this.#pid);
  }

  /** `{ main, threads: [busiest first], rest }` in cores, or undefined off Linux. */
  stop(top = 2): { main: number; threads: number[]; rest: number } | undefined {
    const dt = (performance.now() - this.#t0) / 1000;
    const now = threadCpuSeconds(this.#pid);
    if (now.size === 0 || dt <= 0 || this.#pid === undefined) return undefined;
    const cores = (tid: number) => Math.max(0, (now.get(tid)! - (this.#c0.get(tid) ?? 0)) / dt);
    const r2 = (x: number) => Math.round(x * 100) / 100;
    const others = [...now.keys()].filter((t) => t !== this.#pid).map(cores).sort((a, b) => b - a);
    return { main: r2(cores(this.#pid)), threads: others.slice(0, top).map(r2), rest: r2(others.slice(top).reduce((a, b) => a + b, 0)) };
  }
}
