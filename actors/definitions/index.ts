export { DefinitionRegistry, INTENT_MODEL_ID, INTENT_MODEL_KIND } from './registry.js';
export type { ApplyOutcome, LiveIntentModel, Refusal, RegistrySnapshot } from './registry.js';
