// Original file: protos/shop/v1/engine.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A product. In UpsertItems, a field left unset on a known item keeps its value
 * (hence `optional`); in answers every field the product has is set.
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
   * 0..5
   */
  'rating'?: (number | string);
  /**
   * at most 32; in UpsertItems an empty list keeps the tags (see clear_tags)
   */
  'tags'?: (string)[];
  /**
   * UpsertItems: remove every tag
   */
  'clearTags'?: (boolean);
  '_name'?: "name";
  '_category'?: "category";
  '_description'?: "description";
  '_price'?: "price";
  '_stock'?: "stock";
  '_brand'?: "brand";
  '_rating'?: "rating";
}

/**
 * A product. In UpsertItems, a field left unset on a known item keeps its value
 * (hence `optional`); in answers every field the product has is set.
 */
export interface Item__Output {
  /**
   * [A-Za-z0-9_.:-]{1,64}
   */
  'itemId': (string);
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
  'price'?: (number);
  /**
   * >= 0; in answers, live stock (catalog stock minus units sold)
   */
  'stock'?: (number);
  /**
   * 1..100 characters
   */
  'brand'?: (string);
  /**
   * 0..5
   */
  'rating'?: (number);
  /**
   * at most 32; in UpsertItems an empty list keeps the tags (see clear_tags)
   */
  'tags': (string)[];
  /**
   * UpsertItems: remove every tag
   */
  'clearTags': (boolean);
  '_name'?: "name";
  '_category'?: "category";
  '_description'?: "description";
  '_price'?: "price";
  '_stock'?: "stock";
  '_brand'?: "brand";
  '_rating'?: "rating";
}
