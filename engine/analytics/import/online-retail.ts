/**
 * The `online-retail` import format: the UCI Online Retail columns (InvoiceNo,
 * StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country), CSV,
 * gzip or plain, any column order. Cleaning, the first reason that applies wins and is
 * counted: InvoiceNo starting with C (a cancellation), no CustomerID, Quantity <= 0,
 * UnitPrice <= 0. A row that cannot be read (wrong field count, a number or date that
 * does not parse) is an ImportError (E_BAD_IMPORT) naming file, line and column:
 * the file is not what it claims to be, so nothing of it is trusted.
 *
 * InvoiceDate is `YYYY-MM-DD HH:MM[:SS]` or the spreadsheet export's `M/D/YYYY H:MM`,
 * read as UTC (the data set has no zone; the shop is in the UK).
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CsvParser, type CsvRecord } from '../../catalog/index.js';
import { ImportError } from '../../errors/index.js';

export const ONLINE_RETAIL_COLUMNS = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'] as const;
type Column = (typeof ONLINE_RETAIL_COLUMNS)[number];

/** Longest CSV record accepted; real rows are under 200 bytes. */
export const MAX_RETAIL_RECORD_BYTES = 64 * 1024;

export interface RetailRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  invoiceNo: string;
  stockCode: string;
  description: string;
  quantity: number;
  /** InvoiceDate as epoch ms (UTC). */
  ts: number;
  unitPrice: number;
  customerId: string;
  country: string;
}

export const SKIP_REASONS = ['cancelled', 'noCustomerId', 'nonPositiveQuantity', 'nonPositivePrice'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface RetailCounts {
  /** Data rows read (header excluded). */
  rows: number;
  kept: number;
  skipped: Record<SkipReason, number>;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** InvoiceDate -> epoch ms, or NaN. */
export function parseInvoiceDate(text: string): number {
  let y: number, mo: number, d: number, h: number, mi: number, s: number;
  let m = ISO_DATE.exec(text);
  if (m !== null) [y, mo, d, h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  else if ((m = US_DATE.exec(text)) !== null) [mo, d, y, h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  else return NaN;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return NaN;
  const ts = Date.UTC(y, mo - 1, d, h, mi, s);
  return new Date(ts).getUTCDate() === d ? ts : NaN;
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Turns CSV records of one file into cleaned rows and counts. */
export class OnlineRetailParser {
  readonly #file: string;
  #col: Record<Column, number> | undefined;
  #width = 0;
  readonly #counts: RetailCounts = { rows: 0, kept: 0, skipped: { cancelled: 0, noCustomerId: 0, nonPositiveQuantity: 0, nonPositivePrice: 0 } };

  /** `file` names the source in error messages. */
  constructor(file: string) {
    this.#file = file;
  }

  get counts(): RetailCounts {
    return { ...this.#counts, skipped: { ...this.#counts.skipped } };
  }

  /** The first record is the header; later ones give a row, or null when cleaning skips them. */
  record(rec: CsvRecord): RetailRow | null {
    if (rec.error !== undefined) throw new ImportError(this.#file, rec.line, undefined, rec.error);
    if (this.#col === undefined) {
      this.#header(rec);
      return null;
    }
    const f = rec.fields;
    if (f.length !== this.#width) throw new ImportError(this.#file, rec.line, undefined, `expected ${this.#width} fields, got ${f.length}`);
    this.#counts.rows++;
    const get = (c: Column): string => f[this.#col![c]]!.trim();
    const bad = (c: Column, what: string, v: string): never => {
      throw new ImportError(this.#file, rec.line, c, `${what}, got ${JSON.stringify(v)}`);
    };
    const invoiceNo = get('InvoiceNo');
    if (invoiceNo === '') bad('InvoiceNo', 'an invoice number is required', invoiceNo);
    const qText = get('Quantity');
    if (!INTEGER.test(qText)) bad('Quantity', 'not an integer', qText);
    const pText = get('UnitPrice');
    if (!DECIMAL.test(pText)) bad('UnitPrice', 'not a number', pText);
    const dText = get('InvoiceDate');
    const ts = parseInvoiceDate(dText);
    if (Number.isNaN(ts)) bad('InvoiceDate', 'not a date (YYYY-MM-DD HH:MM[:SS] or M/D/YYYY H:MM)', dText);
    const stockCode = get('StockCode');
    if (stockCode === '') bad('StockCode', 'a stock code is required', stockCode);
    // Spreadsheet exports write ids as floats ("17850.0").
    const customerId = get('CustomerID').replace(/\.0+$/, '');
    const quantity = Number(qText);
    const unitPrice = Number(pText);
    const skip = invoiceNo.startsWith('C') ? 'cancelled'
      : customerId === '' ? 'noCustomerId'
        : quantity <= 0 ? 'nonPositiveQuantity'
          : unitPrice <= 0 ? 'nonPositivePrice' : undefined;
    if (skip !== undefined) {
      this.#counts.skipped[skip]++;
      return null;
    }
    this.#counts.kept++;
    return { line: rec.line, invoiceNo, stockCode, description: get('Description'), quantity, ts, unitPrice, customerId, country: get('Country') };
  }

  #header(rec: CsvRecord): void {
    const names = rec.fields.map((x) => x.trim().replace(/^\uFEFF/, ''));
    const col = {} as Record<Column, number>;
    for (const c of ONLINE_RETAIL_COLUMNS) {
      const i = names.indexOf(c);
      if (i < 0) throw new ImportError(this.#file, rec.line, c, `missing column (the header has ${names.join(', ')})`);
      col[c] = i;
    }
    this.#col = col;
    this.#width = names.length;
  }
}

export interface OnlineRetailReaderOptions {
  /** Called after each chunk with compressed bytes read so far and the file size (a progress bar). */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/**
 * Streams an Online Retail file (gzip told by its magic bytes, not its name):
 * `for await (const row of reader.rows())`, then `reader.counts`. Pulls from the file
 * only as fast as the caller consumes rows.
 */
export class OnlineRetailReader {
  readonly path: string;
  readonly #parser: OnlineRetailParser;
  readonly #options: OnlineRetailReaderOptions;

  constructor(path: string, options: OnlineRetailReaderOptions = {}) {
    this.path = path;
    this.#parser = new OnlineRetailParser(basename(path));
    this.#options = options;
  }

  get counts(): RetailCounts {
    return this.#parser.counts;
  }

  async *rows(): AsyncGenerator<RetailRow> {
    const file = basename(this.path);
    let total: number;
    let gzip: boolean;
    try {
      total = statSync(this.path).size;
      const magic = Buffer.alloc(2);
      const fd = openSync(this.path, 'r');
      try {
        gzip = readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      throw new ImportError(file, 0, undefined, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const source = createReadStream(this.path);
    let input: Readable = source;
    if (gzip) {
      const gunzip = createGunzip();
      source.on('error', (e) => gunzip.destroy(e));
      input = source.pipe(gunzip);
    }
    const csv = new CsvParser(MAX_RETAIL_RECORD_BYTES);
    const pending: CsvRecord[] = [];
    const emit = (r: CsvRecord): void => void pending.push(r);
    let records = 0;
    const parser = this.#parser;
    function* drain(): Generator<RetailRow> {
      for (const rec of pending) {
        records++;
        const row = parser.record(rec);
        if (row !== null) yield row;
      }
      pending.length = 0;
    }
    try {
      for await (const chunk of input as AsyncIterable<Buffer>) {
        csv.push(chunk, emit);
        yield* drain();
        this.#options.onProgress?.(source.bytesRead, total);
      }
      csv.end(emit);
      yield* drain();
    } catch (e) {
      if (e instanceof ImportError) throw e;
      throw new ImportError(file, 0, undefined, `cannot read${gzip ? ' (gzip)' : ''}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    } finally {
      input.destroy();
      source.destroy();
    }
    if (records === 0) throw new ImportError(file, 1, undefined, 'the file is empty (no header)');
  }
}

/** Reads a whole file into memory: rows and counts. */
export async function loadOnlineRetail(path: string, options: OnlineRetailReaderOptions = {}): Promise<{ rows: RetailRow[]; counts: RetailCounts }> {
  const reader = new OnlineRetailReader(path, options);
  const rows: RetailRow[] = [];
  for await (const row of reader.rows()) rows.push(row);
  return { rows, counts: reader.counts };
}
