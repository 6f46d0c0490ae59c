/**
 * Readers for shared/data/cdnow: the CDNOW 1/10 sample's transactions and the
 * published calibration summaries. Bad rows are an ImportError naming file, line and
 * column.
 *
 * CDNOW_sample.txt has no header; each line is five whitespace-separated fields. The
 * data README calls the first "new id" and the second "master id", but the published
 * summaries' ID (1..2357) is the second field (customer 1 = "00004 0001": its
 * 1997-01-01, 01-18 and 08-02 purchases give x = 2, t_x = 30.43 as published), so
 * that one is the customer id here.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { addOrder, emptyHistory, type CustomerHistory } from '../../engine/analytics/customers/index.js';
import { ImportError } from '../../engine/errors/index.js';

const SAMPLE_COLUMNS = ['id', 'customer', 'date', 'cds', 'dollars'] as const;

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new ImportError(basename(path), 0, undefined, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Customer histories from CDNOW_sample.txt; each line is one order (id = line number). */
export function readCdnowSample(path: string): Map<string, CustomerHistory> {
  const file = basename(path);
  const out = new Map<string, CustomerHistory>();
  const lines = readText(path).split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    const text = raw.trim();
    if (text === '') continue;
    const f = text.split(/\s+/);
    if (f.length !== SAMPLE_COLUMNS.length) throw new ImportError(file, line, undefined, `expected ${SAMPLE_COLUMNS.length} fields (${SAMPLE_COLUMNS.join(', ')}), got ${f.length}`);
    const [, customerField, date, cds, dollars] = f as [string, string, string, string, string];
    if (!/^\d+$/.test(customerField)) throw new ImportError(file, line, 'customer', `not a customer number: ${JSON.stringify(customerField)}`);
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(date);
    const ts = m === null ? NaN : Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (m === null || new Date(ts).getUTCDate() !== Number(m[3])) throw new ImportError(file, line, 'date', `not a YYYYMMDD date: ${JSON.stringify(date)}`);
    if (!/^\d+$/.test(cds)) throw new ImportError(file, line, 'cds', `not a count: ${JSON.stringify(cds)}`);
    const revenue = Number(dollars);
    if (!Number.isFinite(revenue) || revenue < 0 || dollars === '') throw new ImportError(file, line, 'dollars', `not an amount: ${JSON.stringify(dollars)}`);
    const id = String(Number(customerField));
    let h = out.get(id);
    if (h === undefined) out.set(id, (h = emptyHistory(id)));
    addOrder(h, { orderId: String(line), ts, revenue });
  }
  if (out.size === 0) throw new ImportError(file, 1, undefined, 'no transactions');
  return out;
}

export interface PublishedSummaryRow {
  id: string;
  x: number;
  tx: number;
  T: number;
  /** Mean repeat spend, when the file has it. */
  zbar?: number;
}

/**
 * cdnow_customers_summary.csv (`ID,frequency,recency,T`) or
 * cdnow_customers_summary_with_transactions.csv (`ID,x,t_x,T,zbar`), told apart by
 * their header.
 */
export function readCdnowSummary(path: string): PublishedSummaryRow[] {
  const file = basename(path);
  const lines = readText(path).split('\n').map((l) => l.trim());
  const header = (lines[0] ?? '').split(',');
  const names: Record<string, string[]> = {
    id: ['ID'], x: ['frequency', 'x'], tx: ['recency', 't_x'], T: ['T'], zbar: ['zbar'],
  };
  const col: Record<string, number> = {};
  for (const [key, aliases] of Object.entries(names)) {
    const i = header.findIndex((h) => aliases.includes(h));
    if (i < 0 && key !== 'zbar') throw new ImportError(file, 1, aliases.join('|'), `missing column (header is ${JSON.stringify(lines[0] ?? '')})`);
    col[key] = i;
  }
  const rows: PublishedSummaryRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i]!;
    if (text === '') continue;
    const f = text.split(',');
    if (f.length !== header.length) throw new ImportError(file, i + 1, undefined, `expected ${header.length} fields, got ${f.length}`);
    const num = (key: string): number => {
      const s = f[col[key]!]!;
      const v = Number(s);
      if (s === '' || !Number.isFinite(v)) throw new ImportError(file, i + 1, header[col[key]!], `not a number: ${JSON.stringify(s)}`);
      return v;
    };
    const row: PublishedSummaryRow = { id: String(num('id')), x: num('x'), tx: num('tx'), T: num('T') };
    if (col.zbar! >= 0) row.zbar = num('zbar');
    rows.push(row);
  }
  return rows;
}
