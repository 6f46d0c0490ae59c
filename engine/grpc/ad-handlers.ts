/**
 * Sponsored products over gRPC (shop.v1.Engine PutAdCampaign, GetAdCampaign): the same
 * Ads service as /api/admin/campaigns, so validation and typed errors are the same
 * (a bad campaign is E_BAD_CAMPAIGN naming the field).
 */
import type { AdCampaignGetRequest__Output } from '../../protos/gen/engine/shop/v1/AdCampaignGetRequest.js';
import type { AdCampaignPublished } from '../../protos/gen/engine/shop/v1/AdCampaignPublished.js';
import type { AdCampaignPutRequest__Output } from '../../protos/gen/engine/shop/v1/AdCampaignPutRequest.js';
import type { AdCampaignStats } from '../../protos/gen/engine/shop/v1/AdCampaignStats.js';
import { CampaignError, UnavailableError } from '../errors/index.js';
import type { Ads } from '../services/ads.js';

export function adHandlers(ads: () => Ads | undefined) {
  const svc = (): Ads => {
    const a = ads();
    if (!a) throw new UnavailableError('sponsored products are off on this engine (ADS=false)');
    return a;
  };
  return {
    async putAdCampaign(req: AdCampaignPutRequest__Output): Promise<AdCampaignPublished> {
      let raw: unknown;
      try {
        raw = JSON.parse(req.campaignJson);
      } catch {
        throw new CampaignError('campaign_json', 'is not valid JSON');
      }
      return svc().put(raw);
    },
    async getAdCampaign(req: AdCampaignGetRequest__Output): Promise<AdCampaignStats> {
      const s = svc().stats(req.id);
      return {
        id: s.id, version: s.version, spend: s.spend, spendToday: s.spendToday, remaining: s.remaining, impressions: s.impressions,
        clicks: s.clicks, refused: s.refused, duplicateClicks: s.duplicateClicks, campaignJson: JSON.stringify(s.campaign),
      };
    },
  };
}
