/**
 * The CTR model of this node, learned from the log (actors/ads/ctr-fold.ts): a LogPump
 * over the whole event stream folds the ad events in log order, so every node holds the
 * model of the same log position, and a click stored by any node moves every node's
 * predictions as soon as its pump delivers it. A checkpoint (the FTRL state, the
 * impressions awaiting a label, the log sequence folded) is written to DATA_DIR every
 * CHECKPOINT_EVERY_MS and at close; a restart loads it and replays the tail after its
 * sequence, so the model is the one it would have been without the restart. Without a
 * checkpoint (a new node) the whole log is replayed: the same fold, from the start.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { CtrFold, type CalibrationBucket } from '../../actors/ads/index.js';
import { decodeEvent, peekEventKind, WireKind } from '../../protos/index.js';
import { LogPump, type LogRecord } from '../log/index.js';
import type { Logger } from '../observability/index.js';
import { EVENT_STREAM } from '../placement/index.js';

/** How often the checkpoint is rewritten (when the fold moved). */
export const CHECKPOINT_EVERY_MS = 5_000;
/** How long start() waits for the replay to reach the end of the log before serving anyway (and saying so). */
export const CATCH_UP_TIMEOUT_MS = 60_000;
const CHECKPOINT_FORMAT = 1;
const AD_KINDS = new Set<number>([WireKind.AD_IMPRESSION, WireKind.AD_CLICK]);

export interface CtrLearnerOptions {
  nc: NatsConnection;
  /** Where the checkpoint lives (DATA_DIR/ads-ctr/). */
  dataDir: string;
  logger?: Logger | undefined;
  /** @default CHECKPOINT_EVERY_MS */
  checkpointEveryMs?: number;
}

interface CheckpointHeader {
  format: number;
  seq: number;
  bits: number;
  updates: number;
  clock: number;
  loss: CtrFold['loss'];
  calib: CtrFold['calib'];
  pending: Array<[id: string, userId: string, ts: number, idx: number[]]>;
}

export interface CtrModelReport {
  version: string;
  /** Last log sequence folded. */
  seq: number;
  examples: number;
  clicks: number;
  logloss: number | null;
  pending: number;
  /** Hash of the model's state: equal on two nodes (or before and after a restart) = the same model. */
  fingerprint: string;
  calibration: CalibrationBucket[];
  /** Where this run started: from a checkpoint (its sequence) or a full replay. */
  restoredFrom: { checkpointSeq: number } | 'replay';
}

export class CtrLearner {
  readonly #o: CtrLearnerOptions;
  fold = new CtrFold();
  #seq = 0;
  #savedSeq = 0;
  #restored: CtrModelReport['restoredFrom'] = 'replay';
  #pump: LogPump | undefined;
  #timer: NodeJS.Timeout | undefined;
  #saving: Promise<void> | undefined;
  readonly #dir: string;

  constructor(o: CtrLearnerOptions) {
    this.#o = o;
    this.#dir = join(o.dataDir, 'ads-ctr');
  }

  get seq(): number {
    return this.#seq;
  }

  /** Loads the checkpoint, replays the log after it up to its current end (bounded wait), then follows it live. */
  async start(): Promise<void> {
    const info = await (await jetstreamManager(this.#o.nc)).streams.info(EVENT_STREAM);
    this.#load(info.state.first_seq, info.state.last_seq);
    const target = info.state.last_seq;
    let caughtUp: () => void = () => {};
    const reached = new Promise<void>((r) => (caughtUp = r));
    if (this.#seq >= target) caughtUp();
    this.#pump = new LogPump({
      js: jetstream(this.#o.nc, { timeout: 5000 }),
      startSeq: this.#seq + 1,
      onBatch: (batch) => {
        this.#foldBatch(batch);
        if (this.#seq >= target) caughtUp();
      },
      onError: (err) => this.#o.logger?.error('ads: the CTR learner stopped reading the log', { err }),
    });
    await this.#pump.start();
    let timer: NodeJS.Timeout | undefined;
    const late = await Promise.race([reached.then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), CATCH_UP_TIMEOUT_MS)))]);
    clearTimeout(timer);
    if (late) this.#o.logger?.warn('ads: CTR model still replaying the log; serving with the model so far', { seq: this.#seq, target });
    this.#timer = setInterval(() => void this.checkpoint(), this.#o.checkpointEveryMs ?? CHECKPOINT_EVERY_MS);
    this.#timer.unref();
  }

  #foldBatch(batch: LogRecord[]): void {
    for (const r of batch) {
      this.#seq = r.seq;
      const kind = peekEventKind(r.data);
      if (kind === undefined || !AD_KINDS.has(kind)) continue;
      try {
        this.fold.apply(decodeEvent(r.data));
      } catch {
        // undecodable: the shards log it; it teaches the model nothing
      }
    }
  }

  report(): CtrModelReport {
    const f = this.fold;
    return {
      version: f.version, seq: this.#seq, examples: f.loss.n, clicks: f.loss.clicks, logloss: f.loss.n ? f.loss.sum / f.loss.n : null,
      pending: f.pending.size, fingerprint: this.fingerprint(), calibration: f.calibration(), restoredFrom: this.#restored,
    };
  }

  /** sha1 of the weights' state and the open impressions (about 5 ms for 2^18 weights). */
  fingerprint(): string {
    const h = createHash('sha1');
    h.update(new Uint8Array(this.fold.model.z.buffer));
    h.update(new Uint8Array(this.fold.model.n.buffer));
    h.update(String(this.fold.model.updates));
    for (const id of this.fold.pending.keys()) h.update(id);
    return h.digest('hex').slice(0, 16);
  }

  /** Writes the checkpoint if the fold moved since the last one (tmp file + rename: never a torn one). */
  async checkpoint(): Promise<void> {
    if (this.#saving) return this.#saving;
    if (this.#seq === this.#savedSeq) return;
    const f = this.fold;
    const header: CheckpointHeader = {
      format: CHECKPOINT_FORMAT, seq: this.#seq, bits: f.model.opts.bits, updates: f.model.updates, clock: f.clock,
      loss: { ...f.loss }, calib: f.calib.map((c) => ({ ...c })), pending: [...f.pending].map(([id, p]) => [id, p.userId, p.ts, p.idx]),
    };
    const head = Buffer.from(JSON.stringify(header));
    const len = Buffer.alloc(4);
    len.writeUInt32LE(head.length);
    // Copies taken now: the fold goes on while the file is written.
    const body = Buffer.concat([len, head, Buffer.from(f.model.z.slice().buffer), Buffer.from(f.model.n.slice().buffer)]);
    const seq = this.#seq;
    this.#saving = (async () => {
      try {
        mkdirSync(this.#dir, { recursive: true });
        const tmp = join(this.#dir, 'checkpoint.tmp');
        await writeFile(tmp, body);
        renameSync(tmp, join(this.#dir, 'checkpoint.bin'));
        this.#savedSeq = seq;
      } catch (err) {
        this.#o.logger?.warn('ads: CTR checkpoint not written (a restart replays more of the log)', { err });
      } finally {
        this.#saving = undefined;
      }
    })();
    return this.#saving;
  }

  /** A checkpoint is used only if it belongs to this stream (its sequence within the log's range). */
  #load(firstSeq: number, lastSeq: number): void {
    const file = join(this.#dir, 'checkpoint.bin');
    if (!existsSync(file)) return;
    try {
      const buf = readFileSync(file);
      const hl = buf.readUInt32LE(0);
      const header = JSON.parse(buf.subarray(4, 4 + hl).toString()) as CheckpointHeader;
      const fold = new CtrFold({ bits: header.bits });
      const size = fold.model.z.length * 8;
      if (header.format !== CHECKPOINT_FORMAT || buf.length !== 4 + hl + 2 * size) throw new Error('checkpoint of another format or size');
      if (header.seq > lastSeq || (firstSeq > 1 && header.seq < firstSeq - 1)) throw new Error(`checkpoint at seq ${header.seq} is outside the log (${firstSeq}..${lastSeq})`);
      // Copied out: the file's buffer may not be 8-byte aligned.
      fold.model.z.set(new Float64Array(buf.buffer.slice(buf.byteOffset + 4 + hl, buf.byteOffset + 4 + hl + size)));
      fold.model.n.set(new Float64Array(buf.buffer.slice(buf.byteOffset + 4 + hl + size, buf.byteOffset + 4 + hl + 2 * size)));
      fold.model.updates = header.updates;
      fold.clock = header.clock;
      fold.loss = header.loss;
      fold.calib = header.calib;
      for (const [id, userId, ts, idx] of header.pending) fold.pending.set(id, { userId, ts, idx });
      this.fold = fold;
      this.#seq = this.#savedSeq = header.seq;
      this.#restored = { checkpointSeq: header.seq };
    } catch (err) {
      this.#o.logger?.warn('ads: CTR checkpoint not usable; replaying the whole log', { err: (err as Error).message });
    }
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#pump?.close();
    await this.checkpoint();
  }
}
