/**
 * Piscina task: fits BG/NBD and Gamma-Gamma to the customers' repeat summaries off
 * the main thread (a fit over thousands of customers takes up to a second).
 */
import { fitBgNbd, fitGammaGamma, type BgNbdParams, type GammaGammaParams, type RepeatSummary } from './customers/index.js';

export interface ClvFitTask {
  summaries: RepeatSummary[];
}

export type ClvFitReply =
  | { ok: true; bgnbd: BgNbdParams; gammaGamma: GammaGammaParams | undefined; customers: number }
  | { ok: false; message: string };

export default function fitClv(task: ClvFitTask): ClvFitReply {
  try {
    const bg = fitBgNbd(task.summaries);
    const spenders = task.summaries.filter((s) => s.x >= 1 && s.meanRepeatSpend > 0).map((s) => ({ x: s.x, meanSpend: s.meanRepeatSpend }));
    const gg = spenders.length > 0 ? fitGammaGamma(spenders) : undefined;
    return {
      ok: true, bgnbd: { r: bg.r, alpha: bg.alpha, a: bg.a, b: bg.b },
      gammaGamma: gg && { p: gg.p, q: gg.q, v: gg.v }, customers: task.summaries.length,
    };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
}
