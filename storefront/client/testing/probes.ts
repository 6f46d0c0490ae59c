/**
 * Test-only probes the browser tests call inside the page (bundled by
 * test/storefront/shop-kit.ts as the global `__shop`; never part of the shop's bundle).
 * They read the page through the contract's test hooks and data attributes.
 */

export interface StripCard {
  itemId: string;
  category: string;
  reason: string;
}

export function stripCards(testId: string): StripCard[] {
  return [...document.querySelectorAll<HTMLElement>(`[data-testid="${testId}"] li.card`)].map((li) => ({
    itemId: li.dataset['itemId'] ?? '',
    category: li.dataset['category'] ?? '',
    reason: li.querySelector('.card-reason')?.textContent ?? '',
  }));
}

/** The id of the `view` event the product page on screen sent (set once acked). */
export function viewEventId(): string | undefined {
  return document.querySelector<HTMLElement>('article.product[data-view-event-id]')?.dataset['viewEventId'];
}

/** "for you" shows the push caused by this page's view, with at least `min` products of `category`. */
export function forYouFollowed(category: string, min: number): boolean {
  const view = viewEventId();
  const viewSeq = Number(document.querySelector<HTMLElement>('article.product[data-view-seq]')?.dataset['viewSeq']);
  const strip = document.querySelector<HTMLElement>('[data-testid="for-you"]');
  // The push caused by this page's view, or by a later event of the shopper (e.g. the
  // previous page's dwell, sent over HTTP on unload, can reach the log after the view).
  if (!view || !strip || (strip.dataset['causedBy'] !== view && !(Number(strip.dataset['seq']) >= viewSeq))) return false;
  return stripCards('for-you').filter((c) => c.category === category).length >= min;
}

export function cartLines(): Array<[itemId: string, qty: number]> {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="cart"] li.cart-line')].map((l) => [l.dataset['itemId'] ?? '', Number(l.dataset['qty'])]);
}

export function orderItems(orderId: string): string[] {
  return [...document.querySelectorAll<HTMLElement>(`[data-order-id="${orderId}"] a[data-item-id]`)].map((a) => a.dataset['itemId'] ?? '').sort();
}

export function session(): { userId: string; token: string } | undefined {
  const raw = localStorage.getItem('shop.session.v1');
  return raw ? (JSON.parse(raw) as { userId: string; token: string }) : undefined;
}
