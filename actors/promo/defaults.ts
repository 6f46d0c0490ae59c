/**
 * The default promotion rules: data, published as definition events at engine start
 * when the log does not have them yet (an operator's later version always wins). Each
 * has a fires / does-not-fire test in test/promo/default-rules.test.ts.
 */
const DAY = 86_400_000;
const MIN = 60_000;

export const DEFAULT_RULES: ReadonlyArray<Record<string, unknown>> = [
  {
    id: 'cart_abandoned', title: 'You left items in your cart', codePrefix: 'COMEBACK10', priority: 50,
    description: 'The cart was left untouched for a while: 10% off the cart.',
    trigger: { type: 'idle', afterMs: 30 * MIN, armOn: ['cart_add'], setting: 'cartAbandonMs' },
    conditions: [{ metric: 'cartItems', op: 'gte', value: 1 }],
    reward: { type: 'percent', percent: 10 }, perUser: 3, cooldownMs: DAY, couponValidMs: 7 * DAY,
    budget: { count: { perDay: 5000 }, money: { perDay: 50_000 } },
  },
  {
    id: 'browse_abandoned', title: 'Still thinking about it?', codePrefix: 'LOOK5', priority: 20,
    description: 'Viewed one item several times this session without adding anything to the cart.',
    trigger: { type: 'event', kinds: ['view'] },
    conditions: [{ metric: 'itemViews', op: 'gte', value: 3 }, { metric: 'sessionCartAdds', op: 'eq', value: 0 }, { metric: 'itemInCart', op: 'eq', value: false }],
    reward: { type: 'percent', percent: 5 }, perUser: 2, cooldownMs: 3 * DAY, couponValidMs: 3 * DAY,
    budget: { count: { perDay: 2000 } },
  },
  {
    id: 'first_purchase_welcome', title: 'Welcome: $5 off your next order', codePrefix: 'WELCOME5', priority: 40, stackingGroup: 'welcome',
    description: 'Thanks for a first order: $5 off the next one of $30 or more.',
    trigger: { type: 'order' }, conditions: [{ metric: 'orders', op: 'eq', value: 1 }],
    reward: { type: 'amount', amount: 5 }, minOrder: 30, perUser: 1, couponValidMs: 30 * DAY,
  },
  {
    id: 'second_order_nudge', title: 'Come back for a third', codePrefix: 'AGAIN', priority: 30, stackingGroup: 'nudge',
    description: 'After a second order: free delivery on the next.',
    trigger: { type: 'order' }, conditions: [{ metric: 'orders', op: 'eq', value: 2 }],
    reward: { type: 'free_delivery' }, perUser: 1, couponValidMs: 30 * DAY,
  },
  {
    id: 'high_cart_value', title: 'A big cart deserves a bigger thank-you', codePrefix: 'BIGCART', priority: 45,
    description: 'The cart passed $300: $25 off it.',
    trigger: { type: 'event', kinds: ['cart_add'] }, conditions: [{ metric: 'cartValue', op: 'gte', value: 300 }],
    reward: { type: 'amount', amount: 25 }, minOrder: 300, perUser: 1, couponValidMs: 2 * DAY,
    budget: { money: { perDay: 10_000 } },
  },
  {
    id: 'category_loyalty', title: 'Try something new', codePrefix: 'NEWCAT15', priority: 25, stackingGroup: 'loyalty',
    description: 'Two or more orders, all from one category: 15% off any other category.',
    trigger: { type: 'order' }, conditions: [{ metric: 'orders', op: 'gte', value: 2 }, { metric: 'distinctPurchasedCategories', op: 'eq', value: 1 }],
    reward: { type: 'percent', percent: 15, maxDiscount: 40 }, scope: { type: 'other_categories' }, perUser: 1, couponValidMs: 14 * DAY,
  },
  {
    id: 'win_back', title: 'We missed you', codePrefix: 'MISSED15', priority: 35,
    description: 'Back after 30 days or more away (having ordered before): 15% off.',
    trigger: { type: 'event', kinds: ['view', 'search'] }, conditions: [{ metric: 'daysAway', op: 'gte', value: 30 }, { metric: 'orders', op: 'gte', value: 1 }],
    reward: { type: 'percent', percent: 15, maxDiscount: 50 }, perUser: 2, cooldownMs: 60 * DAY, couponValidMs: 7 * DAY,
  },
  {
    id: 'price_sensitive', title: 'A little extra off', codePrefix: 'SAVER', priority: 10,
    description: 'Most of the last 10+ viewed items were under $30: $3 off an order of $20 or more.',
    trigger: { type: 'event', kinds: ['view'] }, conditions: [{ metric: 'recentViews', op: 'gte', value: 10 }, { metric: 'cheapViewShare', arg: 30, op: 'gte', value: 0.8 }],
    reward: { type: 'amount', amount: 3 }, minOrder: 20, perUser: 1, couponValidMs: 7 * DAY,
  },
  {
    id: 'long_dwell', title: 'Take your time, and 5% off', codePrefix: 'DWELL5', priority: 15,
    description: 'More than 2 minutes on one product page, nothing in the cart.',
    trigger: { type: 'event', kinds: ['dwell'] }, conditions: [{ metric: 'eventDwellMs', op: 'gte', value: 120_000 }, { metric: 'cartItems', op: 'eq', value: 0 }],
    reward: { type: 'percent', percent: 5 }, perUser: 1, couponValidMs: 2 * DAY,
  },
  {
    id: 'search_no_result', title: 'Sorry we did not have it', codePrefix: 'SORRY5', priority: 12,
    description: 'A search, then nothing viewed for 2 minutes (the results did not help): $5 off $40.',
    trigger: { type: 'idle', afterMs: 2 * MIN, armOn: ['search'] }, conditions: [{ metric: 'viewsSinceLastSearch', op: 'eq', value: 0 }],
    reward: { type: 'amount', amount: 5 }, minOrder: 40, perUser: 1, couponValidMs: 7 * DAY,
  },
  {
    id: 'bundle_completion', title: 'Complete the set', codePrefix: 'BUNDLE', priority: 28,
    description: 'Bought a laptop but never a bag or headphones: 20% off headphones.',
    trigger: { type: 'order' }, conditions: [{ metric: 'purchasedCategories', op: 'includes', value: 'laptops' }, { metric: 'purchasedCategories', op: 'excludes', value: 'headphones' }],
    reward: { type: 'percent', percent: 20, maxDiscount: 60 }, scope: { type: 'categories', categories: ['headphones'] }, perUser: 1, couponValidMs: 14 * DAY, stackingGroup: 'bundle',
  },
  {
    id: 'out_of_stock_substitute', title: 'Sold out? Here is 10% off the alternatives', codePrefix: 'ALT10', priority: 22,
    description: 'Viewed an item that is out of stock: 10% off other items of its category.',
    trigger: { type: 'event', kinds: ['view'] }, conditions: [{ metric: 'eventItemStock', op: 'eq', value: 0 }],
    reward: { type: 'percent', percent: 10, maxDiscount: 30 }, perUser: 1, cooldownMs: 7 * DAY, couponValidMs: 3 * DAY, stackingGroup: 'substitute',
  },
  {
    id: 'order_anniversary', title: 'Happy shopping anniversary', codePrefix: 'ANNIV20', priority: 38, stackingGroup: 'loyalty',
    description: 'A visit a year or more after the first order: 20% off.',
    trigger: { type: 'event', kinds: ['view'] }, conditions: [{ metric: 'daysSinceFirstOrder', op: 'gte', value: 365 }, { metric: 'daysSinceFirstOrder', op: 'lt', value: 1e5 }],
    reward: { type: 'percent', percent: 20, maxDiscount: 50 }, perUser: 1, couponValidMs: 14 * DAY,
  },
  {
    id: 'cart_price_drop', title: 'Price dropped on your cart', codePrefix: 'DROP', priority: 18, stackingGroup: 'price',
    description: 'An item in the cart got 10% cheaper since it was added: free delivery to seal it.',
    trigger: { type: 'event', kinds: ['view', 'cart_add', 'cart_remove'] }, conditions: [{ metric: 'cartPriceDropPct', op: 'gte', value: 10 }],
    reward: { type: 'free_delivery' }, perUser: 1, couponValidMs: 2 * DAY,
  },
  {
    id: 'many_views_leaving', title: 'Before you go', codePrefix: 'STAY10', priority: 16,
    description: 'Eight or more items viewed this session, nothing added, then 10 minutes idle.',
    trigger: { type: 'idle', afterMs: 10 * MIN, armOn: ['view'] }, conditions: [{ metric: 'sessionViews', op: 'gte', value: 8 }, { metric: 'sessionCartAdds', op: 'eq', value: 0 }],
    reward: { type: 'percent', percent: 10, maxDiscount: 25 }, perUser: 2, cooldownMs: 7 * DAY, couponValidMs: 2 * DAY,
  },
  {
    id: 'high_intent_nudge', title: 'Ready when you are', codePrefix: 'READY', priority: 14, stackingGroup: 'intent',
    description: 'The live purchase-intent score passed 0.7 with a cart: free delivery.',
    trigger: { type: 'score', metric: 'intentScore', above: 0.7 }, conditions: [{ metric: 'cartItems', op: 'gte', value: 1 }],
    reward: { type: 'free_delivery' }, perUser: 1, cooldownMs: 7 * DAY, couponValidMs: DAY,
  },
  {
    id: 'buy_two_tees', title: 'Three tees for the price of two', codePrefix: 'TEE3', priority: 8, stackingGroup: 'apparel',
    description: 'Two t-shirts in the cart: a third one free.',
    trigger: { type: 'event', kinds: ['cart_add'] }, conditions: [{ metric: 'cartCategories', op: 'includes', value: 't-shirts' }, { metric: 'scopeUnits', op: 'gte', value: 2 }],
    reward: { type: 'buy_x_get_y', buy: 2, get: 1 }, scope: { type: 'categories', categories: ['t-shirts'] }, perUser: 1, couponValidMs: 3 * DAY,
  },
];
