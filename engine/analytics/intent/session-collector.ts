/**
 * Rebuilds shoppers' intent sessions from the log, with the user actor's own pure
 * fold (actors/propensity/live-features), and labels each when its outcome is known:
 * 1 when a purchase follows in the session, 0 when it ends (a gap) without one.
 *
 * Each step before the outcome is a training row (features as the actor had them)
 * and a prequential score: the model in force at that log position (the definitions
 * are folded here too) scores it before the outcome is known, exactly as the actor
 * did. At most ROWS_PER_SESSION steps per session are kept (reservoir sampling with
 * a fixed seed), so long sessions do not outweigh short ones.
 */
import { DefinitionRegistry, type LiveIntentModel } from '../../../actors/definitions/index.js';
import {
  emptyLiveIntent, endSession, foldLiveIntent, isIntentActivity, isNewSession, LIVE_FEATURES,
  type LiveIntentSession, type LiveIntentState, type LiveItemFacts,
} from '../../../actors/propensity/index.js';
import type { ShopEvent } from '../../../protos/index.js';

export const ROWS_PER_SESSION = 8;
/** Shoppers followed at once; the least recently active beyond it are dropped unlabelled. */
const MAX_OPEN = 100_000;
/** Finished sessions kept for training and evaluation (the newest). */
export const MAX_FINISHED = 20_000;
const NF = LIVE_FEATURES.length;

export interface FinishedSession {
  /** ROWS x NF features (LIVE_FEATURES order), one row per kept step. */
  rows: Float64Array;
  label: 0 | 1;
  endTs: number;
  /** Prequential scores of the kept rows (NaN where no model was live), and of the last step before the outcome. */
  scores: Float64Array;
  lastScore: number;
  /** The model version that gave lastScore (0: none). */
  version: number;
}

interface Open {
  s: LiveIntentState;
  rows: number[];
  scores: number[];
  steps: number;
  lastScore: number;
  version: number;
  /** Reservoir PRNG state. */
  rng: number;
}

const view: LiveIntentSession = { s: emptyLiveIntent(), now: 0 };

export class SessionCollector {
  readonly registry: DefinitionRegistry;
  readonly #gapMs: number;
  readonly #item: (itemId: string) => LiveItemFacts | undefined;
  readonly #open = new Map<string, Open>();
  readonly finished: FinishedSession[] = [];
  /** Sessions finished since the collector started (including ones dropped from `finished`). */
  finishedTotal = 0;
  #clock = 0;
  #lastSeq = 0;
  #x = new Float64Array(64);

  constructor(opts: { gapMs: number; item: (itemId: string) => LiveItemFacts | undefined; registry?: DefinitionRegistry }) {
    this.#gapMs = opts.gapMs;
    this.#item = opts.item;
    this.registry = opts.registry ?? new DefinitionRegistry();
  }

  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** Event time of the newest event seen: the collector's clock. */
  get clock(): number {
    return this.#clock;
  }

  get openSessions(): number {
    return this.#open.size;
  }

  /** The last scores of open sessions that have one (for the live distribution). */
  *openScores(): Iterable<number> {
    for (const o of this.#open.values()) if (o.s.outcomeTs === 0 && Number.isFinite(o.lastScore)) yield o.lastScore;
  }

  observe(e: ShopEvent, seq: number): void {
    if (seq <= this.#lastSeq) return;
    this.#lastSeq = seq;
    if (e.kind === 'definition') {
      this.registry.apply(e, seq);
      return;
    }
    if (!isIntentActivity(e)) return;
    if (e.ts > this.#clock) this.#clock = e.ts;
    let o = this.#open.get(e.userId);
    if (o) {
      this.#open.delete(e.userId); // re-inserted last: Map order = least recently active first
      if (isNewSession(o.s, e.ts, this.#gapMs) && !(e.kind === 'purchase' && e.checkoutId)) this.#finish(o);
    } else {
      o = { s: emptyLiveIntent(), rows: [], scores: [], steps: 0, lastScore: Number.NaN, version: 0, rng: seq >>> 0 || 1 };
    }
    this.#open.set(e.userId, o);
    const facts = e.itemId ? this.#item(e.itemId) : undefined;
    const step = foldLiveIntent(o.s, e, facts, this.#gapMs);
    if (step === 'step') this.#keepStep(o, e.ts);
    if (this.#open.size > MAX_OPEN) this.#open.delete(this.#open.keys().next().value as string);
  }

  /** Closes sessions whose gap has passed on the log's clock. */
  sweep(): void {
    for (const [userId, o] of this.#open) {
      if (this.#clock - o.s.lastTs <= this.#gapMs) break; // the rest are more recent
      this.#finish(o);
      this.#open.delete(userId);
    }
  }

  #keepStep(o: Open, now: number): void {
    view.s = o.s;
    view.now = now;
    const m = this.registry.intent;
    const score = m ? scoreWith(m, view, this.#x) : Number.NaN;
    o.lastScore = score;
    o.version = m?.version ?? 0;
    o.steps++;
    let slot = o.scores.length;
    if (slot >= ROWS_PER_SESSION) {
      o.rng = (Math.imul(o.rng, 1103515245) + 12345) >>> 0;
      slot = o.rng % o.steps;
      if (slot >= ROWS_PER_SESSION) return;
    }
    for (let j = 0; j < NF; j++) o.rows[slot * NF + j] = LIVE_FEATURES[j]!.get(view);
    o.scores[slot] = score;
  }

  #finish(o: Open): void {
    if (o.scores.length > 0) {
      this.finished.push({
        rows: Float64Array.from(o.rows.slice(0, o.scores.length * NF)), label: o.s.bought ? 1 : 0, endTs: o.s.lastTs,
        scores: Float64Array.from(o.scores), lastScore: o.lastScore, version: o.version,
      });
      this.finishedTotal++;
      if (this.finished.length > MAX_FINISHED) this.finished.splice(0, this.finished.length - MAX_FINISHED);
    }
    endSession(o.s);
    o.rows = [];
    o.scores = [];
    o.steps = 0;
    o.lastScore = Number.NaN;
    o.version = 0;
  }
}

function scoreWith(m: LiveIntentModel, v: LiveIntentSession, x: Float64Array): number {
  const f = m.model.features;
  for (let j = 0; j < f.length; j++) x[j] = f[j]!.get(v);
  return m.model.score(x);
}
