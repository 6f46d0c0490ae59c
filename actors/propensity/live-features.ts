/**
 * Purchase-intent features of a live session, folded from the shopper's events.
 * The same pure fold runs in the user actor (which scores every event) and in the
 * engine's trainer (which rebuilds sessions from the log, labels them and learns),
 * so the model is trained on exactly the numbers it is later given.
 *
 * A session is the shopper's events without a gap longer than `gapMs`; its outcome
 * is known at its first checkout or purchase (label 1 if a purchase follows in the
 * session) or when it ends without one (label 0). Features describe the session so
 * far: nothing from the outcome event on is in them.
 */
import type { ShopEvent } from '../../protos/index.js';
import type { FeatureDef, FeatureLookup } from './features.js';

export const LIVE_STATE_VERSION = 2;
/** Items remembered per session for distinct/repeat counts, categories per session, cart lines. */
const MAX_SEEN = 50;
const MAX_CATEGORIES = 20;
const MAX_CART = 50;

export interface LiveItemFacts {
  category: string;
  price: number;
}

/** The accumulator, stored in the user actor's state (plain JSON: it is persisted in LMDB). */
export interface LiveIntentState {
  v: number;
  /** First and last shopper event of the current session (0 = none yet). */
  start: number;
  lastTs: number;
  events: number;
  productViews: number;
  repeatViews: number;
  recClicks: number;
  cartAdds: number;
  cartRemoves: number;
  searches: number;
  /** Pages that showed recommendations (home, cart, ...): listing-like pages. */
  listingPages: number;
  dwellMs: number;
  viewedPriceSum: number;
  pricedViews: number;
  maxViewedPrice: number;
  /** Item ids viewed this session, most recent last. */
  seen: string[];
  categories: string[];
  /** The cart as this fold knows it: item -> [qty, unit price]. Carts outlive sessions. */
  cart: Record<string, [number, number]>;
  /** Lines and value of `cart`, kept as it changes (walking the map per score cost more than the trees). */
  cartLines: number;
  cartValue: number;
  /** Before this session: sessions, orders, last order time. */
  priorSessions: number;
  priorOrders: number;
  lastOrderTs: number;
  /** Time of the session's first checkout or purchase (0 = open: no outcome yet). */
  outcomeTs: number;
  /** A purchase happened in this session. */
  bought: boolean;
}

export function emptyLiveIntent(): LiveIntentState {
  return {
    v: LIVE_STATE_VERSION, start: 0, lastTs: 0, events: 0, productViews: 0, repeatViews: 0, recClicks: 0, cartAdds: 0, cartRemoves: 0,
    searches: 0, listingPages: 0, dwellMs: 0, viewedPriceSum: 0, pricedViews: 0, maxViewedPrice: 0, seen: [], categories: [], cart: {}, cartLines: 0, cartValue: 0,
    priorSessions: 0, priorOrders: 0, lastOrderTs: 0, outcomeTs: 0, bought: false,
  };
}

/** Kinds that are the shopper's own activity in a session. */
const ACTIVITY: ReadonlySet<ShopEvent['kind']> = new Set(['view', 'rec_click', 'cart_add', 'cart_remove', 'search', 'dwell', 'rec_impression', 'checkout', 'purchase']);

export function isIntentActivity(e: ShopEvent): boolean {
  return ACTIVITY.has(e.kind);
}

/** What folding one event did to the session: the trainer closes and labels sessions with it. */
export type LiveFoldStep =
  /** not shopper activity: nothing changed */
  | 'ignored'
  /** a step of an open session (a scoring moment) */
  | 'step'
  /** the first checkout or purchase: the outcome moment (features were taken before it) */
  | 'outcome'
  /** after the outcome, in the same session */
  | 'after-outcome';

/** Ends the current session (the next event came after the gap): its counts move into history. */
export function endSession(s: LiveIntentState): void {
  if (s.start === 0) return;
  s.priorSessions++;
  if (s.bought) s.priorOrders++;
  s.start = 0;
  s.events = s.productViews = s.repeatViews = s.recClicks = s.cartAdds = s.cartRemoves = s.searches = s.listingPages = 0;
  s.dwellMs = s.viewedPriceSum = s.pricedViews = s.maxViewedPrice = 0;
  s.seen = [];
  s.categories = [];
  s.outcomeTs = 0;
  s.bought = false;
}

/** Whether `ts` starts a new session after the state's last activity. */
export function isNewSession(s: LiveIntentState, ts: number, gapMs: number): boolean {
  return s.start !== 0 && ts - s.lastTs > gapMs;
}

/**
 * Folds one event (mutates `s`). The caller ends a session first when
 * `isNewSession` says so (the trainer labels the ended one in between).
 */
/** A state written by an older version: the running cart totals are counted once. */
function upgrade(s: LiveIntentState): void {
  let lines = 0;
  let value = 0;
  for (const k in s.cart) {
    const l = s.cart[k]!;
    lines++;
    value += l[0] * l[1];
  }
  s.cartLines = lines;
  s.cartValue = value;
  s.v = LIVE_STATE_VERSION;
}

function dropLine(s: LiveIntentState, itemId: string): void {
  const l = s.cart[itemId];
  if (!l) return;
  s.cartLines--;
  s.cartValue -= l[0] * l[1];
  delete s.cart[itemId];
}

export function foldLiveIntent(s: LiveIntentState, e: ShopEvent, item: LiveItemFacts | undefined, gapMs: number): LiveFoldStep {
  if (s.v !== LIVE_STATE_VERSION) upgrade(s);
  // purchase lines a checkout placed are written by the engine after the outcome: history only
  const placedLine = e.kind === 'purchase' && !!e.checkoutId;
  if (!ACTIVITY.has(e.kind)) return 'ignored';
  if (isNewSession(s, e.ts, gapMs) && !placedLine) endSession(s);
  if (s.start === 0) s.start = e.ts;
  if (!placedLine) {
    s.lastTs = Math.max(s.lastTs, e.ts);
    s.events++;
  }
  const before = s.outcomeTs;
  switch (e.kind) {
    case 'view':
    case 'rec_click': {
      if (!e.itemId) break;
      if (e.kind === 'rec_click') s.recClicks++;
      s.productViews++;
      const i = s.seen.indexOf(e.itemId);
      if (i >= 0) {
        s.repeatViews++;
        s.seen.splice(i, 1);
      }
      s.seen.push(e.itemId);
      if (s.seen.length > MAX_SEEN) s.seen.shift();
      if (item) {
        if (item.price > 0) {
          s.viewedPriceSum += item.price;
          s.pricedViews++;
          if (item.price > s.maxViewedPrice) s.maxViewedPrice = item.price;
        }
        if (item.category && !s.categories.includes(item.category) && s.categories.length < MAX_CATEGORIES) s.categories.push(item.category);
      }
      break;
    }
    case 'cart_add': {
      if (!e.itemId) break;
      s.cartAdds++;
      const qty = Math.max(1, e.qty ?? 1);
      const line = s.cart[e.itemId];
      if (line) {
        line[0] += qty;
        s.cartValue += qty * line[1];
      } else if (s.cartLines < MAX_CART) {
        const price = item?.price ?? 0;
        s.cart[e.itemId] = [qty, price];
        s.cartLines++;
        s.cartValue += qty * price;
      }
      break;
    }
    case 'cart_remove': {
      if (!e.itemId) break;
      s.cartRemoves++;
      const line = s.cart[e.itemId];
      if (!line) break;
      const qty = e.qty ?? 0;
      if (qty <= 0 || qty >= line[0]) dropLine(s, e.itemId);
      else {
        line[0] -= qty;
        s.cartValue -= qty * line[1];
      }
      break;
    }
    case 'search':
      s.searches++;
      break;
    case 'dwell':
      s.dwellMs += Math.max(0, e.dwellMs ?? 0);
      break;
    case 'rec_impression':
      s.listingPages++;
      break;
    case 'checkout':
      if (s.outcomeTs === 0) s.outcomeTs = e.ts;
      break;
    case 'purchase':
      if (s.outcomeTs === 0) s.outcomeTs = e.ts;
      s.bought = true;
      s.lastOrderTs = Math.max(s.lastOrderTs, e.ts);
      if (e.itemId) dropLine(s, e.itemId);
      break;
    default:
      break;
  }
  if (before !== 0) return 'after-outcome';
  return s.outcomeTs !== 0 ? 'outcome' : 'step';
}

/** The session as the model sees it at time `now` (the event being scored). */
export interface LiveIntentSession {
  s: LiveIntentState;
  now: number;
}

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
// Calendar fields by arithmetic (a Date per feature per event costs more than the trees);
// the month changes once a day, so it is cached by day.
let monthDay = Number.NaN;
let monthOfDay = 1;
function utcMonth(now: number): number {
  const day = Math.floor(now / DAY_MS);
  if (day !== monthDay) {
    monthDay = day;
    monthOfDay = new Date(now).getUTCMonth() + 1;
  }
  return monthOfDay;
}
const utcHour = (now: number): number => Math.floor(now / HOUR_MS) % 24;
/** 0 = Sunday, as Date#getUTCDay (1970-01-01 was a Thursday). */
const utcWeekday = (now: number): number => (Math.floor(now / DAY_MS) + 4) % 7;


/**
 * The live features. Calendar features are in UTC (the log's time); a shop in
 * another zone sees them shifted, which trees learn around.
 */
export const LIVE_FEATURES: readonly FeatureDef<LiveIntentSession>[] = [
  { name: 'ProductViews', kind: 'numeric', raw: false, get: ({ s }) => s.productViews },
  { name: 'DistinctItems', kind: 'numeric', raw: false, get: ({ s }) => s.seen.length },
  { name: 'RepeatViews', kind: 'numeric', raw: false, get: ({ s }) => s.repeatViews },
  { name: 'RecClicks', kind: 'numeric', raw: false, get: ({ s }) => s.recClicks },
  { name: 'CartAdds', kind: 'numeric', raw: false, get: ({ s }) => s.cartAdds },
  { name: 'CartRemoves', kind: 'numeric', raw: false, get: ({ s }) => s.cartRemoves },
  { name: 'CartLines', kind: 'numeric', raw: false, get: ({ s }) => s.cartLines },
  // rounded to cents: running sums of prices drift by float error
  { name: 'CartValue', kind: 'numeric', raw: false, get: ({ s }) => Math.round(s.cartValue * 100) / 100 },
  { name: 'Searches', kind: 'numeric', raw: false, get: ({ s }) => s.searches },
  { name: 'ListingPages', kind: 'numeric', raw: false, get: ({ s }) => s.listingPages },
  { name: 'DwellSeconds', kind: 'numeric', raw: false, get: ({ s }) => s.dwellMs / 1000 },
  { name: 'SecondsPerView', kind: 'numeric', raw: false, get: ({ s }) => ratio(s.dwellMs / 1000, s.productViews) },
  { name: 'SecondsInSession', kind: 'numeric', raw: false, get: ({ s, now }) => (s.start ? Math.max(0, now - s.start) / 1000 : 0) },
  { name: 'EventsInSession', kind: 'numeric', raw: false, get: ({ s }) => s.events },
  { name: 'CartAddsPerView', kind: 'numeric', raw: false, get: ({ s }) => ratio(s.cartAdds, s.productViews) },
  { name: 'MeanViewedPrice', kind: 'numeric', raw: false, get: ({ s }) => ratio(s.viewedPriceSum, s.pricedViews) },
  { name: 'MaxViewedPrice', kind: 'numeric', raw: false, get: ({ s }) => s.maxViewedPrice },
  { name: 'CategoriesViewed', kind: 'numeric', raw: false, get: ({ s }) => s.categories.length },
  { name: 'PriorSessions', kind: 'numeric', raw: false, get: ({ s }) => s.priorSessions },
  { name: 'PriorOrders', kind: 'numeric', raw: false, get: ({ s }) => s.priorOrders },
  { name: 'DaysSinceLastOrder', kind: 'numeric', raw: false, get: ({ s, now }) => (s.lastOrderTs > 0 ? (now - s.lastOrderTs) / DAY_MS : -1) },
  {
    name: 'VisitorKind', kind: 'category', raw: false, get: ({ s }) => (s.priorSessions > 0 ? 0 : 1),
    show: (v) => (v === 0 ? 'returning visitor' : 'new visitor'),
  },
  { name: 'HourOfDay', kind: 'category', raw: false, get: ({ now }) => utcHour(now), show: (v) => `${v}h UTC` },
  {
    name: 'DayOfWeek', kind: 'category', raw: false, get: ({ now }) => utcWeekday(now),
    show: (v) => ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][v] ?? String(v),
  },
  {
    name: 'MonthOfYear', kind: 'category', raw: false, get: ({ now }) => utcMonth(now),
    show: (v) => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][v - 1] ?? String(v),
  },
];

const LIVE_BY_NAME = new Map(LIVE_FEATURES.map((f) => [f.name, f]));

/** Loads live model files: only live feature names are accepted. */
export const liveFeatureByName: FeatureLookup<LiveIntentSession> = (name) => LIVE_BY_NAME.get(name);
