/**
 * A/B tests over gRPC (shop.v1.Engine PutExperiment, GetExperiment): the same
 * Experiments service as /api/admin/experiments, so validation and typed errors are
 * the same (a bad field is E_BAD_REQUEST naming it, INVALID_ARGUMENT here).
 */
import type { ExperimentGetRequest__Output } from '../../protos/gen/engine/shop/v1/ExperimentGetRequest.js';
import type { ExperimentPublished } from '../../protos/gen/engine/shop/v1/ExperimentPublished.js';
import type { ExperimentPutRequest__Output } from '../../protos/gen/engine/shop/v1/ExperimentPutRequest.js';
import type { ExperimentReport } from '../../protos/gen/engine/shop/v1/ExperimentReport.js';
import { BadRequestError, UnavailableError } from '../errors/index.js';
import type { Experiments } from '../services/experiments.js';

export function experimentHandlers(experiments: () => Experiments | undefined) {
  const svc = (): Experiments => {
    const e = experiments();
    if (!e) throw new UnavailableError('experiments are not served by this gRPC server (no operator API)');
    return e;
  };
  return {
    async putExperiment(req: ExperimentPutRequest__Output): Promise<ExperimentPublished> {
      let raw: unknown;
      try {
        raw = JSON.parse(req.experimentJson);
      } catch {
        throw new BadRequestError('experiment_json is not valid JSON', 'experiment_json');
      }
      return svc().put(raw);
    },
    async getExperiment(req: ExperimentGetRequest__Output): Promise<ExperimentReport> {
      const r = svc().report(req.id);
      return {
        id: r.id, phase: r.phase, version: r.version, status: r.status, metric: r.metric,
        variants: r.variants.map((v) => {
          const l = v.lift?.[r.metric];
          return {
            name: v.name, weight: v.weight, exposures: v.exposures, conversions: v.conversions, conversionRate: v.conversionRate,
            recCtr: v.recCtr, revenuePerUser: v.revenuePerUser, aov: v.aov, couponCost: v.couponCost,
            lift: l?.lift ?? 0, liftCiLow: l?.ci[0] ?? 0, liftCiHigh: l?.ci[1] ?? 0, pAdjusted: l?.pAdjusted ?? 1, sequentialDecision: l?.sequential.decision ?? '',
          };
        }),
        srmP: r.srm.p, srmFlagged: r.srm.flagged, decision: r.decision, reportJson: JSON.stringify(r),
      };
    },
  };
}
