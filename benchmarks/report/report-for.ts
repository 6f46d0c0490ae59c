/** Picks the report for a results file by its shape. */
import type { BenchResults } from '../lib/results.js';
import { RESULTS_SCHEMA } from '../lib/results.js';
import { benchReport } from './bench-report.js';
import { clvReport, intentReport } from './eval-report.js';
import type { Report } from './html-report.js';

export function reportFor(json: Record<string, unknown>): Report | undefined {
  if (json['schema'] === RESULTS_SCHEMA) return benchReport(json as unknown as BenchResults);
  if (json['clv'] && typeof json['clv'] === 'object') return clvReport(json);
  if (json['metrics'] && json['scoring']) return intentReport(json);
  return undefined;
}
