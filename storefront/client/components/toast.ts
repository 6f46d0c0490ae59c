/** Short confirmations in a polite live region ("Added to cart"). */
import { h, qs } from '../dom.js';

const SHOW_MS = 3500;

export function toast(message: string, kind: 'ok' | 'error' = 'ok'): void {
  const region = qs('.toasts');
  const el = h('div', { class: `toast toast-${kind}` }, message);
  region.appendChild(el);
  while (region.children.length > 3) region.firstElementChild?.remove();
  setTimeout(() => {
    el.classList.add('is-leaving');
    setTimeout(() => el.remove(), 300);
  }, SHOW_MS);
}
