// `npm test`: runs every compiled test file with node's test runner (pretest built them).
// `npm test -- crash grpc` runs only the files whose path contains one of the words.
// Tests start real nats-server / LMDB / sockets, so they run one file at a time.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.js')) files.push(p);
  }
})('dist/test');
const filter = process.argv.slice(2);
const selected = filter.length ? files.filter((f) => filter.some((x) => f.includes(x))) : files;
if (selected.length === 0) {
  // node --test with no files would run everything it can find instead.
  console.error(`no test file matches ${filter.join(', ')}`);
  process.exit(2);
}
// A hung test fails after 10 minutes instead of holding CI until its limit.
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-timeout=600000', '--test-reporter=spec', ...selected.sort()], { stdio: 'inherit' });
process.exit(r.status ?? 1);
