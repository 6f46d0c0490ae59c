/**
 * The storefront: the shopper's web pages, served by the engine's gateway.
 * `mountStorefront(app)` registers the page routes of contract v1 and the static
 * files on a uWebSockets.js app; the pages talk to the engine only through its
 * public HTTP API and WebSocket.
 */
import type { TemplatedApp } from 'uWebSockets.js';
/** What the storefront logs through (the engine's logger fits; the storefront imports nothing of the engine). */
export interface StorefrontLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Without a logger: one JSON line per message on stderr. */
const stderrLogger: StorefrontLogger = {
  info: (msg, fields) => process.stderr.write(`${JSON.stringify({ level: 'info', component: 'storefront', msg, ...fields })}\n`),
  error: (msg, fields) => process.stderr.write(`${JSON.stringify({ level: 'error', component: 'storefront', msg, ...fields, err: String((fields?.['err'] as Error | undefined)?.message ?? fields?.['err'] ?? '') })}\n`),
};
import { buildAssetTable, unavailableTable, type AssetTable } from './server/assets.js';
import { loadClientBundle } from './server/bundle.js';
import { mountRoutes } from './server/routes.js';

export { PAGE_ROUTES } from './server/routes.js';
export type { AssetTable } from './server/assets.js';

export interface StorefrontOptions {
  /** @default JSON lines on stderr */
  log?: StorefrontLogger;
}

let prepared: AssetTable | undefined;

/** Bundles, hashes and compresses the static files once per process; later mounts reuse them. */
export function prepareStorefront(log: StorefrontLogger): AssetTable {
  if (prepared) return prepared;
  try {
    const bundle = loadClientBundle();
    prepared = buildAssetTable(bundle);
    const js = prepared.files.get(prepared.urls.js)!.body;
    const css = prepared.files.get(prepared.urls.css)!.body;
    log.info('storefront assets ready', {
      source: bundle.source, from: bundle.from, bundleMs: Math.round(bundle.ms),
      jsBytes: js.identity.length, jsBrBytes: js.br?.length, cssBytes: css.identity.length, cssBrBytes: css.br?.length,
    });
  } catch (err) {
    // Serve an explanation on every page instead of stopping the engine's API.
    log.error('storefront unavailable: its bundle could not be prepared', { err });
    prepared = unavailableTable((err as Error).message);
  }
  return prepared;
}

export function mountStorefront(app: TemplatedApp, opts: StorefrontOptions = {}): void {
  const log = opts.log ?? stderrLogger;
  mountRoutes(app, prepareStorefront(log));
}
