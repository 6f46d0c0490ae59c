/**
 * uWS routes for the storefront: the shell for every page route, hashed assets,
 * category pictures, and a 404 shell for any other GET. The engine's /api/*,
 * /ws, /health and /metrics are more specific and keep priority.
 */
import type { HttpRequest, HttpResponse, TemplatedApp } from 'uWebSockets.js';
import { pickEncoding } from './compress.js';
import { etagOf, notModified, type AssetTable, type StaticAsset } from './assets.js';

/** Page routes of contract v1; each serves the same shell and the client renders the route. */
export const PAGE_ROUTES = ['/', '/category/*', '/product/*', '/search', '/cart', '/orders', '/coupons'] as const;

const NOT_FOUND_TEXT = Buffer.from('not found\n');

/** Writes one asset; reads everything it needs from `req` before returning (uWS invalidates it after). */
export function sendAsset(res: HttpResponse, req: HttpRequest, asset: StaticAsset, status: '200 OK' | '404 Not Found' | '503 Service Unavailable' = '200 OK'): void {
  const enc = pickEncoding(req.getHeader('accept-encoding'), asset.body);
  const fresh = status === '200 OK' && notModified(req.getHeader('if-none-match'), asset);
  const etag = etagOf(asset, enc);
  res.cork(() => {
    res.writeStatus(fresh ? '304 Not Modified' : status);
    res.writeHeader('etag', etag);
    res.writeHeader('cache-control', status === '200 OK' ? asset.cacheControl : 'no-store');
    res.writeHeader('vary', 'accept-encoding');
    if (fresh) {
      res.endWithoutBody();
      return;
    }
    res.writeHeader('content-type', asset.contentType);
    res.writeHeader('x-content-type-options', 'nosniff');
    for (const [k, v] of asset.headers) res.writeHeader(k, v);
    if (enc !== 'identity') res.writeHeader('content-encoding', enc);
    res.end(enc === 'br' ? asset.body.br! : enc === 'gzip' ? asset.body.gzip! : asset.body.identity);
  });
}

function notFound(res: HttpResponse): void {
  res.cork(() => {
    res.writeStatus('404 Not Found').writeHeader('content-type', 'text/plain; charset=utf-8').writeHeader('cache-control', 'no-store').end(NOT_FOUND_TEXT);
  });
}

const PICTURE_PATH = /^\/assets\/img\/([a-z0-9-]{1,64})\.svg$/;

export function mountRoutes(app: TemplatedApp, table: AssetTable): void {
  const available = table.bundle.source !== 'unavailable';
  const page = (res: HttpResponse, req: HttpRequest) => sendAsset(res, req, table.shell, available ? '200 OK' : '503 Service Unavailable');
  for (const route of PAGE_ROUTES) app.get(route, page);

  app.get('/assets/*', (res, req) => {
    const url = req.getUrl();
    const file = table.files.get(url);
    if (file) return sendAsset(res, req, file);
    const m = PICTURE_PATH.exec(url);
    const pic = m ? table.picture(m[1]!) : undefined;
    if (pic) return sendAsset(res, req, pic);
    notFound(res);
  });

  const icon = table.files.get(table.urls.icon);
  app.get('/favicon.ico', (res, req) => (icon ? sendAsset(res, req, icon) : notFound(res)));

  // Any other GET: the shell with 404, so the shopper sees the shop's own "not found" page.
  app.get('/*', (res, req) => sendAsset(res, req, table.shell, available ? '404 Not Found' : '503 Service Unavailable'));
}
