/**
 * Loads uWebSockets.js and tells whether the native binary loaded. The package
 * silently falls back to a slow pure-JS shim when the binary does not match this
 * Node build; the engine refuses that unless ALLOW_UWS_FALLBACK=true.
 */
import { createRequire } from 'node:module';
import type * as UWS from 'uWebSockets.js';

const require = createRequire(import.meta.url);

export interface LoadedUws {
  uws: typeof UWS;
  native: boolean;
}

export function loadUws(): LoadedUws {
  // The shim prints its own warning to the console; keep it out of our logs.
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    const uws = require('uWebSockets.js') as typeof UWS;
    const native = Object.keys(require.cache).some((k) => /[\\/]binaries[\\/]uws_[^\\/]+\.node$/.test(k));
    return { uws, native };
  } finally {
    console.warn = warn;
  }
}

export const UWS_FALLBACK_MESSAGE =
  `uWebSockets.js could not load its native binary for Node ${process.versions.node} (ABI ${process.versions.modules}, ` +
  `${process.platform}-${process.arch}) and fell back to a slow pure-JS shim. Use Node 20 (ABI 115) on linux/darwin x64/arm64, ` +
  'or set ALLOW_UWS_FALLBACK=true to run slowly anyway.';
