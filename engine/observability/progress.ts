/**
 * Progress of long work (imports, index builds, evals, benchmarks). In a terminal a
 * cli-progress bar with rate and ETA; otherwise (CI, pipes, the engine's log) one
 * line per 10% or per 10 s, so logs show that work advances without a line per step.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  /** Work done so far (absolute, not an increment). */
  update(done: number, total?: number): void;
  /** Marks the work finished (prints the final line once). */
  stop(): void;
}

export interface ProgressOptions {
  /** Unit shown after the counts, e.g. "rows", "items". */
  unit?: string;
  /** Force the bar (true) or plain lines (false); default: the bar when stderr is a terminal. */
  tty?: boolean;
  /** Where plain lines go; default stderr. A logger's info fits here. */
  line?: (text: string, fields: { label: string; done: number; total: number; pct: number; perSec: number }) => void;
  /** Seconds between plain lines when under 10% moves that slowly. */
  everySeconds?: number;
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function createProgress(label: string, total: number, opts: ProgressOptions = {}): Progress {
  const unit = opts.unit ? ` ${opts.unit}` : '';
  const t0 = performance.now();
  if (opts.tty ?? process.stderr.isTTY === true) {
    const bar = new cliProgress.SingleBar({
      format: `${label.padEnd(12)} [{bar}] {percentage}% | {value}/{total}${unit} | {rate}/s | ETA {eta_formatted}`,
      barsize: 28,
      hideCursor: true,
      etaBuffer: 50,
      stream: process.stderr,
      formatValue: (v, _o, type) => (type === 'value' || type === 'total' ? fmt(v) : String(v)),
    }, cliProgress.Presets.shades_classic);
    bar.start(total, 0, { rate: '0' });
    let stopped = false;
    return {
      update(done, newTotal) {
        if (stopped) return;
        if (newTotal !== undefined && newTotal !== bar.getTotal()) bar.setTotal(newTotal);
        const s = (performance.now() - t0) / 1000;
        bar.update(done, { rate: fmt(Math.round(s > 0 ? done / s : 0)) });
      },
      stop() {
        if (stopped) return;
        stopped = true;
        bar.stop();
      },
    };
  }

  const everyMs = (opts.everySeconds ?? 10) * 1000;
  const write = opts.line ?? ((text: string) => void process.stderr.write(`${text}\n`));
  let max = total;
  let lastPct = -10;
  let lastAt = t0;
  let done = 0;
  let stopped = false;
  const emit = () => {
    const s = (performance.now() - t0) / 1000;
    const pct = max > 0 ? Math.min(100, Math.floor((100 * done) / max)) : 100;
    const perSec = s > 0 ? Math.round(done / s) : 0;
    write(`${label}: ${pct}% (${fmt(done)}/${fmt(max)}${unit}, ${fmt(perSec)}/s, ${s.toFixed(1)} s)`, { label, done, total: max, pct, perSec });
    lastPct = pct;
    lastAt = performance.now();
  };
  return {
    update(d, newTotal) {
      if (stopped) return;
      done = d;
      if (newTotal !== undefined) max = newTotal;
      const pct = max > 0 ? (100 * done) / max : 100;
      if (pct >= lastPct + 10 || performance.now() - lastAt >= everyMs) emit();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (lastPct < 100 || done !== max) emit();
    },
  };
}
