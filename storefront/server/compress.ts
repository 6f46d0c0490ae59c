/**
 * Precompressed variants of a static body and the choice between them by the
 * request's Accept-Encoding. Compression happens once, at mount time, never per request.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

export interface Encoded {
  identity: Buffer;
  gzip: Buffer | undefined;
  br: Buffer | undefined;
}

/** Below this size a compressed body saves less than its headers cost. */
export const MIN_COMPRESS_BYTES = 256;

/** Compresses with the strongest settings: the cost is paid once per asset at start-up. */
export function encodeAll(body: Buffer, compressible: boolean): Encoded {
  if (!compressible || body.length < MIN_COMPRESS_BYTES) return { identity: body, gzip: undefined, br: undefined };
  const gz = gzipSync(body, { level: 9 });
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
  });
  // Keep a variant only when it is actually smaller.
  return { identity: body, gzip: gz.length < body.length ? gz : undefined, br: br.length < body.length ? br : undefined };
}

/**
 * The best encoding the client accepts among those available: brotli, then gzip,
 * then none. Honours `q=0` ("not acceptable") and `*`.
 */
export function pickEncoding(acceptEncoding: string, available: Encoded): Encoding {
  if (acceptEncoding === '') return 'identity';
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q=([0-9.]+)\s*$/.exec(p);
      if (m) weight = Number(m[1]);
    }
    q.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const accepts = (enc: string) => (q.get(enc) ?? q.get('*') ?? 0) > 0;
  if (available.br && accepts('br')) return 'br';
  if (available.gzip && accepts('gzip')) return 'gzip';
  return 'identity';
}
