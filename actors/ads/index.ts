export { AD_CAMPAIGN_KIND, CAMPAIGN_ID_PATTERN, isLive, parseCampaign, parseCampaignPayload, toCents, type Campaign } from './campaign.js';
export {
  adDayOf, adDecisionId, chargeProblem, emptyCampaignBudget, foldCampaignEvent, MAX_OPEN_IMPRESSIONS,
  type CampaignBudgetState, type CampaignDay, type CampaignEffect,
} from './campaign-budget.js';
export { adFeatures, runAuction, type AdCandidate, type AdContext, type AdWinner } from './auction.js';
export { DEFAULT_FTRL, FtrlModel, sigmoid, type FtrlOptions } from './ftrl.js';
export { PACING_SLACK, pacingAllows } from './pacing.js';
export { CALIBRATION_EDGES, CLICK_WINDOW_MS, CtrFold, MAX_PENDING, type AdLogEvent, type CalibrationBucket, type PendingImpression } from './ctr-fold.js';
