/** The rule format: every malformed field is refused with E_BAD_RULE naming it; the registry keeps the previous version. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DefinitionRegistry } from '../../actors/definitions/index.js';
import { parseRule, PROMO_RULE_KIND } from '../../actors/promo/index.js';
import type { ShopEvent } from '../../protos/index.js';

const GOOD = {
  id: 'r_good', title: 'Good', trigger: { type: 'event', kinds: ['view'] }, conditions: [{ metric: 'cartValue', op: 'gte', value: 10 }],
  reward: { type: 'percent', percent: 10 }, budget: { count: { perDay: 5, total: 50 }, money: { total: 100 } },
};

const bad: Array<[string, Record<string, unknown>, string]> = [
  ['missing id', { ...GOOD, id: undefined }, 'id'],
  ['id with spaces', { ...GOOD, id: 'has space' }, 'id'],
  ['no title', { ...GOOD, title: '' }, 'title'],
  ['unknown field', { ...GOOD, colour: 'red' }, 'colour'],
  ['format from the future', { ...GOOD, format: 2 }, 'format'],
  ['status', { ...GOOD, status: 'maybe' }, 'status'],
  ['trigger missing', { ...GOOD, trigger: undefined }, 'trigger'],
  ['trigger type', { ...GOOD, trigger: { type: 'moon' } }, 'trigger.type'],
  ['trigger kind', { ...GOOD, trigger: { type: 'event', kinds: ['teleport'] } }, 'trigger.kinds[0]'],
  ['idle too short', { ...GOOD, trigger: { type: 'idle', afterMs: 5, armOn: ['view'] } }, 'trigger.afterMs'],
  ['idle setting', { ...GOOD, trigger: { type: 'idle', afterMs: 60_000, armOn: ['view'], setting: 'X' } }, 'trigger.setting'],
  ['score metric', { ...GOOD, trigger: { type: 'score', metric: 'luck', above: 0.5 } }, 'trigger.metric'],
  ['score above 1', { ...GOOD, trigger: { type: 'score', metric: 'intentScore', above: 2 } }, 'trigger.above'],
  ['conditions not a list', { ...GOOD, conditions: {} }, 'conditions'],
  ['condition metric', { ...GOOD, conditions: [{ metric: 'moonPhase', op: 'eq', value: 1 }] }, 'conditions[0].metric'],
  ['condition op', { ...GOOD, conditions: [{ metric: 'cartValue', op: 'about', value: 1 }] }, 'conditions[0].op'],
  ['set op on a number', { ...GOOD, conditions: [{ metric: 'cartValue', op: 'includes', value: 'x' }] }, 'conditions[0].op'],
  ['condition value type', { ...GOOD, conditions: [{ metric: 'cartValue', op: 'gte', value: 'ten' }] }, 'conditions[0].value'],
  ['arg missing', { ...GOOD, conditions: [{ metric: 'cheapViewShare', op: 'gte', value: 0.5 }] }, 'conditions[0].arg'],
  ['arg not taken', { ...GOOD, conditions: [{ metric: 'cartValue', op: 'gte', value: 1, arg: 3 }] }, 'conditions[0].arg'],
  ['reward missing', { ...GOOD, reward: undefined }, 'reward'],
  ['unknown reward type', { ...GOOD, reward: { type: 'hug' } }, 'reward.type'],
  ['percent over 90', { ...GOOD, reward: { type: 'percent', percent: 150 } }, 'reward.percent'],
  ['negative amount', { ...GOOD, reward: { type: 'amount', amount: -5 } }, 'reward.amount'],
  ['negative max discount', { ...GOOD, reward: { type: 'percent', percent: 5, maxDiscount: -1 } }, 'reward.maxDiscount'],
  ['buy x get y fraction', { ...GOOD, reward: { type: 'buy_x_get_y', buy: 1.5, get: 1 } }, 'reward.buy'],
  ['gift without item', { ...GOOD, reward: { type: 'gift', value: 3 } }, 'reward.itemId'],
  ['scope type', { ...GOOD, scope: { type: 'planet' } }, 'scope.type'],
  ['scope categories empty', { ...GOOD, scope: { type: 'categories', categories: [] } }, 'scope.categories'],
  ['negative min order', { ...GOOD, minOrder: -1 }, 'minOrder'],
  ['per user zero', { ...GOOD, perUser: 0 }, 'perUser'],
  ['negative budget', { ...GOOD, budget: { money: { perDay: -10 } } }, 'budget.money.perDay'],
  ['fractional count budget', { ...GOOD, budget: { count: { total: 2.5 } } }, 'budget.count.total'],
  ['validity too short', { ...GOOD, couponValidMs: 10 }, 'couponValidMs'],
  ['validUntil before validFrom', { ...GOOD, validFrom: '2026-02-01T00:00:00Z', validUntil: '2026-01-01T00:00:00Z' }, 'validUntil'],
  ['bad date', { ...GOOD, validFrom: 'soon' }, 'validFrom'],
  ['stacking group', { ...GOOD, stackingGroup: 'Not OK' }, 'stackingGroup'],
  ['priority', { ...GOOD, priority: -3 }, 'priority'],
  ['code prefix', { ...GOOD, codePrefix: 'lower' }, 'codePrefix'],
];

describe('promotions - rule format', () => {
  it('promotions - a good rule parses with defaults filled in', () => {
    const r = parseRule(GOOD);
    assert.equal(r.status, 'active');
    assert.equal(r.perUser, 1);
    assert.equal(r.stackingGroup, 'default');
    assert.deepEqual(r.scope, { type: 'order' });
    assert.equal(r.codePrefix, 'RGOOD');
  });

  for (const [what, raw, field] of bad) {
    it(`promotions - refused with E_BAD_RULE naming the field: ${what}`, () => {
      assert.throws(() => parseRule(JSON.parse(JSON.stringify(raw))), (err: { code?: string; field?: string; message?: string }) => {
        assert.equal(err.code, 'E_BAD_RULE');
        assert.equal(err.field, field, err.message);
        return true;
      });
    });
  }

  it('promotions - the registry applies versions in order, refuses a bad one and keeps the previous; survives a snapshot', () => {
    const reg = new DefinitionRegistry();
    const def = (v: number, payload: string): ShopEvent => ({ id: `d${v}`, userId: '', kind: 'definition', ts: v, defKind: PROMO_RULE_KIND, defId: 'r_good', defVersion: v, payload });
    assert.equal(reg.apply(def(1, JSON.stringify(GOOD)), 1), 'applied');
    assert.equal(reg.apply(def(2, JSON.stringify({ ...GOOD, reward: { type: 'amount', amount: -1 } })), 2), 'refused');
    assert.equal(reg.promoRule('r_good')?.version, 1, 'the previous version keeps serving');
    assert.equal(reg.promoRules.onEvent('view').length, 1);
    assert.equal(reg.apply(def(3, JSON.stringify({ ...GOOD, id: 'other' })), 3), 'refused', 'the payload must be the definition\'s rule');
    assert.equal(reg.apply(def(4, JSON.stringify({ ...GOOD, status: 'paused' })), 4), 'applied');
    assert.equal(reg.promoRules.onEvent('view').length, 0, 'a paused rule is not evaluated');
    assert.equal(reg.apply(def(4, JSON.stringify(GOOD)), 5), 'stale');
    const back = DefinitionRegistry.fromSnapshot(reg.toSnapshot());
    assert.equal(back.promoRule('r_good')?.version, 4);
    assert.equal(back.promoRule('r_good')?.rule.status, 'paused');
    assert.equal(back.refusals.length, 2);
  });
});
