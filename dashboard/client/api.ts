/** The admin HTTP API with the operator's session token. */
import { currentSession } from './session.js';

/** The session ended (expired, or the API key was rotated): log in again. */
export class SessionEnded extends Error {}

export async function adminGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  const s = currentSession();
  if (!s) throw new SessionEnded('not logged in');
  const r = await fetch(path, { headers: { authorization: `Bearer ${s.token}` }, ...(signal ? { signal } : {}) });
  if (r.status === 401) throw new SessionEnded('session ended');
  const body = (await r.json()) as T & { error?: { code: string; message: string } };
  if (!r.ok) throw new Error(body.error ? `${body.error.code}: ${body.error.message}` : `${path}: HTTP ${r.status}`);
  return body;
}
