/**
 * `node dist/dashboard/build.js [outDir]`: bundles the dashboard's browser code ahead of
 * time into dist/dashboard/public (app.js, styles.css), for installs without esbuild.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { bundleWithEsbuild, type EsbuildLike } from '../storefront/server/bundle.js';
import { dashboardPrebuiltDir, dashboardSourceDir } from './index.js';

const out = resolve(process.argv[2] ?? dashboardPrebuiltDir());
const src = dashboardSourceDir();
if (!src) throw new Error('dashboard/client not found next to this build');
const t0 = performance.now();
const { js, css } = bundleWithEsbuild(createRequire(import.meta.url)('esbuild') as EsbuildLike, src);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'app.js'), js);
writeFileSync(join(out, 'styles.css'), css);
process.stdout.write(`dashboard bundle: ${join(out, 'app.js')} ${js.length} B, ${join(out, 'styles.css')} ${css.length} B in ${Math.round(performance.now() - t0)} ms\n`);
