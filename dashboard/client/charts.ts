/**
 * Charts: uPlot for time series (canvas, redrawn in place on every live update),
 * plain elements for bars and heat maps (a few numbers read better as text).
 */
import uPlot from 'uplot';
import { h } from '../../storefront/client/dom.js';

export const PALETTE = ['#4338ca', '#e0672b', '#0f8a5f', '#9b59b6', '#c0392b'];

export interface SeriesSpec {
  label: string;
  /** 'right' for a second unit (counts next to money). */
  axis?: 'left' | 'right';
  format?: (v: number) => string;
}

/** A time chart (x in seconds since the epoch) that follows its container's width. */
export class TimeChart {
  readonly el: HTMLElement;
  #plot: uPlot | undefined;
  #data: uPlot.AlignedData = [[]];

  constructor(private readonly series: SeriesSpec[], private readonly height = 220, label = 'chart') {
    this.el = h('div', { class: 'chart', role: 'img', 'aria-label': label });
    new ResizeObserver(() => this.#plot?.setSize({ width: this.#width(), height })).observe(this.el);
  }

  #width(): number {
    return Math.max(280, this.el.clientWidth);
  }

  set(x: number[], ys: number[][]): void {
    this.#data = [x, ...ys];
    if (this.#plot) {
      this.#plot.setData(this.#data);
      return;
    }
    if (!this.el.isConnected) return;
    const right = this.series.some((s) => s.axis === 'right');
    const fmt = (s: SeriesSpec) => (_u: uPlot, v: number | null) => (v === null ? '–' : s.format ? s.format(v) : String(v));
    this.#plot = new uPlot({
      width: this.#width(), height: this.height,
      scales: { x: { time: true }, l: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] }, r: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
      axes: [
        {},
        { scale: 'l', values: (_u, vs) => vs.map((v) => (this.series[0]?.format ? this.series[0].format(v) : String(v))), size: 70 },
        ...(right ? [{ scale: 'r', side: 1, grid: { show: false }, size: 50 }] : []),
      ],
      series: [{}, ...this.series.map((s, i) => ({ label: s.label, scale: s.axis === 'right' ? 'r' : 'l', stroke: PALETTE[i % PALETTE.length], width: 2, value: fmt(s), points: { show: false } }))],
    }, this.#data, this.el);
    this.el.dataset['drawn'] = 'true';
  }
}

export interface BarRow {
  label: string;
  value: number;
  text?: string;
  testId?: string;
}

/** Horizontal bars, longest = 100 %; the value is text beside the bar. */
export function barList(rows: BarRow[], label: string): HTMLElement {
  const max = Math.max(1e-9, ...rows.map((r) => r.value));
  return h('ul', { class: 'bars', 'aria-label': label },
    rows.map((r) => h('li', { class: 'bar-row', 'data-testid': r.testId ?? null },
      h('span', { class: 'bar-label' }, r.label),
      h('span', { class: 'bar-track', 'aria-hidden': 'true' }, h('span', { class: 'bar-fill', style: { width: `${((100 * r.value) / max).toFixed(1)}%` } })),
      h('span', { class: 'bar-value' }, r.text ?? String(r.value)))));
}

/** Background for a share 0..1 on the heat map, dark enough under dark text for AA contrast. */
export function heat(share: number): Record<string, string> {
  const s = Math.max(0, Math.min(1, share));
  return { background: `rgb(${Math.round(238 - 120 * s)} ${Math.round(240 - 100 * s)} ${Math.round(255 - 40 * s)})` };
}

/**
 * A reliability chart: observed purchase rate against mean predicted score per bin
 * (points sized by nothing, bins with no sessions left out), with the diagonal a
 * calibrated model would follow.
 */
export class ReliabilityChart {
  readonly el: HTMLElement;
  #plot: uPlot | undefined;

  constructor(private readonly height = 220, label = 'reliability') {
    this.el = h('div', { class: 'chart', role: 'img', 'aria-label': label });
    new ResizeObserver(() => this.#plot?.setSize({ width: this.#width(), height })).observe(this.el);
  }

  #width(): number {
    return Math.max(260, this.el.clientWidth);
  }

  set(predicted: number[], observed: number[]): void {
    const data: uPlot.AlignedData = [[0, ...predicted, 1], [0, ...predicted, 1], [null, ...observed, null]];
    if (this.#plot) {
      this.#plot.setData(data);
      return;
    }
    if (!this.el.isConnected) return;
    const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)} %`);
    this.#plot = new uPlot({
      width: this.#width(), height: this.height,
      scales: { x: { time: false, range: [0, 1] }, y: { range: [0, 1] } },
      legend: { show: false },
      axes: [{ values: (_u, vs) => vs.map((v) => pct(v)), label: 'predicted' }, { values: (_u, vs) => vs.map((v) => pct(v)), label: 'observed', size: 60 }],
      series: [
        { label: 'predicted', value: (_u, v) => pct(v) },
        { label: 'calibrated', stroke: '#9aa0a6', dash: [4, 4], width: 1, points: { show: false }, value: (_u, v) => pct(v) },
        { label: 'observed', stroke: PALETTE[0], width: 2, points: { show: true, size: 7, fill: PALETTE[0] }, spanGaps: true, value: (_u, v) => pct(v) },
      ],
    }, data, this.el);
    this.el.dataset['drawn'] = 'true';
  }
}
