/**
 * `npm run bench:report -- FILE.json ...`: writes FILE.html beside each results file
 * (bench runs, eval:intent, eval:clv results), charts instead of tables. `npm run
 * bench` writes its own report; this redraws older files or eval results.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderReport, reportFor } from './index.js';

function main(files: string[]): number {
  if (files.length === 0) {
    process.stderr.write('Usage: npm run bench:report -- benchmarks/results/FILE.json [...]\n');
    return 2;
  }
  let failed = 0;
  for (const f of files) {
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>;
    } catch (err) {
      process.stderr.write(`${f}: cannot read JSON: ${(err as Error).message}\n`);
      failed++;
      continue;
    }
    const report = reportFor(json);
    if (!report) {
      process.stderr.write(`${f}: not a results file this knows (bench, intent, clv)\n`);
      failed++;
      continue;
    }
    const out = f.replace(/\.json$/, '') + '.html';
    writeFileSync(out, renderReport(report));
    process.stdout.write(`${out}\n`);
  }
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
