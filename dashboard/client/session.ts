/**
 * The operator's login: the session token from POST /api/admin/session, kept in
 * sessionStorage (gone when the tab closes). The API key itself is never stored.
 */
import type { OperatorSession } from '../../protos/admin-contract.js';

const KEY = 'shop-brain.operator';

export function currentSession(now = Date.now()): OperatorSession | undefined {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as OperatorSession | null;
    return s && typeof s.token === 'string' && s.expiresAt > now ? s : undefined;
  } catch {
    return undefined;
  }
}

export function forgetSession(): void {
  sessionStorage.removeItem(KEY);
}

/** Trades the API key for a session; throws with the engine's message when refused. */
export async function logIn(apiKey: string): Promise<OperatorSession> {
  const r = await fetch('/api/admin/session', { method: 'POST', headers: { 'x-api-key': apiKey } });
  const body = (await r.json().catch(() => ({}))) as OperatorSession & { error?: { message: string } };
  if (!r.ok) throw new Error(r.status === 401 ? 'That key was not accepted.' : body.error?.message ?? `The engine answered ${r.status}.`);
  const s = { token: body.token, expiresAt: body.expiresAt };
  sessionStorage.setItem(KEY, JSON.stringify(s));
  return s;
}
