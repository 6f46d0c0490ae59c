/**
 * `npm run eval:import -- [--file F] [--as-of 2011-12-10] [--json]`: the whole
 * history path on real data. Starts an engine (embedded nats-server, a temporary
 * DATA_DIR), imports the UCI Online Retail file with `import:orders`, waits for the
 * analytics consumer, and compares its RFM segments, cohort table and ABC classes as
 * of `--as-of` with an independent computation of the same definitions
 * (test/kit/analytics-reference.ts, which shares no code with the engine). Writes
 * benchmarks/results/import-online-retail-<date>.{md,json}.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { machineInfo } from '../../benchmarks/lib/machine.js';
import { benchDataDir, removeDataDir, startEngine } from '../../benchmarks/lib/engine-process.js';
import { referenceAbc, referenceCohorts, referenceRetailLines, referenceRfm } from '../../test/kit/analytics-reference.js';

const KEY = 'import-check-key-0123456789abcdef';
const IMPORTER = fileURLToPath(new URL('../../bin/import-orders.js', import.meta.url));

async function admin(url: string, path: string): Promise<any> {
  const r = await fetch(`${url}${path}`, { headers: { 'x-api-key': KEY } });
  if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { file: { type: 'string', default: '../shared/data/online_retail/online_retail.csv.gz' }, 'as-of': { type: 'string', default: '2011-12-10' }, json: { type: 'boolean', default: false } } });
  const asOf = Date.parse(`${values['as-of']}T00:00:00Z`);
  const dataDir = benchDataDir('import');
  const engine = await startEngine({ dataDir, env: { API_KEY: KEY, DEMO_CATALOG_SIZE: '1000' } });
  try {
    const t0 = performance.now();
    const out = execFileSync(process.execPath, [IMPORTER, '--file', values.file, '--engine', engine.url, '--api-key', KEY, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const imported = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, unknown>;
    const importS = (performance.now() - t0) / 1000;
    // The analytics consumer has folded everything once it has no lag left.
    for (;;) {
      const m = await (await fetch(`${engine.url}/metrics`)).text();
      if (/^shop_analytics_lag_events 0$/m.test(m)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const foldedS = (performance.now() - t0) / 1000;
    const day = values['as-of'];
    const [rfm, cohorts, abc] = await Promise.all([admin(engine.url, `/api/admin/rfm?asOf=${day}`), admin(engine.url, `/api/admin/cohorts?asOf=${day}`), admin(engine.url, `/api/admin/abc?asOf=${day}`)]);

    const lines = referenceRetailLines(values.file);
    const refRfm = referenceRfm(lines, asOf);
    const refCohorts = referenceCohorts(lines, asOf);
    const refAbc = { A: 0, B: 0, C: 0 };
    for (const c of referenceAbc(lines, asOf).values()) refAbc[c]++;

    const segments = Object.keys(refRfm.segments);
    const rfmMatch = rfm.customers === refRfm.customers && segments.every((s) => (rfm.segments[s] ?? 0) === refRfm.segments[s]);
    const cohortMatch = cohorts.cohorts.length === refCohorts.length && refCohorts.every((c, i) => {
      const e = cohorts.cohorts[i];
      return e.cohort === c.cohort && e.size === c.size && c.active.every((a, k) => e.active[k] === a);
    });
    const abcMatch = (['A', 'B', 'C'] as const).every((k) => abc.classes[k] === refAbc[k]);
    const m = machineInfo();
    const md = [
      `# Online Retail through the engine: import, then RFM / cohorts / ABC as of ${day}`,
      '',
      `- command: \`npm run eval:import -- --file ${values.file}\``,
      `- machine: ${m.cpuModel}, ${m.cores} cores, node ${process.version}; engine with embedded nats-server, this process beside it`,
      `- import: ${JSON.stringify(imported['counts'])}; products ${JSON.stringify(imported['products'])}; lines ${JSON.stringify(imported['lines'])}`,
      `- import took ${importS.toFixed(1)} s; folded by the analytics consumer after ${foldedS.toFixed(1)} s`,
      '',
      '| segment | engine | reference |',
      '| --- | --- | --- |',
      ...segments.map((s) => `| ${s} | ${rfm.segments[s] ?? 0} | ${refRfm.segments[s]} |`),
      `| customers | ${rfm.customers} | ${refRfm.customers} |`,
      '',
      `ABC: engine A ${abc.classes.A} / B ${abc.classes.B} / C ${abc.classes.C}; reference A ${refAbc.A} / B ${refAbc.B} / C ${refAbc.C}`,
      '',
      `Cohorts: ${cohorts.cohorts.length} in the engine, ${refCohorts.length} in the reference; sizes and monthly active counts ${cohortMatch ? 'equal' : 'DIFFER'}.`,
      '',
      `Result: RFM ${rfmMatch ? 'exact' : 'MISMATCH'}, cohorts ${cohortMatch ? 'exact' : 'MISMATCH'}, ABC ${abcMatch ? 'exact' : 'MISMATCH'}.`,
      '',
    ].join('\n');
    process.stdout.write(md);
    const json = { asOf: day, imported, importSeconds: importS, foldedSeconds: foldedS, rfm: { engine: rfm, reference: refRfm.segments }, abc: { engine: abc.classes, reference: refAbc }, cohortMatch, rfmMatch, abcMatch };
    const dir = fileURLToPath(new URL('../../../benchmarks/results/', import.meta.url));
    mkdirSync(dir, { recursive: true });
    const stamp = new Date().toISOString().slice(0, 10);
    writeFileSync(`${dir}import-online-retail-${stamp}.md`, md);
    writeFileSync(`${dir}import-online-retail-${stamp}.json`, JSON.stringify(json, null, 2));
    if (values.json) process.stdout.write(`${JSON.stringify({ rfmMatch, cohortMatch, abcMatch, importSeconds: importS })}\n`);
    if (!rfmMatch || !cohortMatch || !abcMatch) process.exitCode = 1;
  } finally {
    await engine.stop();
    removeDataDir(dataDir);
  }
}

void main();
