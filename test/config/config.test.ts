import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_PARTITIONS, DEFAULT_PORT, loadConfig } from '../../engine/config/index.js';
import { ConfigError } from '../../engine/errors/index.js';
import { SessionTokens } from '../../engine/services/index.js';

describe('config - environment', () => {
  it('config - defaults when nothing is set: embedded NATS, demo catalog, port 8080', () => {
    const c = loadConfig({});
    assert.equal(c.natsUrl, undefined);
    assert.equal(c.catalog, undefined);
    assert.equal(c.port, DEFAULT_PORT);
    assert.equal(c.partitions, DEFAULT_PARTITIONS);
    assert.ok(c.shards >= 1);
  });

  it('config - bad values are rejected naming the variable', () => {
    for (const [k, v] of [['PORT', 'eighty'], ['PORT', '70000'], ['SHARDS', '0'], ['NATS_URL', 'not a url'], ['ALLOW_UWS_FALLBACK', 'maybe'], ['SESSION_SECRET', 'short'], ['LOG_LEVEL', 'loud']]) {
      assert.throws(() => loadConfig({ [k!]: v }), (e: unknown) => e instanceof ConfigError && e.code === 'E_BAD_CONFIG' && e.message.startsWith(k!), `${k}=${v}`);
    }
  });
});

describe('config - SEGMENT_RULES', () => {
  it('config - a rule file is read and checked; a bad one stops start-up naming the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seg-rules-'));
    try {
      const good = join(dir, 'good.json');
      writeFileSync(good, JSON.stringify([{ name: 'Best', r: [4, 5], fm: [4, 5] }, { name: 'Everyone else', r: [1, 5], fm: [1, 5] }]));
      assert.deepEqual(loadConfig({ SEGMENT_RULES: good }).segmentRules?.map((r) => r.name), ['Best', 'Everyone else']);
      assert.equal(loadConfig({}).segmentRules, undefined);
      const cases: Array<[string, string, RegExp]> = [
        ['gap.json', JSON.stringify([{ name: 'Best', r: [4, 5], fm: [4, 5] }]), /R=1 FM=1 without a segment/],
        ['dup.json', JSON.stringify([{ name: 'A', r: [1, 5], fm: [1, 5] }, { name: 'A', r: [1, 1], fm: [1, 1] }]), /duplicate name/],
        ['range.json', JSON.stringify([{ name: 'A', r: [0, 5], fm: [1, 5] }]), /1 <= min <= max <= 5/],
        ['notjson.json', '{', /cannot read .* as JSON/],
      ];
      for (const [file, text, why] of cases) {
        writeFileSync(join(dir, file), text);
        assert.throws(() => loadConfig({ SEGMENT_RULES: join(dir, file) }), (e: unknown) => e instanceof ConfigError && e.message.startsWith('SEGMENT_RULES') && why.test(e.message), file);
      }
      assert.throws(() => loadConfig({ SEGMENT_RULES: join(dir, 'missing.json') }), /SEGMENT_RULES/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('services - session tokens', () => {
  const t = new SessionTokens('0123456789abcdef0123', 60);
  it('services - a token verifies to its user until it expires', () => {
    const { token } = t.issue('u-abcdef012345', 1_000_000);
    assert.equal(t.verify(token, 1_000_000), 'u-abcdef012345');
    assert.throws(() => t.verify(token, 1_000_000 + 61_000), { code: 'E_TOKEN_EXPIRED' });
  });
  it('services - a tampered token is rejected', () => {
    const { token } = t.issue('u-abcdef012345');
    const [v, , exp, sig] = token.split('.');
    assert.throws(() => t.verify(`${v}.u-attacker0000.${exp}.${sig}`), { code: 'E_BAD_TOKEN' });
    assert.throws(() => t.verify(`${v}.u-abcdef012345.${Number(exp) + 1000}.${sig}`), { code: 'E_BAD_TOKEN' });
    assert.throws(() => t.verify('x'.repeat(1000)), { code: 'E_BAD_TOKEN' });
  });
});
