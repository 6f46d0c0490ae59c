// Original file: protos/shop/v1/engine.proto


export interface AdCampaignStats {
  'id'?: (string);
  'version'?: (number);
  /**
   * charged clicks, in all (dollars)
   */
  'spend'?: (number | string);
  'spendToday'?: (number | string);
  /**
   * total budget - spend
   */
  'remaining'?: (number | string);
  'impressions'?: (number);
  /**
   * charged clicks
   */
  'clicks'?: (number);
  /**
   * clicks not charged (budget, unknown impression, ...)
   */
  'refused'?: (number);
  /**
   * further clicks on an impression already decided
   */
  'duplicateClicks'?: (number);
  /**
   * the campaign in force
   */
  'campaignJson'?: (string);
}

export interface AdCampaignStats__Output {
  'id': (string);
  'version': (number);
  /**
   * charged clicks, in all (dollars)
   */
  'spend': (number);
  'spendToday': (number);
  /**
   * total budget - spend
   */
  'remaining': (number);
  'impressions': (number);
  /**
   * charged clicks
   */
  'clicks': (number);
  /**
   * clicks not charged (budget, unknown impression, ...)
   */
  'refused': (number);
  /**
   * further clicks on an impression already decided
   */
  'duplicateClicks': (number);
  /**
   * the campaign in force
   */
  'campaignJson': (string);
}
