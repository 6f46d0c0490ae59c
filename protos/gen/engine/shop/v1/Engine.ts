// Original file: protos/shop/v1/engine.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Ack as _shop_v1_Ack, Ack__Output as _shop_v1_Ack__Output } from '../../shop/v1/Ack.js';
import type { AdCampaignGetRequest as _shop_v1_AdCampaignGetRequest, AdCampaignGetRequest__Output as _shop_v1_AdCampaignGetRequest__Output } from '../../shop/v1/AdCampaignGetRequest.js';
import type { AdCampaignPublished as _shop_v1_AdCampaignPublished, AdCampaignPublished__Output as _shop_v1_AdCampaignPublished__Output } from '../../shop/v1/AdCampaignPublished.js';
import type { AdCampaignPutRequest as _shop_v1_AdCampaignPutRequest, AdCampaignPutRequest__Output as _shop_v1_AdCampaignPutRequest__Output } from '../../shop/v1/AdCampaignPutRequest.js';
import type { AdCampaignStats as _shop_v1_AdCampaignStats, AdCampaignStats__Output as _shop_v1_AdCampaignStats__Output } from '../../shop/v1/AdCampaignStats.js';
import type { CheckoutRequest as _shop_v1_CheckoutRequest, CheckoutRequest__Output as _shop_v1_CheckoutRequest__Output } from '../../shop/v1/CheckoutRequest.js';
import type { CheckoutResult as _shop_v1_CheckoutResult, CheckoutResult__Output as _shop_v1_CheckoutResult__Output } from '../../shop/v1/CheckoutResult.js';
import type { CouponList as _shop_v1_CouponList, CouponList__Output as _shop_v1_CouponList__Output } from '../../shop/v1/CouponList.js';
import type { DryRunPromotionRequest as _shop_v1_DryRunPromotionRequest, DryRunPromotionRequest__Output as _shop_v1_DryRunPromotionRequest__Output } from '../../shop/v1/DryRunPromotionRequest.js';
import type { DryRunPromotionResult as _shop_v1_DryRunPromotionResult, DryRunPromotionResult__Output as _shop_v1_DryRunPromotionResult__Output } from '../../shop/v1/DryRunPromotionResult.js';
import type { Event as _shop_v1_Event, Event__Output as _shop_v1_Event__Output } from '../../shop/v1/Event.js';
import type { ExperimentGetRequest as _shop_v1_ExperimentGetRequest, ExperimentGetRequest__Output as _shop_v1_ExperimentGetRequest__Output } from '../../shop/v1/ExperimentGetRequest.js';
import type { ExperimentPublished as _shop_v1_ExperimentPublished, ExperimentPublished__Output as _shop_v1_ExperimentPublished__Output } from '../../shop/v1/ExperimentPublished.js';
import type { ExperimentPutRequest as _shop_v1_ExperimentPutRequest, ExperimentPutRequest__Output as _shop_v1_ExperimentPutRequest__Output } from '../../shop/v1/ExperimentPutRequest.js';
import type { ExperimentReport as _shop_v1_ExperimentReport, ExperimentReport__Output as _shop_v1_ExperimentReport__Output } from '../../shop/v1/ExperimentReport.js';
import type { GetItemRequest as _shop_v1_GetItemRequest, GetItemRequest__Output as _shop_v1_GetItemRequest__Output } from '../../shop/v1/GetItemRequest.js';
import type { Item as _shop_v1_Item, Item__Output as _shop_v1_Item__Output } from '../../shop/v1/Item.js';
import type { ListCategoriesRequest as _shop_v1_ListCategoriesRequest, ListCategoriesRequest__Output as _shop_v1_ListCategoriesRequest__Output } from '../../shop/v1/ListCategoriesRequest.js';
import type { ListCategoriesResponse as _shop_v1_ListCategoriesResponse, ListCategoriesResponse__Output as _shop_v1_ListCategoriesResponse__Output } from '../../shop/v1/ListCategoriesResponse.js';
import type { ListItemsRequest as _shop_v1_ListItemsRequest, ListItemsRequest__Output as _shop_v1_ListItemsRequest__Output } from '../../shop/v1/ListItemsRequest.js';
import type { ListItemsResponse as _shop_v1_ListItemsResponse, ListItemsResponse__Output as _shop_v1_ListItemsResponse__Output } from '../../shop/v1/ListItemsResponse.js';
import type { ListPromotionsRequest as _shop_v1_ListPromotionsRequest, ListPromotionsRequest__Output as _shop_v1_ListPromotionsRequest__Output } from '../../shop/v1/ListPromotionsRequest.js';
import type { Profile as _shop_v1_Profile, Profile__Output as _shop_v1_Profile__Output } from '../../shop/v1/Profile.js';
import type { ProfileRequest as _shop_v1_ProfileRequest, ProfileRequest__Output as _shop_v1_ProfileRequest__Output } from '../../shop/v1/ProfileRequest.js';
import type { PromotionList as _shop_v1_PromotionList, PromotionList__Output as _shop_v1_PromotionList__Output } from '../../shop/v1/PromotionList.js';
import type { PromotionPublished as _shop_v1_PromotionPublished, PromotionPublished__Output as _shop_v1_PromotionPublished__Output } from '../../shop/v1/PromotionPublished.js';
import type { PutPromotionRequest as _shop_v1_PutPromotionRequest, PutPromotionRequest__Output as _shop_v1_PutPromotionRequest__Output } from '../../shop/v1/PutPromotionRequest.js';
import type { RecommendRequest as _shop_v1_RecommendRequest, RecommendRequest__Output as _shop_v1_RecommendRequest__Output } from '../../shop/v1/RecommendRequest.js';
import type { Recommendations as _shop_v1_Recommendations, Recommendations__Output as _shop_v1_Recommendations__Output } from '../../shop/v1/Recommendations.js';
import type { SearchRequest as _shop_v1_SearchRequest, SearchRequest__Output as _shop_v1_SearchRequest__Output } from '../../shop/v1/SearchRequest.js';
import type { SearchResponse as _shop_v1_SearchResponse, SearchResponse__Output as _shop_v1_SearchResponse__Output } from '../../shop/v1/SearchResponse.js';
import type { SetPromotionStatusRequest as _shop_v1_SetPromotionStatusRequest, SetPromotionStatusRequest__Output as _shop_v1_SetPromotionStatusRequest__Output } from '../../shop/v1/SetPromotionStatusRequest.js';
import type { StreamRequest as _shop_v1_StreamRequest, StreamRequest__Output as _shop_v1_StreamRequest__Output } from '../../shop/v1/StreamRequest.js';
import type { SuggestRequest as _shop_v1_SuggestRequest, SuggestRequest__Output as _shop_v1_SuggestRequest__Output } from '../../shop/v1/SuggestRequest.js';
import type { SuggestResponse as _shop_v1_SuggestResponse, SuggestResponse__Output as _shop_v1_SuggestResponse__Output } from '../../shop/v1/SuggestResponse.js';
import type { UpsertSummary as _shop_v1_UpsertSummary, UpsertSummary__Output as _shop_v1_UpsertSummary__Output } from '../../shop/v1/UpsertSummary.js';

export interface EngineClient extends grpc.Client {
  /**
   * Buys the given lines (or the shopper's cart when lines is empty), all or none. Each
   * item's stock is decided by its owner through the log; a retry with the same
   * idempotency_key places at most one order.
   */
  Checkout(argument: _shop_v1_CheckoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_CheckoutResult__Output>): grpc.ClientUnaryCall;
  Checkout(argument: _shop_v1_CheckoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_CheckoutResult__Output>): grpc.ClientUnaryCall;
  Checkout(argument: _shop_v1_CheckoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_CheckoutResult__Output>): grpc.ClientUnaryCall;
  Checkout(argument: _shop_v1_CheckoutRequest, callback: grpc.requestCallback<_shop_v1_CheckoutResult__Output>): grpc.ClientUnaryCall;
  /**
   * Buys the given lines (or the shopper's cart when lines is empty), all or none. Each
   * item's stock is decided by its owner through the log; a retry with the same
   * idempotency_key places at most one order.
   */
  checkout(argument: _shop_v1_CheckoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_CheckoutResult__Output>): grpc.ClientUnaryCall;
  checkout(argument: _shop_v1_CheckoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_CheckoutResult__Output>): grpc.ClientUnaryCall;
  checkout(argument: _shop_v1_CheckoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_CheckoutResult__Output>): grpc.ClientUnaryCall;
  checkout(argument: _shop_v1_CheckoutRequest, callback: grpc.requestCallback<_shop_v1_CheckoutResult__Output>): grpc.ClientUnaryCall;
  
  /**
   * Folds the recent log with a draft rule alone in force: coupons it would have issued, to whom, at what cost.
   */
  DryRunPromotion(argument: _shop_v1_DryRunPromotionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_DryRunPromotionResult__Output>): grpc.ClientUnaryCall;
  DryRunPromotion(argument: _shop_v1_DryRunPromotionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_DryRunPromotionResult__Output>): grpc.ClientUnaryCall;
  DryRunPromotion(argument: _shop_v1_DryRunPromotionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_DryRunPromotionResult__Output>): grpc.ClientUnaryCall;
  DryRunPromotion(argument: _shop_v1_DryRunPromotionRequest, callback: grpc.requestCallback<_shop_v1_DryRunPromotionResult__Output>): grpc.ClientUnaryCall;
  /**
   * Folds the recent log with a draft rule alone in force: coupons it would have issued, to whom, at what cost.
   */
  dryRunPromotion(argument: _shop_v1_DryRunPromotionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_DryRunPromotionResult__Output>): grpc.ClientUnaryCall;
  dryRunPromotion(argument: _shop_v1_DryRunPromotionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_DryRunPromotionResult__Output>): grpc.ClientUnaryCall;
  dryRunPromotion(argument: _shop_v1_DryRunPromotionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_DryRunPromotionResult__Output>): grpc.ClientUnaryCall;
  dryRunPromotion(argument: _shop_v1_DryRunPromotionRequest, callback: grpc.requestCallback<_shop_v1_DryRunPromotionResult__Output>): grpc.ClientUnaryCall;
  
  /**
   * One campaign with the numbers of its spend owner (NOT_FOUND: no such campaign).
   */
  GetAdCampaign(argument: _shop_v1_AdCampaignGetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_AdCampaignStats__Output>): grpc.ClientUnaryCall;
  GetAdCampaign(argument: _shop_v1_AdCampaignGetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_AdCampaignStats__Output>): grpc.ClientUnaryCall;
  GetAdCampaign(argument: _shop_v1_AdCampaignGetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_AdCampaignStats__Output>): grpc.ClientUnaryCall;
  GetAdCampaign(argument: _shop_v1_AdCampaignGetRequest, callback: grpc.requestCallback<_shop_v1_AdCampaignStats__Output>): grpc.ClientUnaryCall;
  /**
   * One campaign with the numbers of its spend owner (NOT_FOUND: no such campaign).
   */
  getAdCampaign(argument: _shop_v1_AdCampaignGetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_AdCampaignStats__Output>): grpc.ClientUnaryCall;
  getAdCampaign(argument: _shop_v1_AdCampaignGetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_AdCampaignStats__Output>): grpc.ClientUnaryCall;
  getAdCampaign(argument: _shop_v1_AdCampaignGetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_AdCampaignStats__Output>): grpc.ClientUnaryCall;
  getAdCampaign(argument: _shop_v1_AdCampaignGetRequest, callback: grpc.requestCallback<_shop_v1_AdCampaignStats__Output>): grpc.ClientUnaryCall;
  
  /**
   * The current phase's live report (NOT_FOUND: no such experiment).
   */
  GetExperiment(argument: _shop_v1_ExperimentGetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_ExperimentReport__Output>): grpc.ClientUnaryCall;
  GetExperiment(argument: _shop_v1_ExperimentGetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_ExperimentReport__Output>): grpc.ClientUnaryCall;
  GetExperiment(argument: _shop_v1_ExperimentGetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_ExperimentReport__Output>): grpc.ClientUnaryCall;
  GetExperiment(argument: _shop_v1_ExperimentGetRequest, callback: grpc.requestCallback<_shop_v1_ExperimentReport__Output>): grpc.ClientUnaryCall;
  /**
   * The current phase's live report (NOT_FOUND: no such experiment).
   */
  getExperiment(argument: _shop_v1_ExperimentGetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_ExperimentReport__Output>): grpc.ClientUnaryCall;
  getExperiment(argument: _shop_v1_ExperimentGetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_ExperimentReport__Output>): grpc.ClientUnaryCall;
  getExperiment(argument: _shop_v1_ExperimentGetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_ExperimentReport__Output>): grpc.ClientUnaryCall;
  getExperiment(argument: _shop_v1_ExperimentGetRequest, callback: grpc.requestCallback<_shop_v1_ExperimentReport__Output>): grpc.ClientUnaryCall;
  
  /**
   * One product with its live stock.
   */
  GetItem(argument: _shop_v1_GetItemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_Item__Output>): grpc.ClientUnaryCall;
  GetItem(argument: _shop_v1_GetItemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_Item__Output>): grpc.ClientUnaryCall;
  GetItem(argument: _shop_v1_GetItemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_Item__Output>): grpc.ClientUnaryCall;
  GetItem(argument: _shop_v1_GetItemRequest, callback: grpc.requestCallback<_shop_v1_Item__Output>): grpc.ClientUnaryCall;
  /**
   * One product with its live stock.
   */
  getItem(argument: _shop_v1_GetItemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_Item__Output>): grpc.ClientUnaryCall;
  getItem(argument: _shop_v1_GetItemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_Item__Output>): grpc.ClientUnaryCall;
  getItem(argument: _shop_v1_GetItemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_Item__Output>): grpc.ClientUnaryCall;
  getItem(argument: _shop_v1_GetItemRequest, callback: grpc.requestCallback<_shop_v1_Item__Output>): grpc.ClientUnaryCall;
  
  /**
   * The user actor's live state.
   */
  GetProfile(argument: _shop_v1_ProfileRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_Profile__Output>): grpc.ClientUnaryCall;
  GetProfile(argument: _shop_v1_ProfileRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_Profile__Output>): grpc.ClientUnaryCall;
  GetProfile(argument: _shop_v1_ProfileRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_Profile__Output>): grpc.ClientUnaryCall;
  GetProfile(argument: _shop_v1_ProfileRequest, callback: grpc.requestCallback<_shop_v1_Profile__Output>): grpc.ClientUnaryCall;
  /**
   * The user actor's live state.
   */
  getProfile(argument: _shop_v1_ProfileRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_Profile__Output>): grpc.ClientUnaryCall;
  getProfile(argument: _shop_v1_ProfileRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_Profile__Output>): grpc.ClientUnaryCall;
  getProfile(argument: _shop_v1_ProfileRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_Profile__Output>): grpc.ClientUnaryCall;
  getProfile(argument: _shop_v1_ProfileRequest, callback: grpc.requestCallback<_shop_v1_Profile__Output>): grpc.ClientUnaryCall;
  
  /**
   * Every category with its product count.
   */
  ListCategories(argument: _shop_v1_ListCategoriesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  ListCategories(argument: _shop_v1_ListCategoriesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  ListCategories(argument: _shop_v1_ListCategoriesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  ListCategories(argument: _shop_v1_ListCategoriesRequest, callback: grpc.requestCallback<_shop_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Every category with its product count.
   */
  listCategories(argument: _shop_v1_ListCategoriesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  listCategories(argument: _shop_v1_ListCategoriesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  listCategories(argument: _shop_v1_ListCategoriesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  listCategories(argument: _shop_v1_ListCategoriesRequest, callback: grpc.requestCallback<_shop_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A shopper's coupons (live, held, used, expired), newest first.
   */
  ListCoupons(argument: _shop_v1_ProfileRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_CouponList__Output>): grpc.ClientUnaryCall;
  ListCoupons(argument: _shop_v1_ProfileRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_CouponList__Output>): grpc.ClientUnaryCall;
  ListCoupons(argument: _shop_v1_ProfileRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_CouponList__Output>): grpc.ClientUnaryCall;
  ListCoupons(argument: _shop_v1_ProfileRequest, callback: grpc.requestCallback<_shop_v1_CouponList__Output>): grpc.ClientUnaryCall;
  /**
   * A shopper's coupons (live, held, used, expired), newest first.
   */
  listCoupons(argument: _shop_v1_ProfileRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_CouponList__Output>): grpc.ClientUnaryCall;
  listCoupons(argument: _shop_v1_ProfileRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_CouponList__Output>): grpc.ClientUnaryCall;
  listCoupons(argument: _shop_v1_ProfileRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_CouponList__Output>): grpc.ClientUnaryCall;
  listCoupons(argument: _shop_v1_ProfileRequest, callback: grpc.requestCallback<_shop_v1_CouponList__Output>): grpc.ClientUnaryCall;
  
  /**
   * A page of products: by category and/or keyword query, sorted.
   */
  ListItems(argument: _shop_v1_ListItemsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_ListItemsResponse__Output>): grpc.ClientUnaryCall;
  ListItems(argument: _shop_v1_ListItemsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_ListItemsResponse__Output>): grpc.ClientUnaryCall;
  ListItems(argument: _shop_v1_ListItemsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_ListItemsResponse__Output>): grpc.ClientUnaryCall;
  ListItems(argument: _shop_v1_ListItemsRequest, callback: grpc.requestCallback<_shop_v1_ListItemsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * A page of products: by category and/or keyword query, sorted.
   */
  listItems(argument: _shop_v1_ListItemsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_ListItemsResponse__Output>): grpc.ClientUnaryCall;
  listItems(argument: _shop_v1_ListItemsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_ListItemsResponse__Output>): grpc.ClientUnaryCall;
  listItems(argument: _shop_v1_ListItemsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_ListItemsResponse__Output>): grpc.ClientUnaryCall;
  listItems(argument: _shop_v1_ListItemsRequest, callback: grpc.requestCallback<_shop_v1_ListItemsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Promotion rules (docs/promotions.md): the operator API of /api/admin/promotions. Rules
   * are JSON (format 1, the payload of their definition event); a bad field is
   * INVALID_ARGUMENT with E_BAD_RULE naming it.
   */
  ListPromotions(argument: _shop_v1_ListPromotionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_PromotionList__Output>): grpc.ClientUnaryCall;
  ListPromotions(argument: _shop_v1_ListPromotionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_PromotionList__Output>): grpc.ClientUnaryCall;
  ListPromotions(argument: _shop_v1_ListPromotionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_PromotionList__Output>): grpc.ClientUnaryCall;
  ListPromotions(argument: _shop_v1_ListPromotionsRequest, callback: grpc.requestCallback<_shop_v1_PromotionList__Output>): grpc.ClientUnaryCall;
  /**
   * Promotion rules (docs/promotions.md): the operator API of /api/admin/promotions. Rules
   * are JSON (format 1, the payload of their definition event); a bad field is
   * INVALID_ARGUMENT with E_BAD_RULE naming it.
   */
  listPromotions(argument: _shop_v1_ListPromotionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_PromotionList__Output>): grpc.ClientUnaryCall;
  listPromotions(argument: _shop_v1_ListPromotionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_PromotionList__Output>): grpc.ClientUnaryCall;
  listPromotions(argument: _shop_v1_ListPromotionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_PromotionList__Output>): grpc.ClientUnaryCall;
  listPromotions(argument: _shop_v1_ListPromotionsRequest, callback: grpc.requestCallback<_shop_v1_PromotionList__Output>): grpc.ClientUnaryCall;
  
  /**
   * Sponsored products (docs/ads.md): the operator API of /api/admin/campaigns. A campaign
   * is JSON (the payload of its definition event); a bad field is INVALID_ARGUMENT with
   * E_BAD_CAMPAIGN naming it. Creates version 1, or the next version of an existing id.
   */
  PutAdCampaign(argument: _shop_v1_AdCampaignPutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_AdCampaignPublished__Output>): grpc.ClientUnaryCall;
  PutAdCampaign(argument: _shop_v1_AdCampaignPutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_AdCampaignPublished__Output>): grpc.ClientUnaryCall;
  PutAdCampaign(argument: _shop_v1_AdCampaignPutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_AdCampaignPublished__Output>): grpc.ClientUnaryCall;
  PutAdCampaign(argument: _shop_v1_AdCampaignPutRequest, callback: grpc.requestCallback<_shop_v1_AdCampaignPublished__Output>): grpc.ClientUnaryCall;
  /**
   * Sponsored products (docs/ads.md): the operator API of /api/admin/campaigns. A campaign
   * is JSON (the payload of its definition event); a bad field is INVALID_ARGUMENT with
   * E_BAD_CAMPAIGN naming it. Creates version 1, or the next version of an existing id.
   */
  putAdCampaign(argument: _shop_v1_AdCampaignPutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_AdCampaignPublished__Output>): grpc.ClientUnaryCall;
  putAdCampaign(argument: _shop_v1_AdCampaignPutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_AdCampaignPublished__Output>): grpc.ClientUnaryCall;
  putAdCampaign(argument: _shop_v1_AdCampaignPutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_AdCampaignPublished__Output>): grpc.ClientUnaryCall;
  putAdCampaign(argument: _shop_v1_AdCampaignPutRequest, callback: grpc.requestCallback<_shop_v1_AdCampaignPublished__Output>): grpc.ClientUnaryCall;
  
  /**
   * A/B tests (docs/experiments.md): the operator API of /api/admin/experiments. An
   * experiment is JSON (the payload of its definition event); a bad field is
   * INVALID_ARGUMENT naming it. Creates version 1, or the next version (changed weights: a new phase).
   */
  PutExperiment(argument: _shop_v1_ExperimentPutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_ExperimentPublished__Output>): grpc.ClientUnaryCall;
  PutExperiment(argument: _shop_v1_ExperimentPutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_ExperimentPublished__Output>): grpc.ClientUnaryCall;
  PutExperiment(argument: _shop_v1_ExperimentPutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_ExperimentPublished__Output>): grpc.ClientUnaryCall;
  PutExperiment(argument: _shop_v1_ExperimentPutRequest, callback: grpc.requestCallback<_shop_v1_ExperimentPublished__Output>): grpc.ClientUnaryCall;
  /**
   * A/B tests (docs/experiments.md): the operator API of /api/admin/experiments. An
   * experiment is JSON (the payload of its definition event); a bad field is
   * INVALID_ARGUMENT naming it. Creates version 1, or the next version (changed weights: a new phase).
   */
  putExperiment(argument: _shop_v1_ExperimentPutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_ExperimentPublished__Output>): grpc.ClientUnaryCall;
  putExperiment(argument: _shop_v1_ExperimentPutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_ExperimentPublished__Output>): grpc.ClientUnaryCall;
  putExperiment(argument: _shop_v1_ExperimentPutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_ExperimentPublished__Output>): grpc.ClientUnaryCall;
  putExperiment(argument: _shop_v1_ExperimentPutRequest, callback: grpc.requestCallback<_shop_v1_ExperimentPublished__Output>): grpc.ClientUnaryCall;
  
  /**
   * Creates (version 1) or, with update set, appends the next version of a rule.
   */
  PutPromotion(argument: _shop_v1_PutPromotionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_PromotionPublished__Output>): grpc.ClientUnaryCall;
  PutPromotion(argument: _shop_v1_PutPromotionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_PromotionPublished__Output>): grpc.ClientUnaryCall;
  PutPromotion(argument: _shop_v1_PutPromotionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_PromotionPublished__Output>): grpc.ClientUnaryCall;
  PutPromotion(argument: _shop_v1_PutPromotionRequest, callback: grpc.requestCallback<_shop_v1_PromotionPublished__Output>): grpc.ClientUnaryCall;
  /**
   * Creates (version 1) or, with update set, appends the next version of a rule.
   */
  putPromotion(argument: _shop_v1_PutPromotionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_PromotionPublished__Output>): grpc.ClientUnaryCall;
  putPromotion(argument: _shop_v1_PutPromotionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_PromotionPublished__Output>): grpc.ClientUnaryCall;
  putPromotion(argument: _shop_v1_PutPromotionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_PromotionPublished__Output>): grpc.ClientUnaryCall;
  putPromotion(argument: _shop_v1_PutPromotionRequest, callback: grpc.requestCallback<_shop_v1_PromotionPublished__Output>): grpc.ClientUnaryCall;
  
  /**
   * Recommendations from the user actor's live state, reflecting every event this
   * engine acked for the user before the call.
   */
  Recommend(argument: _shop_v1_RecommendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_Recommendations__Output>): grpc.ClientUnaryCall;
  Recommend(argument: _shop_v1_RecommendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_Recommendations__Output>): grpc.ClientUnaryCall;
  Recommend(argument: _shop_v1_RecommendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_Recommendations__Output>): grpc.ClientUnaryCall;
  Recommend(argument: _shop_v1_RecommendRequest, callback: grpc.requestCallback<_shop_v1_Recommendations__Output>): grpc.ClientUnaryCall;
  /**
   * Recommendations from the user actor's live state, reflecting every event this
   * engine acked for the user before the call.
   */
  recommend(argument: _shop_v1_RecommendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_Recommendations__Output>): grpc.ClientUnaryCall;
  recommend(argument: _shop_v1_RecommendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_Recommendations__Output>): grpc.ClientUnaryCall;
  recommend(argument: _shop_v1_RecommendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_Recommendations__Output>): grpc.ClientUnaryCall;
  recommend(argument: _shop_v1_RecommendRequest, callback: grpc.requestCallback<_shop_v1_Recommendations__Output>): grpc.ClientUnaryCall;
  
  /**
   * Hybrid search (BM25 + HNSW vectors, fused per query type, re-ranked for user_id
   * when given) with exact facet counts, "did you mean" and zero-result fallbacks.
   * The same search as HTTP GET /api/search. Errors: INVALID_ARGUMENT naming the field.
   */
  Search(argument: _shop_v1_SearchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  Search(argument: _shop_v1_SearchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  Search(argument: _shop_v1_SearchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  Search(argument: _shop_v1_SearchRequest, callback: grpc.requestCallback<_shop_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Hybrid search (BM25 + HNSW vectors, fused per query type, re-ranked for user_id
   * when given) with exact facet counts, "did you mean" and zero-result fallbacks.
   * The same search as HTTP GET /api/search. Errors: INVALID_ARGUMENT naming the field.
   */
  search(argument: _shop_v1_SearchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  search(argument: _shop_v1_SearchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  search(argument: _shop_v1_SearchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  search(argument: _shop_v1_SearchRequest, callback: grpc.requestCallback<_shop_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Pauses or resumes a rule (a new version with only the status changed).
   */
  SetPromotionStatus(argument: _shop_v1_SetPromotionStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_PromotionPublished__Output>): grpc.ClientUnaryCall;
  SetPromotionStatus(argument: _shop_v1_SetPromotionStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_PromotionPublished__Output>): grpc.ClientUnaryCall;
  SetPromotionStatus(argument: _shop_v1_SetPromotionStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_PromotionPublished__Output>): grpc.ClientUnaryCall;
  SetPromotionStatus(argument: _shop_v1_SetPromotionStatusRequest, callback: grpc.requestCallback<_shop_v1_PromotionPublished__Output>): grpc.ClientUnaryCall;
  /**
   * Pauses or resumes a rule (a new version with only the status changed).
   */
  setPromotionStatus(argument: _shop_v1_SetPromotionStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_PromotionPublished__Output>): grpc.ClientUnaryCall;
  setPromotionStatus(argument: _shop_v1_SetPromotionStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_PromotionPublished__Output>): grpc.ClientUnaryCall;
  setPromotionStatus(argument: _shop_v1_SetPromotionStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_PromotionPublished__Output>): grpc.ClientUnaryCall;
  setPromotionStatus(argument: _shop_v1_SetPromotionStatusRequest, callback: grpc.requestCallback<_shop_v1_PromotionPublished__Output>): grpc.ClientUnaryCall;
  
  /**
   * The pushes the user's WebSocket gets, for server-side consumers: first the
   * current recommendations (unless skip_current), then one message per push.
   * A slow reader gets the newest recommendations, never a backlog of stale ones.
   */
  StreamRecommendations(argument: _shop_v1_StreamRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_shop_v1_Recommendations__Output>;
  StreamRecommendations(argument: _shop_v1_StreamRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_shop_v1_Recommendations__Output>;
  /**
   * The pushes the user's WebSocket gets, for server-side consumers: first the
   * current recommendations (unless skip_current), then one message per push.
   * A slow reader gets the newest recommendations, never a backlog of stale ones.
   */
  streamRecommendations(argument: _shop_v1_StreamRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_shop_v1_Recommendations__Output>;
  streamRecommendations(argument: _shop_v1_StreamRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_shop_v1_Recommendations__Output>;
  
  /**
   * Autocomplete: hot and catalog query completions and products matching what was typed.
   */
  Suggest(argument: _shop_v1_SuggestRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  Suggest(argument: _shop_v1_SuggestRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  Suggest(argument: _shop_v1_SuggestRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  Suggest(argument: _shop_v1_SuggestRequest, callback: grpc.requestCallback<_shop_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Autocomplete: hot and catalog query completions and products matching what was typed.
   */
  suggest(argument: _shop_v1_SuggestRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  suggest(argument: _shop_v1_SuggestRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  suggest(argument: _shop_v1_SuggestRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  suggest(argument: _shop_v1_SuggestRequest, callback: grpc.requestCallback<_shop_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Appends one event to the log. Answers once JetStream stored it: an acked event
   * is never lost. Idempotent by (user_id, id): a retry with the same id is stored
   * once and answered with the first sequence and duplicate = true.
   * Required: user_id, kind, and what the kind needs (item_id, query, dwell_ms).
   * Stamped by the engine: ts, source ("grpc"); id when empty.
   */
  Track(argument: _shop_v1_Event, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_Ack__Output>): grpc.ClientUnaryCall;
  Track(argument: _shop_v1_Event, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_Ack__Output>): grpc.ClientUnaryCall;
  Track(argument: _shop_v1_Event, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_Ack__Output>): grpc.ClientUnaryCall;
  Track(argument: _shop_v1_Event, callback: grpc.requestCallback<_shop_v1_Ack__Output>): grpc.ClientUnaryCall;
  /**
   * Appends one event to the log. Answers once JetStream stored it: an acked event
   * is never lost. Idempotent by (user_id, id): a retry with the same id is stored
   * once and answered with the first sequence and duplicate = true.
   * Required: user_id, kind, and what the kind needs (item_id, query, dwell_ms).
   * Stamped by the engine: ts, source ("grpc"); id when empty.
   */
  track(argument: _shop_v1_Event, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_Ack__Output>): grpc.ClientUnaryCall;
  track(argument: _shop_v1_Event, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_Ack__Output>): grpc.ClientUnaryCall;
  track(argument: _shop_v1_Event, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_Ack__Output>): grpc.ClientUnaryCall;
  track(argument: _shop_v1_Event, callback: grpc.requestCallback<_shop_v1_Ack__Output>): grpc.ClientUnaryCall;
  
  /**
   * Many events on one stream; one Ack per event, in request order, each sent once
   * the log has that event. A bad event does not end the stream: its Ack carries
   * `error`. The server reads ahead a bounded window of events (flow control).
   */
  TrackBatch(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_shop_v1_Event, _shop_v1_Ack__Output>;
  TrackBatch(options?: grpc.CallOptions): grpc.ClientDuplexStream<_shop_v1_Event, _shop_v1_Ack__Output>;
  /**
   * Many events on one stream; one Ack per event, in request order, each sent once
   * the log has that event. A bad event does not end the stream: its Ack carries
   * `error`. The server reads ahead a bounded window of events (flow control).
   */
  trackBatch(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_shop_v1_Event, _shop_v1_Ack__Output>;
  trackBatch(options?: grpc.CallOptions): grpc.ClientDuplexStream<_shop_v1_Event, _shop_v1_Ack__Output>;
  
  /**
   * Adds or changes products. Each row is checked and applied on its own, as it
   * arrives: a whole product, or only the fields in its update_mask (see Item).
   * Bad rows are reported by their 0-based position in the stream; good rows are
   * applied. Re-sending a row is harmless (it changes nothing the second time).
   */
  UpsertItems(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_UpsertSummary__Output>): grpc.ClientWritableStream<_shop_v1_Item>;
  UpsertItems(metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_UpsertSummary__Output>): grpc.ClientWritableStream<_shop_v1_Item>;
  UpsertItems(options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_UpsertSummary__Output>): grpc.ClientWritableStream<_shop_v1_Item>;
  UpsertItems(callback: grpc.requestCallback<_shop_v1_UpsertSummary__Output>): grpc.ClientWritableStream<_shop_v1_Item>;
  /**
   * Adds or changes products. Each row is checked and applied on its own, as it
   * arrives: a whole product, or only the fields in its update_mask (see Item).
   * Bad rows are reported by their 0-based position in the stream; good rows are
   * applied. Re-sending a row is harmless (it changes nothing the second time).
   */
  upsertItems(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_UpsertSummary__Output>): grpc.ClientWritableStream<_shop_v1_Item>;
  upsertItems(metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_v1_UpsertSummary__Output>): grpc.ClientWritableStream<_shop_v1_Item>;
  upsertItems(options: grpc.CallOptions, callback: grpc.requestCallback<_shop_v1_UpsertSummary__Output>): grpc.ClientWritableStream<_shop_v1_Item>;
  upsertItems(callback: grpc.requestCallback<_shop_v1_UpsertSummary__Output>): grpc.ClientWritableStream<_shop_v1_Item>;
  
}

export interface EngineHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Buys the given lines (or the shopper's cart when lines is empty), all or none. Each
   * item's stock is decided by its owner through the log; a retry with the same
   * idempotency_key places at most one order.
   */
  Checkout: grpc.handleUnaryCall<_shop_v1_CheckoutRequest__Output, _shop_v1_CheckoutResult>;
  
  /**
   * Folds the recent log with a draft rule alone in force: coupons it would have issued, to whom, at what cost.
   */
  DryRunPromotion: grpc.handleUnaryCall<_shop_v1_DryRunPromotionRequest__Output, _shop_v1_DryRunPromotionResult>;
  
  /**
   * One campaign with the numbers of its spend owner (NOT_FOUND: no such campaign).
   */
  GetAdCampaign: grpc.handleUnaryCall<_shop_v1_AdCampaignGetRequest__Output, _shop_v1_AdCampaignStats>;
  
  /**
   * The current phase's live report (NOT_FOUND: no such experiment).
   */
  GetExperiment: grpc.handleUnaryCall<_shop_v1_ExperimentGetRequest__Output, _shop_v1_ExperimentReport>;
  
  /**
   * One product with its live stock.
   */
  GetItem: grpc.handleUnaryCall<_shop_v1_GetItemRequest__Output, _shop_v1_Item>;
  
  /**
   * The user actor's live state.
   */
  GetProfile: grpc.handleUnaryCall<_shop_v1_ProfileRequest__Output, _shop_v1_Profile>;
  
  /**
   * Every category with its product count.
   */
  ListCategories: grpc.handleUnaryCall<_shop_v1_ListCategoriesRequest__Output, _shop_v1_ListCategoriesResponse>;
  
  /**
   * A shopper's coupons (live, held, used, expired), newest first.
   */
  ListCoupons: grpc.handleUnaryCall<_shop_v1_ProfileRequest__Output, _shop_v1_CouponList>;
  
  /**
   * A page of products: by category and/or keyword query, sorted.
   */
  ListItems: grpc.handleUnaryCall<_shop_v1_ListItemsRequest__Output, _shop_v1_ListItemsResponse>;
  
  /**
   * Promotion rules (docs/promotions.md): the operator API of /api/admin/promotions. Rules
   * are JSON (format 1, the payload of their definition event); a bad field is
   * INVALID_ARGUMENT with E_BAD_RULE naming it.
   */
  ListPromotions: grpc.handleUnaryCall<_shop_v1_ListPromotionsRequest__Output, _shop_v1_PromotionList>;
  
  /**
   * Sponsored products (docs/ads.md): the operator API of /api/admin/campaigns. A campaign
   * is JSON (the payload of its definition event); a bad field is INVALID_ARGUMENT with
   * E_BAD_CAMPAIGN naming it. Creates version 1, or the next version of an existing id.
   */
  PutAdCampaign: grpc.handleUnaryCall<_shop_v1_AdCampaignPutRequest__Output, _shop_v1_AdCampaignPublished>;
  
  /**
   * A/B tests (docs/experiments.md): the operator API of /api/admin/experiments. An
   * experiment is JSON (the payload of its definition event); a bad field is
   * INVALID_ARGUMENT naming it. Creates version 1, or the next version (changed weights: a new phase).
   */
  PutExperiment: grpc.handleUnaryCall<_shop_v1_ExperimentPutRequest__Output, _shop_v1_ExperimentPublished>;
  
  /**
   * Creates (version 1) or, with update set, appends the next version of a rule.
   */
  PutPromotion: grpc.handleUnaryCall<_shop_v1_PutPromotionRequest__Output, _shop_v1_PromotionPublished>;
  
  /**
   * Recommendations from the user actor's live state, reflecting every event this
   * engine acked for the user before the call.
   */
  Recommend: grpc.handleUnaryCall<_shop_v1_RecommendRequest__Output, _shop_v1_Recommendations>;
  
  /**
   * Hybrid search (BM25 + HNSW vectors, fused per query type, re-ranked for user_id
   * when given) with exact facet counts, "did you mean" and zero-result fallbacks.
   * The same search as HTTP GET /api/search. Errors: INVALID_ARGUMENT naming the field.
   */
  Search: grpc.handleUnaryCall<_shop_v1_SearchRequest__Output, _shop_v1_SearchResponse>;
  
  /**
   * Pauses or resumes a rule (a new version with only the status changed).
   */
  SetPromotionStatus: grpc.handleUnaryCall<_shop_v1_SetPromotionStatusRequest__Output, _shop_v1_PromotionPublished>;
  
  /**
   * The pushes the user's WebSocket gets, for server-side consumers: first the
   * current recommendations (unless skip_current), then one message per push.
   * A slow reader gets the newest recommendations, never a backlog of stale ones.
   */
  StreamRecommendations: grpc.handleServerStreamingCall<_shop_v1_StreamRequest__Output, _shop_v1_Recommendations>;
  
  /**
   * Autocomplete: hot and catalog query completions and products matching what was typed.
   */
  Suggest: grpc.handleUnaryCall<_shop_v1_SuggestRequest__Output, _shop_v1_SuggestResponse>;
  
  /**
   * Appends one event to the log. Answers once JetStream stored it: an acked event
   * is never lost. Idempotent by (user_id, id): a retry with the same id is stored
   * once and answered with the first sequence and duplicate = true.
   * Required: user_id, kind, and what the kind needs (item_id, query, dwell_ms).
   * Stamped by the engine: ts, source ("grpc"); id when empty.
   */
  Track: grpc.handleUnaryCall<_shop_v1_Event__Output, _shop_v1_Ack>;
  
  /**
   * Many events on one stream; one Ack per event, in request order, each sent once
   * the log has that event. A bad event does not end the stream: its Ack carries
   * `error`. The server reads ahead a bounded window of events (flow control).
   */
  TrackBatch: grpc.handleBidiStreamingCall<_shop_v1_Event__Output, _shop_v1_Ack>;
  
  /**
   * Adds or changes products. Each row is checked and applied on its own, as it
   * arrives: a whole product, or only the fields in its update_mask (see Item).
   * Bad rows are reported by their 0-based position in the stream; good rows are
   * applied. Re-sending a row is harmless (it changes nothing the second time).
   */
  UpsertItems: grpc.handleClientStreamingCall<_shop_v1_Item__Output, _shop_v1_UpsertSummary>;
  
}

export interface EngineDefinition extends grpc.ServiceDefinition {
  Checkout: MethodDefinition<_shop_v1_CheckoutRequest, _shop_v1_CheckoutResult, _shop_v1_CheckoutRequest__Output, _shop_v1_CheckoutResult__Output>
  DryRunPromotion: MethodDefinition<_shop_v1_DryRunPromotionRequest, _shop_v1_DryRunPromotionResult, _shop_v1_DryRunPromotionRequest__Output, _shop_v1_DryRunPromotionResult__Output>
  GetAdCampaign: MethodDefinition<_shop_v1_AdCampaignGetRequest, _shop_v1_AdCampaignStats, _shop_v1_AdCampaignGetRequest__Output, _shop_v1_AdCampaignStats__Output>
  GetExperiment: MethodDefinition<_shop_v1_ExperimentGetRequest, _shop_v1_ExperimentReport, _shop_v1_ExperimentGetRequest__Output, _shop_v1_ExperimentReport__Output>
  GetItem: MethodDefinition<_shop_v1_GetItemRequest, _shop_v1_Item, _shop_v1_GetItemRequest__Output, _shop_v1_Item__Output>
  GetProfile: MethodDefinition<_shop_v1_ProfileRequest, _shop_v1_Profile, _shop_v1_ProfileRequest__Output, _shop_v1_Profile__Output>
  ListCategories: MethodDefinition<_shop_v1_ListCategoriesRequest, _shop_v1_ListCategoriesResponse, _shop_v1_ListCategoriesRequest__Output, _shop_v1_ListCategoriesResponse__Output>
  ListCoupons: MethodDefinition<_shop_v1_ProfileRequest, _shop_v1_CouponList, _shop_v1_ProfileRequest__Output, _shop_v1_CouponList__Output>
  ListItems: MethodDefinition<_shop_v1_ListItemsRequest, _shop_v1_ListItemsResponse, _shop_v1_ListItemsRequest__Output, _shop_v1_ListItemsResponse__Output>
  ListPromotions: MethodDefinition<_shop_v1_ListPromotionsRequest, _shop_v1_PromotionList, _shop_v1_ListPromotionsRequest__Output, _shop_v1_PromotionList__Output>
  PutAdCampaign: MethodDefinition<_shop_v1_AdCampaignPutRequest, _shop_v1_AdCampaignPublished, _shop_v1_AdCampaignPutRequest__Output, _shop_v1_AdCampaignPublished__Output>
  PutExperiment: MethodDefinition<_shop_v1_ExperimentPutRequest, _shop_v1_ExperimentPublished, _shop_v1_ExperimentPutRequest__Output, _shop_v1_ExperimentPublished__Output>
  PutPromotion: MethodDefinition<_shop_v1_PutPromotionRequest, _shop_v1_PromotionPublished, _shop_v1_PutPromotionRequest__Output, _shop_v1_PromotionPublished__Output>
  Recommend: MethodDefinition<_shop_v1_RecommendRequest, _shop_v1_Recommendations, _shop_v1_RecommendRequest__Output, _shop_v1_Recommendations__Output>
  Search: MethodDefinition<_shop_v1_SearchRequest, _shop_v1_SearchResponse, _shop_v1_SearchRequest__Output, _shop_v1_SearchResponse__Output>
  SetPromotionStatus: MethodDefinition<_shop_v1_SetPromotionStatusRequest, _shop_v1_PromotionPublished, _shop_v1_SetPromotionStatusRequest__Output, _shop_v1_PromotionPublished__Output>
  StreamRecommendations: MethodDefinition<_shop_v1_StreamRequest, _shop_v1_Recommendations, _shop_v1_StreamRequest__Output, _shop_v1_Recommendations__Output>
  Suggest: MethodDefinition<_shop_v1_SuggestRequest, _shop_v1_SuggestResponse, _shop_v1_SuggestRequest__Output, _shop_v1_SuggestResponse__Output>
  Track: MethodDefinition<_shop_v1_Event, _shop_v1_Ack, _shop_v1_Event__Output, _shop_v1_Ack__Output>
  TrackBatch: MethodDefinition<_shop_v1_Event, _shop_v1_Ack, _shop_v1_Event__Output, _shop_v1_Ack__Output>
  UpsertItems: MethodDefinition<_shop_v1_Item, _shop_v1_UpsertSummary, _shop_v1_Item__Output, _shop_v1_UpsertSummary__Output>
}
