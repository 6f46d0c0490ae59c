/**
 * Text summary of V8 .cpuprofile files (node --cpu-prof writes one per thread, shard
 * workers included, which clinic flame does not show): self time per function and
 * per package, so a profile can be read in a terminal or quoted in a report.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  file: string;
  /** Thread name guessed from the profile (main, or the worker's busiest module). */
  thread: string;
  totalMs: number;
  /** Not idle: everything but "(idle)". */
  busyMs: number;
  topFunctions: Array<{ name: string; where: string; selfMs: number; share: number }>;
  byPackage: Array<{ name: string; selfMs: number; share: number }>;
}

/** Where a frame lives: an npm package, node internals, V8 pseudo-frames, or a project file. */
function packageOf(url: string, fn: string): string {
  if (url === '') return fn.startsWith('(') ? fn : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  if (url.startsWith('node:')) return 'node internals';
  const dist = /\/dist\/([^/]+\/[^/]+)/.exec(url);
  return dist ? dist[1]! : url;
}

export function summarizeCpuProfile(file: string, top = 15): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const self = new Map<number, number>();
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  // Self time: each sample's interval is charged to the node it landed in.
  for (let i = 0; i < samples.length; i++) self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000);
  const byFn = new Map<string, { name: string; where: string; selfMs: number }>();
  const byPkg = new Map<string, number>();
  let total = 0;
  let idle = 0;
  let engineFiles = new Map<string, number>();
  for (const n of p.nodes) {
    const ms = self.get(n.id) ?? 0;
    if (ms === 0) continue;
    total += ms;
    const f = n.callFrame;
    if (f.functionName === '(idle)') idle += ms;
    const where = f.url ? `${f.url.replace(/^file:\/\/.*?\/dist\//, 'dist/').replace(/^.*node_modules\//, '')}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName}@${where}`;
    const e = byFn.get(key) ?? { name: f.functionName || '(anonymous)', where, selfMs: 0 };
    e.selfMs += ms;
    byFn.set(key, e);
    const pkg = packageOf(f.url, f.functionName);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + ms);
    if (/dist\/engine\/(runtime|gateway)\//.test(f.url)) engineFiles.set(basename(f.url), (engineFiles.get(basename(f.url)) ?? 0) + ms);
  }
  const busy = total - idle;
  const share = (ms: number) => Math.round((ms / Math.max(1, busy)) * 1000) / 10;
  const round = (ms: number) => Math.round(ms);
  const thread = engineFiles.size ? [...engineFiles].sort((a, b) => b[1] - a[1])[0]![0].replace(/\.js$/, '') : 'unknown';
  engineFiles = new Map();
  return {
    file,
    thread,
    totalMs: round(total),
    busyMs: round(busy),
    topFunctions: [...byFn.values()].filter((f) => f.name !== '(idle)').sort((a, b) => b.selfMs - a.selfMs).slice(0, top)
      .map((f) => ({ ...f, selfMs: round(f.selfMs), share: share(f.selfMs) })),
    byPackage: [...byPkg].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, top)
      .map(([name, ms]) => ({ name, selfMs: round(ms), share: share(ms) })),
  };
}

export function formatSummary(s: ProfileSummary): string {
  const lines = [
    `${basename(s.file)} (busiest engine module: ${s.thread}): ${(s.busyMs / 1000).toFixed(1)} s busy of ${(s.totalMs / 1000).toFixed(1)} s sampled`,
    '  self time by package / module:',
    ...s.byPackage.map((p) => `    ${String(p.share).padStart(5)}%  ${String(p.selfMs).padStart(7)} ms  ${p.name}`),
    '  top functions (self time):',
    ...s.topFunctions.map((f) => `    ${String(f.share).padStart(5)}%  ${String(f.selfMs).padStart(7)} ms  ${f.name}  ${f.where}`),
  ];
  return lines.join('\n');
}
