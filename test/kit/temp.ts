import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A fresh temp directory, removed when the test process exits. */
export function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), `shop-${prefix}-`));
  made.push(d);
  return d;
}

process.on('exit', () => {
  if (process.env['KEEP_TEST_DIRS']) return;
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
