/**
 * Assignment is a pure function of (experiment, phase, user): stable, near the
 * configured weights over many users, re-drawn when a new phase starts. Definitions
 * fold into the registry with phases (weights changed -> phase + 1) that survive a snapshot.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assign, bucketOf, fnv1a32, parseExperiment } from '../../actors/experiments/index.js';
import { DefinitionRegistry } from '../../actors/definitions/registry.js';
import { srmTest } from '../../engine/analytics/experiments/stats.js';
import { EngineError } from '../../engine/errors/index.js';

const def = (version: number, weights: [number, number]) => ({
  id: '', userId: '', kind: 'definition' as const, ts: 1000 + version, defKind: 'experiment', defId: 'rank_test', defVersion: version,
  payload: JSON.stringify({ id: 'rank_test', metric: 'conversion', variants: [{ name: 'control', weight: weights[0], config: {} }, { name: 'knn', weight: weights[1], config: { fusionMode: 0, adShare: 0.1 } }] }),
});

describe('experiment assignment', () => {
  it('FNV-1a 32 matches the published test vectors', () => {
    // From the FNV reference (isthe.com/chongo/tech/comp/fnv): "" -> 0x811c9dc5, "a" -> 0xe40c292c, "foobar" -> 0xbf9cf968
    assert.equal(fnv1a32(''), 0x811c9dc5);
    assert.equal(fnv1a32('a'), 0xe40c292c);
    assert.equal(fnv1a32('foobar'), 0xbf9cf968);
  });

  it('is deterministic, follows the weights, and re-draws per phase', () => {
    const e = { id: 'rank_test', phase: 1, variants: [{ name: 'a', weight: 9, config: {} }, { name: 'b', weight: 1, config: {} }] };
    const counts = [0, 0];
    let moved = 0;
    for (let i = 0; i < 50_000; i++) {
      const u = `u${i}`;
      const v = assign(e, u);
      assert.equal(assign(e, u).name, v.name);
      counts[v.name === 'a' ? 0 : 1]!++;
      if (bucketOf('rank_test', 1, u) !== bucketOf('rank_test', 2, u)) moved++;
    }
    // A healthy split passes the SRM check against its own weights.
    assert.equal(srmTest(counts, [9, 1]).flagged, false, `counts ${counts}`);
    assert.ok(moved > 49_000, `phase 2 re-draws buckets: ${moved}`);
  });

  it('refuses bad definitions with the field named', () => {
    assert.throws(() => parseExperiment({ id: 'x', metric: 'conversion', variants: [{ name: 'a', weight: 1, config: { rankingMagic: 1 } }, { name: 'b', weight: 1, config: {} }] }),
      (err: unknown) => err instanceof EngineError && err.code === 'E_BAD_REQUEST' && /variants\[0\]\.config\.rankingMagic/.test(err.message));
    assert.throws(() => parseExperiment({ id: 'x', metric: 'clicks', variants: [{ name: 'a', weight: 1, config: {} }, { name: 'b', weight: 1, config: {} }] }), /metric/);
    assert.throws(() => parseExperiment({ id: 'x', metric: 'conversion', variants: [{ name: 'a', weight: 1, config: {} }] }), /variants/);
    assert.throws(() => parseExperiment({ id: 'x', metric: 'conversion', variants: [{ name: 'a', weight: 1, config: { adShare: 2 } }, { name: 'b', weight: 1, config: {} }] }), /adShare/);
  });

  it('registry: versions, phases on weight changes, stale ignored, corrupt refused, snapshot keeps the phase', () => {
    const r = new DefinitionRegistry();
    assert.equal(r.apply(def(1, [1, 1]), 10), 'applied');
    assert.equal(r.experiments.get('rank_test')?.phase, 1);
    assert.equal(r.apply(def(2, [1, 1]), 11), 'applied');
    assert.equal(r.experiments.get('rank_test')?.phase, 1, 'same weights: same phase');
    assert.equal(r.apply(def(3, [9, 1]), 12), 'applied');
    assert.equal(r.experiments.get('rank_test')?.phase, 2, 'weights changed: new phase');
    assert.equal(r.apply(def(2, [1, 1]), 13), 'stale');
    assert.equal(r.apply({ ...def(4, [1, 1]), payload: '{not json' }, 14), 'refused');
    assert.equal(r.experiments.get('rank_test')?.version, 3);
    assert.equal(r.experiments.get('rank_test')?.variants[1]?.config.adShare, 0.1);
    const back = DefinitionRegistry.fromSnapshot(JSON.parse(JSON.stringify(r.toSnapshot())));
    assert.equal(back.experiments.get('rank_test')?.phase, 2);
    assert.equal(back.experiments.get('rank_test')?.version, 3);
  });
});
