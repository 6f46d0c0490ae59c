import assert from 'node:assert/strict';
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
