export { emptyItemState, availableUnits, type ItemState, type CatalogStock } from './state.js';
export { foldItemEvent, trendAt, effectiveStock } from './fold.js';
export { foldStockCommand, decisionId, type ItemEffect } from './stock.js';
