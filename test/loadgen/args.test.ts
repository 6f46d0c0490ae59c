import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FlagError, parseLoadgenArgs, PROTOCOLS, SCENARIOS } from '../../loadgen/index.js';

const run = promisify(execFile);
const LOADGEN = fileURLToPath(new URL('../../loadgen/main.js', import.meta.url));

/** No $API_KEY and no engine data dir: the gRPC key can only come from the flags. */
const NO_ENV = { DATA_DIR: '/nonexistent-loadgen-args' };

function flagError(argv: string[], flag: string, pattern: RegExp, env: Record<string, string> = NO_ENV): void {
  assert.throws(() => parseLoadgenArgs(argv, 2, env), (err: unknown) => {
    assert.ok(err instanceof FlagError, String(err));
    assert.equal(err.code, 'E_BAD_FLAG');
    assert.equal(err.flag, flag);
    assert.match(err.message, pattern);
    return true;
  });
}

describe('loadgen - command-line flags', () => {
  it('loadgen - defaults are the documented ones', () => {
    const o = parseLoadgenArgs([], 2)!;
    assert.equal(o.url, 'http://127.0.0.1:8080');
    assert.equal(o.shoppers, 100);
    assert.equal(o.rate, 100);
    assert.equal(o.durationS, 30);
    assert.equal(o.scenario, 'browse');
    assert.equal(o.workers, 1);
    assert.equal(o.json, false);
    assert.equal(o.protocol, 'ws');
    assert.equal(o.apiKey, undefined);
  });

  it('loadgen - typed values are parsed and workers scale with shoppers up to the cores', () => {
    const o = parseLoadgenArgs(['--url', 'http://h:1/', '--shoppers', '10000', '--rate', '2500.5', '--duration', '0.5', '--scenario', 'replay', '--json'], 2)!;
    assert.equal(o.url, 'http://h:1');
    assert.equal(o.shoppers, 10000);
    assert.equal(o.rate, 2500.5);
    assert.equal(o.durationS, 0.5);
    assert.equal(o.scenario, 'replay');
    assert.equal(o.workers, 2);
    assert.equal(o.json, true);
    assert.equal(parseLoadgenArgs(['--shoppers', '10000', '--workers', '3'], 2)!.workers, 3);
  });

  it('loadgen - bad values name the flag', () => {
    flagError(['--shoppers', 'many'], 'shoppers', /expected a number/);
    flagError(['--shoppers', '1.5'], 'shoppers', /integer/);
    flagError(['--shoppers', '0'], 'shoppers', /between 1 and/);
    flagError(['--rate=-5'], 'rate', /between/);
    flagError(['--rate', '-5'], 'rate', /ambiguous/);
    flagError(['--duration', ''], 'duration', /expected a number/);
    flagError(['--scenario', 'shop'], 'scenario', new RegExp(`expected one of ${Object.keys(SCENARIOS).join(', ')}`));
    flagError(['--url', 'ftp://x'], 'url', /http/);
    flagError(['--url', 'not a url'], 'url', /expected an http/);
    flagError(['--shoppers', '2', '--workers', '3'], 'workers', /at least one shopper/);
    flagError(['--bogus'], 'bogus', /Unknown option/);
    flagError(['--rate'], 'rate', /argument missing/);
  });

  it('loadgen - gRPC flags: address, key from the flag, the engine data dir or the environment, channels', () => {
    const o = parseLoadgenArgs(['--protocol', 'grpc', '--grpc-url', 'engine.internal:50051', '--api-key', 'k-0123456789abcdef', '--grpc-channels', '8'], 2, NO_ENV)!;
    assert.equal(o.protocol, 'grpc');
    assert.equal(o.grpcTarget, 'engine.internal:50051');
    assert.equal(o.apiKey, 'k-0123456789abcdef');
    assert.equal(o.apiKeySource, '--api-key');
    assert.equal(o.grpcChannels, 8);
    const dir = join(tmpdir(), `loadgen-args-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'api-key'), 'from-file-0123456789abcdef\n');
    const d = parseLoadgenArgs(['--protocol', 'grpc', '--engine-data', dir], 2, NO_ENV)!;
    assert.equal(d.grpcTarget, '127.0.0.1:50051');
    assert.equal(d.grpcChannels, 4);
    assert.equal(d.apiKey, 'from-file-0123456789abcdef');
    assert.equal(d.apiKeySource, join(dir, 'api-key'));
    assert.equal(parseLoadgenArgs(['--protocol', 'grpc'], 2, { API_KEY: 'env-key-0123456789abcdef' })!.apiKey, 'env-key-0123456789abcdef');
    assert.equal(parseLoadgenArgs(['--protocol', 'grpc'], 2, { DATA_DIR: dir })!.apiKey, 'from-file-0123456789abcdef', "the engine's DATA_DIR, as the engine looks");
    assert.equal(parseLoadgenArgs(['--protocol', 'grpc', '--grpc-url', '[::1]:7'], 2, { API_KEY: 'x-0123456789abcdef' })!.grpcTarget, '[::1]:7');
  });

  it('loadgen - bad gRPC flags name the flag', () => {
    const key = ['--api-key', 'k-0123456789abcdef'];
    flagError(['--protocol', 'http2'], 'protocol', new RegExp(`expected one of ${Object.keys(PROTOCOLS).join(', ')}`));
    flagError(['--protocol', 'grpc'], 'api-key', /needs the engine's API key: pass --api-key KEY, or --engine-data DIR/);
    flagError(['--protocol', 'grpc', '--engine-data', '/nonexistent-engine-data'], 'engine-data', /cannot read \/nonexistent-engine-data\/api-key \(ENOENT\)/);
    flagError(['--protocol', 'grpc', '--api-key', 'has space'], 'api-key', /printable ASCII/);
    flagError(['--protocol', 'grpc', '--api-key', ''], 'api-key', /empty/);
    flagError(['--protocol', 'grpc', ...key, '--grpc-url', 'grpc://h:1'], 'grpc-url', /without a scheme/);
    flagError(['--protocol', 'grpc', ...key, '--grpc-url', 'localhost'], 'grpc-url', /expected HOST:PORT/);
    flagError(['--protocol', 'grpc', ...key, '--grpc-url', 'h:70000'], 'grpc-url', /between 1 and 65535/);
    flagError(['--protocol', 'grpc', ...key, '--grpc-channels', '0'], 'grpc-channels', /between 1 and 64/);
    flagError(['--protocol', 'grpc', ...key, '--url', 'http://h:1'], 'url', /talks only to --grpc-url/);
    flagError(['--grpc-url', 'h:1'], 'grpc-url', /only applies with --protocol grpc/);
    flagError([...key], 'api-key', /only applies with --protocol grpc/);
    flagError(['--grpc-channels', '2'], 'grpc-channels', /only applies with --protocol grpc/);
  });

  it('loadgen - the CLI exits 2 with the flag and the usage on stderr', async () => {
    await assert.rejects(run(process.execPath, [LOADGEN, '--rate', 'fast']), (err: { code: number; stderr: string }) => {
      assert.equal(err.code, 2);
      assert.match(err.stderr, /--rate: expected a number, got "fast" \[E_BAD_FLAG\]/);
      assert.match(err.stderr, /Usage: npm run loadgen/);
      return true;
    });
    await assert.rejects(run(process.execPath, [LOADGEN, '--protocol', 'grpc'], { env: { ...process.env, API_KEY: '', ...NO_ENV } }), (err: { code: number; stderr: string }) => {
      assert.equal(err.code, 2);
      assert.match(err.stderr, /--api-key: --protocol grpc needs the engine's API key.*\[E_BAD_FLAG\]/);
      return true;
    });
    const help = await run(process.execPath, [LOADGEN, '--help']);
    assert.match(help.stdout, /--scenario NAME/);
    assert.match(help.stdout, /--protocol P/);
  });
});
