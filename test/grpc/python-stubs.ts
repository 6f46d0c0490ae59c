/**
 * Python stubs for the interop test, generated at test time with Debian's
 * grpc_tools.protoc from the very .proto files the server loads: the Engine API,
 * grpc.health.v1, server reflection v1, and the two google.rpc messages the error
 * details use (written here: Debian ships no google/rpc protos).
 */
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { protosDir } from '../../engine/grpc/index.js';

/** Debian's python3 (the one python3-grpcio installs into); INTEROP_PYTHON overrides it. */
export const PYTHON = process.env['INTEROP_PYTHON'] ?? '/usr/bin/python3';
const run = promisify(execFile);

/** Why the interop test cannot run here, or undefined when it can. */
export function pythonGrpcMissing(): string | undefined {
  const r = spawnSync(PYTHON, ['-c', 'import grpc, grpc_tools.protoc'], { encoding: 'utf8' });
  if (r.error) return `${PYTHON} not found: install python3 (apt-get install -y python3 python3-grpcio python3-grpc-tools)`;
  if (r.status !== 0) return `python3-grpcio / python3-grpc-tools missing (apt-get install -y python3-grpcio python3-grpc-tools): ${r.stderr.trim().split('\n').pop()}`;
  return undefined;
}

const GOOGLE_RPC_STATUS = `syntax = "proto3";
package google.rpc;
import "google/protobuf/any.proto";
message Status { int32 code = 1; string message = 2; repeated google.protobuf.Any details = 3; }
`;
const GOOGLE_RPC_ERROR_DETAILS = `syntax = "proto3";
package google.rpc;
message ErrorInfo { string reason = 1; string domain = 2; map<string, string> metadata = 3; }
message BadRequest {
  message FieldViolation { string field = 1; string description = 2; }
  repeated FieldViolation field_violations = 1;
}
`;

export async function generatePythonStubs(outDir: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const healthProto = join(dirname(require.resolve('grpc-health-check/package.json')), 'proto/health/v1/health.proto');
  const reflectionProto = join(dirname(require.resolve('@grpc/reflection/package.json')), 'build/proto/grpc/reflection/v1/reflection.proto');
  const src = join(outDir, 'proto');
  // Copied under other paths: a Python module named grpc.* would shadow grpcio itself.
  for (const [file, text] of [['google/rpc/status.proto', GOOGLE_RPC_STATUS], ['google/rpc/error_details.proto', GOOGLE_RPC_ERROR_DETAILS]] as const) {
    mkdirSync(dirname(join(src, file)), { recursive: true });
    writeFileSync(join(src, file), text);
  }
  for (const [from, to] of [[healthProto, 'health/v1/health.proto'], [reflectionProto, 'reflection/v1/reflection.proto']] as const) {
    mkdirSync(dirname(join(src, to)), { recursive: true });
    copyFileSync(from, join(src, to));
  }
  const { stdout } = await run(PYTHON, ['-c', 'import grpc_tools, os; print(os.path.join(os.path.dirname(grpc_tools.__file__), "_proto"))']);
  const wellKnown = stdout.trim();
  await run(PYTHON, [
    '-m', 'grpc_tools.protoc', `-I${protosDir()}`, `-I${src}`, `-I${wellKnown}`,
    `--python_out=${outDir}`, `--grpc_python_out=${outDir}`,
    'shop/v1/events.proto', 'shop/v1/engine.proto', 'google/rpc/status.proto', 'google/rpc/error_details.proto',
    'health/v1/health.proto', 'reflection/v1/reflection.proto',
  ]);
}
