/**
 * `npm run profile -- doctor|flame|bubbleprof [--shoppers N] [--rate R] [--duration S] [--scenario NAME]`:
 * runs the engine under clinic.js (NO_INSIGHT=1, so it never waits on its telemetry
 * prompt) with a fresh data directory, drives it with the load generator, stops it
 * with SIGINT as Ctrl-C would, and prints where clinic wrote the HTML report.
 *
 * clinic is found at $CLINIC_BIN, in node_modules/.bin, or on PATH.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { humanSummary, parseLoadgenArgs, runLoad, SCENARIOS } from '../loadgen/index.js';
import { formatSummary, summarizeCpuProfile } from './lib/cpuprofile-summary.js';
import { ENGINE_MAIN, removeDataDir, startEngine } from './lib/engine-process.js';
import { loadSnapshot, provenance } from './lib/machine.js';

export const TOOLS = {
  doctor: 'CPU, event-loop delay, memory and handles over time, with a diagnosis',
  flame: 'where CPU time goes (0x flame graph of the main thread)',
  bubbleprof: 'where async time goes (async_hooks; slow: use a low rate)',
  cpuprof: 'no clinic needed: node --cpu-prof on every thread (shard workers too), summarised as text',
} as const;
type Tool = keyof typeof TOOLS;

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const USAGE = `Usage: npm run profile -- <${Object.keys(TOOLS).join('|')}> [--shoppers N] [--rate R] [--duration S] [--scenario ${Object.keys(SCENARIOS).join('|')}] [--dest DIR]

${Object.entries(TOOLS).map(([k, v]) => `  ${k.padEnd(11)} ${v}`).join('\n')}

Defaults: 1000 shoppers, 1000 events/s (200 for bubbleprof), 20 s, browse, reports under .clinic/.
clinic is not installed by default (npm install -g clinic, or npm install --no-save clinic);
it is looked up at $CLINIC_BIN, node_modules/.bin/clinic, then PATH. cpuprof needs nothing.
`;

export function findClinic(): string | undefined {
  const fromEnv = process.env['CLINIC_BIN'];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  const local = join(REPO, 'node_modules', '.bin', 'clinic');
  if (existsSync(local)) return local;
  const which = spawnSync('sh', ['-c', 'command -v clinic'], { encoding: 'utf8' });
  return which.stdout.trim() || undefined;
}

/** The engine process clinic started (its child whose command line runs bin/shop-brain.js). */
function enginePidUnder(parent: number): number | undefined {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent && readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('bin/shop-brain.js')) return Number(name);
    } catch {
      /* gone */
    }
  }
  return undefined;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2), allowPositionals: true, strict: true,
      options: { shoppers: { type: 'string' }, rate: { type: 'string' }, duration: { type: 'string' }, scenario: { type: 'string' }, dest: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    process.stderr.write(`profile: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const tool = positionals[0] as Tool | undefined;
  if (!tool || !Object.hasOwn(TOOLS, tool) || positionals.length > 1) {
    process.stderr.write(`profile: expected one tool, ${Object.keys(TOOLS).join(', ')}; got ${JSON.stringify(positionals)}\n\n${USAGE}`);
    return 2;
  }
  const clinic = tool === 'cpuprof' ? 'node --cpu-prof' : findClinic();
  if (!clinic) {
    process.stderr.write(`profile: clinic is not installed.\n\n${USAGE}`);
    return 2;
  }
  const loadArgs = ['--shoppers', values.shoppers ?? '1000', '--rate', values.rate ?? (tool === 'bubbleprof' ? '200' : '1000'),
    '--duration', values.duration ?? '20', '--scenario', values.scenario ?? 'browse', '--quiet'];
  // Validate the load flags before starting anything.
  try {
    parseLoadgenArgs(['--url', 'http://127.0.0.1:1', ...loadArgs]);
  } catch (err) {
    process.stderr.write(`profile: ${(err as Error).message}\n`);
    return 2;
  }
  const dest = resolve(values.dest ?? join(REPO, '.clinic'));
  const loadAtStart = loadSnapshot().loadavg;
  process.stderr.write(`profile ${tool}: starting the engine under ${clinic} (reports in ${dest}); load ${loadAtStart.join(' ')}\n`);
  const profDir = join(dest, `cpuprof-${Date.now()}`);
  if (tool === 'cpuprof') mkdirSync(profDir, { recursive: true });
  const engine = await startEngine({
    env: { NO_INSIGHT: '1' },
    command: tool === 'cpuprof'
      ? { file: process.execPath, args: ['--cpu-prof', `--cpu-prof-dir=${profDir}`, ENGINE_MAIN] }
      : { file: clinic, args: [tool, '--no-open', '--dest', dest, '--', process.execPath, ENGINE_MAIN] },
  });
  let out = '';
  let loadSummary = '';
  engine.child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  engine.child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  try {
    process.stderr.write(`engine ready at ${engine.url}; driving it: ${loadArgs.join(' ')}\n`);
    const opts = parseLoadgenArgs(['--url', engine.url, ...loadArgs])!;
    const result = await runLoad(opts, { onProgress: (line) => process.stderr.write(`  ${line}\n`) });
    loadSummary = humanSummary(result);
    process.stdout.write(`${loadSummary}\n`);
  } finally {
    // Ctrl-C as clinic expects it: SIGINT to the profiled process, which stops cleanly; clinic then analyses.
    const pid = tool === 'cpuprof' ? engine.child.pid : enginePidUnder(engine.child.pid!);
    if (pid !== undefined) process.kill(pid, 'SIGINT');
    else engine.child.kill('SIGINT');
    process.stderr.write('stopping the engine; clinic is analysing (this can take a minute) ...\n');
    await new Promise<void>((r) => (engine.child.exitCode !== null ? r() : engine.child.once('exit', () => r())));
    removeDataDir(engine.dataDir);
  }
  if (tool === 'cpuprof') {
    const files = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(profDir, f));
    // Busiest first: the main thread and the shards; idle piscina threads last.
    const summaries = files.map((f) => summarizeCpuProfile(f)).sort((a, b) => b.busyMs - a.busyMs);
    const text = summaries.map(formatSummary).join('\n\n');
    const p = provenance(process.argv.slice(2));
    const header = `npm run profile -- ${process.argv.slice(2).join(' ')}\n${p.date}, commit ${p.commit}${p.dirty.length ? ` (+${p.dirty.length} uncommitted paths)` : ''}, ${p.machine.cores} x ${p.machine.cpuModel}, load at start ${loadAtStart.join(' ')}\n`;
    writeFileSync(join(profDir, 'summary.txt'), `${header}${loadSummary}\n\n${text}\n`);
    process.stdout.write(`\n${text}\n\ncpuprof: ${files.length} profiles (open them in Chrome DevTools > Performance) and summary.txt in ${profDir}\n`);
    return files.length ? 0 : 1;
  }
  const all = engine.logTail(100_000) + out;
  const m = /(?:file:\/\/)?(\/[^\s]*\.clinic[^\s]*\.html)/.exec(all);
  if (!m) {
    process.stderr.write(`profile: clinic did not report an HTML file; its output:\n${out.slice(-3000)}\n`);
    return 1;
  }
  process.stdout.write(`\n${tool} report: ${m[1]}\n`);
  return 0;
}

main().then((code) => {
  process.exitCode = code;
}, (err: unknown) => {
  process.stderr.write(`profile failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exitCode = 1;
});
