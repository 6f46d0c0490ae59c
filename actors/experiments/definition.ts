/**
 * An experiment definition (definition kind `experiment`, one per id, versions
 * replacing each other): variants with weights and the strategy config each one
 * switches, a target population, a primary metric and guardrails. A version whose
 * weights differ from the previous one starts a new phase (assignment is re-drawn
 * per phase, exposures counted per phase). Refusals name the JSON path of the first
 * wrong field (E_BAD_REQUEST).
 */
import { BadRequestError } from '../../engine/errors/index.js';

export const EXPERIMENT_KIND = 'experiment';

/**
 * What a variant may switch. Every key maps onto a strategy that already has a switch:
 * - `fusionMode` / `diversity` / `categoryCap`: the recommender's ranking (SessionModel options);
 * - `disableRules`: promotion rule ids not applied to this variant's shoppers;
 * - `searchFusion`: search fusion method (`rrf` | `weighted` | `lexical` | `vector`) and lexical weight;
 * - `adShare`: share (0..1) of recommendation slots given to ads. Read by the ads
 *   feature (built separately); defined here so experiments can already carry it.
 * `{}` is the control/A-A config: nothing changes.
 */
export interface VariantConfig {
  fusionMode?: 0 | 1 | 2 | 3;
  diversity?: number;
  categoryCap?: number;
  disableRules?: string[];
  searchFusion?: { method: 'rrf' | 'weighted' | 'lexical' | 'vector'; lexicalWeight?: number };
  adShare?: number;
}

export interface Variant {
  name: string;
  weight: number;
  config: VariantConfig;
}

export type ExperimentMetric = 'conversion' | 'rec_ctr' | 'revenue' | 'aov';
export const EXPERIMENT_METRICS: readonly ExperimentMetric[] = ['conversion', 'rec_ctr', 'revenue', 'aov'];

/** `all`, `new` (no activity before the experiment's start), or one segment of the analytics. */
export type Population = { type: 'all' } | { type: 'new' } | { type: 'segment'; segment: string };

export interface Guardrail {
  metric: ExperimentMetric;
  /** A variant whose relative lift on this metric is significantly below -maxDrop is stopped. */
  maxDrop: number;
}

/**
 * The decision point an experiment tests, from its variants' config keys: `recs`
 * (ranking and the strip's ad share), `search` (fusion) or `promo` (rule sets). An
 * A/A test (every config `{}`) is measured where recommendations are served. One
 * experiment tests one decision point, so its exposure has one meaning.
 */
export type Surface = 'recs' | 'search' | 'promo';
const SURFACE_OF_KEY: Record<string, Surface> = { fusionMode: 'recs', diversity: 'recs', categoryCap: 'recs', adShare: 'recs', searchFusion: 'search', disableRules: 'promo' };

export function surfaceOf(variants: readonly Pick<Variant, 'config'>[]): Surface {
  const found = new Set<Surface>();
  for (const v of variants) for (const k of Object.keys(v.config)) found.add(SURFACE_OF_KEY[k]!);
  if (found.size > 1) bad('variants', `mix decision points (${[...found].join(', ')}): one experiment tests one of recs, search or promo`);
  return found.values().next().value ?? 'recs';
}

export interface Experiment {
  id: string;
  /** Where its variants' decisions are made and exposures logged. */
  surface: Surface;
  variants: Variant[];
  metric: ExperimentMetric;
  population: Population;
  guardrails: Guardrail[];
  /** Stopped experiments assign nobody (everyone gets the default strategy). */
  status: 'running' | 'stopped';
  /** Set by the registry: 1 for the first version, +1 whenever the weights change. */
  phase: number;
  version: number;
}

const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const CONFIG_KEYS = new Set(['fusionMode', 'diversity', 'categoryCap', 'disableRules', 'searchFusion', 'adShare']);

function bad(path: string, msg: string): never {
  throw new BadRequestError(`experiment ${path}: ${msg}`, path);
}

function num(v: unknown, path: string, lo: number, hi: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) bad(path, `must be a number in [${lo}, ${hi}]`);
  return v;
}

export function parseVariantConfig(raw: unknown, path: string): VariantConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) bad(path, 'must be an object ({} changes nothing)');
  const r = raw as Record<string, unknown>;
  for (const k of Object.keys(r)) if (!CONFIG_KEYS.has(k)) bad(`${path}.${k}`, `is not a switchable strategy (one of ${[...CONFIG_KEYS].join(', ')})`);
  const c: VariantConfig = {};
  if (r['fusionMode'] !== undefined) {
    const m = num(r['fusionMode'], `${path}.fusionMode`, 0, 3);
    if (!Number.isInteger(m)) bad(`${path}.fusionMode`, 'must be an integer 0..3');
    c.fusionMode = m as 0 | 1 | 2 | 3;
  }
  if (r['diversity'] !== undefined) c.diversity = num(r['diversity'], `${path}.diversity`, 0, 1);
  if (r['categoryCap'] !== undefined) {
    c.categoryCap = num(r['categoryCap'], `${path}.categoryCap`, 1, 100);
    if (!Number.isInteger(c.categoryCap)) bad(`${path}.categoryCap`, 'must be an integer');
  }
  if (r['disableRules'] !== undefined) {
    const d = r['disableRules'];
    if (!Array.isArray(d) || d.some((x) => typeof x !== 'string')) bad(`${path}.disableRules`, 'must be an array of rule ids');
    c.disableRules = d as string[];
  }
  if (r['searchFusion'] !== undefined) {
    const s = r['searchFusion'] as Record<string, unknown>;
    if (typeof s !== 'object' || s === null) bad(`${path}.searchFusion`, 'must be an object');
    const method = s['method'];
    if (method !== 'rrf' && method !== 'weighted' && method !== 'lexical' && method !== 'vector') bad(`${path}.searchFusion.method`, 'must be rrf, weighted, lexical or vector');
    c.searchFusion = { method };
    if (s['lexicalWeight'] !== undefined) c.searchFusion.lexicalWeight = num(s['lexicalWeight'], `${path}.searchFusion.lexicalWeight`, 0, 1);
  }
  if (r['adShare'] !== undefined) c.adShare = num(r['adShare'], `${path}.adShare`, 0, 1);
  return c;
}

/** Validates the body of `POST /api/admin/experiments` (and the definition payload). */
export function parseExperiment(raw: unknown): Omit<Experiment, 'phase' | 'version'> {
  const e = parseExperimentBody(raw);
  return { ...e, surface: surfaceOf(e.variants) };
}

function parseExperimentBody(raw: unknown): Omit<Experiment, 'phase' | 'version' | 'surface'> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) bad('$', 'must be an object');
  const r = raw as Record<string, unknown>;
  const id = r['id'];
  if (typeof id !== 'string' || !ID.test(id)) bad('id', 'must match [a-z0-9][a-z0-9_-]{0,63}');
  const vs = r['variants'];
  if (!Array.isArray(vs) || vs.length < 2 || vs.length > 10) bad('variants', 'must be an array of 2..10 variants');
  const names = new Set<string>();
  const variants = vs.map((v, i): Variant => {
    const p = `variants[${i}]`;
    if (typeof v !== 'object' || v === null) bad(p, 'must be an object');
    const o = v as Record<string, unknown>;
    const name = o['name'];
    if (typeof name !== 'string' || !ID.test(name)) bad(`${p}.name`, 'must match [a-z0-9][a-z0-9_-]{0,63}');
    if (names.has(name)) bad(`${p}.name`, `"${name}" is used twice`);
    names.add(name);
    return { name, weight: num(o['weight'], `${p}.weight`, 0, 1e6), config: parseVariantConfig(o['config'] ?? {}, `${p}.config`) };
  });
  if (!variants.some((v) => v.weight > 0)) bad('variants', 'at least one weight must be > 0');
  const metric = r['metric'];
  if (!EXPERIMENT_METRICS.includes(metric as ExperimentMetric)) bad('metric', `must be one of ${EXPERIMENT_METRICS.join(', ')}`);
  let population: Population = { type: 'all' };
  const pop = r['population'];
  if (pop !== undefined) {
    if (pop === 'all' || pop === 'new') population = { type: pop };
    else if (typeof pop === 'object' && pop !== null && typeof (pop as Record<string, unknown>)['segment'] === 'string') population = { type: 'segment', segment: (pop as Record<string, string>)['segment']! };
    else bad('population', 'must be "all", "new" or {"segment": name}');
  }
  const guardrails: Guardrail[] = [];
  const gs = r['guardrails'];
  if (gs !== undefined) {
    if (!Array.isArray(gs)) bad('guardrails', 'must be an array');
    gs.forEach((g: Record<string, unknown>, i) => {
      if (!EXPERIMENT_METRICS.includes(g?.['metric'] as ExperimentMetric)) bad(`guardrails[${i}].metric`, `must be one of ${EXPERIMENT_METRICS.join(', ')}`);
      guardrails.push({ metric: g['metric'] as ExperimentMetric, maxDrop: num(g['maxDrop'], `guardrails[${i}].maxDrop`, 0, 1) });
    });
  }
  const status = r['status'] ?? 'running';
  if (status !== 'running' && status !== 'stopped') bad('status', 'must be running or stopped');
  return { id, variants, metric: metric as ExperimentMetric, population, guardrails, status };
}

/** The definition payload as published on the log. */
export function parseExperimentPayload(payload: string, defId: string, defVersion: number, previous: Experiment | undefined): Experiment {
  let raw: unknown;
  try { raw = JSON.parse(payload); } catch { bad('$', 'is not valid JSON'); }
  const e = parseExperiment(raw);
  if (e.id !== defId) bad('id', `must be the definition's id "${defId}", got "${e.id}"`);
  const sameWeights = previous !== undefined && previous.variants.length === e.variants.length
    && previous.variants.every((v, i) => v.name === e.variants[i]!.name && v.weight === e.variants[i]!.weight);
  const phase = previous === undefined ? 1 : sameWeights ? previous.phase : previous.phase + 1;
  return { ...e, phase, version: defVersion };
}
