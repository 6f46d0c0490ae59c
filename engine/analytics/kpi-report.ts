/** The KPI answer operators read: buckets plus totals and the rates derived from them. */
import { emptyBucket, type Granularity, type KpiBucket } from './shop-fold.js';

export interface KpiRates {
  /** Average order value: revenue / orders. */
  aov: number;
  /** Sessions with an order / sessions. */
  conversionRate: number;
  /** 1 - sessions that added to the cart and ordered / sessions that added to the cart. */
  cartAbandonmentRate: number;
  /** Rec clicks / items shown in rec strips. */
  recCtr: number;
  /** Revenue of rec-attributed lines / revenue. */
  recRevenueShare: number;
}

export interface KpiReport {
  granularity: Granularity;
  from: string;
  to: string;
  buckets: Array<{ start: string } & KpiBucket & KpiRates>;
  totals: KpiBucket & KpiRates;
}

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

export function ratesOf(b: KpiBucket): KpiRates {
  return {
    aov: b.orders > 0 ? round(b.revenue / b.orders, 2) : 0,
    conversionRate: b.sessions > 0 ? round(b.orderSessions / b.sessions) : 0,
    cartAbandonmentRate: b.cartSessions > 0 ? round(1 - b.cartOrderSessions / b.cartSessions) : 0,
    recCtr: b.recImpressions > 0 ? round(b.recClicks / b.recImpressions) : 0,
    recRevenueShare: b.revenue > 0 ? round(b.recRevenue / b.revenue) : 0,
  };
}

export function kpiReport(granularity: Granularity, from: number, to: number, buckets: Array<{ start: string } & KpiBucket>): KpiReport {
  const totals = emptyBucket();
  for (const b of buckets) {
    for (const k of Object.keys(totals) as Array<keyof KpiBucket>) totals[k] += b[k];
  }
  totals.revenue = round(totals.revenue, 2);
  totals.recRevenue = round(totals.recRevenue, 2);
  return {
    granularity, from: new Date(from).toISOString(), to: new Date(to).toISOString(),
    buckets: buckets.map((b) => ({ ...b, ...ratesOf(b) })),
    totals: { ...totals, ...ratesOf(totals) },
  };
}
