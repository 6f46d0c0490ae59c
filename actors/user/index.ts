export * from './state.js';
export { foldUserEvent, couponCode, CART_ABANDONED, type FoldContext, type ItemFacts, type UserEffect } from './fold.js';
export { findCheckout, refusedLine, sagaEventId, type CheckoutEffect } from './checkout.js';
