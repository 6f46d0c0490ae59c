/**
 * The live intent trainer, in the analytics worker (off the shards' hot path): folds
 * the log into labelled sessions (session-collector.ts), and every `everyMs` fits a
 * candidate in a piscina thread on the older sessions, validates it against the
 * model in force on the newest ones (a window cut from the end of the log), and
 * publishes it as the next version of the `intent_model` definition only when it
 * wins. Every shard applies the definition at the same log position.
 *
 * It also reports how the live model does: prequential ROC-AUC (each session scored
 * before its outcome by the model in force then), calibration, and the spread of
 * open sessions' scores.
 *
 * At start it reads every definition from the log, then re-reads the last
 * `backfillEvents` events, so a restart does not wait for new sessions.
 */
import { DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Piscina } from 'piscina';
import { INTENT_MODEL_ID, INTENT_MODEL_KIND } from '../../../actors/definitions/index.js';
import { LIVE_FEATURES, type LiveItemFacts, type TrainOptions } from '../../../actors/propensity/index.js';
import { decodeEvent } from '../../../protos/index.js';
import type { EventLog } from '../../log/index.js';
import { LogPump } from '../../log/index.js';
import type { Logger } from '../../observability/index.js';
import { DEFINITIONS_SUBJECT, EVENT_STREAM } from '../../placement/index.js';
import type { IntentFitReply, IntentFitTask } from './intent-fit-task.js';
import type { IntentReport } from '../../../protos/admin-contract.js';
import { brier, calibration, histogram, rocAuc, round } from './prequential.js';
import { SessionCollector, type FinishedSession } from './session-collector.js';

const FIT_TASK_URL = new URL('./intent-fit-task.js', import.meta.url);
const NF = LIVE_FEATURES.length;
/** Share of the finished sessions (the newest) that validates a candidate. */
const VALIDATION_SHARE = 0.2;
/** Fewest sessions of each class a fit needs (in training and in validation). */
const MIN_PER_CLASS = 10;
/** A new fit waits for this share of new sessions since the last one. */
const MIN_NEW_SHARE = 0.1;
const SWEEP_EVERY_MS = 1000;
export const DEFAULT_BACKFILL_EVENTS = 300_000;

/**
 * The live model's shape: small trees and a few hundred rounds at most, so a model
 * file stays far below the log's record limit and scores in microseconds.
 */
export const LIVE_TRAIN_OPTIONS: Partial<TrainOptions> = { maxLeaves: 8, maxDepth: 4, maxIterations: 300, learningRate: 0.1, minSamplesLeaf: 20, bags: 1 };

export interface IntentTrainerOptions {
  nc: NatsConnection;
  eventLog: EventLog;
  log: Logger;
  item(itemId: string): LiveItemFacts | undefined;
  gapMs: number;
  everyMs: number;
  minSessions: number;
  backfillEvents?: number;
}


export class IntentTrainer {
  readonly #o: IntentTrainerOptions;
  readonly collector: SessionCollector;
  #pump: LogPump | undefined;
  #pool: Piscina | undefined;
  #timers: NodeJS.Timeout[] = [];
  #fitting = false;
  #fittedAt = 0;
  #lastFit: IntentReport['lastFit'] = null;
  #closed = false;

  constructor(o: IntentTrainerOptions) {
    this.#o = o;
    this.collector = new SessionCollector({ gapMs: o.gapMs, item: o.item });
  }

  async start(): Promise<void> {
    const js = jetstream(this.#o.nc, { timeout: 5000 });
    const last = (await (await jetstreamManager(this.#o.nc)).streams.info(EVENT_STREAM)).state.last_seq;
    const from = Math.max(1, last - (this.#o.backfillEvents ?? DEFAULT_BACKFILL_EVENTS) + 1);
    await this.#readDefinitionsBefore(from);
    this.#pump = new LogPump({
      js, startSeq: from,
      onBatch: (batch) => {
        for (const r of batch) {
          try {
            this.collector.observe(decodeEvent(r.data), r.seq);
          } catch {
            // undecodable: the fold loop logs it
          }
        }
      },
      onError: (err) => this.#o.log.error('intent trainer stopped reading the log', { err }),
    });
    await this.#pump.start();
    this.#timers.push(setInterval(() => this.collector.sweep(), SWEEP_EVERY_MS));
    if (this.#o.everyMs > 0) this.#timers.push(setInterval(() => void this.fitNow(), this.#o.everyMs));
  }

  /** Definitions are rare: all of them before the backfill window are applied first. */
  async #readDefinitionsBefore(from: number): Promise<void> {
    if (from <= 1) return;
    const js = jetstream(this.#o.nc, { timeout: 5000 });
    const c = await js.consumers.get(EVENT_STREAM, { filter_subjects: DEFINITIONS_SUBJECT, deliver_policy: DeliverPolicy.All });
    let pending = (await c.info()).num_pending;
    while (pending > 0) {
      const batch = await c.fetch({ max_messages: Math.min(pending, 1000), expires: 2000 });
      let got = 0;
      for await (const m of batch) {
        got++;
        pending = m.info.pending;
        if (m.seq >= from) return;
        this.collector.observe(decodeEvent(m.data), m.seq);
      }
      if (got === 0) return;
    }
  }

  /** One fit now (also on the timer): trains, validates, publishes if better. Resolves with the fit's outcome. */
  async fitNow(): Promise<IntentReport['lastFit']> {
    if (this.#fitting || this.#closed) return this.#lastFit;
    const sessions = this.collector.finished;
    const total = this.collector.finishedTotal;
    if (sessions.length < this.#o.minSessions) return this.#lastFit;
    if (this.#fittedAt > 0 && total - this.#fittedAt < MIN_NEW_SHARE * sessions.length) return this.#lastFit;
    const split = Math.floor(sessions.length * (1 - VALIDATION_SHARE));
    const train = sessions.slice(0, split);
    const val = sessions.slice(split);
    const count = (list: FinishedSession[], l: number) => list.reduce((n, s) => n + (s.label === l ? 1 : 0), 0);
    if (Math.min(count(train, 0), count(train, 1), count(val, 0), count(val, 1)) < MIN_PER_CLASS) return this.#lastFit;
    this.#fitting = true;
    this.#fittedAt = total;
    try {
      const task = toTask(train, val, this.collector.registry.intent ? this.#currentPayload() : undefined);
      this.#pool ??= new Piscina({ filename: FIT_TASK_URL.href, minThreads: 0, maxThreads: 1, idleTimeout: 60_000 });
      const reply = (await this.#pool.run(task, { transferList: [task.x.buffer as ArrayBuffer, task.y.buffer as ArrayBuffer] })) as IntentFitReply;
      if (!reply.ok) {
        this.#o.log.warn('intent fit failed', { message: reply.message });
        return this.#lastFit;
      }
      const wins = reply.currentAuc === null || reply.auc > reply.currentAuc;
      let reason = wins ? (reply.currentAuc === null ? 'first model' : 'beats the model in force on the validation window') : 'does not beat the model in force';
      let published = false;
      if (wins && !this.#closed) {
        const version = this.collector.registry.version(INTENT_MODEL_KIND, INTENT_MODEL_ID) + 1;
        try {
          await this.#o.eventLog.appendDefinition({ defKind: INTENT_MODEL_KIND, defId: INTENT_MODEL_ID, defVersion: version, payload: reply.payload });
          published = true;
          this.#o.log.info('intent model published', { version, auc: round(reply.auc), currentAuc: reply.currentAuc === null ? null : round(reply.currentAuc), trees: reply.trees, bytes: reply.bytes, ms: reply.ms });
        } catch (err) {
          reason = `publish failed: ${(err as Error).message}`;
          this.#o.log.warn('intent model not published', { err });
        }
      }
      this.#lastFit = {
        at: Date.now(), auc: round(reply.auc), currentAuc: reply.currentAuc === null ? null : round(reply.currentAuc), published, reason,
        trainRows: reply.trainRows, validationRows: reply.validationRows, ms: reply.ms,
      };
      return this.#lastFit;
    } finally {
      this.#fitting = false;
    }
  }

  #currentPayload(): string | undefined {
    return this.collector.registry.toSnapshot().entries.find((d) => d.defKind === INTENT_MODEL_KIND && d.defId === INTENT_MODEL_ID)?.payload;
  }

  report(): IntentReport {
    const c = this.collector;
    const m = c.registry.intent;
    const scored = c.finished.filter((s) => s.version > 0);
    const last = Float64Array.from(scored, (s) => s.lastScore);
    const lastLabels = Uint8Array.from(scored, (s) => s.label);
    const eventScores: number[] = [];
    const eventLabels: number[] = [];
    for (const s of scored) {
      for (const p of s.scores) {
        if (Number.isFinite(p)) {
          eventScores.push(p);
          eventLabels.push(s.label);
        }
      }
    }
    const finite = (v: number) => (Number.isFinite(v) ? round(v) : null);
    return {
      model: m ? { version: m.version, publishedAt: m.ts, trees: m.model.treeCount } : null,
      sessions: { open: c.openSessions, finished: c.finished.length, positives: c.finished.reduce((n, s) => n + s.label, 0) },
      lastFit: this.#lastFit,
      prequential: {
        sessions: scored.length,
        auc: finite(rocAuc(last, lastLabels)),
        eventAuc: finite(rocAuc(eventScores, eventLabels)),
        brier: finite(brier(last, lastLabels)),
        calibration: calibration(last, lastLabels),
      },
      distribution: histogram(c.openScores()),
      refused: c.registry.refusals.length,
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const t of this.#timers) clearInterval(t);
    await this.#pump?.close();
    await this.#pool?.destroy();
  }
}

function toTask(train: FinishedSession[], val: FinishedSession[], current: string | undefined): IntentFitTask {
  const rows = (list: FinishedSession[]) => list.reduce((n, s) => n + s.scores.length, 0);
  const nt = rows(train);
  const n = nt + rows(val);
  const x = new Float64Array(n * NF);
  const y = new Uint8Array(n);
  let i = 0;
  for (const s of [...train, ...val]) {
    x.set(s.rows, i * NF);
    y.fill(s.label, i, i + s.scores.length);
    i += s.scores.length;
  }
  return { x, y, trainRows: nt, ...(current ? { current } : {}), options: LIVE_TRAIN_OPTIONS };
}
