/**
 * The end-of-run check that nothing acked was lost: each shopper's profile (as the
 * user actor holds it, read over the run's protocol) must count every acked event, have applied up to the
 * highest acked log sequence, and hold the cart that the acked cart events make.
 */
import type { PicksCheck, VerifyResult } from './worker-protocol.js';

const VERIFY_CONCURRENCY = 16;
/** One profile read; an overloaded engine answers E_TIMEOUT itself after ~2 s. */
const PROFILE_TIMEOUT_MS = 10_000;
/** The whole check; profiles not read by then are counted as unverified. */
const VERIFY_DEADLINE_MS = 90_000;
const MAX_EXAMPLES = 5;

/** One acked event that changes the cart, with its log sequence. */
export interface CartOp {
  seq: number;
  kind: 'cart_add' | 'cart_remove' | 'purchase';
  itemId: string;
  qty: number | undefined;
}

export interface ProfileView {
  events: number;
  lastSeq: number;
  cart: Array<{ itemId: string; qty: number }>;
  categoryPicks?: Array<{ category: string }>;
}

/** Shoppers with fewer acked events than this are left out of the picks check (too little to know them by). */
export const PICKS_MIN_EVENTS = 10;

/**
 * The cart after `ops` in log order, with the engine's documented semantics:
 * add accumulates (qty >= 1), remove takes qty (0 or absent = the whole line),
 * purchase takes the bought qty out of the cart.
 */
export function expectedCart(ops: readonly CartOp[]): Map<string, number> {
  const cart = new Map<string, number>();
  for (const op of [...ops].sort((a, b) => a.seq - b.seq)) {
    const have = cart.get(op.itemId) ?? 0;
    if (op.kind === 'cart_add') cart.set(op.itemId, have + Math.max(1, op.qty ?? 1));
    else if (have > 0) {
      const qty = op.kind === 'purchase' ? Math.max(1, op.qty ?? 1) : (op.qty ?? 0);
      if (qty <= 0 || qty >= have) cart.delete(op.itemId);
      else cart.set(op.itemId, have - qty);
    }
  }
  return cart;
}

export interface ShopperRecord {
  /** Acked, non-duplicate events. */
  acked: number;
  /** Log sequences of acked events. */
  ackedSeqs: number[];
  cartOps: CartOp[];
  /** Events sent but never answered: they may or may not be in the log, so counts can only be bounded. */
  unanswered: number;
}

export interface ProfileCheck {
  lost: number;
  cartMismatch: boolean;
  detail: string | undefined;
}

/** Compares one shopper's record with its profile. */
export function checkProfile(rec: ShopperRecord, p: ProfileView): ProfileCheck {
  // Every acked event has a sequence <= lastSeq once applied; those above it are missing.
  const aboveLast = rec.ackedSeqs.filter((s) => s > p.lastSeq).length;
  // The count may also include unanswered events that did reach the log.
  const short = Math.max(0, rec.acked - p.events);
  const lost = Math.max(aboveLast, short);
  let cartMismatch = false;
  let detail: string | undefined;
  if (rec.unanswered === 0) {
    const want = expectedCart(rec.cartOps);
    const got = new Map(p.cart.map((l) => [l.itemId, l.qty]));
    cartMismatch = want.size !== got.size || [...want].some(([id, q]) => got.get(id) !== q);
    if (cartMismatch) detail = `cart ${JSON.stringify([...got])} != expected ${JSON.stringify([...want])}`;
  }
  if (lost > 0) detail = `acked ${rec.acked} (max seq ${Math.max(0, ...rec.ackedSeqs)}), profile has events ${p.events}, lastSeq ${p.lastSeq}` + (detail ? `; ${detail}` : '');
  return { lost, cartMismatch, detail };
}

/** Reads every shopper's profile (a few at a time, within a deadline) and checks it. */
export async function verifyShoppers<S extends ShopperRecord & { userId: string; behaviour?: { preferredCategory?: string } }>(
  shoppers: readonly S[],
  readProfile: (s: S, timeoutMs: number) => Promise<ProfileView>,
  onReadError: () => void,
): Promise<VerifyResult> {
  const res: VerifyResult = { checked: 0, lost: 0, cartMismatch: 0, failed: 0, examples: [] };
  const note = (s: string) => {
    if (res.examples.length < MAX_EXAMPLES) res.examples.push(s);
  };
  const deadline = Date.now() + VERIFY_DEADLINE_MS;
  let next = 0;
  const lane = async () => {
    while (next < shoppers.length) {
      const s = shoppers[next++]!;
      let p: ProfileView;
      try {
        if (Date.now() > deadline) throw new Error(`not read: the lost check ran out of its ${VERIFY_DEADLINE_MS / 1000} s`);
        p = await readProfile(s, PROFILE_TIMEOUT_MS);
      } catch (err) {
        res.failed++;
        onReadError();
        note(`${s.userId}: ${(err as Error).message}`);
        continue;
      }
      res.checked++;
      const preferred = s.behaviour?.preferredCategory;
      if (preferred !== undefined && s.acked >= PICKS_MIN_EVENTS) {
        const picks: PicksCheck = (res.picks ??= { byCategory: {} });
        const row = (picks.byCategory[preferred] ??= { shoppers: 0, top3: 0 });
        row.shoppers++;
        if ((p.categoryPicks ?? []).slice(0, 3).some((c) => c.category === preferred)) row.top3++;
      }
      const c = checkProfile(s, p);
      res.lost += c.lost;
      if (c.cartMismatch) res.cartMismatch++;
      if (c.detail) note(`${s.userId}: ${c.detail}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(VERIFY_CONCURRENCY, shoppers.length) }, lane));
  return res;
}
