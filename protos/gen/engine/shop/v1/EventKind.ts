// Original file: protos/shop/v1/events.proto

export const EventKind = {
  EVENT_KIND_UNSPECIFIED: 'EVENT_KIND_UNSPECIFIED',
  /**
   * a product page was opened
   */
  VIEW: 'VIEW',
  /**
   * qty units put in the cart
   */
  CART_ADD: 'CART_ADD',
  /**
   * qty units taken out (qty 0 = remove the line)
   */
  CART_REMOVE: 'CART_REMOVE',
  /**
   * qty units bought as part of order_id
   */
  PURCHASE: 'PURCHASE',
  /**
   * a search for `query`
   */
  SEARCH: 'SEARCH',
  /**
   * dwell_ms spent on item_id's page
   */
  DWELL: 'DWELL',
  /**
   * a recommended item was clicked
   */
  REC_CLICK: 'REC_CLICK',
  /**
   * an actor's persisted timer fired (written by the engine, never by clients)
   */
  REMINDER: 'REMINDER',
} as const;

export type EventKind =
  | 'EVENT_KIND_UNSPECIFIED'
  | 0
  /**
   * a product page was opened
   */
  | 'VIEW'
  | 1
  /**
   * qty units put in the cart
   */
  | 'CART_ADD'
  | 2
  /**
   * qty units taken out (qty 0 = remove the line)
   */
  | 'CART_REMOVE'
  | 3
  /**
   * qty units bought as part of order_id
   */
  | 'PURCHASE'
  | 4
  /**
   * a search for `query`
   */
  | 'SEARCH'
  | 5
  /**
   * dwell_ms spent on item_id's page
   */
  | 'DWELL'
  | 6
  /**
   * a recommended item was clicked
   */
  | 'REC_CLICK'
  | 7
  /**
   * an actor's persisted timer fired (written by the engine, never by clients)
   */
  | 'REMINDER'
  | 8

export type EventKind__Output = typeof EventKind[keyof typeof EventKind]
