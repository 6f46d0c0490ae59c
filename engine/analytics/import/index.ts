/**
 * Public surface of order-history import: file formats turned into cleaned rows with
 * counts by skip reason, and rows into customer histories. Reads files (main thread
 * or a piscina worker), never the log.
 */
export {
  ONLINE_RETAIL_COLUMNS, MAX_RETAIL_RECORD_BYTES, SKIP_REASONS,
  type RetailRow, type SkipReason, type RetailCounts, type OnlineRetailReaderOptions,
  parseInvoiceDate, OnlineRetailParser, OnlineRetailReader, loadOnlineRetail,
} from './online-retail.js';
export { retailHistories } from './retail-histories.js';
