/**
 * Piscina task: fits a live intent model (the same gradient-boosted trees as the
 * offline eval) on the older sessions, and scores it and the model in force on the
 * newest ones (a validation window cut from the end of the log). The caller
 * publishes the candidate only when it wins there.
 */
import { LIVE_FEATURES, liveFeatureByName, parseModel, serializeModel, trainIntentModel, type TrainOptions } from '../../../actors/propensity/index.js';
import { rocAuc } from './prequential.js';

export interface IntentFitTask {
  /** Row-major LIVE_FEATURES rows and labels, training part then validation part. */
  x: Float64Array;
  y: Uint8Array;
  /** Rows [0, trainRows) train; the rest validate. */
  trainRows: number;
  /** The model in force (its file), to compare on the same validation rows. */
  current?: string;
  options: Partial<TrainOptions>;
}

export type IntentFitReply =
  | { ok: true; payload: string; bytes: number; trees: number; auc: number; currentAuc: number | null; trainRows: number; validationRows: number; ms: number }
  | { ok: false; message: string };

const NF = LIVE_FEATURES.length;

export default function fitIntent(task: IntentFitTask): IntentFitReply {
  const t0 = performance.now();
  try {
    const n = task.y.length;
    const nt = task.trainRows;
    const model = trainIntentModel({ x: task.x.subarray(0, nt * NF), y: task.y.subarray(0, nt), features: LIVE_FEATURES }, task.options);
    const vx = task.x.subarray(nt * NF);
    const vy = task.y.subarray(nt);
    const auc = rocAuc(scoreAll(model.features.map((f) => f.name), (x) => model.score(x), vx, n - nt), vy);
    let currentAuc: number | null = null;
    if (task.current) {
      try {
        const cur = parseModel(task.current, liveFeatureByName);
        currentAuc = rocAuc(scoreAll(cur.features.map((f) => f.name), (x) => cur.score(x), vx, n - nt), vy);
      } catch {
        currentAuc = null; // a model this build cannot read loses to any candidate
      }
    }
    const payload = serializeModel(model);
    return { ok: true, payload, bytes: Buffer.byteLength(payload), trees: model.treeCount, auc, currentAuc, trainRows: nt, validationRows: n - nt, ms: Math.round(performance.now() - t0) };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
}

/** Scores rows given in LIVE_FEATURES order with a model whose features are `names` (any order, a subset). */
function scoreAll(names: string[], score: (x: Float64Array) => number, rows: Float64Array, n: number): Float64Array {
  const col = names.map((name) => LIVE_FEATURES.findIndex((f) => f.name === name));
  const x = new Float64Array(names.length);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < col.length; j++) x[j] = rows[i * NF + col[j]!]!;
    out[i] = score(x);
  }
  return out;
}
