import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { renderReport, reportFor, type Report } from '../../benchmarks/report/index.js';
import { a11yAudit, browserSkip, launchBrowser } from '../storefront/shop-kit.js';

const HOSTILE = '</script><img src=x onerror="window.__pwned=1">';

const report: Report = {
  title: `Report ${HOSTILE}`,
  facts: ['command: npm run bench'],
  sections: [{
    title: 'Run',
    blocks: [
      { kind: 'bars', title: 'latency', unit: 'ms', log: true, bars: [{ label: 'p50', value: 4 }, { label: HOSTILE, value: 400, mark: 25, markLabel: 'budget', tone: 'bad' }] },
      { kind: 'line', title: 'timeline', xLabel: 's', x: [1, 2, 3], series: [{ label: HOSTILE, values: [1000, null, 990] }, { label: 'p99', values: [5, 6, 7], axis: 'right', unit: 'ms' }] },
      { kind: 'table', title: 'rows', head: ['a', 'b'], rows: [[1, 2.345], [HOSTILE, 1000.4]] },
    ],
  }],
};

describe('benchmark reports', () => {
  it('reports - labels are escaped, numbers formatted, uPlot inlined (no network)', () => {
    const html = renderReport(report);
    assert.ok(!html.includes('<img src=x'), 'a label cannot inject markup');
    assert.equal(html.split('</script>').length - 1, 3, 'only the JSON spec, uPlot and the draw script close a <script>');
    assert.match(html, /<td>1<\/td><td>2\.35<\/td>/, 'integers stay integers, fractions get 2 decimals');
    assert.ok(!/src="http|href="http/.test(html), 'self-contained');
  });

  it('reports - reportFor knows bench, intent and clv results and nothing else', () => {
    assert.equal(reportFor({ hello: 1 }), undefined);
    assert.ok(reportFor({ metrics: { fold_roc_auc: [0.9], fold_pr_auc: [0.7], chosen: ['x'] }, scoring: {} }), 'an intent result without provenance still renders');
  });

  describe('in Chromium', { skip: browserSkip }, () => {
    let browser: Browser;
    let dir: string;
    before(async () => {
      browser = await launchBrowser();
      dir = mkdtempSync(join(tmpdir(), 'report-'));
    });
    after(async () => {
      await browser?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('reports - the line chart is drawn from disk with no console errors and nothing injected', async () => {
      const file = join(dir, 'r.html');
      writeFileSync(file, renderReport(report));
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`file://${file}`);
      await page.waitForSelector('.line-chart[data-drawn="true"] canvas', { timeout: 5000 });
      const state = (await page.evaluate(`({
        pwned: window.__pwned,
        legend: [...document.querySelectorAll('.u-legend .u-label')].map((e) => e.textContent),
        bars: document.querySelectorAll('.bar-row').length,
      })`)) as { pwned?: number; legend: string[]; bars: number };
      assert.deepEqual(errors, []);
      assert.equal(state.pwned, undefined);
      assert.equal(state.bars, 2);
      assert.ok(state.legend.includes(HOSTILE), `the hostile label is shown as text: ${JSON.stringify(state.legend)}`);
      assert.ok(state.legend.includes('p99 (ms)'));
      assert.deepEqual(await a11yAudit(page), [], 'the report passes axe WCAG A/AA');
    });
  });
});
