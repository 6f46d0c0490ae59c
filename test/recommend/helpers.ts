/** Small builders shared by the recommendation tests (not a test file itself). */
import { SessionModel } from '../../actors/recommend/index.js';
import type { RecommendQuery, SessionItem, SessionModelOptions } from '../../actors/recommend/index.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * Only the named signal(s) on; everything else weighted 0 so a test sees one
 * signal. fusionMode 0: the weighted sum of one signal is that signal's own
 * order, while the learned weights were fitted with every signal on (fusion
 * tests cover the learned mode).
 */
export const ONLY = {
  sequence: { weightKnn: 0, weightCoVisit: 0, weightRepeat: 0, weightPopularity: 0, weightExtra: 0, diversity: 0, fusionMode: 0 },
  coVisit: { weightKnn: 0, weightSequence: 0, weightRepeat: 0, weightPopularity: 0, weightExtra: 0, diversity: 0, fusionMode: 0 },
  knn: { weightSequence: 0, weightCoVisit: 0, weightRepeat: 0, weightPopularity: 0, weightExtra: 0, diversity: 0, fusionMode: 0 },
} satisfies Record<string, SessionModelOptions>;

/**
 * Learns space-separated sessions ("A B C"), each under its own key, the first
 * starting at `start` and each next one `spacing` later; clicks a minute apart.
 */
export function learn(m: SessionModel, sessions: readonly string[], start = 0, spacing = HOUR): number {
  let t = start;
  sessions.forEach((line, i) => {
    line.split(' ').forEach((itemId, j) => m.observe(`u${start}-${i}`, { itemId, ts: t + j * 60_000, kind: 'view' }));
    t += spacing;
  });
  return t;
}

export function model(options: SessionModelOptions, sessions: readonly string[], start = 0, spacing = HOUR): SessionModel {
  const m = new SessionModel(options);
  learn(m, sessions, start, spacing);
  return m;
}

export function session(line: string, end: number): SessionItem[] {
  const ids = line.split(' ');
  return ids.map((itemId, i) => ({ itemId, ts: end - (ids.length - 1 - i) * 60_000, kind: 'view' as const }));
}

export function ids(m: SessionModel, q: RecommendQuery): string[] {
  return m.recommend(q).map((r) => r.itemId);
}

/** Deterministic pseudo-random sessions over items I0..I(n-1) (mulberry32). */
export function randomSessions(count: number, items: number, seed = 1): string[] {
  let a = seed >>> 0;
  const rnd = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const len = 2 + Math.floor(rnd() * 5);
    const s: string[] = [];
    // skewed towards low ids so there is real co-occurrence structure
    for (let j = 0; j < len; j++) s.push(`I${Math.floor(rnd() * rnd() * items)}`);
    out.push(s.join(' '));
  }
  return out;
}
