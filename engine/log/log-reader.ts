/**
 * One-off reads of the log for the main thread's operators' tools: every definition
 * (rare, small: the promotions admin folds them into its own registry) and the recent
 * events of all shoppers (a rule's dry run). Ephemeral consumers, read and dropped.
 */
import { DeliverPolicy, jetstream, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { decodeEvent, type ShopEvent } from '../../protos/index.js';
import { ALL_EVENT_SUBJECTS, DEFINITIONS_SUBJECT, EVENT_STREAM } from '../placement/index.js';

export interface ReadRecord {
  seq: number;
  event: ShopEvent;
}

const FETCH = 1000;

async function readAll(nc: NatsConnection, opts: { subject: string; startTime?: Date; max: number }): Promise<ReadRecord[]> {
  const js = jetstream(nc, { timeout: 5000 });
  const c = await js.consumers.get(EVENT_STREAM, {
    filter_subjects: opts.subject,
    ...(opts.startTime ? { deliver_policy: DeliverPolicy.StartTime, opt_start_time: opts.startTime.toISOString() } : { deliver_policy: DeliverPolicy.All }),
  });
  const out: ReadRecord[] = [];
  let pending = (await c.info()).num_pending;
  while (pending > 0 && out.length < opts.max) {
    const batch = await c.fetch({ max_messages: Math.min(pending, FETCH, opts.max - out.length), expires: 2000 });
    let got = 0;
    for await (const m of batch as AsyncIterable<JsMsg>) {
      got++;
      pending = m.info.pending;
      try {
        out.push({ seq: m.seq, event: decodeEvent(m.data) });
      } catch {
        // An undecodable record is skipped here as the shards skip it.
      }
    }
    if (got === 0) break;
  }
  return out;
}

/** Every definition event in log order. */
export function readDefinitions(nc: NatsConnection): Promise<ReadRecord[]> {
  return readAll(nc, { subject: DEFINITIONS_SUBJECT, max: 1_000_000 });
}

/** Events of every subject stored since `since`, in log order, at most `max`. */
export function readRecent(nc: NatsConnection, since: number, max: number): Promise<ReadRecord[]> {
  return readAll(nc, { subject: ALL_EVENT_SUBJECTS, startTime: new Date(since), max });
}
