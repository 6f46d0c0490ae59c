/** Where and from what a benchmark ran: machine, commit, command, and how busy the box was. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, uptime } from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  uname: string;
  memoryGiB: number;
  node: string;
  natsServer: string;
}

export interface Provenance {
  date: string;
  commit: string;
  /** Uncommitted changes in the tree when the run started (paths, first 20). */
  dirty: string[];
  command: string;
  machine: MachineInfo;
}

function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

export function machineInfo(): MachineInfo {
  const c = cpus();
  return {
    cpuModel: c[0]?.model.trim() ?? 'unknown',
    cores: c.length,
    uname: run('uname', ['-srmo']),
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    natsServer: run('nats-server', ['--version']),
  };
}

export function provenance(argv: readonly string[]): Provenance {
  const dirty = run('git', ['status', '--porcelain']).split('\n').filter((l) => l.trim() !== '' && l !== 'unknown');
  return {
    date: new Date().toISOString(),
    commit: run('git', ['rev-parse', 'HEAD']),
    dirty: dirty.slice(0, 20).map((l) => l.slice(3)),
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    machine: machineInfo(),
  };
}

export interface LoadSnapshot {
  /** 1, 5 and 15 minute load averages. */
  loadavg: number[];
  /** Processes using CPU that are not this benchmark's (other engineers' builds and tests). */
  busy: Array<{ pid: number; cpu: number; command: string }>;
  uptimeS: number;
}

/** How loaded the box is right now, and by what; `mine` are pids to leave out. */
export function loadSnapshot(mine: readonly number[] = []): LoadSnapshot {
  const own = new Set([process.pid, ...mine]);
  const out = run('ps', ['-eo', 'pid=,pcpu=,args=', '--sort=-pcpu']);
  const busy = out.split('\n').slice(0, 12).map((l) => {
    const m = /^\s*(\d+)\s+([\d.]+)\s+(.*)$/.exec(l);
    return m ? { pid: Number(m[1]), cpu: Number(m[2]), command: m[3]!.slice(0, 120) } : undefined;
  }).filter((x): x is { pid: number; cpu: number; command: string } => x !== undefined && x.cpu >= 5 && !own.has(x.pid) && !x.command.startsWith('ps '));
  return { loadavg: loadavg().map((x) => Math.round(x * 100) / 100), busy, uptimeS: Math.round(uptime()) };
}

function cpuTimes(): { busy: number; total: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    const total = f.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/** Share of all cores busy (0..1) over `ms`, from /proc/stat; 0 where unavailable. */
export async function busyShare(ms = 2000): Promise<number> {
  const a = cpuTimes();
  await new Promise((r) => setTimeout(r, ms));
  const b = cpuTimes();
  const dt = b.total - a.total;
  return dt > 0 ? Math.round(((b.busy - a.busy) / dt) * 100) / 100 : 0;
}

export interface QuietWait {
  waitedS: number;
  /** Share of the machine busy (0..1) when the step started. */
  busy: number;
}

/**
 * Waits (up to maxWaitS) until other work on the machine uses less than
 * `threshold` of its cores, so a step starts on a box as quiet as it gets. Call it
 * when nothing of this benchmark is running. Never fails: it reports how busy it was.
 */
export async function waitForQuiet(maxWaitS = 90, threshold = 0.35): Promise<QuietWait> {
  const t0 = performance.now();
  let busy = await busyShare();
  while (busy >= threshold && performance.now() - t0 < maxWaitS * 1000) busy = await busyShare(3000);
  return { waitedS: Math.round((performance.now() - t0) / 1000), busy };
}
