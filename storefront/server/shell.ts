/**
 * The app shell: one HTML page for every storefront route. The header, the live
 * status and the coupon area are static markup so the page is usable to read
 * before the script runs; the script fills `<main>` for the route in the URL.
 */

export interface ShellAssets {
  js: string;
  css: string;
  icon: string;
}

export const SHOP_NAME = 'Loop';

const BAG = '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M5 8h14l-1 12H6z M9 8V6a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" stroke-linecap="round"/></svg>';
const SEARCH = '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="11" cy="11" r="6.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M16 16l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>';
const RECEIPT = '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 3h12v18l-3-2-3 2-3-2-3 2z M9 8h6 M9 12h6" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" stroke-linecap="round"/></svg>';

export function renderShell(a: ShellAssets): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${SHOP_NAME} · a shop that follows you</title>
<meta name="description" content="${SHOP_NAME}: a fast shop whose suggestions follow what you do, live.">
<meta name="theme-color" content="#4338ca">
<link rel="icon" href="${a.icon}" type="image/svg+xml">
<link rel="stylesheet" href="${a.css}">
<script type="module" src="${a.js}"></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<div class="offline-banner" data-testid="offline-banner" role="status" hidden></div>
<header class="site-header">
  <div class="header-inner">
    <a class="logo" href="/" aria-label="${SHOP_NAME} home"><span class="logo-mark">${BAG}</span><span class="logo-text">${SHOP_NAME}</span></a>
    <form class="search" role="search" action="/search" method="get">
      <label for="search-q" class="visually-hidden">Search products</label>
      <input id="search-q" name="q" type="search" placeholder="Search products and brands" autocomplete="off" required maxlength="200">
      <button type="submit" class="search-btn">${SEARCH}<span class="visually-hidden">Search</span></button>
    </form>
    <nav class="header-links" aria-label="Your shop">
      <span class="conn" data-testid="connection" data-state="connecting" title="Live updates"><span class="conn-dot" aria-hidden="true"></span><span class="conn-text">Connecting</span></span>
      <a href="/coupons" class="header-link" data-testid="coupons-link">${RECEIPT}<span>Coupons</span></a>
      <a href="/orders" class="header-link">${RECEIPT}<span>Orders</span></a>
      <a href="/cart" class="header-link cart-link" data-testid="cart-link">${BAG}<span>Cart</span><span class="visually-hidden" data-testid="cart-count-label">, 0 items</span><span class="cart-count" data-testid="cart-count" aria-hidden="true">0</span></a>
    </nav>
  </div>
  <nav class="category-nav" aria-label="Categories"><ul class="category-list"></ul></nav>
</header>
<div class="coupon-area" data-testid="coupon-banner" hidden></div>
<main id="main" tabindex="-1"><div class="page-loading" aria-busy="true">Loading…</div></main>
<div class="toasts" role="status" aria-live="polite"></div>
<footer class="site-footer"><div class="footer-inner"><span>${SHOP_NAME} · suggestions update live as you browse</span><span>Free returns within 30 days</span></div></footer>
<noscript><p class="noscript">${SHOP_NAME} needs JavaScript to show products and your live suggestions.</p></noscript>
</body>
</html>
`;
}

/** Shown for every route when the client bundle could not be built or found. */
export function renderUnavailable(reason: string): string {
  const esc = reason.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${SHOP_NAME} is unavailable</title></head>` +
    `<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2937">` +
    `<h1>The shop is temporarily unavailable</h1><p>The storefront's files could not be prepared on this server.</p><pre style="white-space:pre-wrap">${esc}</pre></body></html>`;
}
