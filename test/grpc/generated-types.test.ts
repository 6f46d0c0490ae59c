/**
 * The TypeScript types in protos/gen/engine/ are generated from the .proto files,
 * never edited: regenerating them with the documented command (engine/grpc/README.md)
 * must give the committed files, byte for byte.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { tempDir } from '../kit/index.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const GEN = join(ROOT, 'protos/gen/engine');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('grpc - generated types', () => {
  it('grpc - protos/gen/engine matches what proto-loader-gen-types makes from engine.proto', async () => {
    const out = tempDir('gen');
    await promisify(execFile)(join(ROOT, 'node_modules/.bin/proto-loader-gen-types'), [
      '--keepCase=false', '--longs=Number', '--enums=String', '--defaults', '--oneofs', '--includeComments',
      '--grpcLib=@grpc/grpc-js', '--importFileExtension=.js', '-I', 'protos', '-O', out, 'shop/v1/engine.proto',
    ], { cwd: ROOT });
    const fresh = files(out).map((f) => relative(out, f)).sort();
    const committed = files(GEN).map((f) => relative(GEN, f)).sort();
    assert.deepEqual(committed, fresh, 'the same files');
    for (const f of fresh) assert.equal(readFileSync(join(GEN, f), 'utf8'), readFileSync(join(out, f), 'utf8'), `${f} is stale: regenerate (engine/grpc/README.md)`);
  });
});
