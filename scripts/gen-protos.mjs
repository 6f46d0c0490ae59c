// Regenerates protos/gen/ (static protobufjs code + TypeScript declarations) from
// protos/shop/v1/*.proto. Run after editing a .proto: `node scripts/gen-protos.mjs`.
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
