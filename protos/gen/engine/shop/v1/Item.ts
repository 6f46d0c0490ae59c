// Original file: protos/shop/v1/engine.proto

import type { FieldMask as _google_protobuf_FieldMask, FieldMask__Output as _google_protobuf_FieldMask__Output } from '../../google/protobuf/FieldMask.js';
import type { Int32Value as _google_protobuf_Int32Value, Int32Value__Output as _google_protobuf_Int32Value__Output } from '../../google/protobuf/Int32Value.js';
import type { DoubleValue as _google_protobuf_DoubleValue, DoubleValue__Output as _google_protobuf_DoubleValue__Output } from '../../google/protobuf/DoubleValue.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A product. In answers every field holds the product's value.
 * 
 * In UpsertItems a row either is the whole product (update_mask empty: creates the
 * item or replaces every field) or changes only the fields named in update_mask
 * (the item must exist), e.g. {item_id: "sku-1", price: 9.99, update_mask: {paths: ["price"]}}.
 */
export interface Item {
  /**
   * [A-Za-z0-9_.:-]{1,64}
   */
  'itemId'?: (string);
  /**
   * 1..300 characters
   */
  'name'?: (string);
  /**
   * a slug: [a-z0-9-]{1,64}
   */
  'category'?: (string);
  /**
   * up to 10,000 characters; may be empty
   */
  'description'?: (string);
  /**
   * >= 0, at most 2 decimals
   */
  'price'?: (number | string);
  /**
   * >= 0; in answers, live stock (catalog stock minus units sold)
   */
  'stock'?: (number | string | Long);
  /**
   * 1..100 characters
   */
  'brand'?: (string);
  /**
   * 0..5; 0 = not rated
   */
  'rating'?: (number | string);
  /**
   * at most 32, each up to 64 characters
   */
  'tags'?: (string)[];
  /**
   * UpsertItems only: the fields this row sets (snake_case: name, category,
   * description, price, stock, brand, rating, tags, delivery_days, late_delivery_rate,
   * return_rate). Empty = all of them.
   */
  'updateMask'?: (_google_protobuf_FieldMask | null);
  /**
   * Logistics (unset = not known): days until it ships (0 = today), shares of late deliveries and returns (0..1).
   */
  'deliveryDays'?: (_google_protobuf_Int32Value | null);
  'lateDeliveryRate'?: (_google_protobuf_DoubleValue | null);
  'returnRate'?: (_google_protobuf_DoubleValue | null);
}

/**
 * A product. In answers every field holds the product's value.
 * 
 * In UpsertItems a row either is the whole product (update_mask empty: creates the
 * item or replaces every field) or changes only the fields named in update_mask
 * (the item must exist), e.g. {item_id: "sku-1", price: 9.99, update_mask: {paths: ["price"]}}.
 */
export interface Item__Output {
  /**
   * [A-Za-z0-9_.:-]{1,64}
   */
  'itemId': (string);
  /**
   * 1..300 characters
   */
  'name': (string);
  /**
   * a slug: [a-z0-9-]{1,64}
   */
  'category': (string);
  /**
   * up to 10,000 characters; may be empty
   */
  'description': (string);
  /**
   * >= 0, at most 2 decimals
   */
  'price': (number);
  /**
   * >= 0; in answers, live stock (catalog stock minus units sold)
   */
  'stock': (number);
  /**
   * 1..100 characters
   */
  'brand': (string);
  /**
   * 0..5; 0 = not rated
   */
  'rating': (number);
  /**
   * at most 32, each up to 64 characters
   */
  'tags': (string)[];
  /**
   * UpsertItems only: the fields this row sets (snake_case: name, category,
   * description, price, stock, brand, rating, tags, delivery_days, late_delivery_rate,
   * return_rate). Empty = all of them.
   */
  'updateMask': (_google_protobuf_FieldMask__Output | null);
  /**
   * Logistics (unset = not known): days until it ships (0 = today), shares of late deliveries and returns (0..1).
   */
  'deliveryDays': (_google_protobuf_Int32Value__Output | null);
  'lateDeliveryRate': (_google_protobuf_DoubleValue__Output | null);
  'returnRate': (_google_protobuf_DoubleValue__Output | null);
}
