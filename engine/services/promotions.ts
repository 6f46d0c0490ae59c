/**
 * The promotions admin: rules are definition events on the log (kind promo_rule), so
 * creating, updating, pausing and resuming a rule all append a new version; every
 * shard applies it at its log position. This service reads the definitions back (they
 * are few) to answer what is in force, reads each rule actor's budget from LMDB for
 * the numbers, and dry-runs drafts against the recent log.
 */
import type { NatsConnection } from '@nats-io/transport-node';
import { DefinitionRegistry } from '../../actors/definitions/index.js';
import { DEFAULT_RULES, parseRule, PROMO_RULE_KIND, rewardText, type PromoRule, type RuleBudgetState } from '../../actors/promo/index.js';
import type { Catalog } from '../catalog/index.js';
import { BadRequestError, NotFoundError, RuleError } from '../errors/index.js';
import { readDefinitions, readRecent, type EventLog } from '../log/index.js';
import type { Logger } from '../observability/index.js';
import type { StateStore } from '../store/index.js';
import { dayOf } from '../../actors/promo/index.js';
import { dryRunRule, DRY_RUN_MAX_EVENTS, type DryRunResult } from './promo-dry-run.js';

const HOUR = 3_600_000;
/** A dry run reads at most this far back. */
export const DRY_RUN_MAX_HOURS = 24 * 14;

export interface RuleStats {
  issued: number;
  refusedByBudget: number;
  refusedBy: Record<string, number>;
  redeemed: number;
  released: number;
  redeemedMoney: number;
  /** Held + committed spend today (UTC) and in all. */
  today: { count: number; money: number };
  total: { count: number; money: number };
}

export interface RuleListing {
  id: string;
  version: number;
  status: PromoRule['status'];
  title: string;
  reward: string;
  /** When the version in force was published. */
  publishedAt: number;
  rule: PromoRule;
  stats: RuleStats;
}

export interface PromotionsDeps {
  log: EventLog;
  nc: NatsConnection;
  store: StateStore;
  catalog: Catalog;
  cartAbandonMs: number;
}

export function ruleStats(b: RuleBudgetState | undefined, now = Date.now()): RuleStats {
  const today = b?.days[dayOf(now)] ?? { count: 0, money: 0 };
  return {
    issued: b?.issued ?? 0, refusedByBudget: b?.refused ?? 0, refusedBy: { ...(b?.refusedBy ?? {}) }, redeemed: b?.redeemed ?? 0,
    released: b?.released ?? 0, redeemedMoney: b?.redeemedMoney ?? 0, today: { ...today }, total: { ...(b?.total ?? { count: 0, money: 0 }) },
  };
}

/** Publishes the default rules the log does not have yet (version 1); an operator's later versions stay. */
export async function publishDefaultRules(log: EventLog, nc: NatsConnection, logger: Logger): Promise<number> {
  const reg = new DefinitionRegistry();
  for (const r of await readDefinitions(nc)) reg.apply(r.event, r.seq);
  let published = 0;
  for (const raw of DEFAULT_RULES) {
    const rule = parseRule(raw);
    if (reg.version(PROMO_RULE_KIND, rule.id) > 0) continue;
    await log.appendDefinition({ defKind: PROMO_RULE_KIND, defId: rule.id, defVersion: 1, payload: JSON.stringify(raw) });
    published++;
  }
  if (published > 0) logger.info('default promotion rules published', { published, total: DEFAULT_RULES.length });
  return published;
}

export class Promotions {
  readonly #d: PromotionsDeps;

  constructor(deps: PromotionsDeps) {
    this.#d = deps;
  }

  async #registry(): Promise<DefinitionRegistry> {
    const reg = new DefinitionRegistry();
    for (const r of await readDefinitions(this.#d.nc)) reg.apply(r.event, r.seq);
    return reg;
  }

  #budget(id: string): RuleBudgetState | undefined {
    return this.#d.store.rules.get(id);
  }

  async list(): Promise<{ rules: RuleListing[]; refused: Array<{ id: string; version: number; message: string }> }> {
    const reg = await this.#registry();
    const rules = reg.promoRules.all.map((rule) => {
      const entry = reg.promoRule(rule.id)!;
      return { id: rule.id, version: entry.version, status: rule.status, title: rule.title, reward: rewardText(rule.reward), publishedAt: entry.ts, rule, stats: ruleStats(this.#budget(rule.id)) };
    }).sort((a, b) => (a.id < b.id ? -1 : 1));
    const refused = reg.refusals.filter((r) => r.defKind === PROMO_RULE_KIND).map((r) => ({ id: r.defId, version: r.defVersion, message: r.message }));
    return { rules, refused };
  }

  async get(id: string): Promise<RuleListing> {
    const r = (await this.list()).rules.find((x) => x.id === id);
    if (!r) throw new NotFoundError('E_NOT_FOUND', `no promotion rule "${id.slice(0, 48)}"`);
    return r;
  }

  /** Per-rule numbers for the dashboard. */
  async stats(): Promise<{ rules: Array<{ id: string; title: string; status: string } & RuleStats> }> {
    const { rules } = await this.list();
    return { rules: rules.map((r) => ({ id: r.id, title: r.title, status: r.status, ...r.stats })) };
  }

  async #publish(rule: PromoRule, raw: Record<string, unknown>, version: number): Promise<{ id: string; version: number; seq: number }> {
    const ack = await this.#d.log.appendDefinition({ defKind: PROMO_RULE_KIND, defId: rule.id, defVersion: version, payload: JSON.stringify(raw) });
    return { id: rule.id, version, seq: ack.seq };
  }

  async create(body: unknown): Promise<{ id: string; version: number; seq: number }> {
    const rule = parseRule(body);
    const reg = await this.#registry();
    if (reg.version(PROMO_RULE_KIND, rule.id) > 0) throw new BadRequestError(`rule "${rule.id}" exists: update it with POST /api/admin/promotions/${rule.id}`, 'id');
    return this.#publish(rule, body as Record<string, unknown>, 1);
  }

  async update(id: string, body: unknown): Promise<{ id: string; version: number; seq: number }> {
    const raw = typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...(body as Record<string, unknown>) } : body;
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      const o = raw as Record<string, unknown>;
      if (o['id'] === undefined) o['id'] = id;
      else if (o['id'] !== id) throw new RuleError('id', `must be "${id}" (the rule in the path), got "${String(o['id']).slice(0, 48)}"`);
    }
    const rule = parseRule(raw);
    const reg = await this.#registry();
    const v = reg.version(PROMO_RULE_KIND, id);
    if (v === 0) throw new NotFoundError('E_NOT_FOUND', `no promotion rule "${id.slice(0, 48)}": create it with POST /api/admin/promotions`);
    return this.#publish(rule, raw as Record<string, unknown>, v + 1);
  }

  /** Pause or resume: a new version with only the status changed. */
  async setStatus(id: string, status: 'active' | 'paused'): Promise<{ id: string; version: number; seq: number }> {
    const reg = await this.#registry();
    const cur = reg.promoRule(id);
    if (!cur) throw new NotFoundError('E_NOT_FOUND', `no promotion rule "${id.slice(0, 48)}"`);
    const payload = reg.toSnapshot().entries.find((e) => e.defKind === PROMO_RULE_KIND && e.defId === id)!.payload;
    const raw = { ...(JSON.parse(payload) as Record<string, unknown>), status };
    return this.#publish(parseRule(raw), raw, cur.version + 1);
  }

  /** Folds the last `hours` of the log with the draft alone in force. */
  async dryRun(body: unknown): Promise<DryRunResult> {
    const o = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    if (o['rule'] === undefined) throw new BadRequestError('"rule" (the draft rule) is required', 'rule');
    const rule = parseRule(o['rule']);
    const hours = o['hours'] ?? 24;
    if (typeof hours !== 'number' || !(hours > 0) || hours > DRY_RUN_MAX_HOURS) throw new BadRequestError(`"hours" must be a number from 0 to ${DRY_RUN_MAX_HOURS}`, 'hours');
    const to = Date.now();
    const from = to - hours * HOUR;
    const records = await readRecent(this.#d.nc, from, DRY_RUN_MAX_EVENTS);
    const catalog = this.#d.catalog;
    return dryRunRule(rule, records, (id) => {
      const p = catalog.get(id);
      return p ? { category: p.category, price: p.price, stock: p.stock } : undefined;
    }, { from, to, cartAbandonMs: this.#d.cartAbandonMs });
  }
}
