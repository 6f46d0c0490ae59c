// Original file: protos/shop/v1/engine.proto


export interface AdCampaignPutRequest {
  /**
   * {id, itemIds, bidPerClick, dailyBudget, totalBudget, queries?, categories?, ...}
   */
  'campaignJson'?: (string);
}

export interface AdCampaignPutRequest__Output {
  /**
   * {id, itemIds, bidPerClick, dailyBudget, totalBudget, queries?, categories?, ...}
   */
  'campaignJson': (string);
}
