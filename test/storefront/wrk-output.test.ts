import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseWrkArgs } from '../../benchmarks/storefront/wrk-args.js';
import { parseWrk } from '../../benchmarks/storefront/wrk-output.js';

const SAMPLE = `Running 15s test @ http://127.0.0.1:44751/
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   706.12us  400.50us   8.27ms   92.10%
    Req/Sec    44.20k     3.10k   50.11k    71.33%
  Latency Distribution
     50%  639.00us
     75%  800.00us
     90%    1.00ms
     99%    2.10ms
  1320075 requests in 15.00s, 1.79GB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 7
Requests/sec:  88005.01
Transfer/sec:    122.45MB
`;

describe('storefront - wrk benchmark plumbing', () => {
  it('storefront - wrk output is read into numbers (units normalised to ms)', () => {
    const r = parseWrk(SAMPLE);
    assert.equal(r.requestsPerS, 88005);
    assert.deepEqual(r.latencyMs, { avg: 0.706, p50: 0.639, p75: 0.8, p90: 1, p99: 2.1, max: 8.27 });
    assert.equal(r.requests, 1320075);
    assert.equal(r.non2xx, 7);
    assert.equal(r.socketErrors, 3);
    assert.equal(r.transferPerS, '122.45MB');
    assert.throws(() => parseWrk('garbage'), /unexpected output/);
  });

  it('storefront - bench flags are validated and name the flag', () => {
    assert.equal(parseWrkArgs([]).duration, 15);
    assert.equal(parseWrkArgs(['--duration', '3', '--json']).json, true);
    assert.throws(() => parseWrkArgs(['--connections', '0']), (e: unknown) => e instanceof RangeError && /--connections/.test(e.message));
    assert.throws(() => parseWrkArgs(['--bogus']), /bogus/);
  });
});
