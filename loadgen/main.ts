/**
 * `npm run loadgen -- --url URL --shoppers N --rate R --duration S [--scenario NAME] [--json]`:
 * virtual shoppers over real WebSockets, or over gRPC with --protocol grpc. Prints a progress line on stderr, the
 * summary on stdout and, with --json, one JSON object as the last line.
 * Exit codes: 0 done (or replay skipped for want of data), 1 the run failed, 2 bad flags.
 */
import { parseLoadgenArgs, USAGE } from './args.js';
import { findSessionsFile, SESSIONS_FILE } from './behaviour/replay.js';
import { runLoad } from './coordinator.js';
import { LoadgenError } from './errors.js';
import { humanSummary, jsonSummary } from './report.js';

async function main(): Promise<number> {
  let opts;
  try {
    opts = parseLoadgenArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof LoadgenError) {
      process.stderr.write(`loadgen: ${err.message} [${err.code}]\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  if (!opts) {
    process.stdout.write(USAGE);
    return 0;
  }
  const tty = process.stderr.isTTY === true;
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  let lastLine = 0;
  if (opts.scenario === 'replay' && !findSessionsFile(opts.dataDir)) {
    // No data set here (e.g. a fresh clone without ../shared/data): skip, do not fail the pipeline.
    const reason = `no ${SESSIONS_FILE} under ${opts.dataDir}; pass --data DIR`;
    process.stderr.write(`loadgen: replay skipped: ${reason} [E_NO_DATA]\n`);
    if (opts.json) process.stdout.write(`${JSON.stringify({ skipped: 'replay', reason })}\n`);
    return 0;
  }
  const result = await runLoad(opts, {
    signal: abort.signal,
    onProgress: (line, point) => {
      if (opts.quiet) return;
      if (tty) {
        process.stderr.write(`\r\x1b[2K${line}`);
        if (!point) process.stderr.write('\n');
      } else if (!point || Date.now() - lastLine >= 5000) {
        // Not a terminal (CI, a file): a line every 5 s instead of a redrawn one.
        lastLine = Date.now();
        process.stderr.write(`${line}\n`);
      }
    },
  });
  if (tty && !opts.quiet) process.stderr.write('\n');
  process.stdout.write(`${humanSummary(result)}\n`);
  if (opts.json) process.stdout.write(`${JSON.stringify(jsonSummary(result))}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof LoadgenError) process.stderr.write(`\nloadgen: ${err.message} [${err.code}]\n`);
    else process.stderr.write(`\nloadgen failed: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
