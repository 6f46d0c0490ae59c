import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DatasetError } from '../../engine/errors/index.js';
import { COLUMNS, parseSessions } from '../../eval/intent/sessions-csv.js';

const HEADER = COLUMNS.join(',');
const ROW = '0,0,0,0,2,64,0,0.1,0,0,Feb,2,2,1,2,Returning_Visitor,FALSE,FALSE';
const BUY = '3,52.5,1,10,20,800.25,0.01,0.02,38.4,0.2,June,2,1,3,4,New_Visitor,TRUE,TRUE';

function bad(text: string, line: number, column: string | undefined, message: RegExp): void {
  assert.throws(() => parseSessions(text, 'sessions.csv'), (e: unknown) => {
    assert.ok(e instanceof DatasetError, `want DatasetError, got ${String(e)}`);
    assert.equal(e.code, 'E_BAD_DATASET');
    assert.equal(e.line, line);
    assert.equal(e.column, column);
    assert.match(e.message, message);
    return true;
  });
}

test('sessions csv - parses the UCI columns, June spelt out, CRLF and a trailing newline', () => {
  const f = parseSessions(`${HEADER}\r\n${ROW}\r\n${BUY}\r\n`, 'sessions.csv');
  assert.equal(f.sessions.length, 2);
  assert.deepEqual(Array.from(f.labels), [0, 1]);
  const s = f.sessions[1];
  assert.ok(s !== undefined);
  assert.equal(s.month, 6);
  assert.equal(s.visitorType, 'New_Visitor');
  assert.equal(s.weekend, true);
  assert.equal(s.pageValues, 38.4);
  assert.equal(s.productRelatedDuration, 800.25);
});

test('sessions csv - columns in another order are read by name', () => {
  const cols = [...COLUMNS].reverse();
  const vals = ROW.split(',').reverse().join(',');
  const f = parseSessions(`${cols.join(',')}\n${vals}\n`, 'x.csv');
  assert.equal(f.sessions[0]?.productRelatedDuration, 64);
});

test('sessions csv - wrong, missing or doubled columns name the column on line 1', () => {
  bad(`${HEADER.replace('PageValues', 'PageValue')}\n${ROW}\n`, 1, 'PageValue', /unknown column/);
  bad(`${HEADER.replace(',Weekend', '')}\n${ROW}\n`, 1, 'Weekend', /missing column/);
  bad(`${HEADER},Month\n${ROW},Feb\n`, 1, 'Month', /twice/);
  bad('', 1, undefined, /empty file/);
  bad(`${HEADER}\n`, 2, undefined, /no data rows/);
});

test('sessions csv - a truncated or short row names its line', () => {
  const text = `${HEADER}\n${ROW}\n${ROW}\n${ROW.slice(0, 20)}`;
  bad(text, 4, undefined, /has \d+ fields, the header has 18 \(truncated file\?\)/);
  bad(`${HEADER}\n${ROW},1\n${ROW}\n`, 2, undefined, /has 19 fields/);
  bad(`${HEADER}\n${ROW}\n\n${ROW}\n`, 3, undefined, /blank line/);
});

test('sessions csv - non-numeric and out-of-range values name line and column', () => {
  const row = (i: number, v: string): string => ROW.split(',').map((x, j) => (j === i ? v : x)).join(',');
  bad(`${HEADER}\n${ROW}\n${row(8, 'abc')}\n`, 3, 'PageValues', /"abc" is not a number/);
  bad(`${HEADER}\n${row(0, '')}\n`, 2, 'Administrative', /"" is not a number/);
  bad(`${HEADER}\n${row(4, '2.5')}\n`, 2, 'ProductRelated', /not a whole number/);
  bad(`${HEADER}\n${row(7, '1.5')}\n`, 2, 'ExitRates', /above 1/);
  bad(`${HEADER}\n${row(1, '-3')}\n`, 2, 'Administrative_Duration', /negative/);
  bad(`${HEADER}\n${row(10, 'Fbr')}\n`, 2, 'Month', /not a month name/);
  bad(`${HEADER}\n${row(15, 'Robot')}\n`, 2, 'VisitorType', /not one of/);
  bad(`${HEADER}\n${row(17, 'yes')}\n`, 2, 'Revenue', /not TRUE or FALSE/);
});
