/** Public surface of the load generator: run it from code (benchmarks) or from the CLI (main.ts). */
export { parseLoadgenArgs, PROTOCOLS, SCENARIOS, USAGE, type LoadgenOptions, type Protocol, type ScenarioName } from './args.js';
export { runLoad, type LoadResult, type RunHooks, type TimelinePoint } from './coordinator.js';
export { humanSummary, jsonSummary } from './report.js';
export { LoadgenError, FlagError, LOADGEN_ERROR_CODES, type LoadgenErrorCode } from './errors.js';
export { summarize, newHistogram, recordMs, type LatencySummary } from './histogram.js';
export { findSessionsFile } from './behaviour/replay.js';
