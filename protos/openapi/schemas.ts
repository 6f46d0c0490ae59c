/**
 * JSON Schemas of the wire contract (protos/contract.ts), shared by the OpenAPI and
 * the AsyncAPI document under `components.schemas`. Each mirrors one contract type;
 * `satisfies Record<...>` below ties the message lists to the contract's unions, and
 * test/contract/openapi.test.ts validates real engine answers against them.
 */
import { SORT_ORDERS, type ClientEventKind, type ErrorCode, type ServerMessage } from '../contract.js';
import { arr, bool, epochMs, int, num, obj, ref, str, type JsonSchema } from './json-schema.js';

export const ITEM_ID_PATTERN = '^[A-Za-z0-9_.:-]{1,64}$';
export const USER_ID_PATTERN = '^u-[a-z0-9]{8,40}$';
export const EVENT_ID_PATTERN = '^[A-Za-z0-9_.:-]{1,64}$';
export const CATEGORY_PATTERN = '^[a-z0-9-]{1,64}$';

/** Every ErrorCode, in docs/errors.md order; the Record makes a missing or extra code a compile error. */
const ERROR_CODE_SET: Record<ErrorCode, true> = {
  E_BAD_JSON: true, E_BAD_REQUEST: true, E_BAD_EVENT: true, E_UNKNOWN_KIND: true, E_TOO_LARGE: true, E_BAD_TOKEN: true,
  E_TOKEN_EXPIRED: true, E_UNAUTHENTICATED: true, E_UNKNOWN_ITEM: true, E_NOT_FOUND: true, E_OUT_OF_STOCK: true,
  E_RATE_LIMITED: true, E_OVERLOADED: true, E_UNAVAILABLE: true, E_TIMEOUT: true, E_CANCELLED: true, E_BAD_CATALOG: true,
  E_BAD_CONFIG: true, E_NOT_ALLOWED: true, E_METHOD_NOT_ALLOWED: true, E_URL_TOO_LONG: true, E_STORAGE_FULL: true, E_INTERNAL: true,
  E_BAD_IMPORT: true, E_BAD_MODEL: true, E_BAD_DATASET: true,
  E_BAD_RULE: true, E_BAD_CAMPAIGN: true, E_COUPON_UNKNOWN: true, E_COUPON_EXPIRED: true, E_COUPON_USED: true, E_COUPON_NOT_APPLICABLE: true,
};
export const ALL_ERROR_CODES = Object.keys(ERROR_CODE_SET) as ErrorCode[];

const CLIENT_EVENT_KIND_SET: Record<ClientEventKind, true> = { view: true, cart_add: true, cart_remove: true, purchase: true, search: true, dwell: true, rec_click: true, rec_impression: true, search_click: true, ad_click: true };
export const CLIENT_EVENT_KINDS = Object.keys(CLIENT_EVENT_KIND_SET) as ClientEventKind[];

const itemId = str({ pattern: ITEM_ID_PATTERN, examples: ['sku-000042'] });
const userId = str({ pattern: USER_ID_PATTERN, examples: ['u-3k9x2m1q7z0a'] });
const eventId = str({ pattern: EVENT_ID_PATTERN, description: '1-64 of A-Z a-z 0-9 _ . : -' });
const category = str({ pattern: CATEGORY_PATTERN, examples: ['running-shoes'] });
const money = num({ minimum: 0 });
const seq = int({ minimum: 1, description: 'log (JetStream stream) sequence' });

const product = obj({
  itemId, name: str(), category, description: str(), price: money,
  stock: int({ minimum: 0, description: 'units that can be bought now (live)' }), brand: str(),
  rating: num({ minimum: 0, maximum: 5 }), tags: arr(str()),
  deliveryDays: int({ minimum: 0, maximum: 365, description: 'days until it ships (0 = today)' }),
  lateDeliveryRate: num({ minimum: 0, maximum: 1, description: 'share of deliveries that arrive late' }),
  returnRate: num({ minimum: 0, maximum: 1, description: 'share of orders returned' }),
}, ['itemId', 'name', 'category', 'description', 'price', 'stock', 'brand'], { description: 'A product with its live stock (contract ProductView)' });

const sponsoredFields = {
  sponsored: { const: true, description: 'an ad won this slot (docs/ads.md)' },
  campaignId: str({ description: 'sponsored entries: the campaign' }),
  impressionId: str({ description: 'sponsored entries: the impression a click names in its ad_click event' }),
};
const recItem = obj({ itemId, score: num(), reason: str({ examples: ['covisit', 'similar', 'trending'] }), name: str(), price: money, category: str(), ...sponsoredFields }, ['itemId', 'score', 'reason', 'name', 'price', 'category']);
const couponReward: JsonSchema = {
  oneOf: [
    obj({ type: { const: 'percent' }, percent: num({ minimum: 1, maximum: 90 }), maxDiscount: money }, ['type', 'percent']),
    obj({ type: { const: 'amount' }, amount: money }),
    obj({ type: { const: 'free_delivery' } }),
    obj({ type: { const: 'buy_x_get_y' }, buy: int({ minimum: 1 }), get: int({ minimum: 1 }) }),
    obj({ type: { const: 'gift' }, itemId: str(), value: money }),
  ],
  description: 'what the coupon takes off (docs/promotions.md)',
};
const couponScope: JsonSchema = {
  oneOf: [
    obj({ type: { const: 'order' } }),
    obj({ type: { const: 'categories' }, categories: arr(str()) }),
    obj({ type: { const: 'items' }, items: arr(str()) }),
    obj({ type: { const: 'other_categories' }, categories: arr(str(), { description: 'any category but these' }) }),
  ],
  description: 'which lines it applies to',
};
const couponProps: Record<string, JsonSchema> = {
  code: str(), rule: str({ description: 'the promotion rule that issued it' }), ruleVersion: int({ minimum: 0 }), title: str(),
  percentOff: num({ minimum: 0, maximum: 100, description: 'the percent of a percent reward, else 0' }),
  reward: couponReward, scope: couponScope, minOrder: money, ts: epochMs('when it was issued'), expiresAt: epochMs('after this it is refused (E_COUPON_EXPIRED)'),
  status: { enum: ['live', 'held', 'used', 'expired'], description: 'held: a checkout is being decided with it' },
  orderId: str({ description: 'the order that used (or holds) it' }), stackingGroup: str(), priority: int({ minimum: 0 }),
  causedBy: str({ description: 'the event that triggered the rule (a reminder, a view, an order, ...)' }),
};
const couponRequired = ['code', 'rule', 'ruleVersion', 'title', 'percentOff', 'reward', 'scope', 'minOrder', 'ts', 'expiresAt', 'status', 'stackingGroup', 'priority', 'causedBy'];
const coupon = obj(couponProps, couponRequired);
const orderLine = obj({ itemId, qty: int({ minimum: 1 }), price: money, discount: num({ minimum: 0, description: 'what the order\'s coupon took off this line' }) }, ['itemId', 'qty', 'price']);
const cartLine = obj({ itemId, qty: int({ minimum: 1 }) });
const order = obj({
  orderId: str(), ts: epochMs('when it was placed'), lines: arr(ref('OrderLine')),
  total: { ...money, description: 'what was paid: subtotal - discount + delivery (checkout orders); items only for imported orders' },
  subtotal: money, discount: money, delivery: money, coupon: str({ description: 'the code applied' }),
  lineDiscounts: { type: 'object', additionalProperties: money, description: 'item id -> what the coupon took off that line' }, gift: str({ description: 'the gift item the coupon added' }),
}, ['orderId', 'ts', 'lines', 'total']);

const KPI_COUNTS: Record<string, JsonSchema> = Object.fromEntries([
  'revenue', 'orders', 'units', 'views', 'cartAdds', 'searches', 'recClicks', 'sessions', 'cartSessions', 'orderSessions',
  'cartOrderSessions', 'newCustomers', 'returningOrders', 'recImpressions', 'recOrders', 'recRevenue',
  'aov', 'conversionRate', 'cartAbandonmentRate', 'recCtr', 'recRevenueShare',
].map((k) => [k, num({ minimum: 0 })]));

const eventProperties: Record<string, JsonSchema> = {
  id: eventId,
  kind: { type: 'string', enum: CLIENT_EVENT_KINDS, description: '`purchase` is refused from shoppers (E_NOT_ALLOWED): purchases come from POST /api/checkout' },
  itemId: { ...itemId, description: 'required for view, cart_add, cart_remove, dwell, rec_click, search_click' },
  query: str({ minLength: 1, maxLength: 256, description: 'required for search and search_click' }),
  qty: int({ minimum: 0, maximum: 999, description: '1..999 (0..999 for cart_remove)' }),
  dwellMs: int({ minimum: 0, maximum: 86_400_000, description: 'required for dwell' }),
  orderId: eventId,
  itemIds: arr(itemId, { minItems: 1, maxItems: 50, uniqueItems: true, description: 'required for rec_impression: the recommended items shown, in order' }),
  slot: str({ pattern: '^[a-z0-9_-]{1,32}$', description: 'rec_impression / rec_click: where on the page (home, product, cart, ...)' }),
  resultCount: int({ minimum: 0, maximum: 1_000_000_000, description: 'search: how many results the query found' }),
  category: { ...category, description: 'search / search_click: the category filter the search ran in' },
  position: int({ minimum: 1, maximum: 100_000, description: 'required for search_click: 1-based position of the clicked result' }),
  impressionId: str({ minLength: 1, maxLength: 64, description: 'required for ad_click: the impressionId of the sponsored entry clicked' }),
  campaignId: str({ minLength: 1, maxLength: 64, description: 'required for ad_click: the campaignId of the sponsored entry clicked' }),
  ts: num({ description: 'ignored: the server stamps its own time' }),
};

const span = arr(int({ minimum: 0 }), { minItems: 2, maxItems: 2, description: '[start, end): character offsets of a matched word in the name' });
const facetValue = obj({ value: str(), count: int({ minimum: 0 }) });
/** GET /api/search and /api/suggest (protos/search-contract.ts). */
const SEARCH_SCHEMAS: Record<string, JsonSchema> = {
  SearchItem: obj({
    ...(product['properties'] as Record<string, JsonSchema>),
    score: num({ description: 'final relevance after fusion and re-rank (0 when sorted otherwise)' }),
    boosts: arr(obj({
      reason: str({ enum: ['category_affinity', 'brand_affinity', 'session_intent', 'price_fit', 'out_of_stock'] }),
      detail: str({ description: 'the category, brand or price band' }),
      factor: num({ minimum: 0, description: 'multiplier applied to the relevance' }),
    }), { description: 'why the item moved for this shopper' }),
    matches: arr(span, { description: 'words of `name` to highlight' }),
    source: str({ enum: ['lexical', 'vector', 'both', 'fallback'] }),
    note: str({ description: 'what logistics or stock says about it ("ships in 1 day", "only 2 left")' }),
    ...sponsoredFields,
  }, [...(product['required'] as string[]), 'score', 'boosts', 'matches', 'source'], { description: 'A search hit: the product with live stock, its score, boost reasons and name highlights' }),
  SearchFacets: obj({
    category: arr(facetValue), brand: arr(facetValue),
    price: arr(obj({ min: num({ minimum: 0 }), max: { type: ['number', 'null'], description: 'exclusive; null = no upper bound' }, count: int({ minimum: 0 }) })),
    rating: arr(obj({ min: num({ minimum: 0, maximum: 5 }), count: int({ minimum: 0 }) })),
    availability: obj({ inStock: int({ minimum: 0 }), outOfStock: int({ minimum: 0 }) }),
  }, undefined, { description: 'Exact counts over the result set; each facet counts with every filter except its own' }),
  SearchResponse: obj({
    items: arr(ref('SearchItem')), total: int({ minimum: 0, description: 'matching items over all pages' }), facets: ref('SearchFacets'),
    didYouMean: str({ description: 'the query with unknown words corrected' }), took_ms: num({ minimum: 0 }),
    page: int({ minimum: 1 }), limit: int({ minimum: 1 }),
    fallback: str({ enum: ['relaxed', 'did_you_mean', 'popular_in_category'], description: 'what was shown when the query as typed found nothing' }),
    fallbackCategory: category,
    fusion: str({ enum: ['rrf', 'weighted', 'lexical', 'vector', 'none'] }),
    terms: arr(str(), { description: 'the query after stop words and plural folding' }),
    personalised: bool(),
  }, ['items', 'total', 'facets', 'took_ms', 'page', 'limit', 'fusion', 'terms', 'personalised']),
  SuggestResponse: obj({
    queries: arr(obj({ query: str(), source: str({ enum: ['hot', 'catalog'] }) })),
    products: arr(obj({ itemId, name: str(), category, price: money, matches: arr(span) })),
    took_ms: num({ minimum: 0 }),
  }),
};
const spend = obj({ count: int(), money: num() });
const promoStatsProps: Record<string, JsonSchema> = {
  issued: int({ minimum: 0 }), refusedByBudget: int({ minimum: 0, description: 'refused by a budget limit or because the rule was paused' }),
  refusedBy: { type: 'object', additionalProperties: int({ minimum: 0 }), description: 'refusals by limit: count_total, count_day, money_total, money_day, paused, unknown_rule' },
  redeemed: int({ minimum: 0 }), released: int({ minimum: 0, description: 'expired unused: the hold given back' }), redeemedMoney: money,
  today: spend, total: spend,
};
const promoStats = obj(promoStatsProps, undefined, { description: 'A rule\'s numbers, from its budget owner (spend = held + committed)' });

/** The schemas of HTTP answers and bodies. */
const HTTP_SCHEMAS: Record<string, JsonSchema> = {
  ErrorCode: { type: 'string', enum: ALL_ERROR_CODES, description: 'A stable error code (docs/errors.md); codes never change meaning, new ones may be added' },
  WireError: obj({ code: ref('ErrorCode'), message: str({ description: 'what was wrong, for a person' }), field: str({ description: 'the field, parameter or header that was wrong, when there is one' }) }, ['code', 'message']),
  HttpErrorBody: obj({ error: ref('WireError') }, ['error'], { description: 'The body of every HTTP error answer' }),
  Session: obj({ userId, token: str({ description: 'send as `Authorization: Bearer <token>` or `/ws?token=<token>`' }), expiresAt: epochMs('when the token expires') }),
  ProductView: product,
  ProductList: obj({ items: arr(ref('ProductView')), total: int({ minimum: 0, description: 'matching products over all pages' }), page: int({ minimum: 1 }), limit: int({ minimum: 0 }) }),
  ...SEARCH_SCHEMAS,
  CategoryList: obj({ categories: arr(obj({ category, count: int({ minimum: 0 }) })) }),
  RecItem: recItem,
  Recommendations: obj({ items: arr(ref('RecItem')), ts: epochMs('when they were computed') }),
  Coupon: coupon,
  OrderLine: orderLine,
  CartLine: cartLine,
  Order: order,
  OrderList: obj({ orders: arr(ref('Order')) }),
  Cart: obj({
    lines: arr(obj({ itemId, qty: int({ minimum: 1 }), product: { ...ref('ProductView'), description: 'absent once the item left the catalog' }, discount: num({ minimum: 0, description: 'what the quoted coupon takes off' }) }, ['itemId', 'qty', 'discount'])),
    subtotal: money, discount: money, delivery: { ...money, description: 'the fee the order will charge (free from $50)' },
    total: { ...money, description: 'what a checkout of this cart charges now: subtotal - discount + delivery' },
    coupon: obj({ code: str(), applied: bool(), auto: bool({ description: 'the engine picked it (coupon=*)' }), error: ref('WireError') }, ['code', 'applied', 'auto'], { description: 'the coupon quoted with ?coupon=' }),
  }, ['lines', 'subtotal', 'discount', 'delivery', 'total'], { description: 'The cart with its products, priced at today\'s prices as checkout would price it' }),
  CouponList: obj({
    coupons: arr(obj({ ...couponProps, status: { enum: ['live', 'held', 'used', 'expired'], description: 'as of now (a live coupon past expiresAt is expired)' }, rewardText: str({ examples: ['10% off'] }) }, [...couponRequired, 'rewardText'])),
  }, undefined, { description: 'The shopper\'s coupons, newest first' }),
  Profile: obj({
    userId,
    recent: arr(itemId, { description: 'viewed items, most recent first' }),
    cart: arr(ref('CartLine')),
    orders: arr(ref('Order')),
    purchased: arr(itemId, { description: 'most recent first' }),
    searches: arr(str()),
    topCategories: arr(obj({ category: str(), score: num() })),
    coupons: arr(ref('Coupon')),
    events: int({ minimum: 0 }),
    dwellMs: int({ minimum: 0 }),
    firstTs: epochMs('first event (0: none)'),
    lastTs: epochMs('last event (0: none)'),
    segment: str({ description: 'RFM segment (docs/analytics.md) as analytics last moved it; \'\' = not a customer yet' }),
    lastSeq: int({ minimum: 0, description: 'log sequence of the last event folded in' }),
    intent: { oneOf: [ref('IntentView'), { type: 'null' }], description: 'the current session\'s purchase intent; null until a model is live or before the first event' },
    categoryPicks: arr(ref('CategoryPick'), { maxItems: 5, description: 'categories for this shopper, best first' }),
    experiments: arr(obj({ id: str(), phase: int({ minimum: 1 }), variant: str(), exposed: { type: 'boolean', description: 'a decision of this variant was served (its exposure is on the log)' } }), { description: 'running experiments the shopper is assigned to' }),
  }, undefined, { description: 'The user actor\'s live state (read-your-writes)' }),
  IntentReason: obj({
    feature: str(), value: num(), contribution: num({ description: 'share of the log-odds, + towards buying' }), text: str({ examples: ['CartAdds high (+1.20)'] }),
  }),
  IntentView: obj({
    score: num({ minimum: 0, maximum: 1, description: 'probability that the session ends with a purchase' }),
    band: str({ examples: ['low', 'medium', 'high'], description: 'the configured band (INTENT_BANDS)' }),
    version: int({ minimum: 1, description: 'the model version (a definition event on the log)' }),
    scoredAt: epochMs('time of the event it was scored at'),
    top: arr(ref('IntentReason'), { maxItems: 3, description: 'the features that moved the score most, largest first' }),
  }),
  IntentReport: obj({
    model: { oneOf: [obj({ version: int({ minimum: 1 }), publishedAt: epochMs('time of the definition event'), trees: int({ minimum: 1 }) }), { type: 'null' }] },
    sessions: obj({ open: int({ minimum: 0 }), finished: int({ minimum: 0 }), positives: int({ minimum: 0 }) }),
    lastFit: {
      oneOf: [obj({
        at: epochMs('when the fit ended'), auc: num({ description: 'candidate ROC-AUC on the validation window' }),
        currentAuc: { type: ['number', 'null'], description: 'the model in force on the same window (null: none)' },
        published: bool(), reason: str(), trainRows: int({ minimum: 0 }), validationRows: int({ minimum: 0 }), ms: int({ minimum: 0 }),
      }), { type: 'null' }],
    },
    prequential: obj({
      sessions: int({ minimum: 0, description: 'finished sessions scored before their outcome' }),
      auc: { type: ['number', 'null'], description: 'ROC-AUC of the last score before each session\'s outcome' },
      eventAuc: { type: ['number', 'null'], description: 'ROC-AUC over every scored step' },
      brier: { type: ['number', 'null'] },
      calibration: arr(obj({ from: num(), to: num(), n: int({ minimum: 0 }), predicted: num(), observed: num() }), { description: 'predicted vs observed purchase rate by score bin' }),
    }),
    distribution: arr(int({ minimum: 0 }), { minItems: 10, maxItems: 10, description: 'open sessions by current score, bins of 0.1' }),
    refused: int({ minimum: 0, description: 'model definitions refused (the previous model stayed in force)' }),
  }, undefined, { description: 'The live intent model (docs/intent.md)' }),
  CategoryPick: obj({ category: str(), score: num({ minimum: 0 }), reason: { enum: ['affinity', 'bought-together', 'popular'] } }),
  EventInput: obj(eventProperties, ['kind'], { description: 'An event, as on the WebSocket without `type`' }),
  Ack: obj({ type: { const: 'ack' }, id: eventId, seq, duplicate: { const: true, description: 'present when the id had been stored before; seq is the first store\'s' } }, ['type', 'id', 'seq'], { description: 'The event is stored in the log at `seq`' }),
  CheckoutRequest: obj({
    lines: arr(ref('CartLine'), { minItems: 1, maxItems: 100, description: 'absent: the shopper\'s cart' }),
    idempotencyKey: str({ minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$', description: 'or the `Idempotency-Key` header: a retry with it reports the one outcome' }),
    coupon: str({ pattern: '^(\\*|[A-Za-z0-9-]{1,40})$', description: 'a code of the shopper\'s coupons, or * for the best eligible one' }),
  }, []),
  OrderResult: obj({
    orderId: str(), lines: arr(obj({ itemId, qty: int({ minimum: 1 }), price: money, discount: num({ minimum: 0 }) })),
    subtotal: money, discount: money, delivery: money,
    total: { ...money, description: 'what the shopper pays: subtotal - discount + delivery' },
    coupon: str({ description: 'the code applied (\'\' = none)' }), couponAuto: bool({ description: 'the engine picked the coupon (coupon=*)' }),
    seq: { ...seq, description: 'log sequence of the event that placed the order' },
    eventId: str({ description: 'the checkout command\'s id: the `order` and `recs` pushes it causes name it as `causedBy`' }),
  }),
  Health: obj({
    ok: bool({ description: 'true when NATS, every shard and the index are ready and the disk is not full' }),
    nats: bool(), storageFull: bool(),
    log: obj({ jetstream: bool(), storageFull: bool(), freeBytes: int({ description: '-1: unknown' }), minFreeBytes: int({ minimum: 0 }), lastAnswerAgoMs: { type: ['integer', 'null'], minimum: 0 } }),
    shards: arr({ enum: ['starting', 'recovering', 'serving', 'draining', 'stopped', 'crashed'] }),
    index: bool({ description: 'the HNSW index is built and loaded' }),
    catalog: int({ minimum: 0, description: 'products in the catalog' }),
  }, ['ok'], { description: 'Readiness; more detail fields may be added' }),
  OperatorSession: obj({
    token: str({ pattern: '^op1\\.', description: 'send as Authorization: Bearer on /api/admin/*, and as ?token= on /admin/ws' }),
    expiresAt: epochMs('when the session ends (12 hours after login)'),
  }, undefined, { description: 'A dashboard login: the browser keeps this, never the API key' }),
  KpiCounts: obj(KPI_COUNTS, undefined, { description: 'Counts of a period and the rates derived from them (docs/analytics.md)' }),
  KpiBucket: obj({ start: str({ description: 'UTC start of the bucket' }), ...KPI_COUNTS }),
  KpiReport: obj({
    granularity: { enum: ['minute', 'hour', 'day'] },
    from: str({ format: 'date-time' }), to: str({ format: 'date-time' }),
    buckets: arr(ref('KpiBucket')),
    totals: ref('KpiCounts'),
  }),
  HotList: {
    oneOf: [
      obj({ kind: { const: 'products' }, items: arr(obj({ itemId: str(), name: str({ description: '\'\' when no longer in the catalog' }), score: num() })) }),
      obj({ kind: { const: 'queries' }, items: arr(obj({ query: str(), score: num() })) }),
    ],
  },
  Funnel: obj({
    from: str({ format: 'date' }), to: str({ format: 'date' }),
    total: obj({ views: int({ minimum: 0 }), cartAdds: int({ minimum: 0 }), purchases: int({ minimum: 0 }) }),
    categories: arr(obj({ category: str(), views: int({ minimum: 0 }), cartAdds: int({ minimum: 0 }), purchases: int({ minimum: 0 }) })),
  }),
  ApiDocument: { type: 'object', description: 'An OpenAPI 3.1 or AsyncAPI 3.0 document' },
  CustomerReport: { type: 'object', description: 'A customer-analytics report (RFM, cohorts, ABC, one customer): fields as in docs/analytics-models.md; not itemised here yet' },
  ImportProductsRequest: obj({ items: arr({ type: 'object', description: 'a whole product row, as gRPC UpsertItems takes it (itemId, name, category, description, price, stock, brand, rating?, tags?)' }, { minItems: 1, maxItems: 5000 }) }),
  ImportProductsResult: obj({ created: int({ minimum: 0 }), updated: int({ minimum: 0 }), unchanged: int({ minimum: 0 }) }),
  ImportOrdersRequest: obj({
    lines: arr(obj({
      customerId: str({ minLength: 1, maxLength: 64 }), orderId: str({ minLength: 1, maxLength: 40 }), itemId: str({ minLength: 1, maxLength: 64 }),
      ts: epochMs('order time (after 1990)'), qty: int({ minimum: 1, maximum: 1_000_000 }), price: num({ minimum: 0, maximum: 100_000_000 }),
      line: int({ minimum: 0, description: 'line number in the source (makes the event id, so a re-run adds nothing)' }),
    }), { minItems: 1, maxItems: 5000 }),
  }),
  ImportOrdersResult: obj({ appended: int({ minimum: 0 }), duplicates: int({ minimum: 0 }), skipped: int({ minimum: 0, description: 'lines the analytics already held' }) }),
  PromoRule: { type: 'object', description: 'A promotion rule (JSON, format 1): id, title, trigger, conditions, reward, scope, minOrder, perUser, cooldownMs, budget, couponValidMs, validFrom, validUntil, stackingGroup, priority, codePrefix, status: see docs/promotions.md. Every wrong field is E_BAD_RULE naming it.' },
  PromoRuleStats: promoStats,
  PromotionList: obj({
    rules: arr(obj({
      id: str(), version: int({ minimum: 1 }), status: { enum: ['active', 'paused'] }, title: str(), reward: str({ examples: ['10% off'] }),
      publishedAt: epochMs('when the version in force was published'), rule: ref('PromoRule'), stats: ref('PromoRuleStats'),
    })),
    refused: arr(obj({ id: str(), version: int({ minimum: 1 }), message: str() }), { description: 'rule definitions the shards refused (the previous version stayed in force)' }),
  }),
  PromotionStats: obj({ rules: arr(obj({ id: str(), title: str(), status: { enum: ['active', 'paused'] }, ...promoStatsProps })) }, undefined, { description: 'Per-rule numbers for the dashboard' }),
  PromotionPublished: obj({ id: str(), version: int({ minimum: 1 }), seq: { ...seq, description: 'log sequence of the definition event: shards apply it from there on' } }),
  Campaign: obj({
    id: str({ pattern: '^[A-Za-z0-9_-]{1,64}$' }), itemIds: arr(str(), { minItems: 1, maxItems: 1000 }),
    bidPerClick: num({ minimum: 0.01, description: 'dollars, whole cents' }), dailyBudget: num({ minimum: 0 }), totalBudget: num({ minimum: 0 }),
    queries: arr(str(), { description: 'shown for searches with any of these terms' }), categories: arr(str(), { description: 'shown where the context has any of these categories' }),
    advertiser: str(), startAt: epochMs('first moment shown (0 = now)'), endAt: epochMs('shown until (0 = no end)'),
    frequencyCap: int({ minimum: 0, description: 'impressions per shopper per UTC day (0 = no cap)' }), status: str({ enum: ['active', 'paused'] }),
  }, ['id', 'itemIds', 'bidPerClick', 'dailyBudget', 'totalBudget'], { description: 'An ad campaign (docs/ads.md): a definition event on the log' }),
  CampaignStats: obj({
    id: str(), version: int({ minimum: 1 }), campaign: { type: 'object', description: 'the campaign in force (as posted, normalised)' },
    spend: money, spendToday: money, remaining: money, impressions: int({ minimum: 0 }), clicks: int({ minimum: 0, description: 'charged clicks' }), ctr: num({ minimum: 0, maximum: 1 }),
    refused: int({ minimum: 0 }), refusedBy: { type: 'object', additionalProperties: { type: 'integer' } }, duplicateClicks: int({ minimum: 0 }),
  }, ['id', 'version', 'spend', 'impressions', 'clicks'], { description: 'A campaign with the numbers of its spend owner' }),
  CampaignList: obj({ campaigns: arr(ref('CampaignStats')) }),
  Experiment: obj({
    id: str({ pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' }),
    variants: arr(obj({ name: str(), weight: num({ minimum: 0 }), config: { type: 'object', description: 'what the variant switches: fusionMode, diversity, categoryCap, adShare, searchFusion, disableRules ({} = nothing: an A/A test)' } }, ['name', 'weight']), { minItems: 2, maxItems: 10 }),
    metric: str({ enum: ['conversion', 'rec_ctr', 'revenue', 'aov'] }),
    population: { description: '"all" (default), "new" or {"segment": name}' },
    guardrails: arr(obj({ metric: str({ enum: ['conversion', 'rec_ctr', 'revenue', 'aov'] }), maxDrop: num({ minimum: 0, maximum: 1 }) })),
    status: str({ enum: ['running', 'stopped'] }),
  }, ['id', 'variants', 'metric'], { description: 'An A/B test (docs/experiments.md): a definition event on the log' }),
  ExperimentPublished: obj({ id: str(), version: int({ minimum: 1 }), phase: int({ minimum: 1 }), seq: { ...seq, description: 'log sequence of the definition event' } }),
  ExperimentReport: obj({
    id: str(), phase: int({ minimum: 1 }), version: int({ minimum: 1 }), status: str({ enum: ['running', 'stopped'] }), metric: str(), surface: str({ enum: ['recs', 'search', 'promo'] }),
    population: { description: '{type: all | new} or {type: segment, segment}' }, phaseStartedAt: epochMs('when the current phase began'),
    variants: arr(obj({
      name: str(), weight: num(), exposures: int({ minimum: 0 }), conversions: int({ minimum: 0 }), conversionRate: num(), clickers: int({ minimum: 0 }), recCtr: num(),
      orders: int({ minimum: 0 }), revenue: num({ description: 'winsorised revenue of the exposed users' }), revenuePerUser: num(), aov: num(), couponCost: num(),
      lift: { type: 'object', description: 'per metric (conversion, rec_ctr, revenue, aov) vs the control: lift, ci, p, pAdjusted (Holm), sequential {ci, p, decision}' },
    }, ['name', 'exposures', 'conversions'])),
    srm: obj({ p: num({ minimum: 0, maximum: 1 }), chi2: num(), flagged: { type: 'boolean' } }, ['p', 'flagged']),
    decision: str({ description: 'the sequential verdict on the primary metric: a variant name, or none' }),
    guardrails: arr(obj({ metric: str(), maxDrop: num(), variant: str(), breached: { type: 'boolean' } })),
    cuped: obj({ theta: num({ description: 'pooled CUPED coefficient on the pre-period revenue (0: none)' }) }),
    firstExposureTs: epochMs('first exposure of the phase (0: none)'), lastExposureTs: epochMs('last exposure of the phase (0: none)'),
  }, ['id', 'phase', 'variants', 'srm', 'decision'], { description: 'The live per-variant table, lifts with intervals, the sequential decision and SRM' }),
  ExperimentList: obj({ experiments: arr(obj({
    id: str(), version: int(), phase: int(), status: str(), surface: str(), metric: str(), decision: str(),
    variants: arr(obj({ name: str(), weight: num(), exposures: int({ minimum: 0 }) })), srm: obj({ p: num(), flagged: { type: 'boolean' } }),
  }, ['id', 'phase', 'decision'])) }),
  AdsOverview: obj({
    campaigns: arr(ref('CampaignStats')),
    model: obj({
      version: str({ examples: ['ftrl-1200'] }), seq: int({ minimum: 0, description: 'last log sequence the model folded' }),
      examples: int({ minimum: 0 }), clicks: int({ minimum: 0 }), logloss: { type: ['number', 'null'], description: 'progressive validation (null before the first example)' },
      pending: int({ minimum: 0, description: 'impressions waiting for a click or the end of the click window' }),
      fingerprint: str({ description: 'hash of the model state: equal = the same model' }),
      calibration: arr(obj({ upTo: { type: ['number', 'null'], description: 'upper edge of predicted CTR (null: open-ended)' }, n: int({ minimum: 0 }), predicted: num({ minimum: 0 }), clicks: int({ minimum: 0 }) })),
      restoredFrom: { description: 'a checkpoint (its sequence) or "replay"' },
    }, ['version', 'seq', 'examples', 'clicks', 'fingerprint', 'calibration']),
  }, ['campaigns', 'model'], { description: 'Campaigns and the CTR model for the dashboard (docs/ads.md)' }),
  DryRunRequest: obj({ rule: ref('PromoRule'), hours: num({ exclusiveMinimum: 0, maximum: 336, default: 24, description: 'how far back to read the log' }) }, ['rule']),
  DryRunResult: obj({
    rule: str(),
    window: obj({ from: epochMs('start'), to: epochMs('end'), events: int({ minimum: 0 }), shoppers: int({ minimum: 0 }) }),
    issued: int({ minimum: 0, description: 'coupons the draft would have issued' }), refusedByBudget: int({ minimum: 0 }),
    cost: money, users: arr(obj({ userId: str(), code: str(), cost: money, ts: epochMs('when'), causedBy: str() }), { maxItems: 100 }),
  }, undefined, { description: 'What a draft rule would have done over the recent log (fresh actors: history before the window is not seen)' }),
};

/** Server -> client WebSocket messages, one schema per `type` of contract ServerMessage. */
const SERVER_MESSAGE_SCHEMAS = {
  hello: obj({ type: { const: 'hello' }, userId, ts: epochMs('server time') }, undefined, { description: 'First message on an accepted socket; pushes reach it from then on' }),
  ack: { $ref: '#/components/schemas/Ack' },
  error: obj({
    type: { const: 'error' }, code: ref('ErrorCode'), message: str(),
    id: str({ description: 'the id of the event that was refused, when the message had one' }), field: str(),
  }, ['type', 'code', 'message']),
  recs: obj({
    type: { const: 'recs' }, items: arr(ref('RecItem')), causedBy: str({ description: 'the event whose fold caused this recompute' }),
    seq: { ...seq, description: 'log sequence of causedBy: the recs reflect every event of this shopper up to it' }, ts: epochMs('when they were computed'),
  }),
  coupon: obj({ type: { const: 'coupon' }, coupon: ref('Coupon'), causedBy: str(), ts: epochMs('when it was issued') }),
  order: obj({
    type: { const: 'order' }, checkoutId: str(), orderId: str(), status: { enum: ['placed', 'refused'] }, lines: arr(ref('OrderLine')),
    total: { ...money, description: 'subtotal - discount + delivery' }, subtotal: money, discount: money, delivery: money,
    coupon: str(), couponAuto: bool(), couponError: obj({ code: ref('ErrorCode'), message: str() }, undefined, { description: 'set when the checkout was refused because of its coupon' }),
    refused: obj({ itemId, requested: int({ minimum: 1 }), left: int({ minimum: 0 }) }, undefined, { description: 'set when status is refused: the first line that could not be served' }),
    causedBy: str(), seq, ts: epochMs('when it was decided'),
  }, ['type', 'checkoutId', 'orderId', 'status', 'lines', 'total', 'causedBy', 'seq', 'ts']),
  intent: obj({
    type: { const: 'intent' }, score: num({ minimum: 0, maximum: 1 }), band: str(), previousBand: str({ description: '\'\' for the first score' }),
    version: int({ minimum: 1 }), causedBy: str({ description: 'the event whose fold moved the score' }), ts: epochMs('when it was pushed'),
  }),
  categories: obj({
    type: { const: 'categories' }, picks: arr(ref('CategoryPick')), causedBy: str(), ts: epochMs('when they were computed'),
  }),
} as const satisfies Record<ServerMessage['type'], JsonSchema>;

const WS_SCHEMAS: Record<string, JsonSchema> = {
  EventMessage: obj({ type: { const: 'event' }, ...eventProperties }, ['type', 'kind'], {
    description: 'An event; answered by `ack` (stored in the log) or `error` (with the event\'s id)',
  }),
  HelloMessage: SERVER_MESSAGE_SCHEMAS.hello,
  AckMessage: SERVER_MESSAGE_SCHEMAS.ack,
  ErrorMessage: SERVER_MESSAGE_SCHEMAS.error,
  RecsPush: SERVER_MESSAGE_SCHEMAS.recs,
  CouponPush: SERVER_MESSAGE_SCHEMAS.coupon,
  OrderPush: SERVER_MESSAGE_SCHEMAS.order,
  IntentPush: SERVER_MESSAGE_SCHEMAS.intent,
  CategoriesPush: SERVER_MESSAGE_SCHEMAS.categories,
  AdminHelloMessage: obj({ type: { const: 'hello' }, ts: epochMs('server time'), expiresAt: epochMs('when the operator session ends (the socket closes with 4401)') }),
  AnalyticsLiveMessage: obj({
    type: { const: 'analytics' }, ts: epochMs('server time of the summary'),
    appliedSeq: int({ minimum: 0, description: 'last log sequence folded' }), lagEvents: int({ minimum: 0, description: 'events in the log not yet delivered to the fold' }),
    lastEventTs: epochMs('event time of the newest event folded (0: none)'),
    foldDelayMs: num({ minimum: 0, description: 'consumer lag: the longest store -> fold commit time in the latest report that folded something' }),
    today: ref('KpiCounts'),
    minutes: arr(ref('KpiBucket'), { minItems: 60, maxItems: 60, description: 'the last 60 minutes, oldest first' }),
    hot: obj({ products: arr(obj({ itemId: str(), name: str(), score: num() })), queries: arr(obj({ query: str(), score: num() })) }),
    intent: { oneOf: [ref('IntentReport'), { type: 'null' }], description: 'the live intent model\'s report (null: INTENT off)' },
  }, undefined, { description: 'The dashboard\'s live summary (docs/analytics.md)' }),
};

/** Schema names of server messages by `type`, for clients and tests. */
export const SERVER_MESSAGE_SCHEMA: Record<ServerMessage['type'], string> = {
  hello: 'HelloMessage', ack: 'AckMessage', error: 'ErrorMessage', recs: 'RecsPush', coupon: 'CouponPush', order: 'OrderPush',
  intent: 'IntentPush', categories: 'CategoriesPush',
};

export const SORT_ORDER_LIST: readonly string[] = SORT_ORDERS;

/** Every schema, as `components.schemas` of both documents. */
export const COMPONENT_SCHEMAS: Record<string, JsonSchema> = { ...HTTP_SCHEMAS, ...WS_SCHEMAS };
