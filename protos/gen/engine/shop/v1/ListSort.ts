// Original file: protos/shop/v1/engine.proto

export const ListSort = {
  /**
   * RELEVANCE
   */
  LIST_SORT_UNSPECIFIED: 'LIST_SORT_UNSPECIFIED',
  /**
   * by search score with a query, catalog order without
   */
  RELEVANCE: 'RELEVANCE',
  PRICE_ASC: 'PRICE_ASC',
  PRICE_DESC: 'PRICE_DESC',
  /**
   * live popularity (views, cart adds, purchases)
   */
  POPULARITY: 'POPULARITY',
  NAME: 'NAME',
} as const;

export type ListSort =
  /**
   * RELEVANCE
   */
  | 'LIST_SORT_UNSPECIFIED'
  | 0
  /**
   * by search score with a query, catalog order without
   */
  | 'RELEVANCE'
  | 1
  | 'PRICE_ASC'
  | 2
  | 'PRICE_DESC'
  | 3
  /**
   * live popularity (views, cart adds, purchases)
   */
  | 'POPULARITY'
  | 4
  | 'NAME'
  | 5

export type ListSort__Output = typeof ListSort[keyof typeof ListSort]
