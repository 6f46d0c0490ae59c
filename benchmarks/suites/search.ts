/**
 * The search suite: relevance on the graded demo-catalog set (in process) and speed
 * against real engines per catalog size (benchmarks/search/). Scenario names are fixed:
 * `search-relevance-<n>` and `search-speed-<n>`.
 */
import { runRelevance, type RelevanceResult } from '../search/relevance.js';
import { runSpeed, type SpeedResult } from '../search/speed.js';

export interface SearchPlan {
  relevanceProducts: number;
  sizes: number[];
  requests: number;
}

export const FULL_SEARCH: SearchPlan = { relevanceProducts: 10_000, sizes: [10_000, 100_000], requests: 2000 };
export const QUICK_SEARCH: SearchPlan = { relevanceProducts: 10_000, sizes: [10_000], requests: 500 };

/** The goals (sequential client, this machine). */
export const SEARCH_GOALS = { searchP99Ms: 10, suggestP99Ms: 5, atProducts: 100_000 } as const;

export interface SearchBenchResult {
  plan: SearchPlan;
  relevance: RelevanceResult;
  speed: SpeedResult[];
}

export async function runSearch(plan: SearchPlan, log: (s: string) => void): Promise<SearchBenchResult> {
  const relevance = runRelevance(plan.relevanceProducts, log);
  const speed: SpeedResult[] = [];
  for (const n of plan.sizes) speed.push(await runSpeed(n, plan.requests, log));
  return { plan, relevance, speed };
}
