export { PROMO_RULE_KIND, RULE_FORMAT, TRIGGER_EVENT_KINDS, CONDITION_OPS, parseRule, parseRulePayload, rewardText } from './rule.js';
export type { PromoRule, RuleTrigger, RuleCondition, RuleBudget, ConditionOp, TriggerEventKind } from './rule.js';
export { METRICS, MetricCache, NEVER_DAYS, type MetricName, type MetricInput, type ItemFactsView } from './metrics.js';
export { PromoRuleSet } from './rule-set.js';
export { DELIVERY_FEE, FREE_DELIVERY_FROM, deliveryFor, estimatedCost, inScope, priceOrder, type CategoryOf, type OrderPrice, type PricedLine, type PriceCheck } from './pricing.js';
export {
  PROMO_REMINDER, EXPIRY_REMINDER, couponCode, reserveId, promoState, promoOnEvent, promoOnOrder, promoOnReminder, promoOnDecision,
  releaseCommand, expiryReminder, type PromoContext, type PromoSink, type PromoUserState, type PendingCoupon,
} from './evaluate.js';
export { AUTO_COUPON, quoteCoupon, redeemAtCheckout, settleCoupon, type Redemption, type CouponRefusal } from './redeem.js';
export { emptyRuleBudget, foldRuleCommand, budgetProblem, couponDecisionId, dayOf, type RuleBudgetState, type RuleEffect, type Spend } from './budget.js';
export { DEFAULT_RULES } from './defaults.js';
