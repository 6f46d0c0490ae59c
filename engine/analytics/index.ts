export { AnalyticsConsumer, type AnalyticsConsumerOptions, type AnalyticsProgress } from './analytics-consumer.js';
export { liveSummary, HotLists, LIVE_HOT, LIVE_MINUTES, type FoldPosition } from './live-summary.js';
export { readFunnel, readHot, readKpis } from './store-reads.js';
export { AnalyticsStore } from './analytics-store.js';
export { bucketKey, emptyBucket, foldShopEvent, isOrderLine, GRANULARITIES, type AnalyticsView, type CustomerOrder, type FunnelCounts, type Granularity, type HotScore, type KpiBucket, type VisitorState } from './shop-fold.js';
export { kpiReport, type KpiReport } from './kpi-report.js';
export { CustomerReport, tomorrowUtc, type CustomerScores } from './customer-report.js';
