/**
 * StreamRecommendations: a user's pushes (the ones their WebSocket gets) on a
 * server stream. Subscribes before asking for the current recommendations, so no
 * push falls between the two. A reader that cannot keep up gets the newest
 * recommendations when it is ready again, never a backlog: at most one pending
 * `recs` (newer replaces older) and a few pending coupons.
 */
import type * as grpc from '@grpc/grpc-js';
import { decodePush } from '../../protos/contract.js';
import type { Recommendations } from '../../protos/gen/engine/shop/v1/Recommendations.js';
import type { StreamRequest__Output } from '../../protos/gen/engine/shop/v1/StreamRequest.js';
import type { EngineServices } from '../services/index.js';
import type { CallContext } from './call-guard.js';
import { checkUserId } from './event-input.js';

/** Coupons waiting for a slow reader; past this the oldest is dropped (and counted). */
export const MAX_PENDING_COUPONS = 16;

export interface StreamStats {
  coalesced: number;
  couponsDropped: number;
}

export function streamRecommendations(services: EngineServices, stats: StreamStats) {
  return (call: grpc.ServerWritableStream<StreamRequest__Output, Recommendations>, ctx: CallContext): Promise<void> => {
    const userId = checkUserId(call.request.userId);
    const includeCoupons = call.request.includeCoupons;
    return new Promise<void>((resolve, reject) => {
      let pendingRecs: Recommendations | undefined;
      const pendingCoupons: Recommendations[] = [];
      let blocked = false;
      let done = false;
      let sawRecs = false;

      const flush = () => {
        while (!blocked && !done) {
          const next = pendingCoupons.shift() ?? pendingRecs;
          if (next === undefined) return;
          if (next === pendingRecs) pendingRecs = undefined;
          if (!call.write(next)) {
            blocked = true;
            call.once('drain', () => {
              blocked = false;
              flush();
            });
          }
        }
      };
      const offer = (m: Recommendations) => {
        if (done) return;
        if (m.coupon) {
          if (pendingCoupons.length >= MAX_PENDING_COUPONS) {
            pendingCoupons.shift();
            stats.couponsDropped++;
          }
          pendingCoupons.push(m);
        } else {
          if (pendingRecs !== undefined) stats.coalesced++;
          pendingRecs = m;
        }
        flush();
      };
      const unsubscribe = services.pushes.subscribe(userId, (json) => {
        // Recommendations carries recs and coupons only: order pushes (and types newer than this version) are not streamed.
        const push = decodePush(json);
        if (push?.type === 'recs') {
          sawRecs = true;
          offer({ userId, items: push.items, causedBy: push.causedBy ?? '', ts: push.ts });
        } else if (push?.type === 'coupon' && includeCoupons) offer({ userId, items: [], causedBy: push.causedBy ?? '', ts: push.ts, coupon: push.coupon });
      });
      const finish = (err?: unknown) => {
        if (done) return;
        done = true;
        unsubscribe();
        if (err === undefined) resolve();
        else reject(err);
      };
      ctx.signal.onAbort(finish);
      call.on('error', (err) => finish(err));
      call.on('finish', () => finish());
      if (!call.request.skipCurrent) {
        services.asks.recommend(userId).then(
          // A push that arrived first is newer or as new: keep it.
          (r) => {
            if (!sawRecs) offer({ userId, items: r.items, causedBy: '', ts: r.ts });
          },
          (err: unknown) => finish(err),
        );
      }
    });
  };
}
