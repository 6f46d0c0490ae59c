// Original file: protos/shop/v1/engine.proto

export const SearchSort = {
  /**
   * SEARCH_RELEVANCE
   */
  SEARCH_SORT_UNSPECIFIED: 'SEARCH_SORT_UNSPECIFIED',
  /**
   * fused relevance, re-ranked for the shopper
   */
  SEARCH_RELEVANCE: 'SEARCH_RELEVANCE',
  SEARCH_PRICE_ASC: 'SEARCH_PRICE_ASC',
  SEARCH_PRICE_DESC: 'SEARCH_PRICE_DESC',
  SEARCH_RATING: 'SEARCH_RATING',
  SEARCH_POPULARITY: 'SEARCH_POPULARITY',
  SEARCH_NAME: 'SEARCH_NAME',
} as const;

export type SearchSort =
  /**
   * SEARCH_RELEVANCE
   */
  | 'SEARCH_SORT_UNSPECIFIED'
  | 0
  /**
   * fused relevance, re-ranked for the shopper
   */
  | 'SEARCH_RELEVANCE'
  | 1
  | 'SEARCH_PRICE_ASC'
  | 2
  | 'SEARCH_PRICE_DESC'
  | 3
  | 'SEARCH_RATING'
  | 4
  | 'SEARCH_POPULARITY'
  | 5
  | 'SEARCH_NAME'
  | 6

export type SearchSort__Output = typeof SearchSort[keyof typeof SearchSort]
