/**
 * An independent reading of issue 18's RFM, cohort and ABC definitions, written from
 * the issue text and sharing no code with engine/analytics: it parses the Online
 * Retail CSV itself (split on lines, quote-aware split on commas), cleans it, groups
 * the lines by customer and invoice, and computes each table the plain way (objects,
 * sort with a comparator, if-chains). Tests compare it with the engine's models.
 *
 * Shared conventions (they are part of the definitions): times are UTC; money is
 * ranked and summed on whole cents, rounding half away from zero.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface RefLine {
  invoice: string;
  item: string;
  qty: number;
  price: number;
  ts: number;
  customer: string;
}

const DAY = 24 * 60 * 60 * 1000;

function cents(x: number): number {
  const c = Math.round(Math.abs(x) * 100 + 1e-6);
  return x < 0 ? -c : c;
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Cleaned lines of the UCI Online Retail file (no cancellations, CustomerID present, Quantity and UnitPrice > 0). */
export function referenceRetailLines(path: string): RefLine[] {
  const raw = readFileSync(path);
  const text = (raw[0] === 0x1f ? gunzipSync(raw) : raw).toString('utf8');
  const lines = text.split('\n');
  const head = splitCsv(lines[0]!.trim());
  const at = (name: string): number => head.indexOf(name);
  const [iInv, iItem, iQty, iDate, iPrice, iCust] = ['InvoiceNo', 'StockCode', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID'].map(at) as number[];
  const out: RefLine[] = [];
  for (let n = 1; n < lines.length; n++) {
    if (lines[n]!.trim() === '') continue;
    const f = splitCsv(lines[n]!);
    const invoice = f[iInv!]!;
    const customer = f[iCust!]!;
    const qty = Number(f[iQty!]);
    const price = Number(f[iPrice!]);
    if (invoice.startsWith('C') || customer === '' || qty <= 0 || price <= 0) continue;
    const d = f[iDate!]!; // YYYY-MM-DD HH:MM:SS
    const ts = Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), +d.slice(11, 13), +d.slice(14, 16), +(d.slice(17, 19) || 0));
    out.push({ invoice, item: f[iItem!]!, qty, price, ts, customer });
  }
  return out;
}

export interface RefRfm {
  customers: number;
  segments: Record<string, number>;
  byCustomer: Map<string, { r: number; f: number; m: number; fm: number; segment: string }>;
}

export function referenceSegment(r: number, fm: number): string {
  if (r >= 4 && fm >= 4) return 'Champions';
  if (r >= 3 && fm >= 3) return 'Loyal Customers';
  if (r === 1 && fm >= 4) return "Can't Lose Them";
  if (r <= 2 && fm >= 3) return 'At Risk';
  if (r >= 4 && fm === 2) return 'Potential Loyalist';
  if (r === 5 && fm === 1) return 'New Customers';
  if (r === 4 && fm === 1) return 'Promising';
  if (r === 3 && fm === 2) return 'Need Attention';
  if (r === 3 && fm === 1) return 'About To Sleep';
  if (r === 2 && fm <= 2) return 'Hibernating';
  if (r === 1 && fm <= 2) return 'Lost';
  throw new Error(`no segment for R=${r} FM=${fm}`);
}

export function referenceRfm(lines: readonly RefLine[], asOf: number): RefRfm {
  const per = new Map<string, { id: string; last: number; invoices: Set<string>; money: number }>();
  for (const l of lines) {
    if (l.ts >= asOf) continue;
    let c = per.get(l.customer);
    if (!c) { c = { id: l.customer, last: -Infinity, invoices: new Set(), money: 0 }; per.set(l.customer, c); }
    c.last = Math.max(c.last, l.ts);
    c.invoices.add(l.invoice);
    c.money += l.qty * l.price;
  }
  const rows = [...per.values()].map((c) => ({
    id: c.id, days: Math.floor((asOf - c.last) / DAY), freq: c.invoices.size, cents: cents(c.money), r: 0, f: 0, m: 0,
  }));
  const n = rows.length;
  const idOrder = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const score = (sorted: typeof rows, key: 'r' | 'f' | 'm'): void => sorted.forEach((row, i) => { row[key] = Math.floor((5 * i) / n) + 1; });
  score([...rows].sort((a, b) => (a.days !== b.days ? b.days - a.days : idOrder(a, b))), 'r');
  score([...rows].sort((a, b) => (a.freq !== b.freq ? a.freq - b.freq : idOrder(a, b))), 'f');
  score([...rows].sort((a, b) => (a.cents !== b.cents ? a.cents - b.cents : idOrder(a, b))), 'm');
  const segments: Record<string, number> = {};
  const byCustomer = new Map<string, { r: number; f: number; m: number; fm: number; segment: string }>();
  for (const row of rows) {
    const half = (row.f + row.m) / 2;
    const fm = half % 1 === 0.5 ? Math.ceil(half) : Math.round(half);
    const segment = referenceSegment(row.r, fm);
    segments[segment] = (segments[segment] ?? 0) + 1;
    byCustomer.set(row.id, { r: row.r, f: row.f, m: row.m, fm, segment });
  }
  return { customers: n, segments, byCustomer };
}

export interface RefCohort {
  cohort: string;
  size: number;
  active: number[];
  revenueCents: number[];
}

function ym(ts: number): string {
  return new Date(ts).toISOString().slice(0, 7);
}

/** Months between two `YYYY-MM` keys. */
function monthsBetween(a: string, b: string): number {
  return (+b.slice(0, 4) - +a.slice(0, 4)) * 12 + (+b.slice(5, 7) - +a.slice(5, 7));
}

export function referenceCohorts(lines: readonly RefLine[], asOf: number): RefCohort[] {
  const first = new Map<string, number>();
  for (const l of lines) if (l.ts < asOf && l.ts < (first.get(l.customer) ?? Infinity)) first.set(l.customer, l.ts);
  const lastStarted = ym(asOf - 1);
  const cohorts = new Map<string, RefCohort>();
  for (const [, ts] of first) {
    const key = ym(ts);
    if (!cohorts.has(key)) {
      const width = Math.min(13, monthsBetween(key, lastStarted) + 1);
      cohorts.set(key, { cohort: key, size: 0, active: Array(width).fill(0), revenueCents: Array(width).fill(0) });
    }
    cohorts.get(key)!.size++;
  }
  // customer -> month offset -> revenue
  const spend = new Map<string, Map<number, number>>();
  for (const l of lines) {
    if (l.ts >= asOf) continue;
    const c = cohorts.get(ym(first.get(l.customer)!))!;
    const k = monthsBetween(c.cohort, ym(l.ts));
    if (k >= c.active.length) continue;
    if (!spend.has(l.customer)) spend.set(l.customer, new Map());
    const m = spend.get(l.customer)!;
    m.set(k, (m.get(k) ?? 0) + l.qty * l.price);
  }
  for (const [customer, months] of spend) {
    const c = cohorts.get(ym(first.get(customer)!))!;
    for (const [k, v] of months) {
      c.active[k] = c.active[k]! + 1;
      c.revenueCents[k] = c.revenueCents[k]! + cents(v);
    }
  }
  return [...cohorts.values()].sort((a, b) => (a.cohort < b.cohort ? -1 : 1));
}

export function referenceAbc(lines: readonly RefLine[], asOf: number, from = -Infinity): Map<string, 'A' | 'B' | 'C'> {
  const rev = new Map<string, number>();
  for (const l of lines) if (l.ts >= from && l.ts < asOf) rev.set(l.item, (rev.get(l.item) ?? 0) + l.qty * l.price);
  const items = [...rev].map(([id, v]) => ({ id, c: cents(v) }));
  items.sort((a, b) => (a.c !== b.c ? b.c - a.c : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const total = items.reduce((s, x) => s + x.c, 0);
  const out = new Map<string, 'A' | 'B' | 'C'>();
  let cum = 0;
  for (const x of items) {
    cum += x.c;
    // c <= 0.80 and c <= 0.95, compared on integers
    out.set(x.id, cum * 100 <= total * 80 ? 'A' : cum * 100 <= total * 95 ? 'B' : 'C');
  }
  return out;
}
