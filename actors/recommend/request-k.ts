/**
 * How many recommendations one request may ask for: the one rule the HTTP API,
 * gRPC and the shard answering the ask all use. (The session model itself allows
 * up to MAX_K; requests are held to less so one caller cannot make a recompute slow.)
 */
export const RECOMMEND_K: Readonly<{ default: number; min: number; max: number }> = Object.freeze({
  /** k when a request names none (HTTP: no `k`; gRPC: `k` = 0). @default 8 */
  default: 8,
  /** @default 1 */
  min: 1,
  /** @default 100 */
  max: 100,
});

/** k for a request: RECOMMEND_K.default when unset or 0, else clamped into [min, max]. Front doors refuse out-of-range values first. */
export function clampK(k: number | undefined): number {
  return Math.min(RECOMMEND_K.max, Math.max(RECOMMEND_K.min, k || RECOMMEND_K.default));
}
