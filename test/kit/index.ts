export { startNats, type TestNats } from './nats.js';
export { tempDir } from './temp.js';
export { fetchMetrics, startTestEngine, spawnEngine, testEnv, TEST_CATALOG_SIZE, type EngineProcess } from './engine.js';
export { Shopper, type ServerMessage } from './shopper.js';
export { foldedPart, readLog, readSettledLog, referenceProfiles, type LoggedEvent } from './reference.js';
export { startTraffic, type Traffic } from './traffic.js';
export { referenceStock, stockViolations, type StockFold, type ItemStock, type CheckoutRecord, type OrderRecord } from './stock-reference.js';
export { referencePromos, type PromoFold, type RulePromos } from './promo-reference.js';
export { referenceAds, type AdsFold, type CampaignFold } from './ads-reference.js';
