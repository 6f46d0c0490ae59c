/**
 * CPU time of other processes (the engine, its nats-server) from /proc, so a
 * result can say how much of the 2 cores each side used. Linux only; elsewhere the
 * numbers are undefined.
 */
import { readFileSync } from 'node:fs';

const TICKS_PER_S = 100;

/** User + system CPU seconds a process has used (all threads), or undefined. */
export function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may contain spaces) start after the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICKS_PER_S;
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
