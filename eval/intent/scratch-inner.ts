// temporary exploration driver (not committed): inner CV inside each outer training fold only; never scores outer test folds
import { performance } from 'node:perf_hooks';
import { RAW_FEATURES, ALL_FEATURES, trainIntentModel } from '../../actors/propensity/index.js';
import { readSessions } from './sessions-csv.js';
import { stratifiedFolds, splitFold } from './folds.js';
import { trainingSet, toMatrix } from './matrix.js';
import { rocAuc, averagePrecision, meanStd } from './metrics.js';
const f = readSessions('/work/shared/data/online_shoppers/sessions.csv');
const folds = stratifiedFolds(f.labels, 5, 0);
const fa = process.argv[3] ?? 'raw'; const feats = fa === 'all' ? ALL_FEATURES : fa === 'raw' ? RAW_FEATURES : fa.startsWith('-') ? ALL_FEATURES.filter((d) => !fa.slice(1).split(',').includes(d.name)) : ALL_FEATURES.filter((d) => fa.split(',').includes(d.name));
const nf = feats.length;
const outerN = Number(process.argv[4] ?? 5);
for (const opts of JSON.parse(process.argv[2] ?? '[{}]')) {
  const aucs: number[] = [], aps: number[] = [], rounds: number[] = [];
  const t0 = performance.now();
  for (let k = 0; k < outerN; k++) {
    const { train } = splitFold(folds, k);
    const ytr = Array.from(train, (r) => f.labels[r]!);
    const inner = stratifiedFolds(ytr, 3, 1);
    for (let q = 0; q < 3; q++) {
      const s = splitFold(inner, q);
      const tr = Array.from(s.train, (i) => train[i]!), te = Array.from(s.test, (i) => train[i]!);
      const m = trainIntentModel(trainingSet(f.sessions, f.labels, tr, feats), opts);
      const xt = toMatrix(f.sessions, te, feats);
      const p = Array.from({ length: te.length }, (_, i) => m.score(xt.subarray(i * nf, (i + 1) * nf)));
      const y = te.map((r) => f.labels[r]!);
      aucs.push(rocAuc(y, p)); aps.push(averagePrecision(y, p)); rounds.push(...(m.info.rounds as number[]));
    }
  }
  const a = meanStd(aucs), b = meanStd(aps);
  console.log(JSON.stringify(opts), process.argv[3] ?? 'raw', `inner auc ${a.mean.toFixed(4)} ap ${b.mean.toFixed(4)} mean ${((a.mean+b.mean)/2).toFixed(4)} rounds~${Math.round(rounds.reduce((x,y)=>x+y,0)/rounds.length)} ${((performance.now()-t0)/1000).toFixed(1)}s`);
}
