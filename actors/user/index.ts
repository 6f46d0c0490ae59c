export * from './state.js';
export { foldUserEvent, CART_ABANDONED, type FoldContext, type ItemFacts, type UserEffect } from './fold.js';
export { findCheckout, refusedLine, sagaEventId, type CheckoutEffect } from './checkout.js';
export { bandName, bandOf, foldIntent, intentView, type IntentChange, type IntentContext } from './intent.js';
export { categoryPicks, CATEGORY_PICKS_K, type CategoryStatsView } from './category-picks.js';
