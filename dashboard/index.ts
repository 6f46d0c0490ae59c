/**
 * The operator dashboard at /admin: one page (login with the API key, then live
 * panels over /admin/ws and the admin HTTP API), served from hashed, compressed
 * assets like the storefront's. Mounted beside the storefront by bin/shop-brain.ts;
 * it talks to the engine only through its public operator API.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HttpResponse, TemplatedApp } from 'uWebSockets.js';
import { IMMUTABLE, makeAsset, REVALIDATE, SHELL_CSP, type StaticAsset } from '../storefront/server/assets.js';
import { loadClientBundle } from '../storefront/server/bundle.js';
import { sendAsset } from '../storefront/server/routes.js';
import { renderDashboardShell } from './server/shell.js';

export interface DashboardLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** dashboard/client: beside this file from source, two levels up when compiled into dist/. */
export function dashboardSourceDir(): string | undefined {
  for (const c of [new URL('./client/', import.meta.url), new URL('../../dashboard/client/', import.meta.url)]) {
    const dir = fileURLToPath(c);
    if (existsSync(join(dir, 'main.ts'))) return dir;
  }
  return undefined;
}

/** Where `dashboard/build.ts` writes a prebuilt bundle: dist/dashboard/public. */
export const dashboardPrebuiltDir = (): string => fileURLToPath(new URL('./public/', import.meta.url));

const HTML_HEADERS: StaticAsset['headers'] = [
  ['content-security-policy', SHELL_CSP],
  ['referrer-policy', 'same-origin'],
  ['x-frame-options', 'DENY'],
  // Operator pages are never cached by shared caches.
  ['x-robots-tag', 'noindex'],
];

interface DashboardAssets {
  shell: StaticAsset;
  files: Map<string, StaticAsset>;
}

let prepared: DashboardAssets | undefined;

function prepare(log: DashboardLogger): DashboardAssets {
  if (prepared) return prepared;
  try {
    const bundle = loadClientBundle({ sourceDir: dashboardSourceDir() ?? null, prebuilt: dashboardPrebuiltDir() });
    const files = new Map<string, StaticAsset>();
    const add = (name: string, ext: string, body: Buffer, type: string) => {
      const asset = makeAsset(body, type, IMMUTABLE);
      const path = `/admin/assets/${name}.${asset.hash.slice(0, 10)}.${ext}`;
      files.set(path, asset);
      return path;
    };
    const js = add('dashboard', 'js', bundle.js, 'text/javascript; charset=utf-8');
    const css = add('dashboard', 'css', bundle.css, 'text/css; charset=utf-8');
    prepared = { shell: makeAsset(renderDashboardShell({ js, css }), 'text/html; charset=utf-8', REVALIDATE, HTML_HEADERS), files };
    log.info('dashboard assets ready', { source: bundle.source, jsBytes: bundle.js.length, cssBytes: bundle.css.length, bundleMs: Math.round(bundle.ms) });
  } catch (err) {
    log.error('dashboard unavailable: its bundle could not be prepared', { err });
    const text = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dashboard unavailable</title></head><body><h1>The dashboard is unavailable</h1><p>Its files could not be prepared on this server: ${String((err as Error).message).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</p></body></html>`;
    prepared = { shell: makeAsset(text, 'text/html; charset=utf-8', 'no-store', HTML_HEADERS), files: new Map() };
  }
  return prepared;
}

function notFound(res: HttpResponse): void {
  res.cork(() => res.writeStatus('404 Not Found').writeHeader('content-type', 'text/plain; charset=utf-8').writeHeader('cache-control', 'no-store').end('not found\n'));
}

export function mountDashboard(app: TemplatedApp, opts: { log: DashboardLogger }): void {
  const a = prepare(opts.log);
  const page = (res: HttpResponse, req: Parameters<typeof sendAsset>[1]) => sendAsset(res, req, a.shell, a.files.size ? '200 OK' : '503 Service Unavailable');
  app.get('/admin', page);
  app.get('/admin/', page);
  app.get('/admin/assets/*', (res, req) => {
    const f = a.files.get(req.getUrl());
    if (f) sendAsset(res, req, f);
    else notFound(res);
  });
}
