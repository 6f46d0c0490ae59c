import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadClientBundle, StorefrontBuildError } from '../../storefront/server/bundle.js';
import { tempDir } from '../kit/index.js';

describe('storefront - where the browser bundle comes from', () => {
  it('storefront - with esbuild and the sources, the bundle is built in memory', () => {
    const b = loadClientBundle();
    assert.equal(b.source, 'esbuild');
    assert.ok(b.js.length > 1000 && b.css.length > 1000);
  });

  it('storefront - without esbuild, the files written by build.js are served', () => {
    const out = tempDir('sf-prebuilt');
    execFileSync(process.execPath, [fileURLToPath(new URL('../../storefront/build.js', import.meta.url)), out]);
    const pre = loadClientBundle({ esbuild: null, prebuilt: out });
    assert.equal(pre.source, 'prebuilt');
    assert.equal(pre.from, out);
    assert.deepEqual(pre.js, loadClientBundle().js, 'the prebuilt bundle is the same as the in-memory one');
  });

  it('storefront - with neither, a typed error says what to run', () => {
    assert.throws(() => loadClientBundle({ esbuild: null, prebuilt: tempDir('sf-empty') }), (e: unknown) =>
      e instanceof StorefrontBuildError && e.code === 'E_STOREFRONT_BUILD' && /esbuild .*not found/.test(e.message) && /node dist\/storefront\/build\.js/.test(e.message));
  });
});
