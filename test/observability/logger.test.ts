import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from '../../engine/observability/index.js';
import { EngineError } from '../../engine/errors/index.js';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({ write(c, _e, cb) { chunks.push(String(c)); cb(); } });
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('logger (pino)', () => {
  it('writes one JSON object per line with level, time, component and fields', () => {
    const c = capture();
    const log = createLogger('info', 'engine', { destination: c.stream, pretty: false });
    log.info('gateway listening', { port: 8080 });
    log.debug('not shown at info');
    log.child('grpc').warn('slow call', { ms: 12 });
    const [a, b, more] = c.lines();
    assert.equal(more, undefined, 'debug is below the level');
    assert.equal(a!['msg'], 'gateway listening');
    assert.equal(a!['level'], 'info');
    assert.equal(a!['component'], 'engine');
    assert.equal(a!['port'], 8080);
    assert.ok(!Number.isNaN(Date.parse(String(a!['time']))), 'ISO time');
    assert.equal(b!['component'], 'engine.grpc');
    assert.equal(b!['level'], 'warn');
  });

  it('redacts tokens, keys and passwords, at the top level and nested', () => {
    const c = capture();
    const log = createLogger('debug', 'engine', { destination: c.stream, pretty: false });
    log.info('auth', { token: 'eyJhbGciOi.secret', apiKey: 'sk-live-1', req: { authorization: 'Bearer abc', path: '/api' }, nats: { password: 'p4ss' } });
    const text = JSON.stringify(c.lines());
    for (const secret of ['eyJhbGciOi.secret', 'sk-live-1', 'Bearer abc', 'p4ss']) assert.ok(!text.includes(secret), `${secret} must not be logged`);
    assert.ok(text.includes('/api'), 'other fields stay');
  });

  it('keeps an error\'s message, code and cause', () => {
    const c = capture();
    const log = createLogger('info', 'engine', { destination: c.stream, pretty: false });
    log.error('request failed', { err: new EngineError('E_STORAGE_FULL', 'disk full', { cause: new Error('ENOSPC') }) });
    const err = c.lines()[0]!['err'] as Record<string, unknown>;
    assert.match(String(err['message']), /^disk full/);
    assert.equal(err['code'], 'E_STORAGE_FULL');
    assert.equal((err['cause'] as Record<string, unknown>)['message'], 'ENOSPC');
  });
});
