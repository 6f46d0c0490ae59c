/** Reads wrk's text report (`wrk --latency`) into numbers. */

export interface WrkResult {
  requestsPerS: number;
  latencyMs: { avg: number; p50: number; p75: number; p90: number; p99: number; max: number };
  requests: number;
  non2xx: number;
  socketErrors: number;
  transferPerS: string;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function ms(text: string | undefined): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text ?? '');
  if (!m) throw new Error(`wrk: cannot read a duration from ${JSON.stringify(text)}`);
  return Math.round(Number(m[1]) * UNIT_MS[m[2]!]! * 1000) / 1000;
}

export function parseWrk(out: string): WrkResult {
  const lat = /Latency\s+(\S+)\s+(\S+)\s+(\S+)/.exec(out);
  const pct = (p: number) => ms(new RegExp(`\\s${p}%\\s+(\\S+)`).exec(out)?.[1]);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const total = /(\d+) requests in/.exec(out);
  if (!lat || !rps || !total) throw new Error(`wrk: unexpected output:\n${out}`);
  const errs = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    requestsPerS: Math.round(Number(rps[1])),
    latencyMs: { avg: ms(lat[1]), p50: pct(50), p75: pct(75), p90: pct(90), p99: pct(99), max: ms(lat[3]) },
    requests: Number(total[1]),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
    socketErrors: errs ? errs.slice(1).reduce((s, x) => s + Number(x), 0) : 0,
    transferPerS: /Transfer\/sec:\s+(\S+)/.exec(out)?.[1] ?? '?',
  };
}
