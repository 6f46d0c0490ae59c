/**
 * Counters, gauges and latency histograms, rendered in the Prometheus text format
 * for /metrics. Histograms use fixed millisecond buckets, cheap enough for hot paths.
 */
const DEFAULT_BUCKETS_MS = [0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250, 1000, 5000];

type Labels = Record<string, string>;
const key = (labels: Labels) =>
  Object.keys(labels).sort().map((k) => `${k}="${String(labels[k]).replace(/["\\\n]/g, '_')}"`).join(',');

class Counter {
  readonly values = new Map<string, number>();
  inc(labels: Labels = {}, by = 1): void {
    const k = key(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }
  /** A handle for one label set, for hot paths: the label key is built once. */
  with(labels: Labels): { inc(by?: number): void } {
    const k = key(labels);
    return { inc: (by = 1) => this.values.set(k, (this.values.get(k) ?? 0) + by) };
  }
  get(labels: Labels = {}): number {
    return this.values.get(key(labels)) ?? 0;
  }
}

class Histogram {
  readonly series = new Map<string, { counts: number[]; sum: number; count: number }>();
  constructor(readonly buckets: number[]) {}
  observe(ms: number, labels: Labels = {}): void {
    const k = key(labels);
    let s = this.series.get(k);
    if (!s) this.series.set(k, (s = { counts: new Array(this.buckets.length).fill(0), sum: 0, count: 0 }));
    // Counts are per bucket (not cumulative) here; render() accumulates.
    let i = 0;
    while (i < this.buckets.length && ms > this.buckets[i]!) i++;
    if (i < this.buckets.length) s.counts[i]!++;
    s.sum += ms;
    s.count++;
  }
}

export class Metrics {
  #counters = new Map<string, { help: string; c: Counter }>();
  #gauges = new Map<string, { help: string; read: () => number | Array<[Labels, number]> }>();
  #histograms = new Map<string, { help: string; h: Histogram }>();

  counter(name: string, help: string): Counter {
    let e = this.#counters.get(name);
    if (!e) this.#counters.set(name, (e = { help, c: new Counter() }));
    return e.c;
  }
  histogram(name: string, help: string, buckets = DEFAULT_BUCKETS_MS): Histogram {
    let e = this.#histograms.get(name);
    if (!e) this.#histograms.set(name, (e = { help, h: new Histogram(buckets) }));
    return e.h;
  }
  /** A gauge read when /metrics is scraped. */
  gauge(name: string, help: string, read: () => number | Array<[Labels, number]>): void {
    this.#gauges.set(name, { help, read });
  }

  render(): string {
    const out: string[] = [];
    for (const [name, { help, c }] of this.#counters) {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
      if (c.values.size === 0) out.push(`${name} 0`);
      for (const [k, v] of c.values) out.push(k ? `${name}{${k}} ${v}` : `${name} ${v}`);
    }
    for (const [name, { help, read }] of this.#gauges) {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
      const v = read();
      if (typeof v === 'number') out.push(`${name} ${v}`);
      else for (const [labels, n] of v) out.push(`${name}{${key(labels)}} ${n}`);
    }
    for (const [name, { help, h }] of this.#histograms) {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} histogram`);
      for (const [k, s] of h.series) {
        const pre = k ? `${k},` : '';
        let cum = 0;
        h.buckets.forEach((b, i) => out.push(`${name}_bucket{${pre}le="${b / 1000}"} ${(cum += s.counts[i]!)}`));
        out.push(`${name}_bucket{${pre}le="+Inf"} ${s.count}`);
        out.push(k ? `${name}_sum{${k}} ${s.sum / 1000}` : `${name}_sum ${s.sum / 1000}`);
        out.push(k ? `${name}_count{${k}} ${s.count}` : `${name}_count ${s.count}`);
      }
    }
    return out.join('\n') + '\n';
  }
}
