import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sessionVector, trainItemEmbeddings } from '../../actors/recommend/index.js';
import type { ItemEmbeddings } from '../../actors/recommend/index.js';

function cosine(e: ItemEmbeddings, a: string, b: string): number {
  const i = e.ids.indexOf(a);
  const j = e.ids.indexOf(b);
  let dot = 0;
  for (let d = 0; d < e.dim; d++) dot += e.vectors[i * e.dim + d]! * e.vectors[j * e.dim + d]!;
  return dot;
}

// two worlds that never meet: shoes and books
const SESSIONS: string[][] = [];
for (let i = 0; i < 300; i++) {
  SESSIONS.push(['shoe1', 'shoe2', 'shoe3', 'shoe4'].slice(i % 2, 4));
  SESSIONS.push(['book1', 'book2', 'book3', 'book4'].slice(0, 2 + (i % 3)));
}

test('item2vec - items of the same sessions end up closer than items that never meet', () => {
  const e = trainItemEmbeddings(SESSIONS, { dim: 16, epochs: 3 });
  assert.equal(e.vectors.length, e.ids.length * 16);
  assert.ok(cosine(e, 'shoe1', 'shoe3') > cosine(e, 'shoe1', 'book1') + 0.3, `${cosine(e, 'shoe1', 'shoe3')} vs ${cosine(e, 'shoe1', 'book1')}`);
  assert.ok(cosine(e, 'book2', 'book3') > cosine(e, 'book2', 'shoe2') + 0.3);
});

test('item2vec - deterministic for a seed, and rare items are left out', () => {
  const s = [...SESSIONS, ['once', 'shoe1']];
  const a = trainItemEmbeddings(s, { dim: 8, epochs: 1, seed: 3 });
  const b = trainItemEmbeddings(s, { dim: 8, epochs: 1, seed: 3 });
  assert.deepEqual(a.vectors, b.vectors);
  assert.ok(!a.ids.includes('once'));
});

test('item2vec - session vector follows the latest items; bad options are refused', () => {
  const e = trainItemEmbeddings(SESSIONS, { dim: 16, epochs: 3 });
  const index = new Map(e.ids.map((id, i) => [id, i]));
  const v = sessionVector(e, index, ['book1', 'shoe1', 'shoe2']);
  assert.ok(v !== undefined);
  const dot = (id: string): number => {
    const r = index.get(id) as number;
    let x = 0;
    for (let d = 0; d < e.dim; d++) x += v[d]! * e.vectors[r * e.dim + d]!;
    return x;
  };
  assert.ok(dot('shoe3') > dot('book3'));
  assert.equal(sessionVector(e, index, ['unknown']), undefined);
  assert.throws(() => trainItemEmbeddings(SESSIONS, { dim: 0 }), /dim/);
  assert.throws(() => trainItemEmbeddings(SESSIONS, { learningRate: 2 }), /learningRate/);
});
