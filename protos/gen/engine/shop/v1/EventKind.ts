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
  /**
   * Stock is decided by the item's owner, through the log (written by the engine only):
   */
  CHECKOUT: 'CHECKOUT',
  /**
   * item slot: hold qty units of item_id for checkout_id of user_id
   */
  STOCK_RESERVE: 'STOCK_RESERVE',
  /**
   * user partition: the item's owner holds the units (stock_left after it)
   */
  STOCK_GRANTED: 'STOCK_GRANTED',
  /**
   * user partition: not enough units (stock_left = what was available)
   */
  STOCK_REFUSED: 'STOCK_REFUSED',
  /**
   * item slot: the order was placed; the held units are sold
   */
  STOCK_COMMIT: 'STOCK_COMMIT',
  /**
   * item slot: the order was refused; the held units are free again
   */
  STOCK_RELEASE: 'STOCK_RELEASE',
  /**
   * item slot: the merchant's count of item_id is now qty
   */
  STOCK_SET: 'STOCK_SET',
  /**
   * recommended item_ids were shown to the shopper in `slot`
   */
  REC_IMPRESSION: 'REC_IMPRESSION',
  /**
   * user partition: the customer's RFM segment as of due_at's day moved (written by analytics)
   */
  SEGMENT_CHANGE: 'SEGMENT_CHANGE',
  /**
   * definitions subject: a versioned definition (a model, later rules, campaigns, experiments) every shard applies in log order
   */
  DEFINITION: 'DEFINITION',
  /**
   * 24-39 left for the engine's own kinds; search's start at 40.
   */
  SEARCH_CLICK: 'SEARCH_CLICK',
  /**
   * A promotion rule's budget is decided by the rule's owner (slot hash("rule:" + def_id)), through the log (engine only):
   */
  COUPON_RESERVE: 'COUPON_RESERVE',
  /**
   * user partition: the budget holds it; the coupon `coupon` is the user's
   */
  COUPON_GRANTED: 'COUPON_GRANTED',
  /**
   * user partition: the budget is spent (reason says which limit)
   */
  COUPON_REFUSED: 'COUPON_REFUSED',
  /**
   * rule slot: coupon `coupon` was redeemed by an order for `discount`
   */
  COUPON_COMMIT: 'COUPON_COMMIT',
  /**
   * rule slot: coupon `coupon` expired unused; its hold is free again
   */
  COUPON_RELEASE: 'COUPON_RELEASE',
  /**
   * Sponsored products (issue 12). Impressions and clicks travel on the campaign slot's subject
   * (hash of "campaign:" + campaign_id): the campaign actor is the one owner of its spend.
   */
  AD_IMPRESSION: 'AD_IMPRESSION',
  /**
   * campaign slot: the shopper clicked impression impression_id
   */
  AD_CLICK: 'AD_CLICK',
  /**
   * user partition: the campaign owner charged the click (price) once
   */
  AD_CHARGED: 'AD_CHARGED',
  /**
   * user partition: not charged (reason: budget_total, budget_day, unknown_impression, ...)
   */
  AD_CHARGE_REFUSED: 'AD_CHARGE_REFUSED',
  /**
   * Experiments (60-69), written by the engine only:
   */
  EXPOSURE: 'EXPOSURE',
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
  /**
   * Stock is decided by the item's owner, through the log (written by the engine only):
   */
  | 'CHECKOUT'
  | 9
  /**
   * item slot: hold qty units of item_id for checkout_id of user_id
   */
  | 'STOCK_RESERVE'
  | 10
  /**
   * user partition: the item's owner holds the units (stock_left after it)
   */
  | 'STOCK_GRANTED'
  | 11
  /**
   * user partition: not enough units (stock_left = what was available)
   */
  | 'STOCK_REFUSED'
  | 12
  /**
   * item slot: the order was placed; the held units are sold
   */
  | 'STOCK_COMMIT'
  | 13
  /**
   * item slot: the order was refused; the held units are free again
   */
  | 'STOCK_RELEASE'
  | 14
  /**
   * item slot: the merchant's count of item_id is now qty
   */
  | 'STOCK_SET'
  | 15
  /**
   * recommended item_ids were shown to the shopper in `slot`
   */
  | 'REC_IMPRESSION'
  | 16
  /**
   * user partition: the customer's RFM segment as of due_at's day moved (written by analytics)
   */
  | 'SEGMENT_CHANGE'
  | 17
  /**
   * definitions subject: a versioned definition (a model, later rules, campaigns, experiments) every shard applies in log order
   */
  | 'DEFINITION'
  | 18
  /**
   * 24-39 left for the engine's own kinds; search's start at 40.
   */
  | 'SEARCH_CLICK'
  | 40
  /**
   * A promotion rule's budget is decided by the rule's owner (slot hash("rule:" + def_id)), through the log (engine only):
   */
  | 'COUPON_RESERVE'
  | 19
  /**
   * user partition: the budget holds it; the coupon `coupon` is the user's
   */
  | 'COUPON_GRANTED'
  | 20
  /**
   * user partition: the budget is spent (reason says which limit)
   */
  | 'COUPON_REFUSED'
  | 21
  /**
   * rule slot: coupon `coupon` was redeemed by an order for `discount`
   */
  | 'COUPON_COMMIT'
  | 22
  /**
   * rule slot: coupon `coupon` expired unused; its hold is free again
   */
  | 'COUPON_RELEASE'
  | 23
  /**
   * Sponsored products (issue 12). Impressions and clicks travel on the campaign slot's subject
   * (hash of "campaign:" + campaign_id): the campaign actor is the one owner of its spend.
   */
  | 'AD_IMPRESSION'
  | 50
  /**
   * campaign slot: the shopper clicked impression impression_id
   */
  | 'AD_CLICK'
  | 51
  /**
   * user partition: the campaign owner charged the click (price) once
   */
  | 'AD_CHARGED'
  | 52
  /**
   * user partition: not charged (reason: budget_total, budget_day, unknown_impression, ...)
   */
  | 'AD_CHARGE_REFUSED'
  | 53
  /**
   * Experiments (60-69), written by the engine only:
   */
  | 'EXPOSURE'
  | 60

export type EventKind__Output = typeof EventKind[keyof typeof EventKind]
