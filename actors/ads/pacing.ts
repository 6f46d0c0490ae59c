/**
 * Pacing: the daily budget is spread over the UTC day instead of first come, first
 * served. A throttle: a campaign takes part in an auction only while today's spend is
 * at most the even share of the day elapsed plus a slack,
 *   spendToday <= dailyBudget x min(1, dayFraction + slack),
 * so an early burst of traffic cannot spend the day by breakfast; the campaign sits out
 * until the clock catches up. Pure; the auction asks it per campaign.
 */
const DAY_MS = 86_400_000;
/** Today's spend may run this far ahead of an even spread (one hour). */
export const PACING_SLACK = 1 / 24;

export function pacingAllows(dailyBudgetCents: number, spentTodayCents: number, now: number, slack = PACING_SLACK): boolean {
  const dayFraction = (now % DAY_MS) / DAY_MS;
  return spentTodayCents <= dailyBudgetCents * Math.min(1, dayFraction + slack);
}
