/**
 * The operator dashboard: log in with the API key (traded for a session token),
 * then live tiles, the last hour and hot lists from /admin/ws, and the report
 * panels from the admin HTTP API, refreshed on a timer and when the as-of date changes.
 */
import { h, qs, replaceChildren } from '../../storefront/client/dom.js';
import { formatInt, tomorrowIso } from './format.js';
import { LiveFeed, type FeedState } from './live.js';
import { HotLists } from './panels/hot.js';
import { IntentPanel } from './panels/intent.js';
import { MinuteChart } from './panels/minutes.js';
import { RestPanel } from './panels/panel.js';
import {
  renderAbc, renderClv, renderCohorts, renderFunnel, renderSegments,
  type AbcReport, type ClvReport, type CohortReport, type FunnelReport, type SegmentReport,
} from './panels/reports.js';
import { KpiTiles } from './panels/tiles.js';
import { currentSession, forgetSession, logIn } from './session.js';

const main = qs('main');
const conn = qs('[data-testid="connection"]');
const lag = qs('[data-testid="lag"]');
const logoutButton = qs<HTMLButtonElement>('[data-testid="logout"]');
let stopDashboard: (() => void) | undefined;

function setConn(state: FeedState | 'ended'): void {
  conn.dataset['state'] = state;
  qs('.conn-text', conn).textContent = state === 'live' ? 'Live' : state === 'connecting' ? 'Connecting' : state === 'ended' ? 'Logged out' : 'Reconnecting';
}

function showLogin(message = ''): void {
  stopDashboard?.();
  stopDashboard = undefined;
  forgetSession();
  logoutButton.hidden = true;
  setConn('ended');
  lag.textContent = '';
  const key = h('input', { id: 'api-key', name: 'api-key', type: 'password', autocomplete: 'current-password', required: true, minlength: 16, 'data-testid': 'api-key' });
  const error = h('p', { class: 'login-error', role: 'alert', 'data-testid': 'login-error' }, message);
  const form = h('form', { class: 'login', 'data-testid': 'login' },
    h('h1', null, 'Operator login'),
    h('p', null, 'Enter the engine\'s API key (the API_KEY setting, or the file DATA_DIR/api-key). The browser keeps a 12-hour session, not the key.'),
    h('label', { for: 'api-key' }, 'API key'), key,
    h('button', { type: 'submit', class: 'primary' }, 'Log in'), error);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    error.textContent = '';
    logIn(key.value.trim()).then(() => showDashboard(), (err: unknown) => {
      error.textContent = (err as Error).message;
      key.focus();
    });
  });
  replaceChildren(main, form);
  key.focus();
}

function showDashboard(): void {
  const session = currentSession();
  if (!session) return showLogin();
  logoutButton.hidden = false;
  const ended = () => showLogin('Your session ended: log in again.');
  const tiles = new KpiTiles();
  const minutes = new MinuteChart();
  const hot = new HotLists();
  const intent = new IntentPanel();

  const asOf = h('input', { id: 'as-of', type: 'date', value: tomorrowIso(), 'data-testid': 'as-of' });
  const q = () => `asOf=${encodeURIComponent(asOf.value || tomorrowIso())}`;
  const panels = [
    new RestPanel<FunnelReport>({ id: 'funnel', title: 'Funnel, last 7 days', path: () => '/api/admin/funnel', render: renderFunnel, everyMs: 15_000 }, ended),
    new RestPanel<SegmentReport>({ id: 'segments', title: 'RFM segments', path: () => `/api/admin/segments?${q()}`, render: renderSegments, everyMs: 60_000 }, ended),
    new RestPanel<CohortReport>({ id: 'cohorts', title: 'Cohort retention', path: () => `/api/admin/cohorts?${q()}`, render: renderCohorts, everyMs: 60_000, wide: true }, ended),
    new RestPanel<AbcReport>({ id: 'abc', title: 'ABC products', path: () => `/api/admin/abc?${q()}`, render: renderAbc, everyMs: 60_000 }, ended),
    new RestPanel<ClvReport>({ id: 'clv', title: 'Customer lifetime value', path: () => `/api/admin/clv?${q()}&limit=10`, render: renderClv, everyMs: 120_000 }, ended),
  ];
  asOf.addEventListener('change', () => {
    for (const p of panels.slice(1)) void p.reload();
  });

  replaceChildren(main,
    h('h1', { class: 'visually-hidden' }, 'Operator dashboard'),
    h('div', { class: 'grid' }, tiles.el, minutes.el, hot.el, panels[0]!.el, intent.el),
    h('div', { class: 'section-head' },
      h('h2', null, 'Customers'),
      h('label', { for: 'as-of', class: 'as-of' }, 'As of (orders before this day count)'), asOf),
    h('div', { class: 'grid' }, panels.slice(1).map((p) => p.el)),
    h('p', { class: 'panel-note' }, 'Promotions and experiments get their panels with their engines (coupons are not yet events on the log).'));

  const feed = new LiveFeed(session.token, {
    summary: (m) => {
      tiles.update(m.today);
      minutes.update(m.minutes);
      hot.update(m.hot);
      intent.update(m.intent ?? null);
      const behind = m.lagEvents > 0 && m.lastEventTs > 0 ? Math.max(0, m.ts - m.lastEventTs) : 0;
      lag.textContent = m.lagEvents > 0 ? `analytics ${formatInt(m.lagEvents)} events (${(behind / 1000).toFixed(1)} s) behind` : `analytics up to date (log #${formatInt(m.appliedSeq)})`;
      lag.dataset['lagEvents'] = String(m.lagEvents);
      // What the tiles now show, by log position (tests and support read it).
      lag.dataset['appliedSeq'] = String(m.appliedSeq);
    },
    state: setConn,
    ended,
  });
  feed.start();
  for (const p of panels) p.start();
  stopDashboard = () => {
    feed.stop();
    for (const p of panels) p.stop();
  };
}

logoutButton.addEventListener('click', () => showLogin('Logged out.'));
if (currentSession()) showDashboard();
else showLogin();
