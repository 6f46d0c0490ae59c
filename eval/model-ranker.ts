/**
 * Drives the SessionModel exactly as the user actor does: every click goes
 * through `observe`, every query through `recommend`. The data has no
 * timestamps, so the harness gives it a synthetic clock: sessions start
 * `sessionSpacingMs` apart in file order, clicks inside one are
 * CLICK_SPACING_MS apart (well under the model's session gap).
 */
import { SessionModel } from '../actors/recommend/index.js';
import type { SessionItem, SessionModelOptions } from '../actors/recommend/index.js';

export const CLICK_SPACING_MS = 30_000;
/** ~116k sessions over ~2.7 days, the span of the yoochoose 1/64 training part. */
export const DEFAULT_SESSION_SPACING_MS = 2_000;

export class ModelRanker {
  readonly name = 'SessionModel';
  readonly model: SessionModel;
  #spacing: number;
  #sessions = 0;
  #now = 0;

  constructor(options: SessionModelOptions, sessionSpacingMs = DEFAULT_SESSION_SPACING_MS) {
    this.model = new SessionModel(options);
    this.#spacing = sessionSpacingMs;
  }

  /** Starts a new session on the synthetic clock and returns its key and start time. */
  startSession(): { key: string; start: number } {
    const start = this.#sessions++ * this.#spacing;
    return { key: `s${this.#sessions}`, start };
  }

  learnSession(session: readonly string[]): void {
    const { key, start } = this.startSession();
    for (let i = 0; i < session.length; i++) this.learnClick(key, session[i] as string, start + i * CLICK_SPACING_MS);
  }

  learnClick(key: string, itemId: string, ts: number): void {
    this.#now = Math.max(this.#now, ts);
    this.model.observe(key, { itemId, ts, kind: 'view' });
  }

  /** The prefix as the actor would hold it: clicks ending at the current clock. */
  toItems(prefix: readonly string[], end = this.#now + this.#spacing): SessionItem[] {
    const n = prefix.length;
    return prefix.map((itemId, i) => ({ itemId, ts: end - (n - 1 - i) * CLICK_SPACING_MS, kind: 'view' as const }));
  }
}
