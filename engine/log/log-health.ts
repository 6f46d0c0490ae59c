/**
 * Whether the event log can take events right now, checked rather than assumed: a
 * JetStream request answered within a deadline (an open client object proves
 * nothing: it reconnects forever), and free space on the disk under DATA_DIR.
 * Appends are refused with E_STORAGE_FULL while free space is under the low-water
 * mark, before nats-server or LMDB hit a full disk (nats-server 2.9 wedges its
 * JetStream there until restarted); they resume by themselves once space is back.
 */
import { statfsSync } from 'node:fs';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from '../observability/index.js';

export const DEFAULT_MIN_FREE_BYTES = 32 * 1024 * 1024;
const PROBE_INTERVAL_MS = 1000;
const PROBE_TIMEOUT_MS = 2000;
/** JetStream unanswered this long while the disk has room: the server is stuck. */
const STUCK_AFTER_MS = 10_000;
/** Free space must climb back above low-water x this before appends resume (no flapping). */
const RESUME_FACTOR = 1.5;

export interface LogHealthOptions {
  /** The directory whose filesystem holds the log and the LMDB files. */
  dataDir: string;
  minFreeBytes: number;
  log: Logger;
  /** Called when JetStream stays unanswered with room on disk (the embedded server restarts itself). */
  onStuck?: () => void;
}

export interface LogHealthSnapshot {
  /** JetStream answered the last probe. */
  jetstream: boolean;
  /** Appends are refused: free space is under the low-water mark. */
  storageFull: boolean;
  freeBytes: number;
  minFreeBytes: number;
  /** Milliseconds since JetStream last answered; null before the first answer. */
  lastAnswerAgoMs: number | null;
}

export class LogHealth {
  readonly #nc: NatsConnection;
  readonly #opts: LogHealthOptions;
  #jsm: JetStreamManager | undefined;
  #timer: NodeJS.Timeout | undefined;
  #probing = false;
  #jetstream = false;
  #lastAnswerAt = 0;
  #firstFailureAt = 0;
  #storageFull = false;
  #freeBytes = Number.POSITIVE_INFINITY;

  constructor(nc: NatsConnection, opts: LogHealthOptions) {
    this.#nc = nc;
    this.#opts = opts;
  }

  /** Probes once (so the first /health is already true), then every second. */
  async start(): Promise<void> {
    this.#watchConnection();
    await this.#tick();
    this.#timer = setInterval(() => void this.#tick(), PROBE_INTERVAL_MS);
    this.#timer.unref();
  }

  /** A lost connection is known at once, not at the next probe; a regained one is probed at once. */
  #watchConnection(): void {
    void (async () => {
      for await (const s of this.#nc.status()) {
        if (s.type === 'disconnect') {
          this.#jetstream = false;
          if (this.#firstFailureAt === 0) this.#firstFailureAt = Date.now();
        } else if (s.type === 'reconnect') void this.#tick();
      }
    })().catch(() => undefined);
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  get storageFull(): boolean {
    return this.#storageFull;
  }

  get jetstream(): boolean {
    return this.#jetstream;
  }

  snapshot(): LogHealthSnapshot {
    return {
      jetstream: this.#jetstream,
      storageFull: this.#storageFull,
      freeBytes: Number.isFinite(this.#freeBytes) ? this.#freeBytes : -1,
      minFreeBytes: this.#opts.minFreeBytes,
      lastAnswerAgoMs: this.#lastAnswerAt === 0 ? null : Date.now() - this.#lastAnswerAt,
    };
  }

  async #tick(): Promise<void> {
    this.#checkDisk();
    if (this.#probing) return;
    this.#probing = true;
    try {
      this.#jsm ??= await jetstreamManager(this.#nc, { timeout: PROBE_TIMEOUT_MS });
      await this.#jsm.getAccountInfo();
      if (!this.#jetstream) this.#opts.log.info('JetStream answers');
      this.#jetstream = true;
      this.#lastAnswerAt = Date.now();
      this.#firstFailureAt = 0;
    } catch (err) {
      if (this.#jetstream) this.#opts.log.warn('JetStream does not answer', { err: (err as Error).message });
      this.#jetstream = false;
      this.#jsm = undefined;
      const now = Date.now();
      if (this.#firstFailureAt === 0) this.#firstFailureAt = now;
      if (now - this.#firstFailureAt >= STUCK_AFTER_MS && !this.#storageFull && this.#opts.onStuck) {
        this.#opts.log.error('JetStream has not answered for a while with room on disk', { ms: now - this.#firstFailureAt });
        this.#firstFailureAt = now; // give the remedy time before calling it again
        this.#opts.onStuck();
      }
    } finally {
      this.#probing = false;
    }
  }

  #checkDisk(): void {
    try {
      const s = statfsSync(this.#opts.dataDir);
      this.#freeBytes = Number(s.bavail) * Number(s.bsize);
    } catch (err) {
      this.#opts.log.warn('cannot read free disk space', { dir: this.#opts.dataDir, err: (err as Error).message });
      return;
    }
    const min = this.#opts.minFreeBytes;
    if (!this.#storageFull && this.#freeBytes < min) {
      this.#storageFull = true;
      this.#opts.log.error('disk under DATA_DIR is nearly full: refusing events until space is freed', { freeBytes: this.#freeBytes, minFreeBytes: min });
    } else if (this.#storageFull && this.#freeBytes >= min * RESUME_FACTOR) {
      this.#storageFull = false;
      this.#opts.log.info('disk space is back: accepting events again', { freeBytes: this.#freeBytes });
    }
  }
}
