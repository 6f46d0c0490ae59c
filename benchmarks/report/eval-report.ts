/** Eval results (intent, CLV/churn) as report sections: ours next to the published numbers. */
import { GOAL, PUBLISHED_INTENT } from '../../eval/intent/published.js';
import type { BenchResults } from '../lib/results.js';
import { provenanceFacts } from './bench-report.js';
import type { Report } from './html-report.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- results files are read as data

export function intentReport(j: Json): Report {
  const m = j['metrics'] as Json;
  // "wide/raw + 0.2 lr-all-l30": the served model is a blend
  const ours = { label: `ours (${String(j['servedCandidate'] ?? '').includes(' + ') ? 'GBDT + logistic blend' : 'GBDT'}, this repo)`, tone: 'ours' as const };
  return {
    title: 'Purchase intent on UCI Online Shoppers',
    facts: [...provenanceFacts(j['provenance'] as BenchResults['provenance']), `eval: ${String(j['evalCommand'] ?? '')}`],
    sections: [
      {
        title: 'Quality',
        note: `Stratified ${String(m['folds'])}-fold CV, seed ${String(m['seed'])}, ${String(m['n'])} sessions; goal ROC-AUC ${GOAL.rocAuc}, PR-AUC ${GOAL.prAuc} (${m['goal_met'] ? 'met' : 'not met'}).`,
        blocks: [
          { kind: 'bars', title: 'ROC-AUC', bars: [{ ...ours, value: m['roc_auc'], mark: GOAL.rocAuc, markLabel: 'goal' }, ...PUBLISHED_INTENT.map((p) => ({ label: p.method, value: p.rocAuc, tone: 'ref' as const }))] },
          { kind: 'bars', title: 'PR-AUC', bars: [{ ...ours, value: m['pr_auc'], mark: GOAL.prAuc, markLabel: 'goal' }, ...PUBLISHED_INTENT.map((p) => ({ label: p.method, value: p.prAuc, tone: 'ref' as const }))] },
          { kind: 'table', title: 'Per fold', head: ['fold', 'chosen', 'ROC-AUC', 'PR-AUC'], rows: (m['fold_roc_auc'] as number[]).map((v, i) => [i + 1, (m['chosen'] as string[])[i] ?? '', v, (m['fold_pr_auc'] as number[])[i] ?? '']) },
        ],
      },
      {
        title: 'Scoring cost',
        blocks: [{ kind: 'bars', title: 'Microseconds per score', unit: 'µs', bars: Object.entries(j['scoring'] as Record<string, { p50Us: number; p99Us: number }>).filter(([k, v]) => typeof v === 'object' && k !== 'timerUs').flatMap(([k, v]) => [{ label: `${k} p50`, value: v.p50Us }, { label: `${k} p99`, value: v.p99Us, tone: 'ref' as const }]) }],
      },
    ],
  };
}

export function clvReport(j: Json): Report {
  const clv = j['clv'] as Json;
  const pub = clv['published'] as Json;
  const params = (ours: Json, published: Json, names: string[]) => names.map((n) => ({ label: n, value: Number(ours[n]), mark: Number(published[n]), markLabel: 'published' }));
  const h = clv['holdout'] as Json;
  const churn = (j['churn'] as Json | undefined)?.['churn'] as Json | undefined;
  const sections: Report['sections'] = [
    {
      title: 'BG/NBD and Gamma-Gamma on CDNOW (1/10 sample)',
      note: 'Fitted by maximum likelihood on the calibration period; the black line is Fader, Hardie & Lee\'s published estimate.',
      blocks: [
        { kind: 'bars', title: 'BG/NBD parameters', bars: params(clv['bgnbd'], pub['bgnbd'], ['r', 'alpha', 'a', 'b']) },
        { kind: 'bars', title: 'Gamma-Gamma parameters', bars: params(clv['gammagamma'], pub['gammagamma'], ['p', 'q', 'v']) },
        { kind: 'bars', title: `Holdout (${String(h['bgnbd']['weeks'])} weeks): mean absolute error of purchases per customer`, bars: [{ label: 'BG/NBD', value: h['bgnbd']['mae'] }, { label: 'naive rate', value: h['naiveRate']['mae'], tone: 'ref' }] },
      ],
    },
  ];
  if (churn) {
    const auc = churn['auc'] as Record<string, number>;
    sections.push({
      title: 'Churn on Online Retail',
      note: `Train up to ${String(churn['cutoff'])}; label: no order in the next ${String(churn['horizonDays'])} days (${String(churn['churned'])} of ${String(churn['customers'])} churned).`,
      blocks: [{ kind: 'bars', title: 'ROC-AUC', bars: Object.entries(auc).map(([k, v]) => ({ label: k, value: v, tone: k === 'recency' ? 'ref' as const : 'ours' as const })) }],
    });
  }
  return { title: 'Customer lifetime value and churn', facts: provenanceFacts(j['provenance'] as BenchResults['provenance']), sections };
}
