/** How numbers read on the dashboard. */
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const money2 = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const formatMoney = (n: number): string => (Math.abs(n) >= 1000 ? money.format(n) : money2.format(n));
export const formatInt = (n: number): string => int.format(n);
export const formatPercent = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)}%`;
export const isoDay = (t: number): string => new Date(t).toISOString().slice(0, 10);
/** Tomorrow (UTC): customer reports "as of" it include today's orders. */
export const tomorrowIso = (): string => isoDay(Math.floor(Date.now() / 86_400_000) * 86_400_000 + 86_400_000);
