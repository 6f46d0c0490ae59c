/**
 * Cleaned Online Retail rows -> one order history per customer, through the same
 * `addPurchaseLine` fold the live consumer applies to PURCHASE events (order id =
 * InvoiceNo, item id = StockCode, order time = its earliest line's InvoiceDate).
 */
import { addPurchaseLine, emptyHistory, type CustomerHistory } from '../customers/index.js';
import type { RetailRow } from './online-retail.js';

export function retailHistories(rows: Iterable<RetailRow>): Map<string, CustomerHistory> {
  const out = new Map<string, CustomerHistory>();
  for (const row of rows) {
    let h = out.get(row.customerId);
    if (h === undefined) out.set(row.customerId, (h = emptyHistory(row.customerId)));
    addPurchaseLine(h, { orderId: row.invoiceNo, ts: row.ts, itemId: row.stockCode, qty: row.quantity, price: row.unitPrice });
  }
  return out;
}
