/**
 * The engine's RFM, cohorts and ABC on UCI Online Retail as of 2011-12-10, read through
 * the `online-retail` import parser, equal an independent computation from the raw
 * file (test/kit/analytics-reference.ts) exactly.
 */
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { abc, cohorts, parseUtcDate, rfm, toCents, type CustomerHistory } from '../../engine/analytics/customers/index.js';
import { loadOnlineRetail, retailHistories, type RetailCounts } from '../../engine/analytics/import/index.js';
import { EngineError, ImportError } from '../../engine/errors/index.js';
import { referenceAbc, referenceCohorts, referenceRetailLines, referenceRfm, type RefLine } from '../kit/analytics-reference.js';
import { tempDir } from '../kit/temp.js';

const FILE = fileURLToPath(new URL('../../../../shared/data/online_retail/online_retail.csv.gz', import.meta.url));
const AS_OF = parseUtcDate('2011-12-10');
const HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';

describe('analytics models - Online Retail equals the independent reference', { skip: !existsSync(FILE) && `no ${FILE}` }, () => {
  let histories: CustomerHistory[];
  let counts: RetailCounts;
  let ref: RefLine[];
  before(async () => {
    const loaded = await loadOnlineRetail(FILE);
    counts = loaded.counts;
    histories = [...retailHistories(loaded.rows).values()];
    ref = referenceRetailLines(FILE);
  });

  it('import - cleaning keeps the published 397,884 lines, 18,532 invoices, 4,338 customers; skips counted by first reason', () => {
    assert.equal(counts.rows, 541_909);
    assert.equal(counts.kept, 397_884);
    assert.equal(ref.length, 397_884);
    assert.deepEqual(counts.skipped, { cancelled: 9288, noCustomerId: 134_697, nonPositiveQuantity: 0, nonPositivePrice: 40 });
    assert.equal(counts.rows, counts.kept + Object.values(counts.skipped).reduce((a, b) => a + b, 0));
    assert.equal(histories.length, 4338);
    assert.equal(histories.reduce((n, h) => n + h.orders.length, 0), 18_532);
  });

  it('rfm - segment counts and every customer\'s scores equal the reference as of 2011-12-10', () => {
    const ours = rfm(histories, AS_OF);
    const theirs = referenceRfm(ref, AS_OF);
    assert.equal(ours.customers, theirs.customers);
    const nonZero = Object.fromEntries(Object.entries(ours.segments).filter(([, n]) => n > 0));
    assert.deepEqual(nonZero, theirs.segments);
    for (const s of ours.scores) {
      assert.deepEqual({ r: s.r, f: s.f, m: s.m, fm: s.fm, segment: s.segment }, theirs.byCustomer.get(s.customerId), s.customerId);
    }
    // Not a degenerate split: all 11 segments occur.
    assert.equal(Object.keys(nonZero).length, 11);
  });

  it('cohorts - sizes, active counts and revenue per month equal the reference as of 2011-12-10', () => {
    const ours = cohorts(histories, AS_OF).cohorts;
    const theirs = referenceCohorts(ref, AS_OF);
    assert.deepEqual(
      ours.map((c) => ({ cohort: c.cohort, size: c.size, active: c.active, revenueCents: c.revenue.map(toCents) })),
      theirs,
    );
    assert.equal(ours.length, 13);
    assert.equal(ours[0]!.active.length, 13);
    assert.equal(ours.reduce((n, c) => n + c.size, 0), 4338);
  });

  it('abc - every product\'s class equals the reference, with and without `from`', () => {
    for (const from of [undefined, parseUtcDate('2011-06-01')]) {
      const ours = abc(histories, from === undefined ? { asOf: AS_OF } : { asOf: AS_OF, from });
      const theirs = referenceAbc(ref, AS_OF, from);
      assert.equal(ours.products.length, theirs.size);
      assert.deepEqual(new Map(ours.products.map((p) => [p.itemId, p.class])), theirs);
      assert.ok(ours.classes.A > 0 && ours.classes.B > 0 && ours.classes.C > 0);
    }
  });
});

describe('import - online-retail format errors name line and column', () => {
  const write = (dir: string, name: string, text: string, gz = false): string => {
    const p = join(dir, name);
    writeFileSync(p, gz ? gzipSync(text) : text);
    return p;
  };
  const rejects = async (p: string, re: RegExp): Promise<void> => {
    await assert.rejects(loadOnlineRetail(p), (e: unknown) => e instanceof ImportError && e instanceof EngineError && e.code === 'E_BAD_IMPORT' && re.test(e.message));
  };

  it('import - a missing column, a bad number, a bad date and a short row are ImportErrors', async () => {
    const dir = tempDir('retail');
    await rejects(write(dir, 'a.csv', 'InvoiceNo,StockCode,Quantity\n1,2,3\n'), /^a\.csv:1 column Description: missing column/);
    await rejects(write(dir, 'b.csv', `${HEADER}\n536365,85123A,X,six,2010-12-01 08:26:00,2.55,17850,UK\n`), /^b\.csv:2 column Quantity: not an integer/);
    await rejects(write(dir, 'c.csv', `${HEADER}\n536365,85123A,X,6,2010-12-01 08:26:00,2.55,17850,UK\n536366,1,X,6,2010-13-01 08:26:00,2.55,17850,UK\n`), /^c\.csv:3 column InvoiceDate/);
    await rejects(write(dir, 'd.csv.gz', `${HEADER}\n536365,85123A,X,6\n`, true), /^d\.csv\.gz:2: expected 8 fields/);
    await rejects(write(dir, 'e.csv', ''), /empty/);
    await rejects(join(dir, 'missing.csv'), /cannot read: ENOENT/);
  });

  it('import - quoted commas, the spreadsheet date form, float ids, and each skip reason', async () => {
    const dir = tempDir('retail');
    const p = write(dir, 'ok.csv', [
      'Country,InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID',
      'UK,536381,82567,"AIRLINE LOUNGE,METAL SIGN",2,12/1/2010 9:41,2.1,15311.0',
      'UK,C536383,35004C,X,-1,2010-12-01 09:49:00,4.65,15311',
      'UK,536414,22139,X,56,2010-12-01 11:52:00,0,',
      'UK,536415,22139,X,-3,2010-12-01 11:52:00,1,17850',
      'UK,536416,22139,X,3,2010-12-01 11:52:00,0,17850',
    ].join('\r\n'));
    const { rows, counts } = await loadOnlineRetail(p);
    assert.deepEqual(counts, { rows: 5, kept: 1, skipped: { cancelled: 1, noCustomerId: 1, nonPositiveQuantity: 1, nonPositivePrice: 1 } });
    assert.deepEqual(rows[0], {
      line: 2, invoiceNo: '536381', stockCode: '82567', description: 'AIRLINE LOUNGE,METAL SIGN', quantity: 2,
      ts: Date.UTC(2010, 11, 1, 9, 41), unitPrice: 2.1, customerId: '15311', country: 'UK',
    });
  });
});
