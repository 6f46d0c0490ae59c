/** Where and from what a benchmark ran: machine, commit, command, and how busy the box was. */
import { execFileSync } from 'node:child_process';
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
