/**
 * The shopper's session token, kept in localStorage. Made with POST /api/session
 * when missing, about to expire, or rejected by the engine; concurrent callers
 * share one request.
 */
import type { Session } from './api-types.js';

const KEY = 'shop.session.v1';
/** Renew a token this long before it expires. */
const RENEW_BEFORE_MS = 60_000;

let current: Session | undefined;
let creating: Promise<Session> | undefined;
const listeners = new Set<(s: Session) => void>();

function read(): Session | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return undefined;
    const s = JSON.parse(raw) as Partial<Session>;
    if (typeof s.token === 'string' && typeof s.userId === 'string' && typeof s.expiresAt === 'number') return s as Session;
  } catch {
    // Unreadable storage or a corrupt value: treated as no session.
  }
  return undefined;
}

function write(s: Session): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    // Storage full or blocked: the session lives for this page only.
  }
}

const usable = (s: Session | undefined): s is Session => s !== undefined && s.expiresAt - RENEW_BEFORE_MS > Date.now();

async function create(): Promise<Session> {
  const r = await fetch('/api/session', { method: 'POST' });
  if (!r.ok) throw new Error(`could not start a session (HTTP ${r.status})`);
  const s = (await r.json()) as Session;
  current = s;
  write(s);
  for (const l of listeners) l(s);
  return s;
}

/** The current session, creating one when there is none. */
export function getSession(): Promise<Session> {
  if (usable(current)) return Promise.resolve(current);
  const stored = read();
  if (usable(stored)) {
    current = stored;
    return Promise.resolve(stored);
  }
  return (creating ??= create().finally(() => (creating = undefined)));
}

/** The engine rejected `token`: replace it (once, however many requests saw the rejection). */
export function renewSession(rejected: string): Promise<Session> {
  if (current && current.token !== rejected && usable(current)) return Promise.resolve(current);
  current = undefined;
  try {
    if (read()?.token === rejected) localStorage.removeItem(KEY);
  } catch {
    // ignore: nothing stored
  }
  return getSession();
}

// Another tab made a new session: follow it, so all tabs stay one shopper.
window.addEventListener('storage', (ev) => {
  if (ev.key !== KEY) return;
  const s = read();
  if (!usable(s) || s.token === current?.token) return;
  current = s;
  for (const l of listeners) l(s);
});

export function onSessionChange(fn: (s: Session) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export const sessionNow = (): Session | undefined => current;
