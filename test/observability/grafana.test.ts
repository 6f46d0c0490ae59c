/** Every query of the Grafana dashboard in docs/grafana/ names a metric the engine exports. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../engine/index.js';
import { fetchMetrics, Shopper, startNats, startTestEngine, testEnv, type TestNats } from '../kit/index.js';

const DASHBOARD = fileURLToPath(new URL('../../../docs/grafana/shop-brain.json', import.meta.url));
const PROMQL_WORDS = new Set(['sum', 'by', 'rate', 'increase', 'histogram_quantile', 'le', 'kind', 'route', 'shard']);

describe('observability - the Grafana dashboard', () => {
  let nats: TestNats;
  let engine: Engine;
  before(async () => {
    nats = await startNats();
    engine = await startTestEngine(testEnv(nats.url));
  });
  after(async () => {
    await engine?.stop();
    await nats?.stop();
  });

  it('observability - every metric a dashboard query names is exported, with a type', async () => {
    // Touch the paths whose metrics appear on first use: an event, an HTTP call, an order.
    const item = [...engine.services.catalog.values()].find((p) => p.stock > 2)!.itemId;
    const s = await Shopper.connect(engine.url);
    await s.track({ id: 'g-1', kind: 'view', itemId: item });
    await s.waitFor((m) => m.type === 'recs');
    const c = await fetch(`${engine.url}/api/checkout`, { method: 'POST', headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ lines: [{ itemId: item, qty: 1 }] }) });
    assert.equal(c.status, 200);
    s.close();
    // The analytics fold reports (and its lag histogram appears) a few hundred ms after the events.
    let text = await fetchMetrics(engine);
    for (const end = Date.now() + 5000; !text.includes('# TYPE shop_analytics_fold_delay_seconds') && Date.now() < end;) {
      await new Promise((r) => setTimeout(r, 100));
      text = await fetchMetrics(engine);
    }
    const exported = new Map<string, string>();
    for (const m of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) exported.set(m[1]!, m[2]!);

    const d = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as { panels: Array<{ title: string; targets: Array<{ expr: string }> }> };
    let checked = 0;
    for (const p of d.panels) {
      for (const t of p.targets) {
        const names = [...t.expr.replace(/\{[^}]*\}/g, '').replace(/\[[^\]]*\]/g, '').matchAll(/[a-z_][a-z0-9_]*/g)].map((m) => m[0]).filter((w) => !PROMQL_WORDS.has(w));
        assert.ok(names.length > 0, `${p.title}: ${t.expr}`);
        for (const n of names) {
          const base = n.replace(/_(bucket|sum|count)$/, '');
          const type = exported.get(n) ?? exported.get(base);
          assert.ok(type, `${p.title}: "${n}" is not exported`);
          if (n !== base) assert.equal(exported.get(base), 'histogram', `${n} belongs to a histogram`);
          if (n.endsWith('_total')) assert.equal(type, 'counter', `${n} is a counter`);
          checked++;
        }
      }
    }
    assert.ok(checked >= 15, `checked ${checked} metric names`);
  });
});
