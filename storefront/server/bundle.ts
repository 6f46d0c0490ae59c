/**
 * The browser bundle: storefront/client/*.ts and styles.css bundled and minified
 * by esbuild in memory, once per process. Where esbuild is not installed (a
 * production install without devDependencies), the files written by
 * `node dist/storefront/build.js` are used instead; the caller logs which.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ClientBundle {
  js: Buffer;
  css: Buffer;
  /** Where the bundle came from: built now from the sources, or read from a prebuilt folder. */
  source: 'esbuild' | 'prebuilt';
  from: string;
  ms: number;
}

export class StorefrontBuildError extends Error {
  readonly code = 'E_STOREFRONT_BUILD';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorefrontBuildError';
  }
}

/** Browsers the bundle targets: evergreen ones from 2022 on. */
export const BROWSER_TARGETS = ['chrome100', 'firefox100', 'safari15.4', 'edge100'];

/** storefront/client: beside this file when run from source, two levels up when compiled into dist/. */
export function clientSourceDir(): string | undefined {
  const candidates = [new URL('../client/', import.meta.url), new URL('../../../storefront/client/', import.meta.url)];
  for (const c of candidates) {
    const dir = fileURLToPath(c);
    if (existsSync(join(dir, 'main.ts'))) return dir;
  }
  return undefined;
}

/** Where `build.ts` writes (and the server reads) a prebuilt bundle: dist/storefront/public. */
export function prebuiltDir(): string {
  return fileURLToPath(new URL('../public/', import.meta.url));
}

export interface EsbuildLike {
  buildSync(opts: Record<string, unknown>): { outputFiles?: Array<{ path: string; contents: Uint8Array }>; warnings: unknown[] };
  /** Ends esbuild's helper worker thread and its service process. */
  stop?(): unknown;
}

function loadEsbuild(): EsbuildLike | undefined {
  // Without this, buildSync runs through a worker thread whose `esbuild --service` child
  // outlives the build (the engine runs for days); with it, each build is one short child process.
  const before = process.env['ESBUILD_WORKER_THREADS'];
  process.env['ESBUILD_WORKER_THREADS'] = '0';
  try {
    return createRequire(import.meta.url)('esbuild') as EsbuildLike;
  } catch {
    return undefined;
  } finally {
    if (before === undefined) delete process.env['ESBUILD_WORKER_THREADS'];
    else process.env['ESBUILD_WORKER_THREADS'] = before;
  }
}

export function bundleWithEsbuild(esbuild: EsbuildLike, dir: string): { js: Buffer; css: Buffer } {
  let out;
  try {
    out = esbuild.buildSync({
      entryPoints: [{ in: join(dir, 'main.ts'), out: 'app' }, { in: join(dir, 'styles.css'), out: 'styles' }],
      tsconfig: join(dir, 'tsconfig.json'),
      bundle: true,
      minify: true,
      format: 'esm',
      target: BROWSER_TARGETS,
      charset: 'utf8',
      legalComments: 'none',
      write: false,
      outdir: '/storefront-bundle',
      logLevel: 'silent',
    });
  } catch (err) {
    throw new StorefrontBuildError(`esbuild could not bundle ${dir}: ${(err as Error).message}`, { cause: err });
  } finally {
    // If esbuild was loaded elsewhere with its worker thread, end that thread and its service.
    void esbuild.stop?.();
  }
  const file = (name: string) => {
    const f = out.outputFiles?.find((o) => o.path.endsWith(`/${name}`));
    if (!f) throw new StorefrontBuildError(`esbuild produced no ${name}`);
    return Buffer.from(f.contents);
  };
  return { js: file('app.js'), css: file('styles.css') };
}

export interface LoadOptions {
  /** Test seams: where to look, and which esbuild to use (null = none installed). */
  sourceDir?: string | null;
  esbuild?: EsbuildLike | null;
  prebuilt?: string;
}

/** Bundles from source when it can, else reads the prebuilt files; throws StorefrontBuildError when neither works. */
export function loadClientBundle(opts: LoadOptions = {}): ClientBundle {
  const t0 = performance.now();
  const dir = opts.sourceDir === undefined ? clientSourceDir() : opts.sourceDir ?? undefined;
  const esbuild = opts.esbuild === undefined ? loadEsbuild() : opts.esbuild ?? undefined;
  if (dir && esbuild) {
    const b = bundleWithEsbuild(esbuild, dir);
    return { ...b, source: 'esbuild', from: dir, ms: performance.now() - t0 };
  }
  const pre = opts.prebuilt ?? prebuiltDir();
  const js = join(pre, 'app.js');
  const css = join(pre, 'styles.css');
  if (existsSync(js) && existsSync(css)) {
    return { js: readFileSync(js), css: readFileSync(css), source: 'prebuilt', from: pre, ms: performance.now() - t0 };
  }
  const missing = [!dir && 'the client sources (storefront/client)', !esbuild && 'esbuild (a devDependency)'].filter(Boolean).join(' and ');
  throw new StorefrontBuildError(
    `cannot prepare the storefront bundle: ${missing} not found, and no prebuilt bundle in ${pre}. ` +
      'Run `node dist/storefront/build.js` where esbuild is installed, or install devDependencies.',
  );
}
