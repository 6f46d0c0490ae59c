/**
 * The live purchase-intent model (from the live summary): the version in force and
 * its last fit, how it does prequentially (each session scored before its outcome by
 * the model in force then), its calibration, and how open sessions are spread.
 */
import type { IntentReport } from '../../../protos/admin-contract.js';
import { h, replaceChildren } from '../../../storefront/client/dom.js';
import { barList, ReliabilityChart } from '../charts.js';
import { formatInt } from '../format.js';

const num = (v: number | null, digits = 3) => (v === null ? '–' : v.toFixed(digits));

export class IntentPanel {
  readonly el: HTMLElement;
  readonly #facts = h('dl', { class: 'facts', 'data-testid': 'intent-facts' });
  readonly #spread = h('div', { 'data-testid': 'intent-distribution' });
  readonly #chart = new ReliabilityChart(200, 'observed purchase rate against predicted intent, per score bin');

  constructor() {
    this.el = h('section', { class: 'panel wide', 'aria-labelledby': 'intent-h', 'data-testid': 'intent' },
      h('h2', { id: 'intent-h', class: 'panel-title' }, 'Purchase intent (live model)'),
      this.#facts,
      h('div', { class: 'two-col' },
        h('div', null, h('h3', { class: 'sub' }, 'Calibration (finished sessions)'), this.#chart.el,
          h('p', { class: 'panel-note' }, 'Observed purchase rate per score bin; the dashed line is a perfectly calibrated model.')),
        h('div', null, h('h3', { class: 'sub' }, 'Open sessions by score'), this.#spread)));
  }

  update(r: IntentReport | null): void {
    if (!r) {
      replaceChildren(this.#facts, h('p', { class: 'empty' }, 'Intent scoring is off on this engine (INTENT=false).'));
      return;
    }
    const fit = r.lastFit;
    const rows: Array<[string, string]> = [
      ['Model', r.model ? `v${r.model.version}, ${r.model.trees} trees, since ${new Date(r.model.publishedAt).toLocaleTimeString()}` : `none yet: ${formatInt(r.sessions.finished)} finished sessions so far`],
      ['Prequential ROC-AUC', `${num(r.prequential.auc)} per session, ${num(r.prequential.eventAuc)} per step (${formatInt(r.prequential.sessions)} sessions)`],
      ['Brier', num(r.prequential.brier)],
      ['Sessions', `${formatInt(r.sessions.open)} open, ${formatInt(r.sessions.finished)} finished, ${formatInt(r.sessions.positives)} bought`],
      ['Last fit', fit ? `${fit.published ? 'published' : 'kept the model in force'}: AUC ${num(fit.auc)} vs ${num(fit.currentAuc)} on ${formatInt(fit.validationRows)} newest steps (${fit.reason})` : 'none yet'],
    ];
    if (r.refused > 0) rows.push(['Refused', `${r.refused} model file(s) that did not load; the previous model stayed in force`]);
    replaceChildren(this.#facts, ...rows.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
    const bins = r.prequential.calibration.filter((b) => b.n > 0);
    this.#chart.set(bins.map((b) => b.predicted), bins.map((b) => b.observed));
    const total = r.distribution.reduce((a, b) => a + b, 0);
    replaceChildren(this.#spread, total === 0
      ? h('p', { class: 'empty' }, r.model ? 'No open session has a score yet.' : 'Scores start once the first model is published.')
      : barList(r.distribution.map((n, i) => ({ label: `${i * 10}–${i * 10 + 10} %`, value: n, text: formatInt(n) })), 'open sessions per intent score bin'));
  }
}
