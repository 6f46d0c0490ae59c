/**
 * A row of suggestions with the reason for each. The live "for you" strip follows
 * the WebSocket `recs` pushes: kept cards glide to their new places, new ones
 * fade in, changed reasons flash once. What the shopper could see is tracked as a
 * `rec_impression` (each card once per strip, when half of it is on screen, batched),
 * a click as `rec_click`; both name the strip as `slot`, for rec CTR and attribution.
 */
import type { RecItem, Recs } from '../api-types.js';
import { h, reducedMotion, replaceChildren } from '../dom.js';
import { live } from '../live.js';
import { productCard } from './product-card.js';

const MOVE_MS = 380;
/** Cards that came into view within this long go out as one impression event. */
const IMPRESSION_BATCH_MS = 500;
const EASE = 'cubic-bezier(.2,.7,.2,1)';

export interface StripOptions {
  id: string;
  title: string;
  subtitle?: string;
  testId?: string;
  /** Shows the "Live" badge and a hint for shoppers with no history yet. */
  isLive?: boolean;
}

export class RecStrip {
  readonly el: HTMLElement;
  readonly #list: HTMLUListElement;
  readonly #updated: HTMLElement;
  readonly #seen = new Set<string>();
  #batch: string[] = [];
  #batchTimer: ReturnType<typeof setTimeout> | undefined;
  #observer: IntersectionObserver | undefined;

  constructor(readonly opts: StripOptions) {
    this.#list = h('ul', { class: 'grid strip-list', 'aria-labelledby': `${opts.id}-h` });
    this.#updated = h('span', { class: 'strip-updated' });
    this.el = h('section', { class: `strip${opts.isLive ? ' is-live' : ''}`, 'aria-labelledby': `${opts.id}-h`, 'data-testid': opts.testId ?? null },
      h('div', { class: 'strip-head' },
        h('h2', { id: `${opts.id}-h` }, opts.title),
        opts.isLive ? h('span', { class: 'live-badge' }, h('span', { class: 'live-dot', 'aria-hidden': 'true' }), h('span', { class: 'when-live' }, 'Live'), h('span', { class: 'when-down' }, 'Paused')) : null,
        opts.subtitle ? h('p', { class: 'strip-sub' }, opts.subtitle) : null,
        this.#updated),
      this.#list);
    this.#list.appendChild(h('li', { class: 'strip-empty' }, 'Loading suggestions…'));
    if (typeof IntersectionObserver === 'function') {
      this.#observer = new IntersectionObserver((entries) => {
        for (const en of entries) if (en.isIntersecting) this.#impressed((en.target as HTMLElement).dataset['itemId'] ?? '');
      }, { threshold: 0.5 });
    }
  }

  #impressed(itemId: string): void {
    if (!itemId || this.#seen.has(itemId)) return;
    this.#seen.add(itemId);
    this.#batch.push(itemId);
    this.#batchTimer ??= setTimeout(() => {
      const itemIds = this.#batch.slice(0, 50);
      this.#batch = [];
      this.#batchTimer = undefined;
      void live.track({ kind: 'rec_impression', itemIds, slot: this.opts.id }).catch(() => undefined);
    }, IMPRESSION_BATCH_MS);
  }

  get itemIds(): string[] {
    return [...this.#list.querySelectorAll<HTMLElement>('li.card')].map((li) => li.dataset['itemId'] ?? '');
  }

  #card(it: RecItem): HTMLLIElement {
    const li = it.sponsored && it.impressionId && it.campaignId
      ? productCard(it, { reason: it.reason, sponsored: true, onOpen: () => void live.track({ kind: 'ad_click', impressionId: it.impressionId!, campaignId: it.campaignId! }).catch(() => undefined) })
      : productCard(it, { reason: it.reason, onOpen: (id) => void live.track({ kind: 'rec_click', itemId: id, slot: this.opts.id }).catch(() => undefined) });
    this.#observer?.observe(li);
    return li;
  }

  /** Shows `recs`, animating from what was shown; `causedBy` (a push's event id) is kept as data for tests and debugging. */
  show(recs: Recs): void {
    this.el.dataset['ts'] = String(recs.ts);
    if (recs.causedBy) this.el.dataset['causedBy'] = recs.causedBy;
    if (recs.seq !== undefined) this.el.dataset['seq'] = String(recs.seq);
    if (recs.items.length === 0) {
      replaceChildren(this.#list, h('li', { class: 'strip-empty' }, 'Nothing to suggest yet: browse a few products.'));
      return;
    }
    const animate = !reducedMotion() && this.#list.isConnected;
    const old = new Map<string, HTMLLIElement>();
    for (const li of this.#list.querySelectorAll<HTMLLIElement>('li.card')) old.set(li.dataset['itemId'] ?? '', li);
    const before = new Map<string, DOMRect>();
    if (animate) for (const [id, li] of old) before.set(id, li.getBoundingClientRect());

    const next = recs.items.map((it) => {
      const kept = old.get(it.itemId);
      if (!kept) return this.#card(it);
      old.delete(it.itemId);
      const reason = kept.querySelector('.card-reason');
      if (reason && reason.textContent !== it.reason) {
        reason.textContent = it.reason;
        if (animate) reason.animate([{ backgroundColor: 'var(--flash)' }, { backgroundColor: 'transparent' }], { duration: 1200, easing: 'ease-out' });
      }
      return kept;
    });
    replaceChildren(this.#list, next);
    for (const gone of old.values()) this.#observer?.unobserve(gone);
    if (this.opts.isLive && recs.causedBy) this.#updated.textContent = 'Updated just now';

    if (!animate) return;
    for (const li of next) {
      const id = li.dataset['itemId'] ?? '';
      const was = before.get(id);
      if (!was) {
        li.animate([{ opacity: 0, transform: 'translateY(10px) scale(.97)' }, { opacity: 1, transform: 'none' }], { duration: MOVE_MS, easing: EASE });
        continue;
      }
      const now = li.getBoundingClientRect();
      const dx = was.left - now.left;
      const dy = was.top - now.top;
      if (dx !== 0 || dy !== 0) li.animate([{ transform: `translate(${dx}px, ${dy}px)` }, { transform: 'none' }], { duration: MOVE_MS, easing: EASE });
    }
  }

  showError(message: string): void {
    replaceChildren(this.#list, h('li', { class: 'strip-empty' }, message));
  }
}

/**
 * The live "for you" strip: starts from the newest recs this page has (a push
 * or `initial`), then follows every push until `signal` aborts.
 */
export function forYouStrip(signal: AbortSignal, subtitle = 'Re-ranked live as you browse'): RecStrip {
  const strip = new RecStrip({ id: 'for-you', title: 'For you', subtitle, testId: 'for-you', isLive: true });
  if (live.lastRecs) strip.show(live.lastRecs);
  const off = live.onRecs((r) => strip.show(r));
  signal.addEventListener('abort', off, { once: true });
  return strip;
}

/** Fills a live strip from HTTP when no push has arrived yet (e.g. right after the page loads). */
export async function primeForYou(strip: RecStrip, signal: AbortSignal, fetchRecs: () => Promise<Recs>): Promise<void> {
  if (live.lastRecs) return;
  try {
    const r = await fetchRecs();
    if (!signal.aborted && live.offerRecs(r)) strip.show(r);
  } catch (err) {
    if (!signal.aborted && !live.lastRecs) strip.showError('Suggestions are unavailable right now.');
    if ((err as Error).name !== 'AbortError') console.warn('for you: could not load recommendations', err);
  }
}
