// tsc compiles .ts only; the generated protobuf code (.js) is copied beside its output.
import { cpSync, mkdirSync } from 'node:fs';
mkdirSync('dist/protos/gen', { recursive: true });
cpSync('protos/gen/events.js', 'dist/protos/gen/events.js');
