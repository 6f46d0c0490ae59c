/**
 * Operator sessions for the dashboard: `op1.<expiresAtSeconds>.<nonce>.<hmac>`, signed
 * with a key derived from the API key. The browser keeps this token, never the API
 * key itself, and a WebSocket (which cannot send headers) carries it in its URL.
 * Rotating API_KEY ends every operator session at once.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AuthError } from '../errors/index.js';

/** A working day: operators log in again the next morning. */
export const OPERATOR_SESSION_TTL_S = 12 * 3600;
const MAX_TOKEN_LENGTH = 128;
const TOKEN = /^op1\.(\d{1,12})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/;

export class OperatorSessions {
  readonly #key: Buffer;
  readonly #ttlS: number;

  constructor(apiKey: string, ttlS = OPERATOR_SESSION_TTL_S) {
    if (!(ttlS > 0)) throw new RangeError('operator session option "ttlS" must be positive');
    this.#key = createHmac('sha256', apiKey).update('shop-brain operator session v1').digest();
    this.#ttlS = ttlS;
  }

  #sign(body: string): string {
    return createHmac('sha256', this.#key).update(body).digest('base64url');
  }

  issue(nowMs = Date.now()): { token: string; expiresAt: number } {
    const exp = Math.floor(nowMs / 1000) + this.#ttlS;
    const body = `op1.${exp}.${randomBytes(12).toString('base64url')}`;
    return { token: `${body}.${this.#sign(body)}`, expiresAt: exp * 1000 };
  }

  /** When the token expires (ms); throws E_BAD_TOKEN or E_TOKEN_EXPIRED. */
  verify(token: string | undefined, nowMs = Date.now()): number {
    const m = token && token.length <= MAX_TOKEN_LENGTH ? TOKEN.exec(token) : null;
    if (!m) throw new AuthError('E_BAD_TOKEN', 'operator session token is missing or malformed: POST /api/admin/session with the API key');
    const expected = Buffer.from(this.#sign(token!.slice(0, token!.lastIndexOf('.'))));
    const given = Buffer.from(m[3]!);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AuthError('E_BAD_TOKEN', 'operator session token signature is invalid');
    const expiresAt = Number(m[1]) * 1000;
    if (expiresAt <= nowMs) throw new AuthError('E_TOKEN_EXPIRED', 'operator session has expired: log in again with the API key');
    return expiresAt;
  }

  /** True for a valid, unexpired token (no reason given: for "is this an operator?" checks). */
  valid(token: string | undefined, nowMs = Date.now()): boolean {
    try {
      this.verify(token, nowMs);
      return true;
    } catch {
      return false;
    }
  }
}
