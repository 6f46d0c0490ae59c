export { EXPERIMENT_KIND, EXPERIMENT_METRICS, parseExperiment, parseExperimentPayload, parseVariantConfig } from './definition.js';
export { surfaceOf } from './definition.js';
export type { Experiment, ExperimentMetric, Guardrail, Population, Surface, Variant, VariantConfig } from './definition.js';
export { assign, bucketOf, fnv1a32, variantAt } from './assign.js';
export { assignmentsFor, exposureId, inPopulation, mergedConfig } from './serve.js';
export type { Assignment, ExperimentInForce, Shopper } from './serve.js';
