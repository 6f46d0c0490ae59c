import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ActorCache } from '../../engine/shards/worker/actor-cache.js';

describe('runtime - actor cache', () => {
  const make = (cap: number, store = new Map<string, number>()) =>
    new ActorCache<{ n: number }>({ cap, idleMs: 1000, load: (id) => (store.has(id) ? { n: store.get(id)! } : undefined), create: () => ({ n: 0 }) });

  it('runtime - evicts least recently used clean actors over the cap, never dirty ones', () => {
    const c = make(2);
    c.get('a');
    c.get('b');
    c.markDirty('a');
    c.get('c');
    c.enforceCap();
    assert.equal(c.size, 2);
    assert.ok(c.peek('a'), 'dirty actor kept');
    assert.equal(c.peek('b'), undefined, 'LRU clean actor evicted');
    assert.deepEqual(c.takeDirty().map(([id]) => id), ['a']);
  });

  it('runtime - a passivated actor is reactivated from its stored state', () => {
    const store = new Map([['a', 41]]);
    const c = make(1, store);
    c.get('a').n++;
    store.set('a', c.peek('a')!.n);
    c.get('b');
    c.enforceCap();
    assert.equal(c.peek('a'), undefined);
    assert.equal(c.get('a').n, 42);
    assert.equal(c.activations, 3);
  });

  it('runtime - idle actors are passivated by sweep', () => {
    const c = make(10);
    c.get('a', 0);
    c.get('b', 900);
    c.sweep(1500);
    assert.equal(c.peek('a'), undefined);
    assert.ok(c.peek('b'));
  });

  it('runtime - options are validated', () => {
    assert.throws(() => make(0), /cap/);
  });
});
