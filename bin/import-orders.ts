/**
 * `npm run import:orders -- --file F --format online-retail [--engine URL] [--api-key K] [--json]`
 *
 * Loads a shop's order history through the engine's log: the products into the
 * catalog, then every kept order line as a purchase event with its original time.
 * Cleaning (skipped and counted by reason): cancellations, rows without a customer,
 * quantity <= 0, unit price <= 0. Idempotent: event ids come from invoice and line.
 * The key is found as loadgen finds it: --api-key, else $API_KEY, else
 * $DATA_DIR/api-key, else ./data/api-key.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { OnlineRetailReader, type RetailRow } from '../engine/analytics/import/index.js';
import { createProgress } from '../engine/observability/index.js';

const PRODUCT_BATCH = 2000;
const LINE_BATCH = 2000;
/** Catalog fields for imported products: the file has no categories or brands. */
const IMPORT_CATEGORY = 'imported';
const IMPORT_BRAND = 'Imported';
const IMPORT_STOCK = 100;

class UsageError extends Error {}

function apiKey(flag: string | undefined): string {
  if (flag) return flag;
  if (process.env['API_KEY']) return process.env['API_KEY'];
  const file = join(resolve(process.env['DATA_DIR'] || './data'), 'api-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new UsageError(`the engine's API key is needed: --api-key KEY, or $API_KEY, or ${file}`);
}

/** A StockCode as a catalog item id (`[A-Za-z0-9_.:-]{1,64}`). */
export const itemIdOf = (stockCode: string) => stockCode.trim().replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 64) || 'unknown';

async function post(engine: string, key: string, path: string, body: unknown): Promise<Record<string, number>> {
  const r = await fetch(`${engine}${path}`, { method: 'POST', headers: { 'x-api-key': key, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await r.text();
  if (r.status !== 200) throw new Error(`${path} answered ${r.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, number>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { file: { type: 'string' }, format: { type: 'string', default: 'online-retail' }, engine: { type: 'string', default: 'http://127.0.0.1:8080' }, 'api-key': { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  if (!values.file) throw new UsageError('--file F is required (a UCI Online Retail CSV, plain or gzip)');
  if (values.format !== 'online-retail') throw new UsageError(`--format must be online-retail, got ${JSON.stringify(values.format)}`);
  const engine = values.engine.replace(/\/$/, '');
  const key = apiKey(values['api-key']);
  const t0 = performance.now();

  const reading = createProgress('reading', statSync(values.file).size, { unit: 'bytes' });
  const reader = new OnlineRetailReader(values.file, { onProgress: (done, total) => reading.update(done, total) });
  const rows: RetailRow[] = [];
  for await (const row of reader.rows()) rows.push(row);
  reading.stop();
  const products = new Map<string, { itemId: string; name: string; price: number }>();
  for (const r of rows) {
    const itemId = itemIdOf(r.stockCode);
    const name = r.description.trim() || itemId;
    products.set(itemId, { itemId, name: name.slice(0, 300), price: Math.round(r.unitPrice * 100) / 100 });
  }

  const items = [...products.values()].map((p) => ({ ...p, category: IMPORT_CATEGORY, description: p.name, stock: IMPORT_STOCK, brand: IMPORT_BRAND }));
  const catalog = { created: 0, updated: 0, unchanged: 0 };
  const productsDone = createProgress('products', items.length, { unit: 'products' });
  for (let i = 0; i < items.length; i += PRODUCT_BATCH) {
    const r = await post(engine, key, '/api/admin/import/products', { items: items.slice(i, i + PRODUCT_BATCH) });
    catalog.created += r['created'] ?? 0;
    catalog.updated += r['updated'] ?? 0;
    catalog.unchanged += r['unchanged'] ?? 0;
    productsDone.update(Math.min(items.length, i + PRODUCT_BATCH));
  }
  productsDone.stop();

  const events = { appended: 0, duplicates: 0, skipped: 0 };
  const linesDone = createProgress('order lines', rows.length, { unit: 'lines' });
  for (let i = 0; i < rows.length; i += LINE_BATCH) {
    const lines = rows.slice(i, i + LINE_BATCH).map((r) => ({
      customerId: r.customerId, orderId: r.invoiceNo, ts: r.ts, itemId: itemIdOf(r.stockCode), qty: r.quantity, price: r.unitPrice, line: r.line,
    }));
    const r = await post(engine, key, '/api/admin/import/orders', { lines });
    events.appended += r['appended'] ?? 0;
    events.duplicates += r['duplicates'] ?? 0;
    events.skipped += r['skipped'] ?? 0;
    linesDone.update(Math.min(rows.length, i + LINE_BATCH));
  }
  linesDone.stop();
  const result = { file: values.file, counts: reader.counts, products: catalog, lines: events, seconds: Math.round((performance.now() - t0) / 100) / 10 };
  const c = reader.counts;
  process.stdout.write(`import: ${c.rows} rows read, ${c.kept} kept; skipped ${Object.entries(c.skipped).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
  process.stdout.write(`products: ${catalog.created} created, ${catalog.updated} updated, ${catalog.unchanged} unchanged\n`);
  process.stdout.write(`order lines: ${events.appended} appended, ${events.duplicates} already in the log, ${events.skipped} already folded; ${result.seconds} s\n`);
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err: unknown) => {
  const e = err as { code?: string; message?: string };
  process.stderr.write(`import:orders: ${e.message ?? String(err)}\n`);
  process.exit(err instanceof UsageError || e.code === 'E_BAD_IMPORT' || e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 2 : 1);
});
