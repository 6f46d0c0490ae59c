/**
 * SessionModel: the public face of the recommendation code. Pure and
 * synchronous (no I/O, no timers, no threads), so a user actor can call it
 * inside a shard worker; learned incrementally, one event at a time, in log order.
 */
import { resolveOptions } from './options.js';
import type { SessionModelOptions } from './options.js';
import { candidateSignals, recommend } from './recommend.js';
import { newScratch } from './scratch.js';
import type { Scratch } from './scratch.js';
import { decodeState, encodeState } from './snapshot.js';
import { newState, observeEvent } from './state.js';
import type { ModelState } from './state.js';
import type { Recommendation, RecommendQuery, SessionItem, SessionModelStats } from './types.js';

export class SessionModel {
  #s: ModelState;
  #x: Scratch;

  /** @throws RangeError / TypeError naming the option when an option is invalid. */
  constructor(options?: SessionModelOptions) {
    this.#s = newState(resolveOptions(options));
    this.#x = newScratch(this.#s.opts);
  }

  /**
   * Learns one interaction. Call for every interaction event of every shopper,
   * in log order; `sessionKey` is the userId: a gap longer than sessionGapMs
   * starts a new session for that key.
   */
  observe(sessionKey: string, item: SessionItem): void {
    if (typeof sessionKey !== 'string') throw new TypeError('SessionModel.observe: sessionKey must be a string');
    observeEvent(this.#s, sessionKey, item);
  }

  /** The k best items for a session, best first, each with a short human reason. */
  recommend(q: RecommendQuery): Recommendation[] {
    return recommend(this.#s, this.#x, q);
  }

  /**
   * For fitting the learned fusion offline (eval/fit-fusion.ts): the `max` best
   * candidates by the weighted-sum fusion with each signal's raw score.
   */
  candidateSignals(q: RecommendQuery, max: number): { items: string[]; raw: Float64Array; ctx: Float64Array } {
    return candidateSignals(this.#s, this.#x, q, max);
  }

  toSnapshot(): Uint8Array {
    return encodeState(this.#s);
  }

  static fromSnapshot(b: Uint8Array): SessionModel {
    const m = new SessionModel({ maxSessions: 1 });
    m.#s = decodeState(b);
    m.#x = newScratch(m.#s.opts);
    return m;
  }

  stats(): SessionModelStats {
    const s = this.#s;
    const scratchBytes = s.opts.maxSessions * 12 + s.ids.length * 101;
    return {
      items: s.ids.length,
      openSessions: s.open.size,
      indexedSessions: s.index.sessions,
      postingEntries: s.index.postingEntries,
      coVisitEntries: s.coVisit.entries,
      sequenceEntries: s.sequence.entries,
      approxBytes: s.coVisit.bytes + s.sequence.bytes + s.index.bytes + s.pop.length * 16 + scratchBytes,
      observed: s.observed,
    };
  }
}
