// Original file: protos/shop/v1/engine.proto

import type { FacetValue as _shop_v1_FacetValue, FacetValue__Output as _shop_v1_FacetValue__Output } from '../../shop/v1/FacetValue.js';
import type { PriceFacet as _shop_v1_PriceFacet, PriceFacet__Output as _shop_v1_PriceFacet__Output } from '../../shop/v1/PriceFacet.js';
import type { RatingFacet as _shop_v1_RatingFacet, RatingFacet__Output as _shop_v1_RatingFacet__Output } from '../../shop/v1/RatingFacet.js';

/**
 * Exact counts; each facet counts with every filter except its own.
 */
export interface SearchFacets {
  'category'?: (_shop_v1_FacetValue)[];
  'brand'?: (_shop_v1_FacetValue)[];
  'price'?: (_shop_v1_PriceFacet)[];
  'rating'?: (_shop_v1_RatingFacet)[];
  'inStock'?: (number);
  'outOfStock'?: (number);
}

/**
 * Exact counts; each facet counts with every filter except its own.
 */
export interface SearchFacets__Output {
  'category': (_shop_v1_FacetValue__Output)[];
  'brand': (_shop_v1_FacetValue__Output)[];
  'price': (_shop_v1_PriceFacet__Output)[];
  'rating': (_shop_v1_RatingFacet__Output)[];
  'inStock': (number);
  'outOfStock': (number);
}
