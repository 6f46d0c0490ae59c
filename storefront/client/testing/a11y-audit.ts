/**
 * Test-only (never imported by main.ts, so not in the shipped bundle): an
 * accessibility audit the browser tests run inside the page. Every visible link,
 * button and form control must have an accessible name; every image an alt
 * (empty when decorative); visible text WCAG AA contrast (4.5:1, large text 3:1)
 * against its solid background (text on images or gradients is not judged).
 */
export interface A11yProblem {
  kind: 'unnamed-control' | 'low-contrast' | 'img-without-alt';
  what: string;
  detail?: string;
}

export function audit(): A11yProblem[] {
  const problems: A11yProblem[] = [];
  const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
  const visible = (el: Element) => {
    const r = (el as HTMLElement).getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
  };
  const nameOf = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label?.trim()) return label;
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
    if (el.id) {
      const l = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
      if (l?.textContent?.trim()) return l.textContent.trim();
    }
    const wrap = el.closest('label');
    if (wrap?.textContent?.trim()) return wrap.textContent.trim();
    return (el.textContent ?? '').trim();
  };
  for (const el of document.querySelectorAll('a[href], button, input, select, textarea')) {
    if (!visible(el)) continue;
    if (!nameOf(el)) problems.push({ kind: 'unnamed-control', what: describe(el) });
  }
  for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) problems.push({ kind: 'img-without-alt', what: img.src });

  const parse = (c: string): [number, number, number, number] | undefined => {
    const m = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?\)/.exec(c);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : undefined;
  };
  const lum = ([r, g, b]: number[]) => {
    const f = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
  };
  /** The solid colour behind `el`, or undefined when an image or gradient is in the way. */
  const background = (el: Element): number[] | undefined => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.backgroundImage !== 'none') return undefined;
      const c = parse(s.backgroundColor);
      if (c && c[3] >= 0.99) return c;
      if (c && c[3] > 0) return undefined; // translucent layers: not judged
    }
    return [255, 255, 255, 1];
  };
  const seen = new Set<Element>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || seen.has(el) || !(n.textContent ?? '').trim() || !visible(el)) continue;
    if (el.closest('.visually-hidden, [aria-hidden="true"], noscript')) continue;
    // WCAG 1.4.3 exempts inactive controls.
    if (el.closest('button:disabled, select:disabled, input:disabled')) continue;
    seen.add(el);
    const s = getComputedStyle(el);
    const fg = parse(s.color);
    const bg = background(el);
    if (!fg || !bg || Number(s.opacity) < 1) continue;
    const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a) as [number, number];
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(s.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) problems.push({ kind: 'low-contrast', what: describe(el), detail: `${ratio.toFixed(2)}:1 (${s.color} on rgb(${bg.slice(0, 3).join(',')}))` });
  }
  return problems;
}
