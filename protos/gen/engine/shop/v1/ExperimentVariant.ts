// Original file: protos/shop/v1/engine.proto


export interface ExperimentVariant {
  'name'?: (string);
  'weight'?: (number | string);
  'exposures'?: (number);
  'conversions'?: (number);
  'conversionRate'?: (number | string);
  'recCtr'?: (number | string);
  /**
   * winsorised
   */
  'revenuePerUser'?: (number | string);
  'aov'?: (number | string);
  'couponCost'?: (number | string);
  /**
   * On the primary metric vs the control (absent on the control): relative lift, its fixed
   * interval, Holm-adjusted p and the sequential (mSPRT) verdict.
   */
  'lift'?: (number | string);
  'liftCiLow'?: (number | string);
  'liftCiHigh'?: (number | string);
  'pAdjusted'?: (number | string);
  'sequentialDecision'?: (string);
}

export interface ExperimentVariant__Output {
  'name': (string);
  'weight': (number);
  'exposures': (number);
  'conversions': (number);
  'conversionRate': (number);
  'recCtr': (number);
  /**
   * winsorised
   */
  'revenuePerUser': (number);
  'aov': (number);
  'couponCost': (number);
  /**
   * On the primary metric vs the control (absent on the control): relative lift, its fixed
   * interval, Holm-adjusted p and the sequential (mSPRT) verdict.
   */
  'lift': (number);
  'liftCiLow': (number);
  'liftCiHigh': (number);
  'pAdjusted': (number);
  'sequentialDecision': (string);
}
