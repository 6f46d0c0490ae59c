export { startEngine, type Engine, type StartOptions } from './app/start-engine.js';
export { loadConfig, type EngineConfig } from './config/index.js';
