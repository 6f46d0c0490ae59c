import { h } from '../dom.js';
import type { Page } from '../router.js';

export const notFound: Page = async (ctx) => {
  ctx.show('Not found', h('section', { class: 'empty-state', 'data-testid': 'not-found' },
    h('h1', null, 'We could not find that page'),
    h('p', null, 'The product may have been removed, or the link is mistyped.'),
    h('a', { class: 'btn btn-primary', href: '/' }, 'Go to the shop')));
};
