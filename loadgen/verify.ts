/**
 * The end-of-run check that nothing acked was lost: each shopper's profile (as the
 * user actor holds it) must count every acked event, have applied up to the
 * highest acked log sequence, and hold the cart that the acked cart events make.
 */

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
}

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
