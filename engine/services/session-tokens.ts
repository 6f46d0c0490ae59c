/**
 * Signed session tokens: `v1.<userId>.<expiresAtSeconds>.<hmac>`, HMAC-SHA256 over
 * the first three parts. Stateless: any node with the secret can verify them.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AuthError } from '../errors/index.js';

export const USER_ID_PATTERN = /^u-[a-z0-9]{8,40}$/;
const MAX_TOKEN_LENGTH = 256;

export class SessionTokens {
  readonly #secret: Buffer;
  readonly #ttlS: number;

  constructor(secret: string | Buffer, ttlS: number) {
    if (secret.length < 16) throw new RangeError('session token option "secret" must be at least 16 bytes');
    if (!(ttlS > 0)) throw new RangeError('session token option "ttlS" must be positive');
    this.#secret = Buffer.isBuffer(secret) ? secret : Buffer.from(secret);
    this.#ttlS = ttlS;
  }

  static newUserId(): string {
    return `u-${randomBytes(10).toString('hex')}`;
  }

  /** A new shopper: a fresh user id and its token. */
  create(nowMs = Date.now()): { userId: string; token: string; expiresAt: number } {
    const userId = SessionTokens.newUserId();
    return { userId, ...this.issue(userId, nowMs) };
  }

  #sign(body: string): string {
    return createHmac('sha256', this.#secret).update(body).digest('base64url');
  }

  issue(userId: string, nowMs = Date.now()): { token: string; expiresAt: number } {
    const exp = Math.floor(nowMs / 1000) + this.#ttlS;
    const body = `v1.${userId}.${exp}`;
    return { token: `${body}.${this.#sign(body)}`, expiresAt: exp * 1000 };
  }

  /** Returns the token's user id; throws E_BAD_TOKEN or E_TOKEN_EXPIRED. */
  verify(token: string | undefined, nowMs = Date.now()): string {
    return this.verifySession(token, nowMs).userId;
  }

  /** The user id and when the token expires (ms), for holders that outlive a request (a WebSocket). */
  verifySession(token: string | undefined, nowMs = Date.now()): { userId: string; expiresAt: number } {
    if (!token) throw new AuthError('E_BAD_TOKEN', 'a session token is required: POST /api/session to get one');
    if (token.length > MAX_TOKEN_LENGTH) throw new AuthError('E_BAD_TOKEN', 'session token is malformed');
    const parts = token.split('.');
    if (parts.length !== 4 || parts[0] !== 'v1') throw new AuthError('E_BAD_TOKEN', 'session token is malformed');
    const [, userId, expText, sig] = parts as [string, string, string, string];
    const expected = Buffer.from(this.#sign(`v1.${userId}.${expText}`));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new AuthError('E_BAD_TOKEN', 'session token signature is invalid');
    }
    if (!USER_ID_PATTERN.test(userId) || !/^\d+$/.test(expText)) throw new AuthError('E_BAD_TOKEN', 'session token is malformed');
    const expiresAt = Number(expText) * 1000;
    if (expiresAt <= nowMs) throw new AuthError('E_TOKEN_EXPIRED', 'session token has expired: POST /api/session for a new one');
    return { userId, expiresAt };
  }
}
