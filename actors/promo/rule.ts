/**
 * The promotion rule format (JSON, one definition event per version on the log) and its
 * validator. A rule says when it fires (trigger), for whom (conditions over the user
 * actor's live state and the event), what the coupon gives (reward, scope, minimum
 * order, validity), how often (per-user limit) and how much in all (budget). Every
 * refusal names the JSON path of the first wrong field (RuleError, E_BAD_RULE).
 */
import type { CouponReward, CouponScope } from '../../protos/contract.js';
import { RuleError } from '../../engine/errors/index.js';
import { METRICS, type MetricName } from './metrics.js';

export const PROMO_RULE_KIND = 'promo_rule';
export const RULE_FORMAT = 1;
const DAY_MS = 86_400_000;
const MAX_LIST = 100;
const ID_PATTERN = /^[a-z0-9_-]{1,48}$/;

/** Event kinds a rule may be triggered by or armed on (what the user actor folds). */
export const TRIGGER_EVENT_KINDS = ['view', 'rec_click', 'cart_add', 'cart_remove', 'search', 'dwell', 'purchase', 'checkout'] as const;
export type TriggerEventKind = (typeof TRIGGER_EVENT_KINDS)[number];

export type RuleTrigger =
  /** On each event of these kinds. */
  | { type: 'event'; kinds: TriggerEventKind[] }
  /** `afterMs` after the last event of `armOn` (re-armed by each), as a persisted reminder; `setting` lets config shorten it. */
  | { type: 'idle'; afterMs: number; armOn: TriggerEventKind[]; setting?: 'cartAbandonMs' }
  /** When an order is placed (a checkout decided, or a purchase imported). */
  | { type: 'order' }
  /** When a live score crosses `above` upwards. */
  | { type: 'score'; metric: 'intentScore'; above: number };

export const CONDITION_OPS = ['gte', 'gt', 'lte', 'lt', 'eq', 'neq', 'in', 'includes', 'excludes'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

export interface RuleCondition {
  metric: MetricName;
  op: ConditionOp;
  value: number | string | string[] | boolean;
  /** A parameter some metrics take (cheapViewShare: the price bound). */
  arg?: number;
}

export interface RuleBudget {
  count?: { perDay?: number; total?: number };
  money?: { perDay?: number; total?: number };
}

export interface PromoRule {
  format: number;
  id: string;
  /** The definition's version (set when applied from the log; 0 for a draft). */
  version: number;
  title: string;
  description: string;
  status: 'active' | 'paused';
  trigger: RuleTrigger;
  /** All must hold (at the trigger). */
  conditions: RuleCondition[];
  reward: CouponReward;
  scope: CouponScope;
  /** The smallest order (items in scope) a coupon applies to. */
  minOrder: number;
  /** Coupons of this rule one shopper may ever get. */
  perUser: number;
  /** No second coupon of this rule within this many ms of the last one. */
  cooldownMs: number;
  budget: RuleBudget;
  /** How long an issued coupon can be used. */
  couponValidMs: number;
  /** The rule issues only between these times (ms since the epoch; 0 = open). */
  validFrom: number;
  validUntil: number;
  /** A shopper holds at most one live coupon per stacking group: the higher priority one wins. */
  stackingGroup: string;
  priority: number;
  /** Code prefix ("COMEBACK10"). */
  codePrefix: string;
}

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function num(o: Json, key: string, path: string, opts: { min?: number; max?: number; int?: boolean; dflt?: number } = {}): number {
  const v = o[key];
  if (v === undefined && opts.dflt !== undefined) return opts.dflt;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RuleError(path, 'must be a number');
  if (opts.int && !Number.isInteger(v)) throw new RuleError(path, 'must be an integer');
  if (opts.min !== undefined && v < opts.min) throw new RuleError(path, `must be >= ${opts.min}, got ${v}`);
  if (opts.max !== undefined && v > opts.max) throw new RuleError(path, `must be <= ${opts.max}, got ${v}`);
  return v;
}

function str(o: Json, key: string, path: string, opts: { max?: number; pattern?: RegExp; dflt?: string } = {}): string {
  const v = o[key];
  if (v === undefined && opts.dflt !== undefined) return opts.dflt;
  if (typeof v !== 'string' || v.length === 0) throw new RuleError(path, 'must be a non-empty string');
  if (v.length > (opts.max ?? 200)) throw new RuleError(path, `must be at most ${opts.max ?? 200} characters`);
  if (opts.pattern && !opts.pattern.test(v)) throw new RuleError(path, `must match ${opts.pattern}`);
  return v;
}

function strList(v: unknown, path: string, allowed?: readonly string[]): string[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > MAX_LIST) throw new RuleError(path, `must be an array of 1 to ${MAX_LIST} strings`);
  return v.map((x, i) => {
    if (typeof x !== 'string' || x.length === 0 || x.length > 64) throw new RuleError(`${path}[${i}]`, 'must be a string of 1 to 64 characters');
    if (allowed && !allowed.includes(x)) throw new RuleError(`${path}[${i}]`, `must be one of ${allowed.join(', ')}, got "${x.slice(0, 32)}"`);
    return x;
  });
}

function parseTrigger(v: unknown): RuleTrigger {
  if (!isObj(v)) throw new RuleError('trigger', 'must be an object {type, ...}');
  switch (v['type']) {
    case 'event':
      return { type: 'event', kinds: strList(v['kinds'], 'trigger.kinds', TRIGGER_EVENT_KINDS) as TriggerEventKind[] };
    case 'idle': {
      const t: RuleTrigger = { type: 'idle', afterMs: num(v, 'afterMs', 'trigger.afterMs', { min: 1000, max: 90 * DAY_MS, int: true }), armOn: strList(v['armOn'], 'trigger.armOn', TRIGGER_EVENT_KINDS) as TriggerEventKind[] };
      if (v['setting'] !== undefined) {
        if (v['setting'] !== 'cartAbandonMs') throw new RuleError('trigger.setting', 'must be "cartAbandonMs" when given');
        t.setting = 'cartAbandonMs';
      }
      return t;
    }
    case 'order':
      return { type: 'order' };
    case 'score':
      if (v['metric'] !== 'intentScore') throw new RuleError('trigger.metric', 'must be "intentScore"');
      return { type: 'score', metric: 'intentScore', above: num(v, 'above', 'trigger.above', { min: 0, max: 1 }) };
    default:
      throw new RuleError('trigger.type', 'must be one of event, idle, order, score');
  }
}

function parseCondition(v: unknown, i: number): RuleCondition {
  const path = `conditions[${i}]`;
  if (!isObj(v)) throw new RuleError(path, 'must be an object {metric, op, value}');
  const metric = v['metric'];
  if (typeof metric !== 'string' || !(metric in METRICS)) throw new RuleError(`${path}.metric`, `must be one of ${Object.keys(METRICS).join(', ')}`);
  const kind = METRICS[metric as MetricName].kind;
  const op = v['op'];
  if (typeof op !== 'string' || !(CONDITION_OPS as readonly string[]).includes(op)) throw new RuleError(`${path}.op`, `must be one of ${CONDITION_OPS.join(', ')}`);
  const value = v['value'];
  const c: RuleCondition = { metric: metric as MetricName, op: op as ConditionOp, value: 0 };
  if (kind === 'number') {
    if (!['gte', 'gt', 'lte', 'lt', 'eq', 'neq'].includes(op)) throw new RuleError(`${path}.op`, `${metric} is a number: use gte, gt, lte, lt, eq or neq`);
    c.value = num(v, 'value', `${path}.value`);
  } else if (kind === 'boolean') {
    if (op !== 'eq') throw new RuleError(`${path}.op`, `${metric} is true/false: use eq`);
    if (typeof value !== 'boolean') throw new RuleError(`${path}.value`, 'must be true or false');
    c.value = value;
  } else if (kind === 'string') {
    if (op === 'in') c.value = strList(value, `${path}.value`);
    else if (op === 'eq' || op === 'neq') c.value = str(v, 'value', `${path}.value`, { max: 64 });
    else throw new RuleError(`${path}.op`, `${metric} is a name: use eq, neq or in`);
  } else {
    if (op !== 'includes' && op !== 'excludes') throw new RuleError(`${path}.op`, `${metric} is a set: use includes or excludes`);
    c.value = str(v, 'value', `${path}.value`, { max: 64 });
  }
  if ((METRICS[metric as MetricName] as { arg?: true }).arg) c.arg = num(v, 'arg', `${path}.arg`, { min: 0 });
  else if (v['arg'] !== undefined) throw new RuleError(`${path}.arg`, `${metric} takes no arg`);
  return c;
}

function parseReward(v: unknown): CouponReward {
  if (!isObj(v)) throw new RuleError('reward', 'must be an object {type, ...}');
  switch (v['type']) {
    case 'percent': {
      const r: CouponReward = { type: 'percent', percent: num(v, 'percent', 'reward.percent', { min: 1, max: 90 }) };
      if (v['maxDiscount'] !== undefined) r.maxDiscount = num(v, 'maxDiscount', 'reward.maxDiscount', { min: 0.01, max: 100_000 });
      return r;
    }
    case 'amount':
      return { type: 'amount', amount: num(v, 'amount', 'reward.amount', { min: 0.01, max: 100_000 }) };
    case 'free_delivery':
      return { type: 'free_delivery' };
    case 'buy_x_get_y':
      return { type: 'buy_x_get_y', buy: num(v, 'buy', 'reward.buy', { min: 1, max: 100, int: true }), get: num(v, 'get', 'reward.get', { min: 1, max: 100, int: true }) };
    case 'gift':
      return { type: 'gift', itemId: str(v, 'itemId', 'reward.itemId', { max: 64 }), value: num(v, 'value', 'reward.value', { min: 0, max: 100_000 }) };
    default:
      throw new RuleError('reward.type', 'must be one of percent, amount, free_delivery, buy_x_get_y, gift');
  }
}

function parseScope(v: unknown): CouponScope {
  if (v === undefined) return { type: 'order' };
  if (!isObj(v)) throw new RuleError('scope', 'must be an object {type, ...}');
  switch (v['type']) {
    case 'order':
      return { type: 'order' };
    case 'categories':
      return { type: 'categories', categories: strList(v['categories'], 'scope.categories') };
    case 'items':
      return { type: 'items', items: strList(v['items'], 'scope.items') };
    case 'other_categories':
      return { type: 'other_categories', categories: v['categories'] === undefined ? [] : strList(v['categories'], 'scope.categories') };
    default:
      throw new RuleError('scope.type', 'must be one of order, categories, items, other_categories');
  }
}

function parseBudget(v: unknown): RuleBudget {
  if (v === undefined) return {};
  if (!isObj(v)) throw new RuleError('budget', 'must be an object {count?, money?}');
  const b: RuleBudget = {};
  for (const k of ['count', 'money'] as const) {
    const part = v[k];
    if (part === undefined) continue;
    if (!isObj(part)) throw new RuleError(`budget.${k}`, 'must be an object {perDay?, total?}');
    const out: { perDay?: number; total?: number } = {};
    for (const w of ['perDay', 'total'] as const) {
      if (part[w] !== undefined) out[w] = num(part, w, `budget.${k}.${w}`, { min: 0, max: 1e9, int: k === 'count' });
    }
    b[k] = out;
  }
  return b;
}

function time(o: Json, key: string): number {
  const v = o[key];
  if (v === undefined || v === 0) return 0;
  const t = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : Number.NaN;
  if (!Number.isFinite(t) || t < 0) throw new RuleError(key, 'must be an ISO date-time or ms since the epoch');
  return t;
}

const KNOWN_KEYS = new Set(['format', 'id', 'version', 'title', 'description', 'status', 'trigger', 'conditions', 'reward', 'scope', 'minOrder', 'perUser', 'cooldownMs',
  'budget', 'couponValidMs', 'validFrom', 'validUntil', 'stackingGroup', 'priority', 'codePrefix']);

/** Validates an untrusted rule (admin API body, or a definition payload); throws RuleError naming the field. */
export function parseRule(raw: unknown): PromoRule {
  if (!isObj(raw)) throw new RuleError('$', 'must be a JSON object');
  for (const k of Object.keys(raw)) if (!KNOWN_KEYS.has(k)) throw new RuleError(k, 'is not a rule field');
  const format = num(raw, 'format', 'format', { dflt: RULE_FORMAT, int: true });
  if (format !== RULE_FORMAT) throw new RuleError('format', `must be ${RULE_FORMAT} (this build's rule format), got ${format}`);
  const id = str(raw, 'id', 'id', { pattern: ID_PATTERN });
  const status = raw['status'] ?? 'active';
  if (status !== 'active' && status !== 'paused') throw new RuleError('status', 'must be active or paused');
  const conds = raw['conditions'] ?? [];
  if (!Array.isArray(conds) || conds.length > 20) throw new RuleError('conditions', 'must be an array of at most 20 conditions');
  const rule: PromoRule = {
    format, id, version: 0,
    title: str(raw, 'title', 'title', { max: 80 }),
    description: str(raw, 'description', 'description', { max: 400, dflt: '' }),
    status,
    trigger: parseTrigger(raw['trigger']),
    conditions: conds.map(parseCondition),
    reward: parseReward(raw['reward']),
    scope: parseScope(raw['scope']),
    minOrder: num(raw, 'minOrder', 'minOrder', { min: 0, max: 1e6, dflt: 0 }),
    perUser: num(raw, 'perUser', 'perUser', { min: 1, max: 1000, int: true, dflt: 1 }),
    cooldownMs: num(raw, 'cooldownMs', 'cooldownMs', { min: 0, max: 365 * DAY_MS, int: true, dflt: 0 }),
    budget: parseBudget(raw['budget']),
    couponValidMs: num(raw, 'couponValidMs', 'couponValidMs', { min: 60_000, max: 365 * DAY_MS, int: true, dflt: 7 * DAY_MS }),
    validFrom: time(raw, 'validFrom'),
    validUntil: time(raw, 'validUntil'),
    stackingGroup: str(raw, 'stackingGroup', 'stackingGroup', { max: 32, pattern: ID_PATTERN, dflt: 'default' }),
    priority: num(raw, 'priority', 'priority', { min: 0, max: 1000, int: true, dflt: 0 }),
    codePrefix: str(raw, 'codePrefix', 'codePrefix', { max: 16, pattern: /^[A-Z0-9]{2,16}$/, dflt: id.replace(/[^a-z0-9]/g, '').slice(0, 10).toUpperCase() || 'PROMO' }),
  };
  if (rule.validUntil && rule.validUntil <= rule.validFrom) throw new RuleError('validUntil', 'must be after validFrom');
  if (rule.reward.type === 'gift' && rule.scope.type !== 'order') throw new RuleError('scope', 'a gift applies to the whole order');
  return rule;
}

/** Parses a definition payload (JSON text); the rule's id must be the definition's. */
export function parseRulePayload(payload: string, defId: string, defVersion: number): PromoRule {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    throw new RuleError('$', 'is not valid JSON');
  }
  const rule = parseRule(raw);
  rule.version = defVersion;
  if (rule.id !== defId) throw new RuleError('id', `must be the definition's id "${defId}", got "${rule.id}"`);
  return rule;
}

/** A person's summary of the reward ("10% off", "$5 off", ...). */
export function rewardText(r: CouponReward): string {
  switch (r.type) {
    case 'percent': return `${r.percent}% off${r.maxDiscount ? ` (up to $${r.maxDiscount})` : ''}`;
    case 'amount': return `$${r.amount} off`;
    case 'free_delivery': return 'free delivery';
    case 'buy_x_get_y': return `buy ${r.buy}, get ${r.get} free${r.maxDiscount ? ` (up to $${r.maxDiscount})` : ''}`;
    case 'gift': return `a free gift (${r.itemId})`;
  }
}
