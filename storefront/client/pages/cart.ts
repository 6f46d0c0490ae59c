/**
 * The cart: change quantities, remove lines, place the order. The engine refuses
 * to sell more than it has (E_OUT_OF_STOCK); the page says which item and how
 * many are left, and marks the line.
 */
import { api, ApiError } from '../api.js';
import type { Cart, CartLine } from '../api-types.js';
import { cart } from '../cart.js';
import { h, replaceChildren } from '../dom.js';
import { formatPrice, plural } from '../format.js';
import { picture, productHref } from '../components/product-card.js';
import { toast } from '../components/toast.js';
import type { Page, PageContext } from '../router.js';

const MAX_QTY = 999;

function lineStock(l: CartLine): HTMLElement | null {
  const stock = l.product?.stock;
  if (stock === undefined) return null;
  if (stock <= 0) return h('p', { class: 'stock-note is-out' }, 'Out of stock: remove it to check out');
  if (stock < l.qty) return h('p', { class: 'stock-note is-out' }, `Only ${stock} left: lower the quantity`);
  if (stock <= 5) return h('p', { class: 'stock-note is-low' }, `Only ${stock} left`);
  return null;
}

function qtyControl(l: CartLine, name: string, busy: (p: Promise<unknown>) => void): HTMLElement {
  const input = h('input', { type: 'number', id: `qty-${l.itemId}`, class: 'qty-input', min: 1, max: MAX_QTY, step: 1, value: String(l.qty), inputmode: 'numeric', 'aria-label': `Quantity of ${name}` });
  const set = (n: number) => busy(cart.setQty(l.itemId, Math.max(0, Math.min(MAX_QTY, n))));
  input.addEventListener('change', () => {
    const n = Math.round(Number(input.value));
    if (!Number.isFinite(n) || n < 1) {
      input.value = String(l.qty);
      return;
    }
    set(n);
  });
  return h('div', { class: 'qty' },
    h('button', { type: 'button', class: 'qty-btn', 'aria-label': `Decrease quantity of ${name}`, disabled: l.qty <= 1, onclick: () => set(l.qty - 1) }, '−'),
    input,
    h('button', { type: 'button', class: 'qty-btn', 'aria-label': `Increase quantity of ${name}`, onclick: () => set(l.qty + 1) }, '+'));
}

interface CartState {
  error?: ApiError;
  /** The code the shopper applied ('' = none). */
  coupon: string;
  /** The engine's price of the cart with that code (lines' discounts, delivery, total). */
  quote?: Cart;
}

/** Asks the engine to price the cart with the code; the answer says whether it applies and why not. */
async function requote(state: CartState): Promise<void> {
  state.quote = await api.cart(undefined, state.coupon || undefined);
}

function couponBox(ctx: PageContext, root: HTMLElement, state: CartState): HTMLElement {
  const input = h('input', { id: 'coupon-code', name: 'coupon', type: 'text', class: 'coupon-input', autocomplete: 'off', maxlength: 40, value: state.coupon, placeholder: 'Coupon code', 'data-testid': 'coupon-input' });
  const apply = async (code: string) => {
    state.coupon = code.trim().toUpperCase();
    await requote(state).catch((err: unknown) => toast(err instanceof ApiError ? err.message : 'Could not check the code', 'error'));
    if (!ctx.signal.aborted) rerender(ctx, root, cart.current ?? state.quote!, state);
  };
  const q = state.quote?.coupon;
  const note = q
    ? q.applied
      ? h('p', { class: 'coupon-note is-ok', 'data-testid': 'coupon-applied' }, `${q.auto ? 'Best coupon applied: ' : 'Applied: '}${q.code}`)
      : h('p', { class: 'coupon-note is-bad', role: 'alert', 'data-testid': 'coupon-error', 'data-code': q.error?.code ?? '' }, q.error?.message ?? 'This code does not apply')
    : null;
  return h('form', { class: 'coupon-form', 'aria-label': 'Coupon', onsubmit: (ev: Event) => { ev.preventDefault(); void apply((input as HTMLInputElement).value); } },
    h('label', { for: 'coupon-code' }, 'Coupon code'),
    h('div', { class: 'coupon-row' }, input,
      h('button', { type: 'submit', class: 'btn btn-small', 'data-testid': 'coupon-apply' }, 'Apply'),
      h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'data-testid': 'coupon-best', onclick: () => void apply('*') }, 'Best for me'),
      state.coupon ? h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'aria-label': 'Remove the coupon', onclick: () => void apply('') }, 'Remove') : null),
    note,
    h('p', { class: 'muted small' }, h('a', { href: '/coupons' }, 'Your coupons')));
}

function renderCart(ctx: PageContext, root: HTMLElement, c: Cart, state: CartState): void {
  const busy = (p: Promise<unknown>) => {
    // The shopper is fixing the cart: the last checkout error no longer applies.
    delete state.error;
    root.setAttribute('aria-busy', 'true');
    p.catch((err: unknown) => toast(err instanceof ApiError ? err.message : 'Could not update the cart', 'error'))
      .finally(() => root.removeAttribute('aria-busy'));
  };
  // The price shown is the engine's: the quote with the applied code, else the cart's own.
  const priced = state.coupon && state.quote && state.quote.lines.length === c.lines.length ? state.quote : c;
  const discountOf = (itemId: string) => priced.lines.find((l) => l.itemId === itemId)?.discount ?? 0;
  if (c.lines.length === 0) {
    replaceChildren(root, h('h1', null, 'Your cart'),
      h('div', { class: 'empty-state' }, h('p', null, 'Your cart is empty.'), h('a', { class: 'btn btn-primary', href: '/' }, 'Start shopping')));
    return;
  }
  const bad = state.error?.code === 'E_OUT_OF_STOCK' ? state.error.field : undefined;
  const count = c.lines.reduce((n, l) => n + l.qty, 0);
  const lines = c.lines.map((l) => {
    const name = l.product?.name ?? l.itemId;
    return h('li', { class: `cart-line${l.itemId === bad ? ' is-problem' : ''}`, 'data-item-id': l.itemId, 'data-qty': String(l.qty), 'data-out-of-stock': l.itemId === bad ? 'true' : null },
      picture(l.product?.category ?? 'misc', l.itemId, 'cart-media'),
      h('div', { class: 'cart-line-info' },
        h('a', { href: productHref(l.itemId), 'data-item-id': l.itemId, class: 'cart-line-name' }, name),
        h('p', { class: 'muted' }, `${formatPrice(l.product?.price ?? 0)} each`),
        lineStock(l)),
      qtyControl(l, name, busy),
      h('p', { class: 'cart-line-total' }, formatPrice((l.product?.price ?? 0) * l.qty),
        discountOf(l.itemId) > 0 ? h('span', { class: 'line-discount', 'data-testid': 'line-discount' }, ` −${formatPrice(discountOf(l.itemId))}`) : null),
      h('button', { type: 'button', class: 'btn btn-ghost btn-small', 'aria-label': `Remove ${name} from cart`, onclick: () => busy(cart.remove(l.itemId)) }, 'Remove'));
  });

  const errorBox = h('div', { class: 'alert', role: 'alert', 'data-testid': 'checkout-error', hidden: !state.error });
  if (state.error) {
    const line = c.lines.find((l) => l.itemId === state.error?.field);
    errorBox.dataset['code'] = state.error.code;
    replaceChildren(errorBox,
      h('strong', null, state.error.code === 'E_OUT_OF_STOCK' ? 'Not enough stock' : state.error.code.startsWith('E_COUPON') ? 'The coupon could not be used' : 'The order could not be placed'),
      h('p', null, state.error.code === 'E_OUT_OF_STOCK' && line?.product
        ? `${line.product.name}: only ${Math.max(0, line.product.stock)} left, and your cart has ${line.qty}. Lower the quantity or remove it, then place the order again.`
        : state.error.message),
      h('p', { class: 'alert-code' }, `Error code ${state.error.code}`));
  }

  const placeBtn = h('button', { type: 'button', class: 'btn btn-primary btn-wide', 'data-testid': 'checkout' }, 'Place order');
  placeBtn.addEventListener('click', () => {
    placeBtn.disabled = true;
    placeBtn.textContent = 'Placing order…';
    api.checkout(priced.coupon?.applied ? priced.coupon.code : undefined).then(
      async (order) => {
        await cart.afterCheckout().catch(() => undefined);
        state.coupon = '';
        delete state.quote;
        ctx.navigate(`/orders?placed=${encodeURIComponent(order.orderId)}`);
      },
      async (err: unknown) => {
        state.error = err instanceof ApiError ? err : new ApiError('E_INTERNAL', 'The order could not be placed.', 0);
        // Stock (or the coupon) may have changed: show the engine's current view of the cart with the error.
        await cart.refresh().catch(() => undefined);
        if (state.coupon) await requote(state).catch(() => undefined);
        if (!ctx.signal.aborted) rerender(ctx, root, cart.current ?? c, state);
        root.querySelector<HTMLElement>('[data-testid="checkout-error"]')?.focus();
      },
    );
  });
  errorBox.tabIndex = -1;

  replaceChildren(root,
    h('h1', null, 'Your cart'),
    h('div', { class: 'cart-layout' },
      h('ul', { class: 'cart-lines', 'aria-label': 'Items in your cart' }, lines),
      h('aside', { class: 'summary', 'aria-labelledby': 'summary-h' },
        h('h2', { id: 'summary-h' }, 'Order summary'),
        h('dl', null,
          h('div', null, h('dt', null, `Items (${count})`), h('dd', { 'data-testid': 'cart-subtotal' }, formatPrice(priced.subtotal))),
          priced.discount > 0 ? h('div', { class: 'summary-discount' }, h('dt', null, 'Discount'), h('dd', { 'data-testid': 'cart-discount' }, `−${formatPrice(priced.discount)}`)) : null,
          h('div', null, h('dt', null, 'Delivery'), h('dd', { 'data-testid': 'cart-delivery' }, priced.delivery === 0 ? 'Free' : formatPrice(priced.delivery))),
          h('div', { class: 'summary-total' }, h('dt', null, 'Total'), h('dd', { 'data-testid': 'cart-total' }, formatPrice(priced.total)))),
        couponBox(ctx, root, state),
        errorBox,
        placeBtn,
        h('p', { class: 'muted small' }, `${plural(count, 'item')} · secure checkout`))));
}

/** Re-renders without losing the keyboard focus (e.g. on the "+" button just pressed). */
function rerender(ctx: PageContext, root: HTMLElement, c: Cart, state: CartState): void {
  const active = document.activeElement;
  const label = active && root.contains(active) ? active.getAttribute('aria-label') : null;
  renderCart(ctx, root, c, state);
  root.querySelector('h1')?.setAttribute('id', 'cart-h');
  if (label) {
    const again = [...root.querySelectorAll<HTMLElement>('[aria-label]')].find((el) => el.getAttribute('aria-label') === label);
    if (again && !again.hasAttribute('disabled')) again.focus();
    else root.querySelector<HTMLElement>('h1')?.focus();
  }
}

export const cartPage: Page = async (ctx) => {
  const root = h('section', { class: 'cart', 'data-testid': 'cart', 'aria-labelledby': 'cart-h' });
  const state: CartState = { coupon: (ctx.query.get('coupon') ?? '').toUpperCase() };
  const c = await cart.refresh();
  if (state.coupon) await requote(state).catch(() => undefined);
  rerender(ctx, root, c, state);
  if (!ctx.show('Cart', root)) return;
  let first = true;
  return cart.subscribe((next) => {
    if (first) {
      first = false;
      if (next === c) return;
    }
    if (!state.coupon) {
      rerender(ctx, root, next, state);
      return;
    }
    // The cart changed: the coupon's price must be asked again.
    requote(state).catch(() => undefined).finally(() => { if (!ctx.signal.aborted) rerender(ctx, root, next, state); });
  });
};
