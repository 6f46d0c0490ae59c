/**
 * The operator's API key: backend services send it in the `x-api-key` gRPC metadata,
 * operators and Prometheus on /metrics and the admin API. It comes from
 * API_KEY, or is generated once (32 random bytes, hex) and kept in DATA_DIR/api-key
 * (mode 0600) so it survives restarts; operators hand that file's content to services.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors/index.js';

export const API_KEY_METADATA = 'x-api-key';
export const API_KEY_FILE = 'api-key';
export const MIN_API_KEY_LENGTH = 16;

/** The key to require: `configured` (API_KEY) if set, else the one in dataDir/api-key, created when missing. */
export function resolveApiKey(configured: string | undefined, dataDir: string): string {
  if (configured !== undefined) {
    if (configured.length < MIN_API_KEY_LENGTH) throw new ConfigError('API_KEY', `must be at least ${MIN_API_KEY_LENGTH} characters`);
    return configured;
  }
  const file = join(dataDir, API_KEY_FILE);
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim();
    if (key.length < MIN_API_KEY_LENGTH) throw new ConfigError('API_KEY', `${file} holds a key shorter than ${MIN_API_KEY_LENGTH} characters`);
    return key;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}

/** Compares in constant time; only the key's length can be learnt (the generated key's length is public anyway). */
export class ApiKeyCheck {
  readonly #key: Buffer;

  constructor(key: string) {
    if (typeof key !== 'string' || key.length < MIN_API_KEY_LENGTH) throw new RangeError(`options.auth.apiKey must be a string of at least ${MIN_API_KEY_LENGTH} characters`);
    this.#key = Buffer.from(key, 'utf8');
  }

  matches(presented: unknown): boolean {
    if (typeof presented !== 'string' || presented.length !== this.#key.length) return false;
    const given = Buffer.from(presented, 'utf8');
    return given.length === this.#key.length && timingSafeEqual(given, this.#key);
  }
}
