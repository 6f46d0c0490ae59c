import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProgress } from '../../engine/observability/index.js';

describe('progress', () => {
  it('progress - without a terminal: a line per 10% and one at the end, with counts and rate', () => {
    const lines: Array<{ text: string; pct: number; done: number }> = [];
    const p = createProgress('import', 1000, { tty: false, unit: 'rows', line: (text, f) => lines.push({ text, pct: f.pct, done: f.done }) });
    for (let i = 1; i <= 1000; i++) p.update(i);
    p.stop();
    p.stop();
    assert.deepEqual(lines.map((l) => l.pct), [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    assert.match(lines.at(-1)!.text, /^import: 100% \(1,000\/1,000 rows, [\d,]+\/s, \d+\.\d s\)$/);
  });

  it('progress - a total learnt late (bytes of a gzip) and work that stops early are reported truthfully', () => {
    const lines: number[] = [];
    const p = createProgress('read', 0, { tty: false, line: (_t, f) => lines.push(f.pct) });
    p.update(50, 200);
    p.update(100, 200);
    p.stop();
    assert.deepEqual(lines, [25, 50, 50], 'the final line says 50%, not 100%');
  });
});
