/**
 * shop.v1.Analytics: the admin HTTP API's reports over gRPC. Each call builds the
 * same request the HTTP route reads (so validation, defaults and typed errors are the
 * same, fields named in snake_case) and maps the answer onto the generated types. The
 * API key was checked by the call guard, as for every Engine call.
 */
import type { AbcReport } from '../../protos/gen/engine/shop/v1/AbcReport.js';
import type { AbcRequest__Output } from '../../protos/gen/engine/shop/v1/AbcRequest.js';
import type { AnalyticsHandlers } from '../../protos/gen/engine/shop/v1/Analytics.js';
import type { AsOfRequest__Output } from '../../protos/gen/engine/shop/v1/AsOfRequest.js';
import type { CohortReport } from '../../protos/gen/engine/shop/v1/CohortReport.js';
import type { CustomerRequest__Output } from '../../protos/gen/engine/shop/v1/CustomerRequest.js';
import type { CustomerScores } from '../../protos/gen/engine/shop/v1/CustomerScores.js';
import type { FunnelReport } from '../../protos/gen/engine/shop/v1/FunnelReport.js';
import type { FunnelRequest__Output } from '../../protos/gen/engine/shop/v1/FunnelRequest.js';
import type { HotList } from '../../protos/gen/engine/shop/v1/HotList.js';
import type { HotRequest__Output } from '../../protos/gen/engine/shop/v1/HotRequest.js';
import type { KpiCounts } from '../../protos/gen/engine/shop/v1/KpiCounts.js';
import type { KpiReport } from '../../protos/gen/engine/shop/v1/KpiReport.js';
import type { KpisRequest__Output } from '../../protos/gen/engine/shop/v1/KpisRequest.js';
import type { RfmReport } from '../../protos/gen/engine/shop/v1/RfmReport.js';
import type { SegmentsReport } from '../../protos/gen/engine/shop/v1/SegmentsReport.js';
import type { SegmentsRequest__Output } from '../../protos/gen/engine/shop/v1/SegmentsRequest.js';
import {
  adminAbc, adminCohorts, adminCustomer, adminFunnel, adminHot, adminKpis, adminRfm, adminSegments, type AdminDeps, type AdminRequest,
} from '../gateway/admin-routes.js';
import { fieldError } from './status-error.js';
import type { CallGuard } from './call-guard.js';

/** The HTTP route's query from the request's set fields (proto3: empty = not set). */
function request(fields: Record<string, string | number | undefined>): AdminRequest {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '' && v !== 0) query.set(k, String(v));
  // The call guard authenticated the caller; the routes' own check is satisfied by this marker.
  return { query, apiKey: GRPC_CALLER, token: undefined };
}

const GRPC_CALLER = '\u0000grpc-authenticated';

function counts(b: object & { start?: string }): KpiCounts {
  return { ...(b as KpiCounts), start: b.start ?? '' };
}

export function analyticsHandlers(deps: AdminDeps, g: CallGuard): AnalyticsHandlers {
  // Same routes, with the guard's authentication standing in for the key check.
  const d: AdminDeps = { ...deps, isOperator: (key) => key === GRPC_CALLER };
  return {
    GetKpis: g.unaryCall('GetKpis', (r: KpisRequest__Output): KpiReport => {
      const k = adminKpis(d, request({ granularity: r.granularity, from: r.from, to: r.to }));
      return { granularity: k.granularity, from: k.from, to: k.to, buckets: k.buckets.map(counts), totals: counts(k.totals) };
    }),
    GetHot: g.unaryCall('GetHot', (r: HotRequest__Output): HotList => {
      const h = adminHot(d, request({ kind: r.kind, limit: r.limit }));
      return { kind: h.kind, items: h.items.map((x) => ('itemId' in x ? { itemId: x.itemId, name: x.name, score: x.score } : { query: x.query, score: x.score })) };
    }),
    GetFunnel: g.unaryCall('GetFunnel', (r: FunnelRequest__Output): FunnelReport => {
      const f = adminFunnel(d, request({ from: r.from, to: r.to }));
      return { from: f.from, to: f.to, total: { category: '', ...f.total }, categories: f.categories };
    }),
    GetRfm: g.unaryCall('GetRfm', (r: AsOfRequest__Output): RfmReport => {
      const x = adminRfm(d, request({ asOf: r.asOf }));
      return { asOf: x.asOf, customers: x.customers, segments: x.segments };
    }),
    GetSegments: g.unaryCall('GetSegments', (r: SegmentsRequest__Output): SegmentsReport => {
      const x = adminSegments(d, request({ asOf: r.asOf, since: r.since }));
      return {
        asOf: x.asOf, since: x.since, customers: x.customers, segments: x.segments, moved: x.moved,
        transitions: Object.entries(x.transitions).map(([from, to]) => ({ from, to })),
      };
    }),
    GetCohorts: g.unaryCall('GetCohorts', (r: AsOfRequest__Output): CohortReport => {
      const x = adminCohorts(d, request({ asOf: r.asOf }));
      return { asOf: x.asOf, cohorts: x.cohorts.map((c) => ({ cohort: c.cohort, size: c.size, retention: c.retention, revenueRetention: c.revenueRetention })) };
    }),
    GetAbc: g.unaryCall('GetAbc', (r: AbcRequest__Output): AbcReport => {
      const x = adminAbc(d, request({ asOf: r.asOf, from: r.from }));
      return {
        asOf: x.asOf, from: x.from ?? '', classes: x.classes, revenue: x.revenue, totalRevenue: x.totalRevenue,
        top: x.top.map((p) => ({ itemId: p.itemId, name: p.name, revenue: p.revenue, cumulativeShare: p.cumulativeShare, abcClass: p.class })),
      };
    }),
    GetCustomer: g.unaryCall('GetCustomer', async (r: CustomerRequest__Output): Promise<CustomerScores> => {
      if (!r.customerId) throw fieldError('customer_id', '"customer_id" is required');
      const c = await adminCustomer(d, request({ asOf: r.asOf }), r.customerId);
      return {
        customerId: c.customerId, orders: c.orders, revenue: c.revenue, firstOrder: c.firstOrder ?? '', lastOrder: c.lastOrder ?? '',
        scored: c.rfm !== null, ...(c.rfm ?? {}), segment: c.segment ?? '',
        modeled: c.model !== null, pAlive: c.pAlive ?? 0, expectedPurchases_90d: c.expectedPurchases90d ?? 0, clv_12m: c.clv12m ?? 0,
      };
    }),
  };
}
