/**
 * The storefront in the browser: starts the live socket, makes the header live,
 * and routes between pages without reloading (so suggestions keep following).
 */
import { cart } from './cart.js';
import { initCoupons } from './components/coupon-banner.js';
import { couponsPage } from './pages/coupons.js';
import { initHeader } from './components/header.js';
import { live } from './live.js';
import { cartPage } from './pages/cart.js';
import { category } from './pages/category.js';
import { home } from './pages/home.js';
import { notFound } from './pages/not-found.js';
import { orders } from './pages/orders.js';
import { product } from './pages/product.js';
import { search } from './pages/search.js';
import { defineRoutes, navigate, startRouter } from './router.js';

defineRoutes([
  { pattern: /^\/$/, page: home },
  { pattern: /^\/category\/([^/]+)$/, page: category },
  { pattern: /^\/product\/([^/]+)$/, page: product },
  { pattern: /^\/search$/, page: search },
  { pattern: /^\/cart$/, page: cartPage },
  { pattern: /^\/orders$/, page: orders },
  { pattern: /^\/coupons$/, page: couponsPage },
], notFound);

live.start();
initHeader(navigate);
initCoupons();
cart.refresh().catch(() => undefined);
startRouter();
