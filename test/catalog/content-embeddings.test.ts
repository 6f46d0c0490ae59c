import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ContentEmbedder, contentEmbeddings, demoCatalog } from '../../engine/catalog/index.js';

const products = demoCatalog({ count: 3000 });
const dim = 64;
const vectors = contentEmbeddings(products, { dim });

function cosine(i: number, j: number): number {
  let dot = 0;
  for (let k = 0; k < dim; k++) dot += vectors[i * dim + k]! * vectors[j * dim + k]!;
  return dot;
}

test('content embeddings - rows are unit length and deterministic', () => {
  assert.equal(vectors.length, products.length * dim);
  for (let i = 0; i < products.length; i += 97) assert.ok(Math.abs(cosine(i, i) - 1) < 1e-5);
  const again = contentEmbeddings(products, { dim });
  assert.deepEqual(Buffer.from(again.buffer), Buffer.from(vectors.buffer));
  const otherSeed = contentEmbeddings(products, { dim, seed: 7 });
  assert.notDeepEqual(Buffer.from(otherSeed.buffer), Buffer.from(vectors.buffer));
});

test('content embeddings - items of one category are closer than items across categories', () => {
  let same = 0;
  let sameN = 0;
  let cross = 0;
  let crossN = 0;
  // Deterministic pairs: every item against items 1..40 places further on.
  for (let i = 0; i < products.length; i++) {
    for (let d = 1; d <= 40; d++) {
      const j = (i + d * 37) % products.length;
      const s = cosine(i, j);
      if (products[i]!.category === products[j]!.category) (same += s), sameN++;
      else (cross += s), crossN++;
    }
  }
  const sameMean = same / sameN;
  const crossMean = cross / crossN;
  assert.ok(sameN > 1000, `${sameN} same-category pairs`);
  assert.ok(sameMean > crossMean + 0.2, `same-category ${sameMean.toFixed(3)} vs cross ${crossMean.toFixed(3)}`);
});

test('content embeddings - a fitted embedder embeds new products like the catalog ones', () => {
  const embedder = ContentEmbedder.fit(products, { dim });
  const row = embedder.embed(products[10]!);
  for (let k = 0; k < dim; k++) assert.ok(Math.abs(row[k]! - vectors[10 * dim + k]!) < 1e-6);
  const fresh = embedder.embed({ ...products[10]!, itemId: 'new-1', name: `${products[10]!.name} Plus` });
  let dot = 0;
  for (let k = 0; k < dim; k++) dot += fresh[k]! * row[k]!;
  assert.ok(dot > 0.8, `a near-copy is close: ${dot}`);
});

test('content embeddings - options are validated', () => {
  assert.throws(() => contentEmbeddings(products, { dim: 4 }), RangeError);
  assert.throws(() => contentEmbeddings(products, { dim: 64.5 }), TypeError);
  assert.throws(() => ContentEmbedder.fit(products).embed(products[0]!, new Float32Array(10)), RangeError);
});
