/**
 * Published numbers for the data folders of shared/data (see its README), keyed
 * by folder name; printed next to ours. Values are fractions, not percent.
 */
export interface Published {
  source: string;
  rows: Array<{ method: string; hr20: number; mrr20: number }>;
}

export const PUBLISHED: Record<string, Published> = {
  yoochoose1_64: {
    source: 'SR-GNN (Wu et al., AAAI 2019) Table 2; V-SKNN / SR from Ludewig et al. (RecSys 2019), a similar split',
    rows: [
      { method: 'POP', hr20: 0.0671, mrr20: 0.0165 },
      { method: 'S-POP', hr20: 0.3044, mrr20: 0.1835 },
      { method: 'Item-KNN', hr20: 0.516, mrr20: 0.2181 },
      { method: 'BPR-MF', hr20: 0.3131, mrr20: 0.1208 },
      { method: 'FPMC', hr20: 0.4562, mrr20: 0.1501 },
      { method: 'GRU4Rec', hr20: 0.6064, mrr20: 0.2289 },
      { method: 'NARM', hr20: 0.6832, mrr20: 0.2863 },
      { method: 'STAMP', hr20: 0.6874, mrr20: 0.2967 },
      { method: 'SR-GNN', hr20: 0.7057, mrr20: 0.3094 },
      { method: 'V-SKNN (similar split)', hr20: 0.6961, mrr20: 0.2879 },
      { method: 'SR (similar split)', hr20: 0.6674, mrr20: 0.3033 },
    ],
  },
};
