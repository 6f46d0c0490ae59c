/**
 * The dashboard's one page. Login and the panels are drawn by the script; the
 * markup here is what shows before it runs (and without it).
 */

export interface DashboardAssets {
  js: string;
  css: string;
}

export function renderDashboardShell(a: DashboardAssets): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shop brain · operator dashboard</title>
<meta name="robots" content="noindex">
<link rel="stylesheet" href="${a.css}">
<script type="module" src="${a.js}"></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="top">
  <div class="top-inner">
    <span class="brand">Shop brain <span class="brand-sub">operator</span></span>
    <span class="conn" data-testid="connection" data-state="offline"><span class="conn-dot" aria-hidden="true"></span><span class="conn-text">Not connected</span></span>
    <span class="lag" data-testid="lag"></span>
    <button type="button" class="logout" data-testid="logout" hidden>Log out</button>
  </div>
</header>
<main id="main" tabindex="-1"><p class="loading">Loading…</p></main>
<noscript><p class="noscript">The dashboard needs JavaScript.</p></noscript>
</body>
</html>
`;
}
