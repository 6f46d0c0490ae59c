// Regenerates protos/gen/ from protos/shop/v1/*.proto: static protobufjs code + declarations
// for the log's events, and grpc-js types for the Engine service. Run after editing a .proto: `node scripts/gen-protos.mjs`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
mkdirSync('protos/gen', { recursive: true });
const out = 'protos/gen/events.js';
execFileSync(bin('pbjs'), ['-t', 'static-module', '-w', 'es6', '--no-verify', '--no-delimited', '--no-convert',
  '--force-number', '-o', out, 'protos/shop/v1/events.proto'], { stdio: 'inherit' });
// Node's ESM loader needs the file extension: protobufjs has no exports map.
writeFileSync(out, readFileSync(out, 'utf8').replace('import * as $protobuf from "protobufjs/minimal"', 'import $protobuf from "protobufjs/minimal.js"'));
execFileSync(bin('pbts'), ['-o', 'protos/gen/events.d.ts', out], { stdio: 'inherit' });
// gRPC service types (engine.proto) for @grpc/grpc-js, checked by test/grpc: regenerate, never edit.
execFileSync(bin('proto-loader-gen-types'), ['--keepCase=false', '--longs=Number', '--enums=String', '--defaults', '--oneofs',
  '--includeComments', '--grpcLib=@grpc/grpc-js', '--importFileExtension=.js', '-I', 'protos', '-O', 'protos/gen/engine',
  'shop/v1/engine.proto'], { stdio: 'inherit' });
