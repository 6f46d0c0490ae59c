/**
 * What a decision point asks before it decides for a shopper: the running
 * experiments of its surface whose population holds the shopper, each with the
 * shopper's variant, and the strategy config they add up to. Pure and cheap (a hash
 * per experiment): it runs on every recompute.
 */
import { assign } from './assign.js';
import type { Experiment, Surface, Variant, VariantConfig } from './definition.js';

export interface ExperimentInForce extends Experiment {
  /** When the current phase began (the `new` population is who arrived after it). */
  phaseTs: number;
}

/** What assignment needs to know about the shopper. */
export interface Shopper {
  userId: string;
  /** First event folded (0: none yet, i.e. new). */
  firstTs: number;
  segment?: { name: string } | undefined;
}

export interface Assignment {
  experiment: ExperimentInForce;
  variant: Variant;
}

export function inPopulation(e: Pick<Experiment, 'population'> & { phaseTs: number }, s: Shopper): boolean {
  const p = e.population;
  if (p.type === 'all') return true;
  if (p.type === 'new') return s.firstTs === 0 || s.firstTs >= e.phaseTs;
  return s.segment?.name === p.segment;
}

/** The shopper's variants at one decision point, in experiment id order (stable across nodes). */
export function assignmentsFor(experiments: Iterable<ExperimentInForce>, surface: Surface, s: Shopper): Assignment[] {
  const out: Assignment[] = [];
  for (const e of experiments) {
    if (e.status !== 'running' || e.surface !== surface || !inPopulation(e, s)) continue;
    out.push({ experiment: e, variant: assign(e, s.userId) });
  }
  return out.sort((a, b) => (a.experiment.id < b.experiment.id ? -1 : 1));
}

/** The config the shopper's variants add up to: where two experiments set one key, the first by id wins. */
export function mergedConfig(assignments: readonly Assignment[]): VariantConfig {
  const c: VariantConfig = {};
  for (const a of assignments) {
    for (const [k, v] of Object.entries(a.variant.config)) if (!(k in c)) (c as Record<string, unknown>)[k] = v;
  }
  return c;
}

/** The exposure's log id: one per user, experiment and phase, so the log drops re-sends. */
export const exposureId = (experimentId: string, phase: number, userId: string) => `exposure:${experimentId}:${phase}:${userId}`;
