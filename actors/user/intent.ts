/**
 * The user actor's purchase intent: the live session's features are folded with
 * every event (actors/propensity/live-features) and scored by the model version
 * in force at that point of the log (a definition event). Scoring allocates
 * nothing; explanations are computed only when a profile is read.
 */
import type { LiveIntentModel } from '../definitions/index.js';
import { emptyLiveIntent, foldLiveIntent, isIntentActivity, type LiveIntentSession, type LiveItemFacts } from '../propensity/index.js';
import type { IntentView } from '../../protos/contract.js';
import type { ShopEvent } from '../../protos/index.js';
import type { UserState } from './state.js';

export interface IntentContext {
  /** The live intent model at this point of the log, if one was published. */
  model(): LiveIntentModel | undefined;
  /** Ascending thresholds in (0, 1): n thresholds make n + 1 bands. */
  bands: readonly number[];
  /** Inactivity that ends an intent session. */
  gapMs: number;
}

/** A band change of the score, for a push. */
export interface IntentChange {
  score: number;
  band: number;
  previousBand: number;
  version: number;
}

const NAMED: Record<number, readonly string[]> = { 0: ['all'], 1: ['low', 'high'], 2: ['low', 'medium', 'high'], 3: ['low', 'medium', 'high', 'very high'] };

export function bandOf(score: number, bands: readonly number[]): number {
  let b = 0;
  while (b < bands.length && score >= (bands[b] as number)) b++;
  return b;
}

export function bandName(band: number, bands: readonly number[]): string {
  return NAMED[bands.length]?.[band] ?? `band ${band}`;
}

// One scratch vector and view for the whole thread: folds are synchronous.
let scratch = new Float64Array(32);
const view: LiveIntentSession = { s: emptyLiveIntent(), now: 0 };

function vectorFor(m: LiveIntentModel, s: UserState, now: number): Float64Array {
  const f = m.model.features;
  if (scratch.length < f.length) scratch = new Float64Array(f.length);
  view.s = s.intent!;
  view.now = now;
  for (let j = 0; j < f.length; j++) scratch[j] = f[j]!.get(view);
  return scratch;
}

/**
 * Folds `e` into the state's intent features and, when a model is live, scores
 * the session. Returns the band change to push, if any.
 */
export function foldIntent(s: UserState, e: ShopEvent, item: LiveItemFacts | undefined, ctx: IntentContext): IntentChange | undefined {
  if (!isIntentActivity(e)) return undefined;
  s.intent ??= emptyLiveIntent();
  foldLiveIntent(s.intent, e, item, ctx.gapMs);
  const m = ctx.model();
  if (!m) return undefined;
  const score = m.model.score(vectorFor(m, s, e.ts));
  const band = bandOf(score, ctx.bands);
  const prev = s.intentScore;
  s.intentScore = { score, band, version: m.version, ts: e.ts };
  if (prev !== undefined && prev.band === band) return undefined;
  return { score, band, previousBand: prev?.band ?? -1, version: m.version };
}

/** The intent as a profile shows it: re-scored with the model in force now, with its reasons. */
export function intentView(s: UserState, m: LiveIntentModel | undefined, bands: readonly number[]): IntentView | null {
  if (!m || !s.intent || s.intent.start === 0) return null;
  const at = s.intent.lastTs;
  const x = vectorFor(m, s, at);
  const score = m.model.score(x);
  const top = m.model.explain(x, 3).map((c) => ({ feature: c.feature, value: round(c.value), contribution: round(c.contribution), text: c.text }));
  return { score: round(score), band: bandName(bandOf(score, bands), bands), version: m.version, scoredAt: at, top };
}

const round = (v: number): number => Math.round(v * 1e4) / 1e4;
