export { DefinitionRegistry, INTENT_MODEL_ID, INTENT_MODEL_KIND } from './registry.js';
export type { ApplyOutcome, LiveExperiment, LiveIntentModel, Refusal, RegistrySnapshot } from './registry.js';
