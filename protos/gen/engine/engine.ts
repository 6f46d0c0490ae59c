import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { BoolValue as _google_protobuf_BoolValue, BoolValue__Output as _google_protobuf_BoolValue__Output } from './google/protobuf/BoolValue.js';
import type { BytesValue as _google_protobuf_BytesValue, BytesValue__Output as _google_protobuf_BytesValue__Output } from './google/protobuf/BytesValue.js';
import type { DoubleValue as _google_protobuf_DoubleValue, DoubleValue__Output as _google_protobuf_DoubleValue__Output } from './google/protobuf/DoubleValue.js';
import type { FieldMask as _google_protobuf_FieldMask, FieldMask__Output as _google_protobuf_FieldMask__Output } from './google/protobuf/FieldMask.js';
import type { FloatValue as _google_protobuf_FloatValue, FloatValue__Output as _google_protobuf_FloatValue__Output } from './google/protobuf/FloatValue.js';
import type { Int32Value as _google_protobuf_Int32Value, Int32Value__Output as _google_protobuf_Int32Value__Output } from './google/protobuf/Int32Value.js';
import type { Int64Value as _google_protobuf_Int64Value, Int64Value__Output as _google_protobuf_Int64Value__Output } from './google/protobuf/Int64Value.js';
import type { StringValue as _google_protobuf_StringValue, StringValue__Output as _google_protobuf_StringValue__Output } from './google/protobuf/StringValue.js';
import type { UInt32Value as _google_protobuf_UInt32Value, UInt32Value__Output as _google_protobuf_UInt32Value__Output } from './google/protobuf/UInt32Value.js';
import type { UInt64Value as _google_protobuf_UInt64Value, UInt64Value__Output as _google_protobuf_UInt64Value__Output } from './google/protobuf/UInt64Value.js';
import type { AbcProduct as _shop_v1_AbcProduct, AbcProduct__Output as _shop_v1_AbcProduct__Output } from './shop/v1/AbcProduct.js';
import type { AbcReport as _shop_v1_AbcReport, AbcReport__Output as _shop_v1_AbcReport__Output } from './shop/v1/AbcReport.js';
import type { AbcRequest as _shop_v1_AbcRequest, AbcRequest__Output as _shop_v1_AbcRequest__Output } from './shop/v1/AbcRequest.js';
import type { Ack as _shop_v1_Ack, Ack__Output as _shop_v1_Ack__Output } from './shop/v1/Ack.js';
import type { AdCampaignGetRequest as _shop_v1_AdCampaignGetRequest, AdCampaignGetRequest__Output as _shop_v1_AdCampaignGetRequest__Output } from './shop/v1/AdCampaignGetRequest.js';
import type { AdCampaignPublished as _shop_v1_AdCampaignPublished, AdCampaignPublished__Output as _shop_v1_AdCampaignPublished__Output } from './shop/v1/AdCampaignPublished.js';
import type { AdCampaignPutRequest as _shop_v1_AdCampaignPutRequest, AdCampaignPutRequest__Output as _shop_v1_AdCampaignPutRequest__Output } from './shop/v1/AdCampaignPutRequest.js';
import type { AdCampaignStats as _shop_v1_AdCampaignStats, AdCampaignStats__Output as _shop_v1_AdCampaignStats__Output } from './shop/v1/AdCampaignStats.js';
import type { AnalyticsClient as _shop_v1_AnalyticsClient, AnalyticsDefinition as _shop_v1_AnalyticsDefinition } from './shop/v1/Analytics.js';
import type { AsOfRequest as _shop_v1_AsOfRequest, AsOfRequest__Output as _shop_v1_AsOfRequest__Output } from './shop/v1/AsOfRequest.js';
import type { CartLine as _shop_v1_CartLine, CartLine__Output as _shop_v1_CartLine__Output } from './shop/v1/CartLine.js';
import type { CategoryCount as _shop_v1_CategoryCount, CategoryCount__Output as _shop_v1_CategoryCount__Output } from './shop/v1/CategoryCount.js';
import type { CategoryPick as _shop_v1_CategoryPick, CategoryPick__Output as _shop_v1_CategoryPick__Output } from './shop/v1/CategoryPick.js';
import type { CategoryScore as _shop_v1_CategoryScore, CategoryScore__Output as _shop_v1_CategoryScore__Output } from './shop/v1/CategoryScore.js';
import type { CheckoutRequest as _shop_v1_CheckoutRequest, CheckoutRequest__Output as _shop_v1_CheckoutRequest__Output } from './shop/v1/CheckoutRequest.js';
import type { CheckoutResult as _shop_v1_CheckoutResult, CheckoutResult__Output as _shop_v1_CheckoutResult__Output } from './shop/v1/CheckoutResult.js';
import type { Cohort as _shop_v1_Cohort, Cohort__Output as _shop_v1_Cohort__Output } from './shop/v1/Cohort.js';
import type { CohortReport as _shop_v1_CohortReport, CohortReport__Output as _shop_v1_CohortReport__Output } from './shop/v1/CohortReport.js';
import type { Coupon as _shop_v1_Coupon, Coupon__Output as _shop_v1_Coupon__Output } from './shop/v1/Coupon.js';
import type { CouponList as _shop_v1_CouponList, CouponList__Output as _shop_v1_CouponList__Output } from './shop/v1/CouponList.js';
import type { CouponView as _shop_v1_CouponView, CouponView__Output as _shop_v1_CouponView__Output } from './shop/v1/CouponView.js';
import type { CustomerRequest as _shop_v1_CustomerRequest, CustomerRequest__Output as _shop_v1_CustomerRequest__Output } from './shop/v1/CustomerRequest.js';
import type { CustomerScores as _shop_v1_CustomerScores, CustomerScores__Output as _shop_v1_CustomerScores__Output } from './shop/v1/CustomerScores.js';
import type { DryRunPromotionRequest as _shop_v1_DryRunPromotionRequest, DryRunPromotionRequest__Output as _shop_v1_DryRunPromotionRequest__Output } from './shop/v1/DryRunPromotionRequest.js';
import type { DryRunPromotionResult as _shop_v1_DryRunPromotionResult, DryRunPromotionResult__Output as _shop_v1_DryRunPromotionResult__Output } from './shop/v1/DryRunPromotionResult.js';
import type { DryRunUser as _shop_v1_DryRunUser, DryRunUser__Output as _shop_v1_DryRunUser__Output } from './shop/v1/DryRunUser.js';
import type { EngineClient as _shop_v1_EngineClient, EngineDefinition as _shop_v1_EngineDefinition } from './shop/v1/Engine.js';
import type { ErrorDetail as _shop_v1_ErrorDetail, ErrorDetail__Output as _shop_v1_ErrorDetail__Output } from './shop/v1/ErrorDetail.js';
import type { Event as _shop_v1_Event, Event__Output as _shop_v1_Event__Output } from './shop/v1/Event.js';
import type { ExperimentGetRequest as _shop_v1_ExperimentGetRequest, ExperimentGetRequest__Output as _shop_v1_ExperimentGetRequest__Output } from './shop/v1/ExperimentGetRequest.js';
import type { ExperimentPublished as _shop_v1_ExperimentPublished, ExperimentPublished__Output as _shop_v1_ExperimentPublished__Output } from './shop/v1/ExperimentPublished.js';
import type { ExperimentPutRequest as _shop_v1_ExperimentPutRequest, ExperimentPutRequest__Output as _shop_v1_ExperimentPutRequest__Output } from './shop/v1/ExperimentPutRequest.js';
import type { ExperimentReport as _shop_v1_ExperimentReport, ExperimentReport__Output as _shop_v1_ExperimentReport__Output } from './shop/v1/ExperimentReport.js';
import type { ExperimentVariant as _shop_v1_ExperimentVariant, ExperimentVariant__Output as _shop_v1_ExperimentVariant__Output } from './shop/v1/ExperimentVariant.js';
import type { FacetValue as _shop_v1_FacetValue, FacetValue__Output as _shop_v1_FacetValue__Output } from './shop/v1/FacetValue.js';
import type { FunnelCounts as _shop_v1_FunnelCounts, FunnelCounts__Output as _shop_v1_FunnelCounts__Output } from './shop/v1/FunnelCounts.js';
import type { FunnelReport as _shop_v1_FunnelReport, FunnelReport__Output as _shop_v1_FunnelReport__Output } from './shop/v1/FunnelReport.js';
import type { FunnelRequest as _shop_v1_FunnelRequest, FunnelRequest__Output as _shop_v1_FunnelRequest__Output } from './shop/v1/FunnelRequest.js';
import type { GetItemRequest as _shop_v1_GetItemRequest, GetItemRequest__Output as _shop_v1_GetItemRequest__Output } from './shop/v1/GetItemRequest.js';
import type { HotEntry as _shop_v1_HotEntry, HotEntry__Output as _shop_v1_HotEntry__Output } from './shop/v1/HotEntry.js';
import type { HotList as _shop_v1_HotList, HotList__Output as _shop_v1_HotList__Output } from './shop/v1/HotList.js';
import type { HotRequest as _shop_v1_HotRequest, HotRequest__Output as _shop_v1_HotRequest__Output } from './shop/v1/HotRequest.js';
import type { IntentReason as _shop_v1_IntentReason, IntentReason__Output as _shop_v1_IntentReason__Output } from './shop/v1/IntentReason.js';
import type { IntentScore as _shop_v1_IntentScore, IntentScore__Output as _shop_v1_IntentScore__Output } from './shop/v1/IntentScore.js';
import type { Item as _shop_v1_Item, Item__Output as _shop_v1_Item__Output } from './shop/v1/Item.js';
import type { ItemChange as _shop_v1_ItemChange, ItemChange__Output as _shop_v1_ItemChange__Output } from './shop/v1/ItemChange.js';
import type { KpiCounts as _shop_v1_KpiCounts, KpiCounts__Output as _shop_v1_KpiCounts__Output } from './shop/v1/KpiCounts.js';
import type { KpiReport as _shop_v1_KpiReport, KpiReport__Output as _shop_v1_KpiReport__Output } from './shop/v1/KpiReport.js';
import type { KpisRequest as _shop_v1_KpisRequest, KpisRequest__Output as _shop_v1_KpisRequest__Output } from './shop/v1/KpisRequest.js';
import type { Line as _shop_v1_Line, Line__Output as _shop_v1_Line__Output } from './shop/v1/Line.js';
import type { ListCategoriesRequest as _shop_v1_ListCategoriesRequest, ListCategoriesRequest__Output as _shop_v1_ListCategoriesRequest__Output } from './shop/v1/ListCategoriesRequest.js';
import type { ListCategoriesResponse as _shop_v1_ListCategoriesResponse, ListCategoriesResponse__Output as _shop_v1_ListCategoriesResponse__Output } from './shop/v1/ListCategoriesResponse.js';
import type { ListItemsRequest as _shop_v1_ListItemsRequest, ListItemsRequest__Output as _shop_v1_ListItemsRequest__Output } from './shop/v1/ListItemsRequest.js';
import type { ListItemsResponse as _shop_v1_ListItemsResponse, ListItemsResponse__Output as _shop_v1_ListItemsResponse__Output } from './shop/v1/ListItemsResponse.js';
import type { ListPromotionsRequest as _shop_v1_ListPromotionsRequest, ListPromotionsRequest__Output as _shop_v1_ListPromotionsRequest__Output } from './shop/v1/ListPromotionsRequest.js';
import type { MatchSpan as _shop_v1_MatchSpan, MatchSpan__Output as _shop_v1_MatchSpan__Output } from './shop/v1/MatchSpan.js';
import type { Order as _shop_v1_Order, Order__Output as _shop_v1_Order__Output } from './shop/v1/Order.js';
import type { OrderLine as _shop_v1_OrderLine, OrderLine__Output as _shop_v1_OrderLine__Output } from './shop/v1/OrderLine.js';
import type { PriceFacet as _shop_v1_PriceFacet, PriceFacet__Output as _shop_v1_PriceFacet__Output } from './shop/v1/PriceFacet.js';
import type { ProductSuggestion as _shop_v1_ProductSuggestion, ProductSuggestion__Output as _shop_v1_ProductSuggestion__Output } from './shop/v1/ProductSuggestion.js';
import type { Profile as _shop_v1_Profile, Profile__Output as _shop_v1_Profile__Output } from './shop/v1/Profile.js';
import type { ProfileRequest as _shop_v1_ProfileRequest, ProfileRequest__Output as _shop_v1_ProfileRequest__Output } from './shop/v1/ProfileRequest.js';
import type { PromotionList as _shop_v1_PromotionList, PromotionList__Output as _shop_v1_PromotionList__Output } from './shop/v1/PromotionList.js';
import type { PromotionPublished as _shop_v1_PromotionPublished, PromotionPublished__Output as _shop_v1_PromotionPublished__Output } from './shop/v1/PromotionPublished.js';
import type { PromotionSummary as _shop_v1_PromotionSummary, PromotionSummary__Output as _shop_v1_PromotionSummary__Output } from './shop/v1/PromotionSummary.js';
import type { PutPromotionRequest as _shop_v1_PutPromotionRequest, PutPromotionRequest__Output as _shop_v1_PutPromotionRequest__Output } from './shop/v1/PutPromotionRequest.js';
import type { QuerySuggestion as _shop_v1_QuerySuggestion, QuerySuggestion__Output as _shop_v1_QuerySuggestion__Output } from './shop/v1/QuerySuggestion.js';
import type { RatingFacet as _shop_v1_RatingFacet, RatingFacet__Output as _shop_v1_RatingFacet__Output } from './shop/v1/RatingFacet.js';
import type { RecommendRequest as _shop_v1_RecommendRequest, RecommendRequest__Output as _shop_v1_RecommendRequest__Output } from './shop/v1/RecommendRequest.js';
import type { Recommendations as _shop_v1_Recommendations, Recommendations__Output as _shop_v1_Recommendations__Output } from './shop/v1/Recommendations.js';
import type { RecommendedItem as _shop_v1_RecommendedItem, RecommendedItem__Output as _shop_v1_RecommendedItem__Output } from './shop/v1/RecommendedItem.js';
import type { RfmReport as _shop_v1_RfmReport, RfmReport__Output as _shop_v1_RfmReport__Output } from './shop/v1/RfmReport.js';
import type { RowError as _shop_v1_RowError, RowError__Output as _shop_v1_RowError__Output } from './shop/v1/RowError.js';
import type { SearchBoost as _shop_v1_SearchBoost, SearchBoost__Output as _shop_v1_SearchBoost__Output } from './shop/v1/SearchBoost.js';
import type { SearchFacets as _shop_v1_SearchFacets, SearchFacets__Output as _shop_v1_SearchFacets__Output } from './shop/v1/SearchFacets.js';
import type { SearchHit as _shop_v1_SearchHit, SearchHit__Output as _shop_v1_SearchHit__Output } from './shop/v1/SearchHit.js';
import type { SearchRequest as _shop_v1_SearchRequest, SearchRequest__Output as _shop_v1_SearchRequest__Output } from './shop/v1/SearchRequest.js';
import type { SearchResponse as _shop_v1_SearchResponse, SearchResponse__Output as _shop_v1_SearchResponse__Output } from './shop/v1/SearchResponse.js';
import type { SegmentMoves as _shop_v1_SegmentMoves, SegmentMoves__Output as _shop_v1_SegmentMoves__Output } from './shop/v1/SegmentMoves.js';
import type { SegmentsReport as _shop_v1_SegmentsReport, SegmentsReport__Output as _shop_v1_SegmentsReport__Output } from './shop/v1/SegmentsReport.js';
import type { SegmentsRequest as _shop_v1_SegmentsRequest, SegmentsRequest__Output as _shop_v1_SegmentsRequest__Output } from './shop/v1/SegmentsRequest.js';
import type { SetPromotionStatusRequest as _shop_v1_SetPromotionStatusRequest, SetPromotionStatusRequest__Output as _shop_v1_SetPromotionStatusRequest__Output } from './shop/v1/SetPromotionStatusRequest.js';
import type { StreamRequest as _shop_v1_StreamRequest, StreamRequest__Output as _shop_v1_StreamRequest__Output } from './shop/v1/StreamRequest.js';
import type { SuggestRequest as _shop_v1_SuggestRequest, SuggestRequest__Output as _shop_v1_SuggestRequest__Output } from './shop/v1/SuggestRequest.js';
import type { SuggestResponse as _shop_v1_SuggestResponse, SuggestResponse__Output as _shop_v1_SuggestResponse__Output } from './shop/v1/SuggestResponse.js';
import type { UpsertSummary as _shop_v1_UpsertSummary, UpsertSummary__Output as _shop_v1_UpsertSummary__Output } from './shop/v1/UpsertSummary.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      BoolValue: MessageTypeDefinition<_google_protobuf_BoolValue, _google_protobuf_BoolValue__Output>
      BytesValue: MessageTypeDefinition<_google_protobuf_BytesValue, _google_protobuf_BytesValue__Output>
      DoubleValue: MessageTypeDefinition<_google_protobuf_DoubleValue, _google_protobuf_DoubleValue__Output>
      FieldMask: MessageTypeDefinition<_google_protobuf_FieldMask, _google_protobuf_FieldMask__Output>
      FloatValue: MessageTypeDefinition<_google_protobuf_FloatValue, _google_protobuf_FloatValue__Output>
      Int32Value: MessageTypeDefinition<_google_protobuf_Int32Value, _google_protobuf_Int32Value__Output>
      Int64Value: MessageTypeDefinition<_google_protobuf_Int64Value, _google_protobuf_Int64Value__Output>
      StringValue: MessageTypeDefinition<_google_protobuf_StringValue, _google_protobuf_StringValue__Output>
      UInt32Value: MessageTypeDefinition<_google_protobuf_UInt32Value, _google_protobuf_UInt32Value__Output>
      UInt64Value: MessageTypeDefinition<_google_protobuf_UInt64Value, _google_protobuf_UInt64Value__Output>
    }
  }
  shop: {
    v1: {
      AbcProduct: MessageTypeDefinition<_shop_v1_AbcProduct, _shop_v1_AbcProduct__Output>
      AbcReport: MessageTypeDefinition<_shop_v1_AbcReport, _shop_v1_AbcReport__Output>
      AbcRequest: MessageTypeDefinition<_shop_v1_AbcRequest, _shop_v1_AbcRequest__Output>
      Ack: MessageTypeDefinition<_shop_v1_Ack, _shop_v1_Ack__Output>
      AdCampaignGetRequest: MessageTypeDefinition<_shop_v1_AdCampaignGetRequest, _shop_v1_AdCampaignGetRequest__Output>
      AdCampaignPublished: MessageTypeDefinition<_shop_v1_AdCampaignPublished, _shop_v1_AdCampaignPublished__Output>
      AdCampaignPutRequest: MessageTypeDefinition<_shop_v1_AdCampaignPutRequest, _shop_v1_AdCampaignPutRequest__Output>
      AdCampaignStats: MessageTypeDefinition<_shop_v1_AdCampaignStats, _shop_v1_AdCampaignStats__Output>
      /**
       * Shop analytics for operators and BI (the admin HTTP API's reports, field for field in
       * snake_case; definitions in docs/analytics.md and docs/analytics-models.md). Dates are
       * UTC days "YYYY-MM-DD": `as_of` means the orders before its 00:00 count (default:
       * tomorrow, so today's count). Needs the API key like every Engine call.
       */
      Analytics: SubtypeConstructor<typeof grpc.Client, _shop_v1_AnalyticsClient> & { service: _shop_v1_AnalyticsDefinition }
      AsOfRequest: MessageTypeDefinition<_shop_v1_AsOfRequest, _shop_v1_AsOfRequest__Output>
      CartLine: MessageTypeDefinition<_shop_v1_CartLine, _shop_v1_CartLine__Output>
      CategoryCount: MessageTypeDefinition<_shop_v1_CategoryCount, _shop_v1_CategoryCount__Output>
      CategoryPick: MessageTypeDefinition<_shop_v1_CategoryPick, _shop_v1_CategoryPick__Output>
      CategoryScore: MessageTypeDefinition<_shop_v1_CategoryScore, _shop_v1_CategoryScore__Output>
      CheckoutRequest: MessageTypeDefinition<_shop_v1_CheckoutRequest, _shop_v1_CheckoutRequest__Output>
      CheckoutResult: MessageTypeDefinition<_shop_v1_CheckoutResult, _shop_v1_CheckoutResult__Output>
      Cohort: MessageTypeDefinition<_shop_v1_Cohort, _shop_v1_Cohort__Output>
      CohortReport: MessageTypeDefinition<_shop_v1_CohortReport, _shop_v1_CohortReport__Output>
      Coupon: MessageTypeDefinition<_shop_v1_Coupon, _shop_v1_Coupon__Output>
      CouponList: MessageTypeDefinition<_shop_v1_CouponList, _shop_v1_CouponList__Output>
      CouponView: MessageTypeDefinition<_shop_v1_CouponView, _shop_v1_CouponView__Output>
      CustomerRequest: MessageTypeDefinition<_shop_v1_CustomerRequest, _shop_v1_CustomerRequest__Output>
      CustomerScores: MessageTypeDefinition<_shop_v1_CustomerScores, _shop_v1_CustomerScores__Output>
      DryRunPromotionRequest: MessageTypeDefinition<_shop_v1_DryRunPromotionRequest, _shop_v1_DryRunPromotionRequest__Output>
      DryRunPromotionResult: MessageTypeDefinition<_shop_v1_DryRunPromotionResult, _shop_v1_DryRunPromotionResult__Output>
      DryRunUser: MessageTypeDefinition<_shop_v1_DryRunUser, _shop_v1_DryRunUser__Output>
      Engine: SubtypeConstructor<typeof grpc.Client, _shop_v1_EngineClient> & { service: _shop_v1_EngineDefinition }
      ErrorDetail: MessageTypeDefinition<_shop_v1_ErrorDetail, _shop_v1_ErrorDetail__Output>
      Event: MessageTypeDefinition<_shop_v1_Event, _shop_v1_Event__Output>
      EventKind: EnumTypeDefinition
      ExperimentGetRequest: MessageTypeDefinition<_shop_v1_ExperimentGetRequest, _shop_v1_ExperimentGetRequest__Output>
      ExperimentPublished: MessageTypeDefinition<_shop_v1_ExperimentPublished, _shop_v1_ExperimentPublished__Output>
      ExperimentPutRequest: MessageTypeDefinition<_shop_v1_ExperimentPutRequest, _shop_v1_ExperimentPutRequest__Output>
      ExperimentReport: MessageTypeDefinition<_shop_v1_ExperimentReport, _shop_v1_ExperimentReport__Output>
      ExperimentVariant: MessageTypeDefinition<_shop_v1_ExperimentVariant, _shop_v1_ExperimentVariant__Output>
      FacetValue: MessageTypeDefinition<_shop_v1_FacetValue, _shop_v1_FacetValue__Output>
      FunnelCounts: MessageTypeDefinition<_shop_v1_FunnelCounts, _shop_v1_FunnelCounts__Output>
      FunnelReport: MessageTypeDefinition<_shop_v1_FunnelReport, _shop_v1_FunnelReport__Output>
      FunnelRequest: MessageTypeDefinition<_shop_v1_FunnelRequest, _shop_v1_FunnelRequest__Output>
      GetItemRequest: MessageTypeDefinition<_shop_v1_GetItemRequest, _shop_v1_GetItemRequest__Output>
      HotEntry: MessageTypeDefinition<_shop_v1_HotEntry, _shop_v1_HotEntry__Output>
      HotList: MessageTypeDefinition<_shop_v1_HotList, _shop_v1_HotList__Output>
      HotRequest: MessageTypeDefinition<_shop_v1_HotRequest, _shop_v1_HotRequest__Output>
      IntentReason: MessageTypeDefinition<_shop_v1_IntentReason, _shop_v1_IntentReason__Output>
      IntentScore: MessageTypeDefinition<_shop_v1_IntentScore, _shop_v1_IntentScore__Output>
      Item: MessageTypeDefinition<_shop_v1_Item, _shop_v1_Item__Output>
      ItemChange: MessageTypeDefinition<_shop_v1_ItemChange, _shop_v1_ItemChange__Output>
      KpiCounts: MessageTypeDefinition<_shop_v1_KpiCounts, _shop_v1_KpiCounts__Output>
      KpiReport: MessageTypeDefinition<_shop_v1_KpiReport, _shop_v1_KpiReport__Output>
      KpisRequest: MessageTypeDefinition<_shop_v1_KpisRequest, _shop_v1_KpisRequest__Output>
      Line: MessageTypeDefinition<_shop_v1_Line, _shop_v1_Line__Output>
      ListCategoriesRequest: MessageTypeDefinition<_shop_v1_ListCategoriesRequest, _shop_v1_ListCategoriesRequest__Output>
      ListCategoriesResponse: MessageTypeDefinition<_shop_v1_ListCategoriesResponse, _shop_v1_ListCategoriesResponse__Output>
      ListItemsRequest: MessageTypeDefinition<_shop_v1_ListItemsRequest, _shop_v1_ListItemsRequest__Output>
      ListItemsResponse: MessageTypeDefinition<_shop_v1_ListItemsResponse, _shop_v1_ListItemsResponse__Output>
      ListPromotionsRequest: MessageTypeDefinition<_shop_v1_ListPromotionsRequest, _shop_v1_ListPromotionsRequest__Output>
      ListSort: EnumTypeDefinition
      MatchSpan: MessageTypeDefinition<_shop_v1_MatchSpan, _shop_v1_MatchSpan__Output>
      Order: MessageTypeDefinition<_shop_v1_Order, _shop_v1_Order__Output>
      OrderLine: MessageTypeDefinition<_shop_v1_OrderLine, _shop_v1_OrderLine__Output>
      PriceFacet: MessageTypeDefinition<_shop_v1_PriceFacet, _shop_v1_PriceFacet__Output>
      ProductSuggestion: MessageTypeDefinition<_shop_v1_ProductSuggestion, _shop_v1_ProductSuggestion__Output>
      Profile: MessageTypeDefinition<_shop_v1_Profile, _shop_v1_Profile__Output>
      ProfileRequest: MessageTypeDefinition<_shop_v1_ProfileRequest, _shop_v1_ProfileRequest__Output>
      PromotionList: MessageTypeDefinition<_shop_v1_PromotionList, _shop_v1_PromotionList__Output>
      PromotionPublished: MessageTypeDefinition<_shop_v1_PromotionPublished, _shop_v1_PromotionPublished__Output>
      PromotionSummary: MessageTypeDefinition<_shop_v1_PromotionSummary, _shop_v1_PromotionSummary__Output>
      PutPromotionRequest: MessageTypeDefinition<_shop_v1_PutPromotionRequest, _shop_v1_PutPromotionRequest__Output>
      QuerySuggestion: MessageTypeDefinition<_shop_v1_QuerySuggestion, _shop_v1_QuerySuggestion__Output>
      RatingFacet: MessageTypeDefinition<_shop_v1_RatingFacet, _shop_v1_RatingFacet__Output>
      RecommendRequest: MessageTypeDefinition<_shop_v1_RecommendRequest, _shop_v1_RecommendRequest__Output>
      Recommendations: MessageTypeDefinition<_shop_v1_Recommendations, _shop_v1_Recommendations__Output>
      RecommendedItem: MessageTypeDefinition<_shop_v1_RecommendedItem, _shop_v1_RecommendedItem__Output>
      RfmReport: MessageTypeDefinition<_shop_v1_RfmReport, _shop_v1_RfmReport__Output>
      RowError: MessageTypeDefinition<_shop_v1_RowError, _shop_v1_RowError__Output>
      SearchBoost: MessageTypeDefinition<_shop_v1_SearchBoost, _shop_v1_SearchBoost__Output>
      SearchFacets: MessageTypeDefinition<_shop_v1_SearchFacets, _shop_v1_SearchFacets__Output>
      SearchHit: MessageTypeDefinition<_shop_v1_SearchHit, _shop_v1_SearchHit__Output>
      SearchRequest: MessageTypeDefinition<_shop_v1_SearchRequest, _shop_v1_SearchRequest__Output>
      SearchResponse: MessageTypeDefinition<_shop_v1_SearchResponse, _shop_v1_SearchResponse__Output>
      SearchSort: EnumTypeDefinition
      SegmentMoves: MessageTypeDefinition<_shop_v1_SegmentMoves, _shop_v1_SegmentMoves__Output>
      SegmentsReport: MessageTypeDefinition<_shop_v1_SegmentsReport, _shop_v1_SegmentsReport__Output>
      SegmentsRequest: MessageTypeDefinition<_shop_v1_SegmentsRequest, _shop_v1_SegmentsRequest__Output>
      SetPromotionStatusRequest: MessageTypeDefinition<_shop_v1_SetPromotionStatusRequest, _shop_v1_SetPromotionStatusRequest__Output>
      StreamRequest: MessageTypeDefinition<_shop_v1_StreamRequest, _shop_v1_StreamRequest__Output>
      SuggestRequest: MessageTypeDefinition<_shop_v1_SuggestRequest, _shop_v1_SuggestRequest__Output>
      SuggestResponse: MessageTypeDefinition<_shop_v1_SuggestResponse, _shop_v1_SuggestResponse__Output>
      UpsertSummary: MessageTypeDefinition<_shop_v1_UpsertSummary, _shop_v1_UpsertSummary__Output>
    }
  }
}

