import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// The browser code is excluded from the root tsconfig (it needs the DOM lib) and
// esbuild does not type-check: this keeps it under the same strict rules.
describe('storefront - browser code', () => {
  it('storefront - storefront/client type-checks under its strict tsconfig', () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const project = fileURLToPath(new URL('../../../storefront/client/tsconfig.json', import.meta.url));
    const r = spawnSync(process.execPath, [tsc, '-p', project, '--noEmit'], { encoding: 'utf8' });
    assert.equal(r.status, 0, `tsc reported:\n${r.stdout}${r.stderr}`);
  });
});
