/**
 * An independent reading of promotions from the raw log, for the budget and
 * redemption tests. Written from the contract (events.proto), not from actors/promo:
 *
 * a user asks a rule's owner for a coupon (coupon_reserve: defId = rule, coupon =
 * code) -> the owner answers coupon_granted or coupon_refused to the user -> a
 * checkout naming the code (checkout.coupon) places an order (purchase lines with its
 * checkoutId) and the user tells the owner (coupon_commit with the discount) or the
 * coupon expires unused (coupon_release).
 */
import type { LoggedEvent } from './reference.js';

export interface RulePromos {
  reserves: number;
  /** Distinct codes granted / refused, and how many decision records there were. */
  granted: Set<string>;
  refused: Set<string>;
  decisions: number;
  committed: Map<string, number>;
  released: Set<string>;
}

export interface PromoFold {
  rules: Map<string, RulePromos>;
  /** code -> checkout ids that asked for it, and the ones that placed an order. */
  checkoutsByCode: Map<string, { asked: Set<string>; placed: Set<string> }>;
  /** Broken promises: a code decided both ways, committed without a grant, committed twice, ... */
  violations: string[];
}

export function referencePromos(log: LoggedEvent[]): PromoFold {
  const rules = new Map<string, RulePromos>();
  const rule = (id: string) => rules.get(id) ?? rules.set(id, { reserves: 0, granted: new Set(), refused: new Set(), decisions: 0, committed: new Map(), released: new Set() }).get(id)!;
  const checkoutsByCode = new Map<string, { asked: Set<string>; placed: Set<string> }>();
  const codeOfCheckout = new Map<string, string>();
  const violations: string[] = [];
  const reserveIds = new Set<string>();
  for (const { event: e } of log) {
    const code = e.coupon ?? '';
    switch (e.kind) {
      case 'coupon_reserve':
        if (reserveIds.has(`${e.userId}/${e.id}`)) violations.push(`reserve ${e.id} stored twice`);
        reserveIds.add(`${e.userId}/${e.id}`);
        rule(e.defId ?? '').reserves++;
        break;
      case 'coupon_granted':
      case 'coupon_refused': {
        const r = rule(e.defId ?? '');
        r.decisions++;
        const mine = e.kind === 'coupon_granted' ? r.granted : r.refused;
        const other = e.kind === 'coupon_granted' ? r.refused : r.granted;
        if (mine.has(code)) violations.push(`${code} ${e.kind} twice`);
        if (other.has(code)) violations.push(`${code} both granted and refused`);
        mine.add(code);
        break;
      }
      case 'coupon_commit': {
        const r = rule(e.defId ?? '');
        if (!r.granted.has(code)) violations.push(`${code} committed but never granted`);
        if (r.committed.has(code)) violations.push(`${code} committed twice`);
        if (r.released.has(code)) violations.push(`${code} committed after its release`);
        r.committed.set(code, e.discount ?? 0);
        break;
      }
      case 'coupon_release': {
        const r = rule(e.defId ?? '');
        if (r.committed.has(code)) violations.push(`${code} released after it was redeemed`);
        r.released.add(code);
        break;
      }
      case 'checkout':
        if (code) {
          const c = checkoutsByCode.get(code) ?? checkoutsByCode.set(code, { asked: new Set(), placed: new Set() }).get(code)!;
          c.asked.add(e.checkoutId ?? '');
          codeOfCheckout.set(e.checkoutId ?? '', code);
        }
        break;
      case 'purchase': {
        const c = e.checkoutId ? codeOfCheckout.get(e.checkoutId) : undefined;
        if (c) checkoutsByCode.get(c)!.placed.add(e.checkoutId!);
        break;
      }
    }
  }
  return { rules, checkoutsByCode, violations };
}
