/**
 * Imports a catalog file (`CATALOG=path`): JSON Lines (`.jsonl`, `.ndjson`) or CSV
 * (`.csv`, header row, RFC 4180 quoting). The file is streamed, so its size is
 * bounded by `maxFileBytes`, not by memory spent on buffering; each row by
 * `maxRowBytes`. Bad rows are collected with their line numbers and skipped; the
 * import fails only when nothing usable is left or the file cannot be read.
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { CatalogError, EngineError, TooLargeError } from '../errors/index.js';
import { CsvParser, type CsvRecord } from './csv-parser.js';
import { LineSplitter, type Line } from './line-splitter.js';
import { OPTIONAL_PRODUCT_FIELDS, PRODUCT_FIELDS, checkProduct, type Product } from './product.js';

export type CatalogFormat = 'jsonl' | 'csv';

export interface LoadCatalogOptions {
  /** Overrides the format the extension implies. */
  format?: CatalogFormat;
  /** @default 256 MiB */
  maxFileBytes?: number;
  /** Longest row (a CSV record may span several lines). @default 64 KiB */
  maxRowBytes?: number;
  /** Errors kept in `errors`; `rejected` still counts them all. @default 1000 */
  maxErrors?: number;
  /** Called after each chunk with bytes read so far and the file's size. */
  onProgress?: (bytesRead: number, fileBytes: number) => void;
}

export interface LoadCatalogResult {
  products: Product[];
  /** One per rejected row (up to `maxErrors`), in file order. */
  errors: CatalogError[];
  /** Number of rejected rows. */
  rejected: number;
  format: CatalogFormat;
}

export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;
export const DEFAULT_MAX_ROW_BYTES = 64 * 1024;
export const DEFAULT_MAX_ERRORS = 1000;

const EXTENSIONS: Record<string, CatalogFormat> = { '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv' };
const BOM = [0xef, 0xbb, 0xbf];
const READ_CHUNK_BYTES = 64 * 1024;

function positiveInt(name: string, value: number): number {
  if (!Number.isSafeInteger(value)) throw new TypeError(`${name} must be an integer, got ${String(value)}`);
  if (value < 1) throw new RangeError(`${name} must be >= 1, got ${value}`);
  return value;
}

function formatOf(path: string, format: CatalogFormat | undefined): CatalogFormat {
  if (format !== undefined) {
    if (format !== 'jsonl' && format !== 'csv') throw new RangeError(`format must be 'jsonl' or 'csv', got ${String(format)}`);
    return format;
  }
  const found = EXTENSIONS[extname(path).toLowerCase()];
  if (found === undefined) {
    throw new EngineError('E_BAD_CATALOG', `catalog file "${path}" has an unknown extension; use .jsonl, .ndjson or .csv`);
  }
  return found;
}

/** Collects rows into products and errors; knows nothing of the file format. */
class Collector {
  readonly products: Product[] = [];
  readonly errors: CatalogError[] = [];
  rejected = 0;
  readonly #seen = new Map<string, number>();
  readonly #maxErrors: number;

  constructor(maxErrors: number) {
    this.#maxErrors = maxErrors;
  }

  reject(line: number, message: string): void {
    this.rejected++;
    if (this.errors.length < this.#maxErrors) this.errors.push(new CatalogError(line, message));
  }

  accept(line: number, row: unknown): void {
    const check = checkProduct(row);
    if (!check.ok) return this.reject(line, check.message);
    const first = this.#seen.get(check.product.itemId);
    if (first !== undefined) return this.reject(line, `field "itemId" "${check.product.itemId}" duplicates line ${first}`);
    this.#seen.set(check.product.itemId, line);
    this.products.push(check.product);
  }
}

function jsonlRows(collector: Collector): { push: (l: Line) => void } {
  return {
    push(l: Line): void {
      if (l.error !== undefined) return collector.reject(l.line, l.error);
      if (l.text.trim().length === 0) return;
      let row: unknown;
      try {
        row = JSON.parse(l.text);
      } catch (err) {
        return collector.reject(l.line, `row is not valid JSON (${(err as Error).message})`);
      }
      collector.accept(l.line, row);
    },
  };
}

const KNOWN_COLUMNS = new Map<string, string>([...PRODUCT_FIELDS, ...OPTIONAL_PRODUCT_FIELDS].map((f) => [f.toLowerCase(), f]));

function csvRows(collector: Collector): { push: (r: CsvRecord) => void } {
  let header: (string | undefined)[] | undefined;
  return {
    push(r: CsvRecord): void {
      if (header === undefined) {
        // Without a usable header no row can be read: fail the whole file.
        if (r.error !== undefined) throw new CatalogError(r.line, `header ${r.error}`);
        header = r.fields.map((name) => KNOWN_COLUMNS.get(name.trim().toLowerCase()));
        const present = header.filter((c): c is string => c !== undefined);
        const duplicate = present.find((c, i) => present.indexOf(c) !== i);
        if (duplicate !== undefined) throw new CatalogError(r.line, `header has column "${duplicate}" twice`);
        const missing = PRODUCT_FIELDS.filter((f) => !present.includes(f));
        if (missing.length > 0) {
          throw new CatalogError(r.line, `header lacks column(s) ${missing.join(', ')}; expected ${[...PRODUCT_FIELDS, ...OPTIONAL_PRODUCT_FIELDS].join(',')}`);
        }
        return;
      }
      // A bad record that spans lines has most likely swallowed the rows after an
      // unterminated quote: say which lines went with it, so none is lost unreported.
      const spans = r.lastLine > r.line ? `; it spans lines ${r.line}-${r.lastLine} (a quote left open?), and those lines were not imported as rows` : '';
      if (r.error !== undefined) return collector.reject(r.line, r.error + spans);
      if (r.fields.length !== header.length) {
        return collector.reject(r.line, `row has ${r.fields.length} fields, the header has ${header.length}${spans}`);
      }
      const row: Record<string, string> = {};
      header.forEach((column, i) => {
        if (column !== undefined) row[column] = r.fields[i]!;
      });
      collector.accept(r.line, row);
    },
  };
}

/**
 * Reads and validates a catalog file. Throws `EngineError` (E_BAD_CATALOG) when the
 * file cannot be read, has an unknown extension, no rows, or only bad rows (or a bad
 * CSV header: `CatalogError`), and `TooLargeError` (E_TOO_LARGE) past `maxFileBytes`.
 */
export async function loadCatalogFile(path: string, options: LoadCatalogOptions = {}): Promise<LoadCatalogResult> {
  if (typeof path !== 'string' || path.length === 0) throw new TypeError('path must be a non-empty string');
  const maxFileBytes = positiveInt('maxFileBytes', options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  const maxRowBytes = positiveInt('maxRowBytes', options.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES);
  const maxErrors = positiveInt('maxErrors', options.maxErrors ?? DEFAULT_MAX_ERRORS);
  const format = formatOf(path, options.format);

  const unreadable = (err: unknown): EngineError =>
    new EngineError('E_BAD_CATALOG', `cannot read catalog file "${path}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });

  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw unreadable(err);
  }
  const collector = new Collector(maxErrors);
  try {
    let stat;
    try {
      stat = await handle.stat();
    } catch (err) {
      throw unreadable(err);
    }
    if (!stat.isFile()) throw new EngineError('E_BAD_CATALOG', `catalog file "${path}" is not a regular file`);
    if (stat.size > maxFileBytes) throw new TooLargeError(`catalog file "${path}"`, stat.size, maxFileBytes);

    let feed: (chunk: Uint8Array) => void;
    let finish: () => void;
    if (format === 'csv') {
      const parser = new CsvParser(maxRowBytes);
      const rows = csvRows(collector);
      feed = (chunk) => parser.push(chunk, rows.push);
      finish = () => parser.end(rows.push);
    } else {
      const splitter = new LineSplitter(maxRowBytes);
      const rows = jsonlRows(collector);
      feed = (chunk) => splitter.push(chunk, rows.push);
      finish = () => splitter.end(rows.push);
    }

    const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    let total = 0;
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, buffer.length, null));
      } catch (err) {
        throw unreadable(err);
      }
      if (bytesRead === 0) break;
      // The file may grow while we read it: the cap holds for what we actually read.
      if ((total += bytesRead) > maxFileBytes) throw new TooLargeError(`catalog file "${path}"`, total, maxFileBytes);
      let chunk = buffer.subarray(0, bytesRead);
      if (total === bytesRead && BOM.every((b, i) => chunk[i] === b)) chunk = chunk.subarray(BOM.length);
      // Parsers keep no reference into `chunk` past this call except LineSplitter's pending parts: copy for it.
      feed(format === 'jsonl' ? Buffer.from(chunk) : chunk);
      options.onProgress?.(total, stat.size);
    }
    finish();
  } finally {
    await handle.close();
  }

  if (collector.products.length === 0) {
    const first = collector.errors[0];
    if (first === undefined) throw new EngineError('E_BAD_CATALOG', `catalog file "${path}" has no products`);
    const why = first.message.replace(/^line \d+: /, '');
    throw new CatalogError(first.line, `no usable rows in "${path}": all ${collector.rejected} rows were rejected, this one first: ${why}`);
  }
  return { products: collector.products, errors: collector.errors, rejected: collector.rejected, format };
}
