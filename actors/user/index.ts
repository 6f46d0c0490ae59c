export * from './state.js';
export { foldUserEvent, couponCode, CART_ABANDONED, type FoldContext, type ItemFacts, type UserEffect } from './fold.js';
