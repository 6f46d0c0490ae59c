/**
 * Promotions over gRPC (shop.v1.Engine ListCoupons, ListPromotions, PutPromotion,
 * SetPromotionStatus, DryRunPromotion): the same services as the HTTP routes, so the
 * validation and typed errors are the same (a bad rule is E_BAD_RULE naming the field).
 * Rules travel as JSON, the payload their definition event carries.
 */
import type { CouponList } from '../../protos/gen/engine/shop/v1/CouponList.js';
import type { DryRunPromotionRequest__Output } from '../../protos/gen/engine/shop/v1/DryRunPromotionRequest.js';
import type { DryRunPromotionResult } from '../../protos/gen/engine/shop/v1/DryRunPromotionResult.js';
import type { ProfileRequest__Output } from '../../protos/gen/engine/shop/v1/ProfileRequest.js';
import type { PromotionList } from '../../protos/gen/engine/shop/v1/PromotionList.js';
import type { PromotionPublished } from '../../protos/gen/engine/shop/v1/PromotionPublished.js';
import type { PutPromotionRequest__Output } from '../../protos/gen/engine/shop/v1/PutPromotionRequest.js';
import type { SetPromotionStatusRequest__Output } from '../../protos/gen/engine/shop/v1/SetPromotionStatusRequest.js';
import { RuleError, UnavailableError } from '../errors/index.js';
import { couponView } from '../gateway/api-routes.js';
import type { EngineServices, Promotions } from '../services/index.js';
import type { CallContext } from './call-guard.js';
import { checkUserId } from './event-input.js';
import { checkAlive } from './unary-handlers.js';

function json(text: string, field: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new RuleError(field === 'rule_json' ? '$' : field, `${field} is not valid JSON`);
  }
}

export function promotionHandlers(services: EngineServices, promotions: Promotions | undefined) {
  const promo = (): Promotions => {
    if (!promotions) throw new UnavailableError('promotions are not served by this gRPC server (no admin services configured)');
    return promotions;
  };
  return {
    async listCoupons(req: ProfileRequest__Output, ctx: CallContext): Promise<CouponList> {
      const userId = checkUserId(req.userId);
      checkAlive(ctx);
      const now = Date.now();
      const p = await services.asks.profile(userId, { timeoutMs: ctx.deadline - Date.now() });
      return {
        coupons: p.coupons.map((c) => {
          const v = couponView(c, now);
          return {
            code: v.code, rule: v.rule, ruleVersion: v.ruleVersion, title: v.title, rewardText: v.rewardText, rewardJson: JSON.stringify(v.reward),
            scopeJson: JSON.stringify(v.scope), minOrder: v.minOrder, ts: v.ts, expiresAt: v.expiresAt, status: v.status, orderId: v.orderId ?? '', causedBy: v.causedBy,
          };
        }),
      };
    },
    async listPromotions(): Promise<PromotionList> {
      const { rules } = await promo().list();
      return {
        rules: rules.map((r) => ({
          id: r.id, version: r.version, status: r.status, title: r.title, reward: r.reward, publishedAt: r.publishedAt, ruleJson: JSON.stringify(r.rule),
          issued: r.stats.issued, refusedByBudget: r.stats.refusedByBudget, redeemed: r.stats.redeemed, released: r.stats.released,
          redeemedMoney: r.stats.redeemedMoney, spendToday: r.stats.today.money, spendTotal: r.stats.total.money,
        })),
      };
    },
    async putPromotion(req: PutPromotionRequest__Output): Promise<PromotionPublished> {
      const raw = json(req.ruleJson, 'rule_json');
      if (!req.update) return promo().create(raw);
      const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
      if (typeof id !== 'string') throw new RuleError('id', 'must be a non-empty string');
      return promo().update(id, raw);
    },
    async setPromotionStatus(req: SetPromotionStatusRequest__Output): Promise<PromotionPublished> {
      return promo().setStatus(req.id, req.paused ? 'paused' : 'active');
    },
    async dryRunPromotion(req: DryRunPromotionRequest__Output): Promise<DryRunPromotionResult> {
      const r = await promo().dryRun({ rule: json(req.ruleJson, 'rule_json'), ...(req.hours ? { hours: req.hours } : {}) });
      return {
        rule: r.rule, events: r.window.events, shoppers: r.window.shoppers, issued: r.issued, refusedByBudget: r.refusedByBudget, cost: r.cost,
        users: r.users, from: r.window.from, to: r.window.to,
      };
    },
  };
}
