import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CatalogError, EngineError, TooLargeError } from '../../engine/errors/index.js';
import { demoCatalog, loadCatalogFile, type Product } from '../../engine/catalog/index.js';

const dir = mkdtempSync(join(tmpdir(), 'catalog-load-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(ext: string, content: string | Buffer): string {
  const path = join(dir, `f${n++}${ext}`);
  writeFileSync(path, content);
  return path;
}

const good = (id: string, extra: Partial<Product> = {}): Product => ({
  itemId: id, name: `Product ${id}`, category: 'coffee', description: 'Dark roast beans', price: 9.99, stock: 3, brand: 'Lavazza', ...extra,
});
const jsonl = (rows: unknown[]): string => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');

const csvField = (v: unknown): string => {
  const s = Array.isArray(v) ? v.join('|') : v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const CSV_HEADER = 'itemId,name,category,description,price,stock,brand,rating,tags';
const csvRow = (p: Product): string =>
  [p.itemId, p.name, p.category, p.description, p.price, p.stock, p.brand, p.rating, p.tags].map(csvField).join(',');

function lineOf(errors: CatalogError[], fragment: string): number | undefined {
  return errors.find((e) => e.message.includes(fragment))?.line;
}

test('catalog import - JSON Lines: good rows load, bad rows are reported with line and field', async () => {
  const path = file('.jsonl', '\uFEFF' + jsonl([
    good('a1'),
    '',
    good('a2', { price: 12.345 }),
    good('a3', { stock: -1 }),
    '{"itemId": "a4", "name": ',
    { ...good('a5'), category: 'Running Shoes' },
    good('a1', { name: 'again' }),
    '   ',
    [1, 2],
    good('a6', { tags: ['x', 'y'], rating: 4.5 }),
  ]) + '\r\n' + JSON.stringify(good('a7')) + '\r\n');
  const { products, errors, rejected, format } = await loadCatalogFile(path);
  assert.equal(format, 'jsonl');
  assert.deepEqual(products.map((p) => p.itemId), ['a1', 'a6', 'a7']);
  assert.equal(rejected, 6);
  assert.ok(errors.every((e) => e instanceof CatalogError && e.code === 'E_BAD_CATALOG'));
  assert.equal(lineOf(errors, '"price"'), 3);
  assert.equal(lineOf(errors, '"stock"'), 4);
  assert.equal(lineOf(errors, 'not valid JSON'), 5);
  assert.equal(lineOf(errors, '"category"'), 6);
  assert.equal(lineOf(errors, 'duplicates line 1'), 7);
  assert.equal(lineOf(errors, 'must be an object'), 9);
  assert.match(errors[0]!.message, /^line 3: field "price" must have at most 2 decimals/);
  assert.deepEqual(products[1]!.tags, ['x', 'y']);
});

test('catalog import - an oversized line is rejected and the next line still loads', async () => {
  const big = good('big', { description: 'x'.repeat(5000) });
  const path = file('.ndjson', jsonl([good('s1'), big, good('s2')]));
  const { products, errors } = await loadCatalogFile(path, { maxRowBytes: 1024 });
  assert.deepEqual(products.map((p) => p.itemId), ['s1', 's2']);
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.line, 2);
  assert.match(errors[0]!.message, /over the 1024-byte limit/);
});

test('catalog import - CSV with quoted commas, quotes and line breaks, BOM, CRLF and blank lines', async () => {
  const text = [
    '\uFEFF' + CSV_HEADER,
    'c1,"Mug, large","kitchen-appliances","He said ""wow""\nsecond line, with comma",12.50,4,Acme,4.5,red|gift',
    '',
    'c2,Plain,coffee,Beans,3,0,Illy,,',
    'c3,Bad price,coffee,Beans,12.345,1,Illy,,',
    'c4,Too few,coffee',
    'c5,Bad "quote",coffee,Beans,3,1,Illy,,',
    'c2,Duplicate,coffee,Beans,3,1,Illy,,',
    '"c6","Multi',
    'line name",coffee,"",1,1,Illy,,',
  ].join('\r\n') + '\r\n';
  const { products, errors, format } = await loadCatalogFile(file('.csv', text));
  assert.equal(format, 'csv');
  assert.deepEqual(products.map((p) => p.itemId), ['c1', 'c2', 'c6']);
  const c1 = products[0]!;
  assert.equal(c1.name, 'Mug, large');
  assert.equal(c1.description, 'He said "wow"\nsecond line, with comma');
  assert.equal(c1.price, 12.5);
  assert.equal(c1.rating, 4.5);
  assert.deepEqual(c1.tags, ['red', 'gift']);
  assert.equal(products[1]!.rating, undefined);
  assert.equal(products[2]!.name, 'Multi\r\nline name');
  assert.equal(lineOf(errors, '"price"'), 6);
  assert.equal(lineOf(errors, 'header has 9'), 7);
  assert.equal(lineOf(errors, 'quote inside an unquoted field'), 8);
  assert.equal(lineOf(errors, 'duplicates line 5'), 9);
  assert.equal(errors.length, 4);
});

test('catalog import - CSV: an oversized multi-line record is skipped without losing the quote state', async () => {
  const long = `"${'word, "" '.repeat(300)}\n${'more\n'.repeat(50)}"`;
  const text = [CSV_HEADER, csvRow(good('k1')), `k2,Long,coffee,${long},1,1,Illy,,`, csvRow(good('k3'))].join('\n');
  const { products, errors } = await loadCatalogFile(file('.csv', text), { maxRowBytes: 512 });
  assert.deepEqual(products.map((p) => p.itemId), ['k1', 'k3']);
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.line, 3);
  assert.match(errors[0]!.message, /over the 512-byte limit/);
});

test('catalog import - CSV: an unterminated quote is reported at the line where its record starts', async () => {
  const text = [CSV_HEADER, csvRow(good('u1')), 'u2,"never closed,coffee,x,1,1,Illy,,', csvRow(good('u3'))].join('\n');
  const { products, errors } = await loadCatalogFile(file('.csv', text));
  assert.deepEqual(products.map((p) => p.itemId), ['u1']);
  assert.equal(errors[0]!.line, 3);
  assert.match(errors[0]!.message, /never closed/);
});

test('catalog import - CSV: the rows an unterminated quote swallowed are reported, not lost silently', async () => {
  // b2's description opens a quote that only b4's quoted description closes: b3 becomes part of b2's record.
  const rows = [csvRow(good('b1')), 'b2,Mug,coffee,"a mug,4.5,3,Acme,,', csvRow(good('b3')), csvRow(good('b4', { description: 'says "hi", loud' })), csvRow(good('b5'))];
  const { products, errors } = await loadCatalogFile(file('.csv', [CSV_HEADER, ...rows].join('\n')));
  assert.deepEqual(products.map((p) => p.itemId), ['b1', 'b5']);
  const e = errors.find((x) => x.line === 3);
  assert.ok(e, JSON.stringify(errors.map((x) => x.message)));
  assert.match(e.message, /spans lines 3-5/);
  assert.match(e.message, /not imported/);
});

test('catalog import - bidirectional override characters are stripped from product text', async () => {
  const { products } = await loadCatalogFile(file('.jsonl', jsonl([good('c1', { name: 'Cheap \u202Eevil\u202C mug', description: 'x\u2066y\u2069', tags: ['\u202Dtag'] })])));
  assert.equal(products[0]!.name, 'Cheap evil mug');
  assert.equal(products[0]!.description, 'xy');
  assert.deepEqual(products[0]!.tags, ['tag']);
});

test('catalog import - a demo catalog round-trips through CSV and JSON Lines across read chunks', async () => {
  const demo = demoCatalog({ count: 1500 }).map((p, i) => (i % 3 === 0 ? { ...p, description: `${p.description}\nSecond "para", here.` } : p));
  const csv = await loadCatalogFile(file('.csv', [CSV_HEADER, ...demo.map(csvRow)].join('\n') + '\n'));
  const lines = await loadCatalogFile(file('.jsonl', jsonl(demo)));
  assert.equal(csv.errors.length, 0, csv.errors[0]?.message);
  assert.equal(lines.errors.length, 0, lines.errors[0]?.message);
  assert.deepEqual(csv.products, demo);
  assert.deepEqual(lines.products, demo);
});

test('catalog import - a multi-byte character split across two read chunks survives', async () => {
  const CHUNK = 64 * 1024;
  for (const ext of ['.csv', '.jsonl']) {
    const encode = (rows: Product[]): string =>
      ext === '.csv' ? [CSV_HEADER, ...rows.map(csvRow)].join('\n') : rows.map((r) => JSON.stringify(r)).join('\n');
    const filler = Array.from({ length: 7 }, (_, i) => good(`f${i}`, { description: 'x'.repeat(9000) }));
    const target = good('m2', { name: 'Crème ☕ brûlée' });
    const probe = encode([...filler, good('m1', { description: 'x'.repeat(1000) }), target]);
    // Size the last filler row so the coffee cup's 3 bytes start 1 byte before the chunk boundary.
    const at = Buffer.byteLength(probe.slice(0, probe.indexOf('☕')));
    const text = encode([...filler, good('m1', { description: 'x'.repeat(1000 + CHUNK - 1 - at) }), target]);
    assert.equal(Buffer.byteLength(text.slice(0, text.indexOf('☕'))), CHUNK - 1);
    const { products, errors } = await loadCatalogFile(file(ext, text));
    assert.equal(errors.length, 0, errors[0]?.message);
    assert.equal(products[8]!.name, 'Crème ☕ brûlée', ext);
  }
});

test('catalog import - unusable files throw typed errors', async () => {
  await assert.rejects(loadCatalogFile(join(dir, 'missing.jsonl')), (e: unknown) =>
    e instanceof EngineError && e.code === 'E_BAD_CATALOG' && /missing\.jsonl.*ENOENT/.test(e.message));
  await assert.rejects(loadCatalogFile(dir + '/'), (e: unknown) => e instanceof EngineError && e.code === 'E_BAD_CATALOG');
  await assert.rejects(loadCatalogFile(file('.xml', '<x/>')), /unknown extension/);
  await assert.rejects(loadCatalogFile(file('.jsonl', '\n\n')), /has no products/);
  const catalogError = (line: number, pattern: RegExp) => (e: unknown): boolean =>
    e instanceof CatalogError && e.line === line && pattern.test(e.message);
  await assert.rejects(loadCatalogFile(file('.jsonl', jsonl([good('z1', { price: -1 }), '{oops']))), catalogError(1, /all 2 rows were rejected/));
  await assert.rejects(
    loadCatalogFile(file('.csv', 'itemId,name,price\nx,y,1\n')),
    catalogError(1, /lacks column\(s\) category, description, stock, brand/),
  );
  await assert.rejects(loadCatalogFile(file('.jsonl', jsonl([good('big1'), good('big2')])), { maxFileBytes: 100 }), TooLargeError);
});

test('catalog import - options are validated', async () => {
  await assert.rejects(loadCatalogFile('x.csv', { maxRowBytes: 0 }), RangeError);
  await assert.rejects(loadCatalogFile('x.csv', { maxFileBytes: 1.5 }), TypeError);
  await assert.rejects(loadCatalogFile('x.csv', { format: 'xml' as 'csv' }), RangeError);
});
