/**
 * `node dist/storefront/build.js [outDir]`: bundles the browser code ahead of time
 * into dist/storefront/public (app.js, styles.css), for servers installed without
 * devDependencies (no esbuild at run time). The engine then serves these files;
 * its start-up log says which source it used.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { bundleWithEsbuild, clientSourceDir, prebuiltDir, type EsbuildLike } from './server/bundle.js';

function main(): void {
  const out = resolve(process.argv[2] ?? prebuiltDir());
  const src = clientSourceDir();
  if (!src) throw new Error('storefront/client not found next to this build');
  const esbuild = createRequire(import.meta.url)('esbuild') as EsbuildLike;
  const t0 = performance.now();
  const { js, css } = bundleWithEsbuild(esbuild, src);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'app.js'), js);
  writeFileSync(join(out, 'styles.css'), css);
  process.stdout.write(`storefront bundle: ${join(out, 'app.js')} ${js.length} B, ${join(out, 'styles.css')} ${css.length} B in ${Math.round(performance.now() - t0)} ms\n`);
}

main();
