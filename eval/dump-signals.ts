/**
 * `--dump-signals FILE`: after learning the training sessions, writes for each
 * case the best DUMP_CANDIDATES candidates' raw signal scores and where the
 * next click is among them, for eval/fit-fusion.ts. Only with --validate: the
 * fusion weights must never be fitted on a test set.
 *
 * File format (little-endian): per case int32 m, int32 target index (-1 when
 * not among the m), DUMP_CONTEXT float64 (the query context), then
 * m x DUMP_SIGNALS float32 (RAW_VALUES per candidate).
 */
import { writeFileSync } from 'node:fs';
import { CONTEXT_VALUES, RAW_VALUES } from '../actors/recommend/index.js';
import type { TestCase } from './dataset.js';
import type { ModelRanker } from './model-ranker.js';

export const DUMP_CANDIDATES = 100;
export const DUMP_SIGNALS = RAW_VALUES;
export const DUMP_CONTEXT = CONTEXT_VALUES;
const HEADER = 8 + 8 * DUMP_CONTEXT;

export function dumpSignals(r: ModelRanker, train: readonly string[][], cases: readonly TestCase[], file: string): void {
  for (const s of train) r.learnSession(s);
  const chunks: Buffer[] = [];
  for (const c of cases) {
    const { items, raw, ctx } = r.model.candidateSignals({ items: r.toItems(c.prefix), k: 20 }, DUMP_CANDIDATES);
    const m = items.length;
    const b = Buffer.alloc(HEADER + m * DUMP_SIGNALS * 4);
    b.writeInt32LE(m, 0);
    b.writeInt32LE(items.indexOf(c.target), 4);
    for (let j = 0; j < DUMP_CONTEXT; j++) b.writeDoubleLE(ctx[j]!, 8 + 8 * j);
    for (let j = 0; j < m * DUMP_SIGNALS; j++) b.writeFloatLE(raw[j]!, HEADER + 4 * j);
    chunks.push(b);
  }
  writeFileSync(file, Buffer.concat(chunks));
}
