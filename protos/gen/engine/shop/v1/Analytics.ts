// Original file: protos/shop/v1/engine.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AbcReport as _shop_v1_AbcReport, AbcReport__Output as _shop_v1_AbcReport__Output } from '../../shop/v1/AbcReport.js';
import type { AbcRequest as _shop_v1_AbcRequest, AbcRequest__Output as _shop_v1_AbcRequest__Output } from '../../shop/v1/AbcRequest.js';
import type { AsOfRequest as _shop_v1_AsOfRequest, AsOfRequest__Output as _shop_v1_AsOfRequest__Output } from '../../shop/v1/AsOfRequest.js';
import type { CohortReport as _shop_v1_CohortReport, CohortReport__Output as _shop_v1_CohortReport__Output } from '../../shop/v1/CohortReport.js';
import type { CustomerRequest as _shop_v1_CustomerRequest, CustomerRequest__Output as _shop_v1_CustomerRequest__Output } from '../../shop/v1/CustomerRequest.js';
import type { CustomerScores as _shop_v1_CustomerScores, CustomerScores__Output as _shop_v1_CustomerScores__Output } from '../../shop/v1/CustomerScores.js';
import type { FunnelReport as _shop_v1_FunnelReport, FunnelReport__Output as _shop_v1_FunnelReport__Output } from '../../shop/v1/FunnelReport.js';
import type { FunnelRequest as _shop_v1_FunnelRequest, FunnelRequest__Output as _shop_v1_FunnelRequest__Output } from '../../shop/v1/FunnelRequest.js';
import type { HotList as _shop_v1_HotList, HotList__Output as _shop_v1_HotList__Output } from '../../shop/v1/HotList.js';
import type { HotRequest as _shop_v1_HotRequest, HotRequest__Output as _shop_v1_HotRequest__Output } from '../../shop/v1/HotRequest.js';
import type { KpiReport as _shop_v1_KpiReport, KpiReport__Output as _shop_v1_KpiReport__Output } from '../../shop/v1/KpiReport.js';
import type { KpisRequest as _shop_v1_KpisRequest, KpisRequest__Output as _shop_v1_KpisRequest__Output } from '../../shop/v1/KpisRequest.js';
import type { RfmReport as _shop_v1_RfmReport, RfmReport__Output as _shop_v1_RfmReport__Output } from '../../shop/v1/RfmReport.js';
import type { SegmentsReport as _shop_v1_SegmentsReport, SegmentsReport__Output as _shop_v1_SegmentsReport__Output } from '../../shop/v1/SegmentsReport.js';
import type { SegmentsRequest as _shop_v1_SegmentsRequest, SegmentsRequest__Output as _shop_v1_SegmentsRequest__Output } from '../../shop/v1/SegmentsRequest.js';

/**
 * Shop analytics for operators and BI (the admin HTTP API's reports, field for field in
 * snake_case; definitions in docs/analytics.md and docs/analytics-models.md). Dates are
 * UTC days "YYYY-MM-DD": `as_of` means the orders before its 00:00 count (default:
 * tomorrow, so today's count). Needs the API key like every Engine call.
 */
export interface AnalyticsClient extends grpc.Client {
  /**
   * ABC classes of products by revenue.
   */
  GetAbc(argument: _shop_v1_AbcRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_AbcReport__Output>): grpc.ClientUnaryCall;
  GetAbc(argument: _shop_v1_AbcRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_AbcReport__Output>): grpc.ClientUnaryCall;
  GetAbc(argument: _shop_v1_AbcRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_AbcReport__Output>): grpc.ClientUnaryCall;
  GetAbc(argument: _shop_v1_AbcRequest, callback: grpc.requestCallback<_shop_v1_AbcReport__Output>): grpc.ClientUnaryCall;
  /**
   * ABC classes of products by revenue.
   */
  getAbc(argument: _shop_v1_AbcRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_AbcReport__Output>): grpc.ClientUnaryCall;
  getAbc(argument: _shop_v1_AbcRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_AbcReport__Output>): grpc.ClientUnaryCall;
  getAbc(argument: _shop_v1_AbcRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_AbcReport__Output>): grpc.ClientUnaryCall;
  getAbc(argument: _shop_v1_AbcRequest, callback: grpc.requestCallback<_shop_v1_AbcReport__Output>): grpc.ClientUnaryCall;
  
  /**
   * Monthly acquisition cohorts and their retention (months 0..12).
   */
  GetCohorts(argument: _shop_v1_AsOfRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_CohortReport__Output>): grpc.ClientUnaryCall;
  GetCohorts(argument: _shop_v1_AsOfRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_CohortReport__Output>): grpc.ClientUnaryCall;
  GetCohorts(argument: _shop_v1_AsOfRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_CohortReport__Output>): grpc.ClientUnaryCall;
  GetCohorts(argument: _shop_v1_AsOfRequest, callback: grpc.requestCallback<_shop_v1_CohortReport__Output>): grpc.ClientUnaryCall;
  /**
   * Monthly acquisition cohorts and their retention (months 0..12).
   */
  getCohorts(argument: _shop_v1_AsOfRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_CohortReport__Output>): grpc.ClientUnaryCall;
  getCohorts(argument: _shop_v1_AsOfRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_CohortReport__Output>): grpc.ClientUnaryCall;
  getCohorts(argument: _shop_v1_AsOfRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_CohortReport__Output>): grpc.ClientUnaryCall;
  getCohorts(argument: _shop_v1_AsOfRequest, callback: grpc.requestCallback<_shop_v1_CohortReport__Output>): grpc.ClientUnaryCall;
  
  /**
   * One customer: RFM scores, segment, P(alive), expected purchases, CLV. NOT_FOUND without orders.
   */
  GetCustomer(argument: _shop_v1_CustomerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_CustomerScores__Output>): grpc.ClientUnaryCall;
  GetCustomer(argument: _shop_v1_CustomerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_CustomerScores__Output>): grpc.ClientUnaryCall;
  GetCustomer(argument: _shop_v1_CustomerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_CustomerScores__Output>): grpc.ClientUnaryCall;
  GetCustomer(argument: _shop_v1_CustomerRequest, callback: grpc.requestCallback<_shop_v1_CustomerScores__Output>): grpc.ClientUnaryCall;
  /**
   * One customer: RFM scores, segment, P(alive), expected purchases, CLV. NOT_FOUND without orders.
   */
  getCustomer(argument: _shop_v1_CustomerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_CustomerScores__Output>): grpc.ClientUnaryCall;
  getCustomer(argument: _shop_v1_CustomerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_CustomerScores__Output>): grpc.ClientUnaryCall;
  getCustomer(argument: _shop_v1_CustomerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_CustomerScores__Output>): grpc.ClientUnaryCall;
  getCustomer(argument: _shop_v1_CustomerRequest, callback: grpc.requestCallback<_shop_v1_CustomerScores__Output>): grpc.ClientUnaryCall;
  
  /**
   * Views, cart adds and purchases per category over whole UTC days.
   */
  GetFunnel(argument: _shop_v1_FunnelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_FunnelReport__Output>): grpc.ClientUnaryCall;
  GetFunnel(argument: _shop_v1_FunnelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_FunnelReport__Output>): grpc.ClientUnaryCall;
  GetFunnel(argument: _shop_v1_FunnelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_FunnelReport__Output>): grpc.ClientUnaryCall;
  GetFunnel(argument: _shop_v1_FunnelRequest, callback: grpc.requestCallback<_shop_v1_FunnelReport__Output>): grpc.ClientUnaryCall;
  /**
   * Views, cart adds and purchases per category over whole UTC days.
   */
  getFunnel(argument: _shop_v1_FunnelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_FunnelReport__Output>): grpc.ClientUnaryCall;
  getFunnel(argument: _shop_v1_FunnelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_FunnelReport__Output>): grpc.ClientUnaryCall;
  getFunnel(argument: _shop_v1_FunnelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_FunnelReport__Output>): grpc.ClientUnaryCall;
  getFunnel(argument: _shop_v1_FunnelRequest, callback: grpc.requestCallback<_shop_v1_FunnelReport__Output>): grpc.ClientUnaryCall;
  
  /**
   * The hottest products or search queries now (decayed scores).
   */
  GetHot(argument: _shop_v1_HotRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_HotList__Output>): grpc.ClientUnaryCall;
  GetHot(argument: _shop_v1_HotRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_HotList__Output>): grpc.ClientUnaryCall;
  GetHot(argument: _shop_v1_HotRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_HotList__Output>): grpc.ClientUnaryCall;
  GetHot(argument: _shop_v1_HotRequest, callback: grpc.requestCallback<_shop_v1_HotList__Output>): grpc.ClientUnaryCall;
  /**
   * The hottest products or search queries now (decayed scores).
   */
  getHot(argument: _shop_v1_HotRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_HotList__Output>): grpc.ClientUnaryCall;
  getHot(argument: _shop_v1_HotRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_HotList__Output>): grpc.ClientUnaryCall;
  getHot(argument: _shop_v1_HotRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_HotList__Output>): grpc.ClientUnaryCall;
  getHot(argument: _shop_v1_HotRequest, callback: grpc.requestCallback<_shop_v1_HotList__Output>): grpc.ClientUnaryCall;
  
  /**
   * KPI buckets per minute, hour or day (at most 2880) with totals and rates.
   */
  GetKpis(argument: _shop_v1_KpisRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_KpiReport__Output>): grpc.ClientUnaryCall;
  GetKpis(argument: _shop_v1_KpisRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_KpiReport__Output>): grpc.ClientUnaryCall;
  GetKpis(argument: _shop_v1_KpisRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_KpiReport__Output>): grpc.ClientUnaryCall;
  GetKpis(argument: _shop_v1_KpisRequest, callback: grpc.requestCallback<_shop_v1_KpiReport__Output>): grpc.ClientUnaryCall;
  /**
   * KPI buckets per minute, hour or day (at most 2880) with totals and rates.
   */
  getKpis(argument: _shop_v1_KpisRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_KpiReport__Output>): grpc.ClientUnaryCall;
  getKpis(argument: _shop_v1_KpisRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_KpiReport__Output>): grpc.ClientUnaryCall;
  getKpis(argument: _shop_v1_KpisRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_KpiReport__Output>): grpc.ClientUnaryCall;
  getKpis(argument: _shop_v1_KpisRequest, callback: grpc.requestCallback<_shop_v1_KpiReport__Output>): grpc.ClientUnaryCall;
  
  /**
   * RFM segment sizes as of a date.
   */
  GetRfm(argument: _shop_v1_AsOfRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_RfmReport__Output>): grpc.ClientUnaryCall;
  GetRfm(argument: _shop_v1_AsOfRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_RfmReport__Output>): grpc.ClientUnaryCall;
  GetRfm(argument: _shop_v1_AsOfRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_RfmReport__Output>): grpc.ClientUnaryCall;
  GetRfm(argument: _shop_v1_AsOfRequest, callback: grpc.requestCallback<_shop_v1_RfmReport__Output>): grpc.ClientUnaryCall;
  /**
   * RFM segment sizes as of a date.
   */
  getRfm(argument: _shop_v1_AsOfRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_RfmReport__Output>): grpc.ClientUnaryCall;
  getRfm(argument: _shop_v1_AsOfRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_RfmReport__Output>): grpc.ClientUnaryCall;
  getRfm(argument: _shop_v1_AsOfRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_RfmReport__Output>): grpc.ClientUnaryCall;
  getRfm(argument: _shop_v1_AsOfRequest, callback: grpc.requestCallback<_shop_v1_RfmReport__Output>): grpc.ClientUnaryCall;
  
  /**
   * Segment sizes as of a date and the moves between segments since another.
   */
  GetSegments(argument: _shop_v1_SegmentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_SegmentsReport__Output>): grpc.ClientUnaryCall;
  GetSegments(argument: _shop_v1_SegmentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_SegmentsReport__Output>): grpc.ClientUnaryCall;
  GetSegments(argument: _shop_v1_SegmentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_SegmentsReport__Output>): grpc.ClientUnaryCall;
  GetSegments(argument: _shop_v1_SegmentsRequest, callback: grpc.requestCallback<_shop_v1_SegmentsReport__Output>): grpc.ClientUnaryCall;
  /**
   * Segment sizes as of a date and the moves between segments since another.
   */
  getSegments(argument: _shop_v1_SegmentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_SegmentsReport__Output>): grpc.ClientUnaryCall;
  getSegments(argument: _shop_v1_SegmentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_SegmentsReport__Output>): grpc.ClientUnaryCall;
  getSegments(argument: _shop_v1_SegmentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_SegmentsReport__Output>): grpc.ClientUnaryCall;
  getSegments(argument: _shop_v1_SegmentsRequest, callback: grpc.requestCallback<_shop_v1_SegmentsReport__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Shop analytics for operators and BI (the admin HTTP API's reports, field for field in
 * snake_case; definitions in docs/analytics.md and docs/analytics-models.md). Dates are
 * UTC days "YYYY-MM-DD": `as_of` means the orders before its 00:00 count (default:
 * tomorrow, so today's count). Needs the API key like every Engine call.
 */
export interface AnalyticsHandlers extends grpc.UntypedServiceImplementation {
  /**
   * ABC classes of products by revenue.
   */
  GetAbc: grpc.handleUnaryCall<_shop_v1_AbcRequest__Output, _shop_v1_AbcReport>;
  
  /**
   * Monthly acquisition cohorts and their retention (months 0..12).
   */
  GetCohorts: grpc.handleUnaryCall<_shop_v1_AsOfRequest__Output, _shop_v1_CohortReport>;
  
  /**
   * One customer: RFM scores, segment, P(alive), expected purchases, CLV. NOT_FOUND without orders.
   */
  GetCustomer: grpc.handleUnaryCall<_shop_v1_CustomerRequest__Output, _shop_v1_CustomerScores>;
  
  /**
   * Views, cart adds and purchases per category over whole UTC days.
   */
  GetFunnel: grpc.handleUnaryCall<_shop_v1_FunnelRequest__Output, _shop_v1_FunnelReport>;
  
  /**
   * The hottest products or search queries now (decayed scores).
   */
  GetHot: grpc.handleUnaryCall<_shop_v1_HotRequest__Output, _shop_v1_HotList>;
  
  /**
   * KPI buckets per minute, hour or day (at most 2880) with totals and rates.
   */
  GetKpis: grpc.handleUnaryCall<_shop_v1_KpisRequest__Output, _shop_v1_KpiReport>;
  
  /**
   * RFM segment sizes as of a date.
   */
  GetRfm: grpc.handleUnaryCall<_shop_v1_AsOfRequest__Output, _shop_v1_RfmReport>;
  
  /**
   * Segment sizes as of a date and the moves between segments since another.
   */
  GetSegments: grpc.handleUnaryCall<_shop_v1_SegmentsRequest__Output, _shop_v1_SegmentsReport>;
  
}

export interface AnalyticsDefinition extends grpc.ServiceDefinition {
  GetAbc: MethodDefinition<_shop_v1_AbcRequest, _shop_v1_AbcReport, _shop_v1_AbcRequest__Output, _shop_v1_AbcReport__Output>
  GetCohorts: MethodDefinition<_shop_v1_AsOfRequest, _shop_v1_CohortReport, _shop_v1_AsOfRequest__Output, _shop_v1_CohortReport__Output>
  GetCustomer: MethodDefinition<_shop_v1_CustomerRequest, _shop_v1_CustomerScores, _shop_v1_CustomerRequest__Output, _shop_v1_CustomerScores__Output>
  GetFunnel: MethodDefinition<_shop_v1_FunnelRequest, _shop_v1_FunnelReport, _shop_v1_FunnelRequest__Output, _shop_v1_FunnelReport__Output>
  GetHot: MethodDefinition<_shop_v1_HotRequest, _shop_v1_HotList, _shop_v1_HotRequest__Output, _shop_v1_HotList__Output>
  GetKpis: MethodDefinition<_shop_v1_KpisRequest, _shop_v1_KpiReport, _shop_v1_KpisRequest__Output, _shop_v1_KpiReport__Output>
  GetRfm: MethodDefinition<_shop_v1_AsOfRequest, _shop_v1_RfmReport, _shop_v1_AsOfRequest__Output, _shop_v1_RfmReport__Output>
  GetSegments: MethodDefinition<_shop_v1_SegmentsRequest, _shop_v1_SegmentsReport, _shop_v1_SegmentsRequest__Output, _shop_v1_SegmentsReport__Output>
}
