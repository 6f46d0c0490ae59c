/**
 * TrackBatch: a bidirectional stream of events and their acks.
 *
 * Up to `window` events of one stream are being appended at once (and at most the
 * shared `events` budget over all streams); past that the server stops reading,
 * so HTTP/2 flow control slows the client instead of a queue growing. Acks go out
 * in request order, each once the log stored its event; a bad event gets an Ack
 * with `error` and the stream goes on. When the client cancels or the deadline
 * passes, no further event is appended.
 */
import type * as grpc from '@grpc/grpc-js';
import type { Ack } from '../../protos/gen/engine/shop/v1/Ack.js';
import type { Event__Output } from '../../protos/gen/engine/shop/v1/Event.js';
import type { EngineServices } from '../services/index.js';
import type { Budget } from './budget.js';
import type { CallContext } from './call-guard.js';
import { eventFromProto } from './event-input.js';
import { toErrorDetail } from './status-error.js';

export interface TrackBatchLimits {
  /** Events of one stream in flight to the log at once. */
  window: number;
  /** Events in flight over all TrackBatch streams. */
  events: Budget;
}

interface Slot {
  ack: Ack | undefined;
}

export function trackBatch(services: EngineServices, limits: TrackBatchLimits) {
  return (call: grpc.ServerDuplexStream<Event__Output, Ack>, ctx: CallContext): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const order: Slot[] = [];
      let index = 0;
      let inFlight = 0;
      let ended = false;
      let settled = false;
      let readPaused = false;
      let writeBlocked = false;
      let waitingForBudget = 0;
      const cancels = new Set<() => void>();

      const settle = (err?: unknown) => {
        if (settled) return;
        settled = true;
        for (const c of cancels) c();
        call.removeListener('data', onData);
        if (err === undefined) resolve();
        else reject(err);
      };
      const updateReading = () => {
        const full = inFlight + waitingForBudget >= limits.window || writeBlocked;
        if (full && !readPaused) {
          readPaused = true;
          call.pause();
        } else if (!full && readPaused) {
          readPaused = false;
          call.resume();
        }
      };
      const flush = () => {
        while (order.length > 0 && order[0]!.ack !== undefined && !writeBlocked) {
          const ack = order.shift()!.ack!;
          if (!call.write(ack)) {
            writeBlocked = true;
            call.once('drain', () => {
              writeBlocked = false;
              flush();
              updateReading();
            });
          }
        }
        if (ended && order.length === 0 && !writeBlocked && !settled) {
          call.end();
          settle();
        }
      };
      const onData = (m: Event__Output) => {
        if (ctx.signal.aborted) return;
        const slot: Slot = { ack: undefined };
        const i = index++;
        order.push(slot);
        let e;
        try {
          e = eventFromProto(m, services.tracking);
        } catch (err) {
          slot.ack = { id: m.id, seq: 0, duplicate: false, index: i, error: toErrorDetail(err) };
          flush();
          return;
        }
        const event = e;
        const take = limits.events.take();
        waitingForBudget++;
        cancels.add(take.cancel);
        updateReading();
        void take.taken.then(async () => {
          cancels.delete(take.cancel);
          waitingForBudget--;
          if (ctx.signal.aborted) {
            limits.events.release();
            return;
          }
          inFlight++;
          updateReading();
          try {
            const r = await services.tracking.track(event);
            slot.ack = { id: r.id, seq: r.seq, duplicate: r.duplicate, index: i };
          } catch (err) {
            slot.ack = { id: event.id, seq: 0, duplicate: false, index: i, error: toErrorDetail(err) };
          } finally {
            inFlight--;
            limits.events.release();
          }
          if (ctx.signal.aborted) return;
          flush();
          updateReading();
        });
      };

      call.on('data', onData);
      call.on('end', () => {
        ended = true;
        flush();
      });
      call.on('error', (err) => settle(err));
      ctx.signal.onAbort(settle);
    });
}
