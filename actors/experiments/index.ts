export { EXPERIMENT_KIND, EXPERIMENT_METRICS, parseExperiment, parseExperimentPayload, parseVariantConfig } from './definition.js';
export type { Experiment, ExperimentMetric, Guardrail, Population, Variant, VariantConfig } from './definition.js';
export { assign, bucketOf, fnv1a32, variantAt } from './assign.js';
