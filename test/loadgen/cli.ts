/** Runs loadgen as its own process, as from the CLI, and reads its --json last line. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** execFile as a promise (for runs whose failure the test inspects). */
export const run = promisify(execFile);
export const LOADGEN = fileURLToPath(new URL('../../loadgen/main.js', import.meta.url));

/** The fields of loadgen's --json line these tests read. */
export interface LoadgenJson {
  events_per_s: number;
  ack_ms: { p50: number; p99: number };
  push_ms: { p50: number; p95: number; p99: number; max: number };
  errors: number;
  lost: number | null;
  protocol: string;
  connected: number;
  sent: number;
  acked: number;
  pushes: number;
  push_missing: number;
  cart_mismatch: number | null;
  unverified: number | null;
  errors_by_code: Record<string, number>;
}

export async function runLoadgen(args: string[], env?: NodeJS.ProcessEnv): Promise<{ stdout: string; json: LoadgenJson }> {
  const { stdout } = await run(process.execPath, [LOADGEN, ...args, '--json', '--quiet'], { timeout: 120_000, maxBuffer: 1 << 22, env: env ?? process.env });
  const lines = stdout.trim().split('\n');
  return { stdout, json: JSON.parse(lines[lines.length - 1]!) as LoadgenJson };
}
