/**
 * The log pump: the one JetStream consumer loop. It reads the event stream from a
 * sequence on, gathers what arrived in one event-loop turn (up to `maxBatch`) and
 * hands it to `onBatch` synchronously, so the consumer commits a whole batch at once.
 * Shards use it; so will other folds of the log (analytics).
 *
 * Lifecycle: idle -> running -> closing -> closed.
 */
import { DeliverPolicy, type ConsumerMessages, type JetStreamClient } from '@nats-io/jetstream';
import { ALL_EVENT_SUBJECTS, EVENT_STREAM } from '../placement/index.js';

/** One record of the log, not yet decoded. */
export interface LogRecord {
  seq: number;
  data: Uint8Array;
  /** When JetStream stored it (ms since the epoch): how far behind a consumer is. */
  storedAt: number;
}

export interface LogPumpOptions {
  js: JetStreamClient;
  /** First sequence to deliver (1 = the whole log). */
  startSeq: number;
  /** @default every event subject */
  filterSubjects?: string | string[];
  /** @default DEFAULT_MAX_BATCH */
  maxBatch?: number;
  /** Called with each batch, in log order; a throw stops the pump (the owner restarts from its cursors). */
  onBatch(batch: LogRecord[]): void;
  /** The pump stopped because of an error (not by close()). */
  onError(err: unknown): void;
}

export const DEFAULT_MAX_BATCH = 1000;

export class LogPump {
  readonly #opts: Required<Omit<LogPumpOptions, 'filterSubjects'>> & { filterSubjects: string | string[] };
  #queue: LogRecord[] = [];
  #scheduled = false;
  #messages: ConsumerMessages | undefined;
  #state: 'idle' | 'running' | 'closing' | 'closed' = 'idle';
  #pending = 0;

  constructor(opts: LogPumpOptions) {
    if (!Number.isInteger(opts.startSeq) || opts.startSeq < 1) throw new RangeError(`log pump option "startSeq" must be an integer >= 1, got ${opts.startSeq}`);
    const maxBatch = opts.maxBatch ?? DEFAULT_MAX_BATCH;
    if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new RangeError(`log pump option "maxBatch" must be a positive integer, got ${maxBatch}`);
    this.#opts = { ...opts, maxBatch, filterSubjects: opts.filterSubjects ?? ALL_EVENT_SUBJECTS };
  }

  /** Messages in the log after the last one delivered (the consumer's lag). */
  get pending(): number {
    return this.#pending;
  }

  get state(): 'idle' | 'running' | 'closing' | 'closed' {
    return this.#state;
  }

  async start(): Promise<void> {
    if (this.#state !== 'idle') throw new Error(`log pump cannot start when ${this.#state}`);
    this.#state = 'running';
    const consumer = await this.#opts.js.consumers.get(EVENT_STREAM, {
      filter_subjects: this.#opts.filterSubjects,
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: this.#opts.startSeq,
    });
    this.#messages = await consumer.consume({ max_messages: 4 * this.#opts.maxBatch });
    void this.#run(this.#messages);
  }

  async #run(messages: ConsumerMessages): Promise<void> {
    try {
      for await (const m of messages) {
        const info = m.info;
        this.#queue.push({ seq: m.seq, data: m.data, storedAt: info.timestampNanos / 1e6 });
        this.#pending = info.pending;
        if (this.#queue.length >= this.#opts.maxBatch) this.flush();
        else if (!this.#scheduled) {
          this.#scheduled = true;
          setImmediate(() => this.flush());
        }
      }
    } catch (err) {
      if (this.#state === 'running') this.#opts.onError(err);
    }
  }

  /** Hands what is queued to onBatch now (also used at close, so nothing read is left unapplied). */
  flush(): void {
    this.#scheduled = false;
    if (this.#queue.length === 0) return;
    const batch = this.#queue;
    this.#queue = [];
    this.#opts.onBatch(batch);
  }

  /** Stops reading and applies what was already read. */
  async close(): Promise<void> {
    if (this.#state === 'closed' || this.#state === 'closing') return;
    this.#state = 'closing';
    await this.#messages?.close();
    this.flush();
    this.#state = 'closed';
  }
}
