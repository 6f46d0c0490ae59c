/**
 * Loads protos/shop/v1/engine.proto (which imports the log's events.proto) with the
 * same proto-loader options that generated the TypeScript types in
 * protos/gen/engine/, so the objects handlers see match those types exactly.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as protoLoader from '@grpc/proto-loader';
import type { ProtoGrpcType } from '../../protos/gen/engine/engine.js';

/** Keep in sync with the proto-loader-gen-types flags in engine/grpc/README.md. */
export const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
};

export const ENGINE_PROTO = 'shop/v1/engine.proto';
export const ENGINE_SERVICE = 'shop.v1.Engine';
export const ANALYTICS_SERVICE = 'shop.v1.Analytics';

/**
 * The protos/ folder: beside the sources (engine/grpc -> ../../protos) or beside the
 * compiled output (dist/engine/grpc -> ../../../protos).
 */
export function protosDir(): string {
  for (const rel of ['../../protos/', '../../../protos/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}${ENGINE_PROTO}`)) return dir;
  }
  throw new Error(`cannot find ${ENGINE_PROTO} next to ${fileURLToPath(import.meta.url)} (looked in ../../protos and ../../../protos)`);
}

export interface LoadedEngineProto {
  packageDefinition: protoLoader.PackageDefinition;
  /** The `shop.v1.Engine` service definition, typed from the generated code. */
  service: ProtoGrpcType['shop']['v1']['Engine']['service'];
  /** `shop.v1.Analytics`. */
  analytics: ProtoGrpcType['shop']['v1']['Analytics']['service'];
}

export function loadEngineProto(dir = protosDir()): LoadedEngineProto {
  const packageDefinition = protoLoader.loadSync(ENGINE_PROTO, { ...LOADER_OPTIONS, includeDirs: [dir] });
  const service = packageDefinition[ENGINE_SERVICE] as unknown as LoadedEngineProto['service'];
  const analytics = packageDefinition[ANALYTICS_SERVICE] as unknown as LoadedEngineProto['analytics'];
  return { packageDefinition, service, analytics };
}
