/** Placeholder until engine/index lands: no ANN index (recommendations fall back to trending). */
import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import type { Logger } from '../observability/index.js';

export async function setupIndex(_catalog: Catalog, fingerprint: string, dataDir: string, _log: Logger): Promise<string> {
  return join(dataDir, 'index', fingerprint);
}
