/**
 * The engine's metrics on prom-client: counters, latency histograms (observed in
 * ms, exported in seconds, as Prometheus names them) and gauges read at scrape
 * time, plus Node's default process metrics. One registry per engine.
 *
 * Label names are taken from a metric's first use, so call sites stay one line;
 * every later use must give the same label names (prom-client checks it).
 */
import client from 'prom-client';

const DEFAULT_BUCKETS_MS = [0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250, 1000, 5000];

type Labels = Record<string, string>;

class Counter {
  #metric: client.Counter | undefined;
  constructor(
    private readonly registry: client.Registry,
    private readonly name: string,
    private readonly help: string,
  ) {}

  #of(labels: Labels): client.Counter {
    this.#metric ??= new client.Counter({ name: this.name, help: this.help, labelNames: Object.keys(labels), registers: [this.registry] });
    return this.#metric;
  }

  inc(labels: Labels = {}, by = 1): void {
    this.#of(labels).inc(labels, by);
  }

  /** The current value for one label set (0 before any). */
  async get(labels: Labels = {}): Promise<number> {
    if (!this.#metric) return 0;
    const keys = Object.keys(labels);
    const v = (await this.#metric.get()).values.find((x) => keys.every((k) => x.labels[k] === labels[k]) && Object.keys(x.labels).length === keys.length);
    return v?.value ?? 0;
  }

  /** A handle for one label set, for hot paths: the child is looked up once. */
  with(labels: Labels): { inc(by?: number): void } {
    const m = this.#of(labels);
    const child = Object.keys(labels).length > 0 ? m.labels(labels) : m;
    return { inc: (by = 1) => child.inc(by) };
  }
}

class Histogram {
  #metric: client.Histogram | undefined;
  constructor(
    private readonly registry: client.Registry,
    private readonly name: string,
    private readonly help: string,
    private readonly bucketsMs: number[],
  ) {}

  observe(ms: number, labels: Labels = {}): void {
    this.#metric ??= new client.Histogram({
      name: this.name, help: this.help, labelNames: Object.keys(labels), buckets: this.bucketsMs.map((b) => b / 1000), registers: [this.registry],
    });
    this.#metric.observe(labels, ms / 1000);
  }
}

export class Metrics {
  readonly registry = new client.Registry();
  readonly #counters = new Map<string, Counter>();
  readonly #histograms = new Map<string, Histogram>();

  constructor() {
    client.collectDefaultMetrics({ register: this.registry });
  }

  counter(name: string, help: string): Counter {
    let c = this.#counters.get(name);
    if (!c) this.#counters.set(name, (c = new Counter(this.registry, name, help)));
    return c;
  }

  histogram(name: string, help: string, buckets = DEFAULT_BUCKETS_MS): Histogram {
    let h = this.#histograms.get(name);
    if (!h) this.#histograms.set(name, (h = new Histogram(this.registry, name, help, buckets)));
    return h;
  }

  /** A gauge read when /metrics is scraped: one value, or one per label set. */
  /** `labels`: the label names, when the first read may have no rows to tell them (rules not yet created). */
  gauge(name: string, help: string, read: () => number | Array<[Labels, number]>, labels?: string[]): void {
    this.registry.removeSingleMetric(name); // registering again replaces the reader (a second server, say)
    const first = read();
    const labelNames = labels ?? (typeof first === 'number' ? [] : Object.keys(first[0]?.[0] ?? {}));
    new client.Gauge({
      name, help, labelNames, registers: [this.registry],
      collect() {
        const v = read();
        this.reset();
        if (typeof v === 'number') this.set(v);
        else for (const [labels, n] of v) this.set(labels, n);
      },
    });
  }

  /** A counter kept elsewhere (a shard's own tally), read when /metrics is scraped. */
  counterFrom(name: string, help: string, read: () => Array<[Labels, number]>, labels?: string[]): void {
    this.registry.removeSingleMetric(name);
    const labelNames = labels ?? Object.keys(read()[0]?.[0] ?? {});
    new client.Counter({
      name, help, labelNames, registers: [this.registry],
      collect() {
        this.reset();
        for (const [labels, n] of read()) this.inc(labels, n);
      },
    });
  }

  /**
   * A histogram tallied elsewhere (a shard thread) in per-bucket counts of
   * milliseconds, exported in seconds, read when /metrics is scraped.
   */
  histogramFrom(name: string, help: string, bucketsMs: readonly number[], read: () => Array<[Labels, { counts: number[]; sumMs: number; count: number }]>): void {
    this.registry.removeSingleMetric(name);
    // prom-client's registry formats whatever get() returns; it has no "set buckets" API.
    const get = async () => {
      const values: Array<client.MetricValueWithName<string>> = [];
      for (const [labels, h] of read()) {
        let cum = 0;
        bucketsMs.forEach((b, i) => {
          cum += h.counts[i] ?? 0;
          values.push({ labels: { ...labels, le: b / 1000 }, value: cum, metricName: `${name}_bucket` });
        });
        values.push({ labels: { ...labels, le: '+Inf' }, value: h.count, metricName: `${name}_bucket` });
        values.push({ labels, value: h.sumMs / 1000, metricName: `${name}_sum` });
        values.push({ labels, value: h.count, metricName: `${name}_count` });
      }
      return { name, help, type: 'histogram', aggregator: 'sum', values };
    };
    this.registry.registerMetric({ name, help, type: 'histogram', aggregator: 'sum', get, reset() {} } as unknown as client.Metric);
  }

  contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
