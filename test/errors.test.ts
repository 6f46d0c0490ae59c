import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EngineError, ERROR_CODES, toEngineError } from '../engine/errors/index.js';

const doc = readFileSync(fileURLToPath(new URL('../../docs/errors.md', import.meta.url)), 'utf8');

describe('errors - codes', () => {
  it('errors - docs/errors.md lists exactly the codes in engine/errors, with the same HTTP status', () => {
    const rows = [...doc.matchAll(/^\| `(E_[A-Z_]+)` \| (\d+) \|/gm)].map((m) => [m[1]!, Number(m[2])] as const);
    assert.deepEqual(rows.map(([c]) => c).sort(), Object.keys(ERROR_CODES).sort());
    for (const [code, http] of rows) assert.equal(http, ERROR_CODES[code as keyof typeof ERROR_CODES].http, code);
  });

  it('errors - anything thrown becomes an E_INTERNAL EngineError that keeps the cause', () => {
    const cause = new Error('boom');
    const e = toEngineError(cause);
    assert.equal(e.code, 'E_INTERNAL');
    assert.equal(e.cause, cause);
    const typed = new EngineError('E_TIMEOUT', 'slow');
    assert.equal(toEngineError(typed), typed);
    assert.deepEqual(typed.toJSON(), { code: 'E_TIMEOUT', message: 'slow' });
  });
});
