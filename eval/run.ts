/**
 * The evaluation loops. Default mode: learn every training session, then score
 * each case with the prefix as one new session (the model learns nothing from
 * test data). Online mode (test-then-learn): whole test sessions in order; each
 * click is scored first, then learned, as the live engine would.
 */
import { performance } from 'node:perf_hooks';
import type { Ranker } from './baselines.js';
import type { OnlineSession, TestCase } from './dataset.js';
import { CUTOFF, RankMetrics } from './metrics.js';
import type { ModelRanker } from './model-ranker.js';
import { CLICK_SPACING_MS } from './model-ranker.js';

/** Opens a progress display for one phase (see engine/observability/progress.ts); none by default. */
export type Track = (label: string, total: number) => { update(done: number): void; stop(): void };
const NO_TRACK: Track = () => ({ update() {}, stop() {} });
const EVERY = 1000;

function tracked<T>(track: Track, label: string, items: readonly T[], fn: (x: T) => void): void {
  const p = track(label, items.length);
  for (let i = 0; i < items.length; i++) {
    fn(items[i]!);
    if ((i + 1) % EVERY === 0) p.update(i + 1);
  }
  p.update(items.length);
  p.stop();
}

export function evalBaseline(r: Ranker, train: readonly string[][], cases: readonly TestCase[], online: readonly OnlineSession[] | undefined, track: Track = NO_TRACK): RankMetrics {
  tracked(track, `${r.name} learning`, train, (s) => r.learn(s));
  const m = new RankMetrics();
  if (online === undefined) {
    tracked(track, `${r.name} scoring`, cases, (c) => m.add(r.rank(c.prefix, CUTOFF), c.target));
  } else {
    // baselines learn a test session once it is over (session granularity)
    tracked(track, `${r.name} online`, online, (s) => {
      for (const i of s.cases) m.add(r.rank(s.items.slice(0, i), CUTOFF), s.items[i] as string);
      r.learn(s.items);
    });
  }
  return m;
}

export interface ModelRun {
  metrics: RankMetrics;
  trainMs: number;
}

export function evalModel(r: ModelRanker, train: readonly string[][], cases: readonly TestCase[], online: readonly OnlineSession[] | undefined, track: Track = NO_TRACK): ModelRun {
  const t0 = performance.now();
  tracked(track, 'model learning', train, (s) => r.learnSession(s));
  const trainMs = performance.now() - t0;
  const m = new RankMetrics();
  const score = (prefix: readonly string[], target: string, items = r.toItems(prefix)): void => {
    const q = { items, k: CUTOFF };
    const a = performance.now();
    const recs = r.model.recommend(q);
    const micros = (performance.now() - a) * 1000;
    m.add(recs.map((x) => x.itemId), target, micros);
  };
  if (online === undefined) {
    tracked(track, 'model scoring', cases, (c) => score(c.prefix, c.target));
  } else {
    tracked(track, 'model online', online, (s) => {
      const { key, start } = r.startSession();
      const scored = new Set(s.cases);
      for (let i = 0; i < s.items.length; i++) {
        const ts = start + i * CLICK_SPACING_MS;
        if (scored.has(i)) {
          const prefix = s.items.slice(0, i);
          score(prefix, s.items[i] as string, r.toItems(prefix, ts - CLICK_SPACING_MS));
        }
        r.learnClick(key, s.items[i] as string, ts);
      }
    });
  }
  return { metrics: m, trainMs };
}
