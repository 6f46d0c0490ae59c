export { EngineServices, ASK_TIMEOUT_MS, type ProductView, type TrackResult, type OrderResult, type RecommendOptions } from './engine-services.js';
export { SessionTokens, USER_ID_PATTERN } from './session-tokens.js';
export { validateClientEvent, EVENT_ID_PATTERN, type EventStamp } from './validate-event.js';
export { NextTurn } from './next-turn.js';
export { CheckoutService, parseCheckoutLines, checkIdempotencyKey, checkoutIdOf, CHECKOUT_WAIT_MS, MAX_CHECKOUT_LINES, type CheckoutLine, type CheckoutRequest } from './checkout.js';
export { StockView } from './stock-view.js';
