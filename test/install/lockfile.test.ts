/**
 * Install hygiene: `npm ci` (scripts/setup.mjs) installs exactly the lock, so the lock
 * must list what package.json asks for; install scripts run only where allowed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const REPO = new URL('../../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', REPO), 'utf8')) as Record<string, Record<string, string | boolean>>;
const lock = JSON.parse(readFileSync(new URL('package-lock.json', REPO), 'utf8')) as { lockfileVersion: number; packages: Record<string, { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; hasInstallScript?: boolean; dev?: boolean; optional?: boolean; os?: string[] }> };

describe('install - package-lock.json and install scripts', () => {
  it('install - the lock lists exactly package.json\'s dependencies (npm ci would refuse otherwise)', () => {
    const root = lock.packages[''];
    assert.ok(root, 'lock has a root entry');
    assert.ok(lock.lockfileVersion >= 3);
    assert.deepEqual(root.dependencies ?? {}, pkg['dependencies']);
    assert.deepEqual(root.devDependencies ?? {}, pkg['devDependencies']);
    for (const name of [...Object.keys(pkg['dependencies']!), ...Object.keys(pkg['devDependencies']!)]) {
      assert.ok(lock.packages[`node_modules/${name}`], `${name} is resolved in the lock`);
    }
  });

  it('install - every other platform\'s native binary is in the lock, so npm ci works off this machine too', () => {
    for (const prefix of ['@lmdb/lmdb-', '@msgpackr-extract/msgpackr-extract-', '@esbuild/']) {
      const platforms = Object.keys(lock.packages).filter((p) => p.startsWith(`node_modules/${prefix}`));
      for (const want of ['linux-x64', 'linux-arm64', 'darwin-arm64']) assert.ok(platforms.some((p) => p.endsWith(want)), `${prefix}${want} in the lock`);
    }
  });

  it('install - packages with install scripts are each allowed or denied on purpose (allowScripts)', () => {
    const allow = pkg['allowScripts'] as unknown as Record<string, boolean>;
    const withScripts = new Set(Object.entries(lock.packages).filter(([p, e]) => p && e.hasInstallScript).map(([p]) => p.slice(p.lastIndexOf('node_modules/') + 13)));
    for (const name of withScripts) assert.ok(name in allow, `${name} has an install script but no allowScripts decision`);
    assert.ok(!Object.keys(lock.packages).some((p) => p.endsWith('node_modules/clinic')), 'clinic stays out of the default install');
  });
});
