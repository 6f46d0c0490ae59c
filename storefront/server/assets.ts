/**
 * The storefront's static files, prepared once: content-hashed names, strong
 * ETags, and gzip/brotli variants computed up front. Category pictures are made
 * on first request (categories come from the catalog) and kept, bounded.
 */
import { createHash } from 'node:crypto';
import { encodeAll, type Encoded, type Encoding } from './compress.js';
import type { ClientBundle } from './bundle.js';
import { CATEGORY_SLUG, faviconSvg, placeholderSvg } from './placeholders.js';
import { renderShell, renderUnavailable } from './shell.js';

/** Hashed file names never change content: cache for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The shell names the current hashed files: always revalidate (a 304 is cheap). */
export const REVALIDATE = 'no-cache';
/** Category pictures keep their URL across deploys: cache for a day, then revalidate. */
export const PICTURE_CACHE = 'public, max-age=86400';
/** Most category pictures kept in memory. */
export const MAX_PICTURES = 1000;

export interface StaticAsset {
  contentType: string;
  cacheControl: string;
  /** Content hash of the uncompressed body (quoted ETags derive from it per encoding). */
  hash: string;
  body: Encoded;
  /** Extra response headers (e.g. the shell's Content-Security-Policy). */
  headers: ReadonlyArray<readonly [string, string]>;
}

export interface AssetTable {
  shell: StaticAsset;
  /** By URL path, e.g. /assets/app.1f2e3d4c.js */
  files: Map<string, StaticAsset>;
  /** Paths the shell links to. */
  urls: { js: string; css: string; icon: string };
  picture(slug: string): StaticAsset | undefined;
  bundle: { source: ClientBundle['source'] | 'unavailable'; from: string; ms: number };
}

/** What the shell may load: only this origin; inline scripts and styles are not needed. */
export const SHELL_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
  "connect-src 'self'", "font-src 'self'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'", "object-src 'none'",
].join('; ');

const HTML_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['content-security-policy', SHELL_CSP],
  ['referrer-policy', 'same-origin'],
  ['x-frame-options', 'DENY'],
];

const hashOf = (b: Buffer) => createHash('sha256').update(b).digest('base64url').slice(0, 16);

export function makeAsset(body: Buffer | string, contentType: string, cacheControl: string, headers: StaticAsset['headers'] = []): StaticAsset {
  const buf = typeof body === 'string' ? Buffer.from(body) : body;
  const compressible = /^(text\/|application\/(javascript|json)|image\/svg)/.test(contentType);
  return { contentType, cacheControl, hash: hashOf(buf), body: encodeAll(buf, compressible), headers };
}

/** A strong ETag per representation: the same bytes compressed differently are different entities. */
export function etagOf(asset: StaticAsset, enc: Encoding): string {
  return enc === 'identity' ? `"${asset.hash}"` : `"${asset.hash}-${enc === 'gzip' ? 'gz' : 'br'}"`;
}

/** True when If-None-Match names any representation of this asset (weak comparison, RFC 9110 13.1.2). */
export function notModified(ifNoneMatch: string, asset: StaticAsset): boolean {
  if (ifNoneMatch === '') return false;
  if (ifNoneMatch.trim() === '*') return true;
  for (const raw of ifNoneMatch.split(',')) {
    const tag = raw.trim().replace(/^W\//, '');
    if (tag === `"${asset.hash}"` || tag === `"${asset.hash}-gz"` || tag === `"${asset.hash}-br"`) return true;
  }
  return false;
}

function pictureCache(): (slug: string) => StaticAsset | undefined {
  const made = new Map<string, StaticAsset>();
  return (slug) => {
    if (!CATEGORY_SLUG.test(slug)) return undefined;
    let a = made.get(slug);
    if (a) return a;
    if (made.size >= MAX_PICTURES) made.delete(made.keys().next().value!);
    a = makeAsset(placeholderSvg(slug), 'image/svg+xml', PICTURE_CACHE);
    made.set(slug, a);
    return a;
  };
}

export function buildAssetTable(bundle: ClientBundle): AssetTable {
  const files = new Map<string, StaticAsset>();
  const add = (name: string, ext: string, body: Buffer | string, type: string) => {
    const asset = makeAsset(body, type, IMMUTABLE);
    const path = `/assets/${name}.${asset.hash.slice(0, 10)}.${ext}`;
    files.set(path, asset);
    return path;
  };
  const urls = {
    js: add('app', 'js', bundle.js, 'text/javascript; charset=utf-8'),
    css: add('styles', 'css', bundle.css, 'text/css; charset=utf-8'),
    icon: add('favicon', 'svg', faviconSvg(), 'image/svg+xml'),
  };
  const shell = makeAsset(renderShell(urls), 'text/html; charset=utf-8', REVALIDATE, HTML_HEADERS);
  return { shell, files, urls, picture: pictureCache(), bundle: { source: bundle.source, from: bundle.from, ms: bundle.ms } };
}

/** Every route answers with an explanation when the bundle is missing; nothing is served half-built. */
export function unavailableTable(reason: string): AssetTable {
  const shell = makeAsset(renderUnavailable(reason), 'text/html; charset=utf-8', 'no-store', HTML_HEADERS);
  return { shell, files: new Map(), urls: { js: '', css: '', icon: '' }, picture: pictureCache(), bundle: { source: 'unavailable', from: '', ms: 0 } };
}
