// Original file: protos/shop/v1/events.proto

import type { EventKind as _shop_v1_EventKind, EventKind__Output as _shop_v1_EventKind__Output } from '../../shop/v1/EventKind.js';
import type { Line as _shop_v1_Line, Line__Output as _shop_v1_Line__Output } from '../../shop/v1/Line.js';
import type { UInt32Value as _google_protobuf_UInt32Value, UInt32Value__Output as _google_protobuf_UInt32Value__Output } from '../../google/protobuf/UInt32Value.js';
import type { Long } from '@grpc/proto-loader';

export interface Event {
  /**
   * client-chosen, unique; also the JetStream Nats-Msg-Id (de-duplication)
   */
  'id'?: (string);
  /**
   * stamped by the gateway from the session token
   */
  'userId'?: (string);
  'kind'?: (_shop_v1_EventKind);
  'itemId'?: (string);
  'query'?: (string);
  'qty'?: (number);
  /**
   * event time, ms since the epoch, stamped by the gateway
   */
  'ts'?: (number | string | Long);
  'dwellMs'?: (number);
  /**
   * PURCHASE: lines of one order share it
   */
  'orderId'?: (string);
  /**
   * PURCHASE: unit price at the time of purchase
   */
  'price'?: (number | string);
  /**
   * REMINDER: the timer's name
   */
  'reminder'?: (string);
  /**
   * REMINDER: when it was due (ms since the epoch)
   */
  'dueAt'?: (number | string | Long);
  /**
   * "ws", "grpc", "http", "engine"
   */
  'source'?: (string);
  /**
   * CHECKOUT: what to buy (one line per item)
   */
  'lines'?: (_shop_v1_Line)[];
  /**
   * CHECKOUT and the stock events of its saga; PURCHASE lines it placed
   */
  'checkoutId'?: (string);
  /**
   * STOCK_GRANTED / STOCK_REFUSED: units available after / at the decision
   */
  'stockLeft'?: (number);
  /**
   * REC_IMPRESSION: what was shown, in order
   */
  'itemIds'?: (string)[];
  /**
   * REC_IMPRESSION / REC_CLICK: where ("home", "product", "cart", ...)
   */
  'slot'?: (string);
  /**
   * SEGMENT_CHANGE: the new RFM segment
   */
  'segment'?: (string);
  /**
   * SEGMENT_CHANGE: the one before ('' = a new customer)
   */
  'previousSegment'?: (string);
  /**
   * DEFINITION: what it defines ("intent_model", ...)
   */
  'defKind'?: (string);
  /**
   * DEFINITION: which one of its kind
   */
  'defId'?: (string);
  /**
   * DEFINITION: 1, 2, ... per (def_kind, def_id); an older or equal version never replaces a newer one
   */
  'defVersion'?: (number);
  /**
   * DEFINITION: the definition itself, JSON (a model file, a rule, ...)
   */
  'payload'?: (string);
  /**
   * COUPON_*: the coupon code; CHECKOUT: the code to apply ("*" = the best eligible)
   */
  'coupon'?: (string);
  /**
   * COUPON_COMMIT: the discount the order got
   */
  'discount'?: (number | string);
  /**
   * COUPON_RESERVE: the trigger key; COUPON_REFUSED: the limit that refused it
   */
  'reason'?: (string);
  /**
   * 28-40 left for the engine's fields; search's start at 41.
   * SEARCH: how many results the query found; unset = not reported (a wrapper, not proto3
   * `optional`: older protoc, e.g. Debian 12's, refuse `optional`; 0 results is a value).
   */
  'resultCount'?: (_google_protobuf_UInt32Value | null);
  /**
   * SEARCH / SEARCH_CLICK: the category filter the search ran in ('' = all)
   */
  'category'?: (string);
  /**
   * SEARCH_CLICK: 1-based position of the clicked result
   */
  'position'?: (number);
  /**
   * AD_*: the impression (one auction's slot shown to one shopper)
   */
  'impressionId'?: (string);
  /**
   * AD_*: the campaign
   */
  'campaignId'?: (string);
  /**
   * AD_IMPRESSION: the CTR model version that scored the auction
   */
  'modelVersion'?: (string);
  /**
   * AD_IMPRESSION: the predicted click probability
   */
  'adCtr'?: (number | string);
  /**
   * AD_IMPRESSION: the shopper's affinity (0..1) to the item's category, as the CTR model saw it
   */
  'adAffinity'?: (number | string);
  /**
   * EXPOSURE: which experiment
   */
  'experimentId'?: (string);
  /**
   * EXPOSURE: its phase (1, 2, ...; a weight change starts a new one)
   */
  'experimentPhase'?: (number);
  /**
   * EXPOSURE: the variant whose decision was served
   */
  'variant'?: (string);
}

export interface Event__Output {
  /**
   * client-chosen, unique; also the JetStream Nats-Msg-Id (de-duplication)
   */
  'id': (string);
  /**
   * stamped by the gateway from the session token
   */
  'userId': (string);
  'kind': (_shop_v1_EventKind__Output);
  'itemId': (string);
  'query': (string);
  'qty': (number);
  /**
   * event time, ms since the epoch, stamped by the gateway
   */
  'ts': (number);
  'dwellMs': (number);
  /**
   * PURCHASE: lines of one order share it
   */
  'orderId': (string);
  /**
   * PURCHASE: unit price at the time of purchase
   */
  'price': (number);
  /**
   * REMINDER: the timer's name
   */
  'reminder': (string);
  /**
   * REMINDER: when it was due (ms since the epoch)
   */
  'dueAt': (number);
  /**
   * "ws", "grpc", "http", "engine"
   */
  'source': (string);
  /**
   * CHECKOUT: what to buy (one line per item)
   */
  'lines': (_shop_v1_Line__Output)[];
  /**
   * CHECKOUT and the stock events of its saga; PURCHASE lines it placed
   */
  'checkoutId': (string);
  /**
   * STOCK_GRANTED / STOCK_REFUSED: units available after / at the decision
   */
  'stockLeft': (number);
  /**
   * REC_IMPRESSION: what was shown, in order
   */
  'itemIds': (string)[];
  /**
   * REC_IMPRESSION / REC_CLICK: where ("home", "product", "cart", ...)
   */
  'slot': (string);
  /**
   * SEGMENT_CHANGE: the new RFM segment
   */
  'segment': (string);
  /**
   * SEGMENT_CHANGE: the one before ('' = a new customer)
   */
  'previousSegment': (string);
  /**
   * DEFINITION: what it defines ("intent_model", ...)
   */
  'defKind': (string);
  /**
   * DEFINITION: which one of its kind
   */
  'defId': (string);
  /**
   * DEFINITION: 1, 2, ... per (def_kind, def_id); an older or equal version never replaces a newer one
   */
  'defVersion': (number);
  /**
   * DEFINITION: the definition itself, JSON (a model file, a rule, ...)
   */
  'payload': (string);
  /**
   * COUPON_*: the coupon code; CHECKOUT: the code to apply ("*" = the best eligible)
   */
  'coupon': (string);
  /**
   * COUPON_COMMIT: the discount the order got
   */
  'discount': (number);
  /**
   * COUPON_RESERVE: the trigger key; COUPON_REFUSED: the limit that refused it
   */
  'reason': (string);
  /**
   * 28-40 left for the engine's fields; search's start at 41.
   * SEARCH: how many results the query found; unset = not reported (a wrapper, not proto3
   * `optional`: older protoc, e.g. Debian 12's, refuse `optional`; 0 results is a value).
   */
  'resultCount': (_google_protobuf_UInt32Value__Output | null);
  /**
   * SEARCH / SEARCH_CLICK: the category filter the search ran in ('' = all)
   */
  'category': (string);
  /**
   * SEARCH_CLICK: 1-based position of the clicked result
   */
  'position': (number);
  /**
   * AD_*: the impression (one auction's slot shown to one shopper)
   */
  'impressionId': (string);
  /**
   * AD_*: the campaign
   */
  'campaignId': (string);
  /**
   * AD_IMPRESSION: the CTR model version that scored the auction
   */
  'modelVersion': (string);
  /**
   * AD_IMPRESSION: the predicted click probability
   */
  'adCtr': (number);
  /**
   * AD_IMPRESSION: the shopper's affinity (0..1) to the item's category, as the CTR model saw it
   */
  'adAffinity': (number);
  /**
   * EXPOSURE: which experiment
   */
  'experimentId': (string);
  /**
   * EXPOSURE: its phase (1, 2, ...; a weight change starts a new one)
   */
  'experimentPhase': (number);
  /**
   * EXPOSURE: the variant whose decision was served
   */
  'variant': (string);
}
