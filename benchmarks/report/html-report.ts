/**
 * A self-contained HTML report (one file, opens from disk, no network): uPlot for time
 * series, plain CSS bars for comparisons of a few numbers (ours next to published,
 * p50 next to p99), and tables. The chart data is embedded as JSON, so the same file
 * keeps working when the results folder is copied elsewhere.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Time series on a shared x axis (seconds); each series may use the left or right axis. */
export interface LineChart {
  kind: 'line';
  title: string;
  xLabel: string;
  x: number[];
  series: Array<{ label: string; values: Array<number | null>; axis?: 'left' | 'right'; unit?: string }>;
  leftLabel?: string;
  rightLabel?: string;
}

/** Horizontal bars of labelled values; `mark` draws a target or published line per bar. */
export interface BarChart {
  kind: 'bars';
  title: string;
  unit?: string;
  /** Log scale for values that span orders of magnitude (latencies). */
  log?: boolean;
  bars: Array<{ label: string; value: number; mark?: number; markLabel?: string; tone?: 'ours' | 'ref' | 'bad' }>;
}

export interface Table {
  kind: 'table';
  title: string;
  head: string[];
  rows: Array<Array<string | number>>;
}

export type Block = LineChart | BarChart | Table;

export interface Report {
  title: string;
  /** Lines under the title: command, machine, commit. */
  facts: string[];
  sections: Array<{ title: string; note?: string; blocks: Block[] }>;
}

const require = createRequire(import.meta.url);
let uplot: { js: string; css: string } | undefined;
function uplotAssets(): { js: string; css: string } {
  uplot ??= {
    js: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
    css: readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
  };
  return uplot;
}

const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (v: number) => (!Number.isFinite(v) ? '—' : Number.isInteger(v) || Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3));

function bars(b: BarChart): string {
  const values = b.bars.flatMap((x) => (x.mark === undefined ? [x.value] : [x.value, x.mark])).filter((v) => v > 0);
  const max = Math.max(...values, 1e-9);
  const min = Math.min(...values, max);
  const lo = b.log ? Math.log10(Math.max(min / 2, 1e-9)) : 0;
  const scale = (v: number) => {
    if (v <= 0) return 0;
    if (!b.log) return (100 * v) / max;
    return (100 * (Math.log10(v) - lo)) / (Math.log10(max) - lo || 1);
  };
  const unit = b.unit ? ` ${esc(b.unit)}` : '';
  const rows = b.bars.map((x) => {
    const mark = x.mark === undefined ? '' : `<span class="mark" style="left:${scale(x.mark).toFixed(2)}%" title="${esc(x.markLabel ?? 'target')}: ${num(x.mark)}"></span>`;
    const markText = x.mark === undefined ? '' : ` <span class="muted">(${esc(x.markLabel ?? 'target')} ${num(x.mark)})</span>`;
    return `<div class="bar-row"><div class="bar-label">${esc(x.label)}</div><div class="bar-track"><span class="bar ${x.tone ?? 'ours'}" style="width:${scale(x.value).toFixed(2)}%"></span>${mark}</div><div class="bar-value">${num(x.value)}${unit}${markText}</div></div>`;
  });
  return `<figure class="block"><figcaption>${esc(b.title)}${b.log ? ' <span class="muted">(log scale)</span>' : ''}</figcaption>${rows.join('')}</figure>`;
}

function table(t: Table): string {
  const head = t.head.map((h) => `<th>${esc(h)}</th>`).join('');
  const rows = t.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(typeof c === 'number' ? num(c) : c)}</td>`).join('')}</tr>`).join('');
  return `<figure class="block"><figcaption>${esc(t.title)}</figcaption><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></figure>`;
}

/** Draws every `.line-chart` from its JSON with uPlot (runs in the report page). */
const DRAW = `
(function () {
  var palette = ['#2f6fdf', '#e0672b', '#1b9e77', '#9b59b6', '#c0392b', '#7f8c8d'];
  document.querySelectorAll('.line-chart').forEach(function (el) {
    var spec = JSON.parse(el.querySelector('script').textContent);
    var right = spec.series.some(function (s) { return s.axis === 'right'; });
    var opts = {
      width: Math.min(960, el.clientWidth || 960), height: 280,
      scales: { x: { time: false }, l: {}, r: {} },
      legend: { live: false },
      axes: [
        { label: spec.xLabel },
        { scale: 'l', label: spec.leftLabel || '' },
      ].concat(right ? [{ scale: 'r', side: 1, grid: { show: false }, label: spec.rightLabel || '' }] : []),
      series: [{ label: spec.xLabel }].concat(spec.series.map(function (s, i) {
        return { label: s.label + (s.unit ? ' (' + s.unit + ')' : ''), scale: s.axis === 'right' ? 'r' : 'l', stroke: palette[i % palette.length], width: 2, spanGaps: true };
      })),
    };
    var data = [spec.x].concat(spec.series.map(function (s) { return s.values; }));
    new uPlot(opts, data, el.querySelector('.plot'));
    el.dataset.drawn = 'true';
  });
})();`;

const CSS = `
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; margin: 0; background: #f6f7fa; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 20px 60px; }
h1 { font-size: 24px; margin: 0 0 6px; } h2 { font-size: 19px; margin: 32px 0 8px; border-bottom: 1px solid #dde1ea; padding-bottom: 4px; }
.facts { color: #4a5160; font-size: 13px; margin: 0; padding-left: 18px; }
.note { color: #4a5160; margin: 4px 0 10px; }
.block { background: #fff; border: 1px solid #e1e4ec; border-radius: 8px; padding: 12px 14px; margin: 12px 0; }
figcaption { font-weight: 600; margin-bottom: 8px; }
.muted { color: #5d6473; font-weight: normal; }
.bar-row { display: grid; grid-template-columns: 220px 1fr 230px; gap: 10px; align-items: center; margin: 4px 0; font-size: 13px; }
.bar-label { text-align: right; overflow-wrap: anywhere; }
.bar-track { position: relative; height: 16px; background: #eef0f5; border-radius: 3px; }
.bar { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 3px; }
.bar.ours { background: #2f6fdf; } .bar.ref { background: #9aa3b5; } .bar.bad { background: #d0453a; }
.mark { position: absolute; top: -3px; bottom: -3px; width: 2px; background: #1d2330; }
.bar-value { font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eceef3; vertical-align: top; }
th { background: #f3f5f9; }
.pass { color: #17713d; font-weight: 600; } .fail { color: #b3261e; font-weight: 600; }
@media (max-width: 700px) { .bar-row { grid-template-columns: 1fr; gap: 2px; } .bar-label { text-align: left; } }
`;

export function renderReport(r: Report): string {
  const { js, css } = uplotAssets();
  let charts = 0;
  const block = (b: Block): string => {
    if (b.kind === 'bars') return bars(b);
    if (b.kind === 'table') return table(b);
    charts++;
    // `</` cannot close the script early: JSON of numbers and labels, with < escaped.
    const json = JSON.stringify(b).replace(/</g, '\\u003c');
    return `<figure class="block line-chart"><figcaption>${esc(b.title)}</figcaption><div class="plot"></div><script type="application/json">${json}</script></figure>`;
  };
  const sections = r.sections.map((s) => `<section><h2>${esc(s.title)}</h2>${s.note ? `<p class="note">${esc(s.note)}</p>` : ''}${s.blocks.map(block).join('')}</section>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.title)}</title><style>${css}${CSS}</style></head>
<body><main><h1>${esc(r.title)}</h1><ul class="facts">${r.facts.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>${sections}</main>
${charts > 0 ? `<script>${js}</script><script>${DRAW}</script>` : ''}
</body></html>
`;
}
