/**
 * Micro-benchmark of scoring one session, timed call by call (process.hrtime
 * around each call; the timer's own cost is measured and reported beside it):
 * a prepared feature vector, a session (features computed, then scored), and a
 * session with its top-3 explanation.
 */
import { hrtime } from 'node:process';
import { BlendedIntentModel, IntentModel } from '../../actors/propensity/index.js';
import type { IntentScorer, IntentSession } from '../../actors/propensity/index.js';

export interface Percentiles {
  p50Us: number;
  p99Us: number;
  meanUs: number;
  calls: number;
}

export interface ScoreBench {
  timerUs: Percentiles;
  vector: Percentiles;
  session: Percentiles;
  sessionExplained: Percentiles;
  trees: number;
  nodes: number;
}

function percentiles(ns: Float64Array): Percentiles {
  const s = Float64Array.from(ns).sort();
  const at = (q: number): number => (s[Math.min(s.length - 1, Math.floor(q * s.length))] as number) / 1000;
  return { p50Us: round(at(0.5)), p99Us: round(at(0.99)), meanUs: round(s.reduce((a, b) => a + b, 0) / s.length / 1000), calls: s.length };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Runs `calls` timed calls of `f(i)` after `warm` untimed ones (JIT). */
function time(calls: number, warm: number, f: (i: number) => unknown): Float64Array {
  let sink = 0;
  for (let i = 0; i < warm; i++) sink += f(i) === undefined ? 0 : 1;
  const ns = new Float64Array(calls);
  for (let i = 0; i < calls; i++) {
    const a = hrtime.bigint();
    sink += f(i) === undefined ? 0 : 1;
    ns[i] = Number(hrtime.bigint() - a);
  }
  if (sink < 0) throw new Error('unreachable'); // keeps the calls observable
  return ns;
}

export function benchScoring(model: IntentScorer, sessions: readonly IntentSession[], calls = 200_000): ScoreBench {
  const n = sessions.length;
  // one vector per session made up front, so the timed calls allocate nothing of the bench's own
  const vectors = sessions.map((s) => Float64Array.from(model.features, (f) => f.get(s)));
  const warm = Math.min(calls, 20_000);
  const trees = model instanceof BlendedIntentModel ? model.trees : model instanceof IntentModel ? model : undefined;
  const timer = time(calls, warm, () => 0);
  const vector = time(calls, warm, (i) => model.score(vectors[i % n] as Float64Array));
  const session = time(calls, warm, (i) => model.scoreSession(sessions[i % n] as IntentSession));
  const explained = time(calls, warm, (i) => {
    const s = sessions[i % n] as IntentSession;
    return [model.scoreSession(s), model.explainSession(s, 3)];
  });
  return {
    timerUs: percentiles(timer), vector: percentiles(vector), session: percentiles(session), sessionExplained: percentiles(explained),
    trees: trees?.treeCount ?? 0, nodes: trees?.nodeCount ?? 0,
  };
}
