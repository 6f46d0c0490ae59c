import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { FlagError, parseLoadgenArgs, SCENARIOS } from '../../loadgen/index.js';

const run = promisify(execFile);
const LOADGEN = fileURLToPath(new URL('../../loadgen/main.js', import.meta.url));

function flagError(argv: string[], flag: string, pattern: RegExp): void {
  assert.throws(() => parseLoadgenArgs(argv, 2), (err: unknown) => {
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

  it('loadgen - the CLI exits 2 with the flag and the usage on stderr', async () => {
    await assert.rejects(run(process.execPath, [LOADGEN, '--rate', 'fast']), (err: { code: number; stderr: string }) => {
      assert.equal(err.code, 2);
      assert.match(err.stderr, /--rate: expected a number, got "fast" \[E_BAD_FLAG\]/);
      assert.match(err.stderr, /Usage: npm run loadgen/);
      return true;
    });
    const help = await run(process.execPath, [LOADGEN, '--help']);
    assert.match(help.stdout, /--scenario NAME/);
  });
});
