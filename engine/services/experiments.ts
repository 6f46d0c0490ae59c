/**
 * A/B tests as the operator API offers them. Experiments are `experiment`
 * definition events (this service keeps its own registry of them, fed by the
 * definitions subject, as every shard does); assignment and exposure happen at the
 * decision points (the shards' recommendations, docs/experiments.md); the numbers
 * come from the analytics fold of the log (per-variant sums in its LMDB), and the
 * statistics from engine/analytics/experiments.
 *
 * Guardrails act through the log too: when a variant is significantly worse than
 * the control on a guardrail metric (the anytime-valid interval's upper end below
 * -maxDrop), this service publishes the next version with that variant's weight at
 * 0, so every node stops serving it from the same log position (a new phase).
 */
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { DefinitionRegistry, type LiveExperiment } from '../../actors/definitions/index.js';
import { EXPERIMENT_KIND, parseExperiment } from '../../actors/experiments/index.js';
import { experimentReport, type ExperimentReport } from '../analytics/experiments/report.js';
import { experimentKey, type ExperimentSums } from '../analytics/experiments/variant-fold.js';
import { decodeEvent } from '../../protos/index.js';
import { NotFoundError } from '../errors/index.js';
import { readDefinitions, type EventLog } from '../log/index.js';
import type { Logger } from '../observability/index.js';
import { DEFINITIONS_SUBJECT } from '../placement/index.js';

/** How often guardrails are checked (each check reads O(variants) sums per experiment). */
export const GUARDRAIL_CHECK_MS = 5000;

export interface ExperimentsDeps {
  log: EventLog;
  nc: NatsConnection;
  /** The analytics fold's per-variant sums of one phase (undefined: nobody exposed yet, or analytics off here). */
  sums(key: string): ExperimentSums | undefined;
  logger?: Logger | undefined;
  now?: () => number;
}

export interface ExperimentSummary {
  id: string;
  version: number;
  phase: number;
  status: 'running' | 'stopped';
  surface: string;
  metric: string;
  variants: Array<{ name: string; weight: number; exposures: number }>;
  decision: string;
  srm: { p: number; flagged: boolean };
}

export class Experiments {
  readonly #d: ExperimentsDeps;
  readonly #reg = new DefinitionRegistry();
  #sub: Subscription | undefined;
  #timer: NodeJS.Timeout | undefined;
  /** Versions this node already published a guardrail stop for (one stop per breach). */
  readonly #stopping = new Set<string>();
  guardrailStops = 0;

  constructor(deps: ExperimentsDeps) {
    this.#d = deps;
  }

  async start(opts: { guardrails?: boolean } = {}): Promise<void> {
    this.#sub = this.#d.nc.subscribe(DEFINITIONS_SUBJECT, {
      callback: (err, msg) => {
        if (err) return;
        try {
          const e = decodeEvent(msg.data);
          if (e.defKind === EXPERIMENT_KIND) this.#reg.apply(e, 0);
        } catch (e2) {
          this.#d.logger?.warn('experiments: undecodable definition', { err: e2 });
        }
      },
    });
    for (const r of await readDefinitions(this.#d.nc)) if (r.event.defKind === EXPERIMENT_KIND) this.#reg.apply(r.event, r.seq);
    if (opts.guardrails !== false) {
      this.#timer = setInterval(() => void this.checkGuardrails().catch((err: unknown) => this.#d.logger?.warn('experiments: guardrail check failed', { err })), GUARDRAIL_CHECK_MS);
      this.#timer.unref();
    }
  }

  close(): void {
    this.#sub?.unsubscribe();
    clearInterval(this.#timer);
  }

  /** Creates an experiment (version 1) or replaces it (the next version; changed weights start a new phase). */
  async put(body: unknown): Promise<{ id: string; version: number; phase: number; seq: number }> {
    const e = parseExperiment(body);
    const version = this.#reg.version(EXPERIMENT_KIND, e.id) + 1;
    const payload = JSON.stringify(body);
    const ack = await this.#d.log.appendDefinition({ defKind: EXPERIMENT_KIND, defId: e.id, defVersion: version, payload });
    // Applied here at once, so the answer and the next report know it (the subscription's copy is then stale).
    this.#reg.apply({ id: '', userId: '', kind: 'definition', ts: (this.#d.now ?? Date.now)(), defKind: EXPERIMENT_KIND, defId: e.id, defVersion: version, payload }, ack.seq);
    return { id: e.id, version, phase: this.#reg.experiments.get(e.id)!.phase, seq: ack.seq };
  }

  #get(id: string): LiveExperiment {
    const e = this.#reg.experiments.get(id);
    if (!e) throw new NotFoundError('E_NOT_FOUND', `no experiment "${id.slice(0, 64)}"`);
    return e;
  }

  /** The `GET /api/admin/experiments/:id` body (the current phase). */
  report(id: string): ExperimentReport & { surface: string; population: LiveExperiment['population']; phaseStartedAt: number } {
    const e = this.#get(id);
    const r = experimentReport(e, this.#d.sums(experimentKey(e.id, e.phase)));
    return { ...r, surface: e.surface, population: e.population, phaseStartedAt: e.phaseTs };
  }

  list(): { experiments: ExperimentSummary[] } {
    const out: ExperimentSummary[] = [];
    for (const e of [...this.#reg.experiments.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const r = experimentReport(e, this.#d.sums(experimentKey(e.id, e.phase)));
      out.push({
        id: e.id, version: e.version, phase: e.phase, status: e.status, surface: e.surface, metric: e.metric,
        variants: r.variants.map((v) => ({ name: v.name, weight: v.weight, exposures: v.exposures })), decision: r.decision, srm: { p: r.srm.p, flagged: r.srm.flagged },
      });
    }
    return { experiments: out };
  }

  /** Stops (weight 0) each variant that breached a guardrail; returns the experiments changed. */
  async checkGuardrails(): Promise<string[]> {
    const changed: string[] = [];
    for (const e of this.#reg.experiments.values()) {
      if (e.status !== 'running' || e.guardrails.length === 0) continue;
      const r = experimentReport(e, this.#d.sums(experimentKey(e.id, e.phase)));
      const breached = new Set(r.guardrails.filter((g) => g.breached).map((g) => g.variant));
      if (breached.size === 0) continue;
      const key = `${e.id}@${e.version}`;
      if (this.#stopping.has(key)) continue;
      this.#stopping.add(key);
      const body = {
        id: e.id, metric: e.metric, status: e.status, guardrails: e.guardrails,
        population: e.population.type === 'segment' ? { segment: e.population.segment } : e.population.type,
        variants: e.variants.map((v) => ({ name: v.name, weight: breached.has(v.name) ? 0 : v.weight, config: v.config })),
      };
      // Everyone in a stopped variant is re-drawn among the others: a new phase.
      if (!body.variants.some((v) => v.weight > 0)) continue;
      await this.put(body);
      this.guardrailStops++;
      this.#d.logger?.warn('experiment variant stopped by a guardrail', { experiment: e.id, variants: [...breached] });
      changed.push(e.id);
    }
    return changed;
  }
}
