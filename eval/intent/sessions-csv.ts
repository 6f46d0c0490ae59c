/**
 * Reads a UCI Online Shoppers Purchasing Intention CSV (18 columns, header
 * first, no quoting) into IntentSessions and labels. Every problem is a
 * DatasetError naming the file, the 1-based line and the column: a wrong or
 * missing column, a short (truncated) row, a value that is not a number or not
 * one of the known words.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DatasetError } from '../../engine/errors/index.js';
import { MONTHS, VISITOR_TYPES } from '../../actors/propensity/index.js';
import type { IntentSession, VisitorType } from '../../actors/propensity/index.js';

export const LABEL_COLUMN = 'Revenue';

/** Numeric columns and the IntentSession field each fills; `count` columns must be whole and >= 0. */
const NUMERIC: ReadonlyArray<readonly [string, keyof IntentSession, 'count' | 'real' | 'rate']> = [
  ['Administrative', 'administrative', 'count'],
  ['Administrative_Duration', 'administrativeDuration', 'real'],
  ['Informational', 'informational', 'count'],
  ['Informational_Duration', 'informationalDuration', 'real'],
  ['ProductRelated', 'productRelated', 'count'],
  ['ProductRelated_Duration', 'productRelatedDuration', 'real'],
  ['BounceRates', 'bounceRates', 'rate'],
  ['ExitRates', 'exitRates', 'rate'],
  ['PageValues', 'pageValues', 'real'],
  ['SpecialDay', 'specialDay', 'rate'],
  ['OperatingSystems', 'operatingSystems', 'count'],
  ['Browser', 'browser', 'count'],
  ['Region', 'region', 'count'],
  ['TrafficType', 'trafficType', 'count'],
];

/** Every column the file must have, in the UCI order. */
export const COLUMNS: readonly string[] = [...NUMERIC.slice(0, 10).map(([c]) => c), 'Month', ...NUMERIC.slice(10).map(([c]) => c), 'VisitorType', 'Weekend', LABEL_COLUMN];

export interface SessionsFile {
  sessions: IntentSession[];
  /** 1 = the session bought (Revenue TRUE). */
  labels: Uint8Array;
}

/** The UCI file spells June in full; accept both, any case. */
const MONTH_CODE = new Map<string, number>([...MONTHS.map((m, i) => [m.toLowerCase(), i + 1] as const), ['june', 6], ['july', 7], ['sept', 9]]);

function parseBool(s: string): boolean | undefined {
  const u = s.toUpperCase();
  return u === 'TRUE' ? true : u === 'FALSE' ? false : undefined;
}

/** Parses CSV text; `file` is only used in messages. */
export function parseSessions(text: string, file: string): SessionsFile {
  const lines = text.split('\n');
  const header = (lines[0] ?? '').replace(/\r$/, '').replace(/^\uFEFF/, '');
  if (header.trim() === '') throw new DatasetError(file, 1, undefined, 'empty file: want a header line with the 18 UCI columns');
  const names = header.split(',').map((c) => c.trim());
  const at = new Map<string, number>();
  names.forEach((c, i) => {
    if (!COLUMNS.includes(c)) throw new DatasetError(file, 1, c, `unknown column (want exactly: ${COLUMNS.join(',')})`);
    if (at.has(c)) throw new DatasetError(file, 1, c, 'column appears twice');
    at.set(c, i);
  });
  for (const c of COLUMNS) if (!at.has(c)) throw new DatasetError(file, 1, c, 'missing column');
  const idx = (c: string): number => at.get(c) as number;
  const sessions: IntentSession[] = [];
  const labels: number[] = [];
  for (let li = 1; li < lines.length; li++) {
    const line = (lines[li] as string).replace(/\r$/, '');
    if (line.trim() === '') {
      // blank lines are allowed only at the end
      if (lines.slice(li + 1).some((l) => l.trim() !== '')) throw new DatasetError(file, li + 1, undefined, 'blank line inside the data');
      break;
    }
    const f = line.split(',');
    const no = li + 1;
    if (f.length !== names.length) throw new DatasetError(file, no, undefined, `has ${f.length} fields, the header has ${names.length}${li === lines.length - 1 ? ' (truncated file?)' : ''}`);
    const cell = (c: string): string => (f[idx(c)] as string).trim();
    const s: Record<string, unknown> = {};
    for (const [c, key, kind] of NUMERIC) {
      const raw = cell(c);
      const v = raw === '' ? Number.NaN : Number(raw);
      if (!Number.isFinite(v)) throw new DatasetError(file, no, c, `${JSON.stringify(raw)} is not a number`);
      if (v < 0) throw new DatasetError(file, no, c, `${v} is negative`);
      if (kind === 'count' && !Number.isInteger(v)) throw new DatasetError(file, no, c, `${v} is not a whole number`);
      if (kind === 'rate' && v > 1) throw new DatasetError(file, no, c, `${v} is above 1`);
      s[key] = v;
    }
    const month = MONTH_CODE.get(cell('Month').toLowerCase());
    if (month === undefined) throw new DatasetError(file, no, 'Month', `${JSON.stringify(cell('Month'))} is not a month name`);
    const vt = cell('VisitorType');
    if (!(VISITOR_TYPES as readonly string[]).includes(vt)) throw new DatasetError(file, no, 'VisitorType', `${JSON.stringify(vt)} is not one of ${VISITOR_TYPES.join(', ')}`);
    const weekend = parseBool(cell('Weekend'));
    if (weekend === undefined) throw new DatasetError(file, no, 'Weekend', `${JSON.stringify(cell('Weekend'))} is not TRUE or FALSE`);
    const revenue = parseBool(cell(LABEL_COLUMN));
    if (revenue === undefined) throw new DatasetError(file, no, LABEL_COLUMN, `${JSON.stringify(cell(LABEL_COLUMN))} is not TRUE or FALSE`);
    s.month = month;
    s.visitorType = vt as VisitorType;
    s.weekend = weekend;
    sessions.push(s as unknown as IntentSession);
    labels.push(revenue ? 1 : 0);
  }
  if (sessions.length === 0) throw new DatasetError(file, 2, undefined, 'no data rows after the header');
  return { sessions, labels: Uint8Array.from(labels) };
}

/** Reads and parses a sessions file; a missing or unreadable file is a DatasetError at line 0. */
export function readSessions(path: string): SessionsFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DatasetError(basename(path), 0, undefined, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseSessions(text, basename(path));
}
