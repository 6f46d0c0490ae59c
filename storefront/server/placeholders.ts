/**
 * Product pictures are generated, never fetched: one SVG per category, a soft
 * gradient with a line icon. Known demo categories get a drawn icon and a chosen
 * hue; any other category slug gets a shopping-bag icon and a hue from its name.
 */

/** Line icons on a 48x48 grid; elements with FILL are drawn solid. */
const ICONS: Record<string, string> = {
  laptop: '<rect x="10" y="11" width="28" height="20" rx="2"/><path d="M5 36h38l-3 4H8z"/>',
  phone: '<rect x="15" y="5" width="18" height="38" rx="4"/><path d="M21 37h6"/>',
  tablet: '<rect x="9" y="6" width="30" height="36" rx="4"/><path d="M22 37h4"/>',
  headphones: '<path d="M9 31v-6a15 15 0 0 1 30 0v6"/><rect x="7" y="28" width="8" height="13" rx="3"/><rect x="33" y="28" width="8" height="13" rx="3"/>',
  watch: '<rect x="13" y="14" width="22" height="20" rx="5"/><path d="M18 14l2-8h8l2 8M18 34l2 8h8l2-8M24 19v5l3 2"/>',
  camera: '<path d="M6 16h8l3-5h14l3 5h8v23H6z"/><circle cx="24" cy="27" r="7"/><circle cx="36" cy="21" r="1.4" fill="FILL"/>',
  tv: '<rect x="5" y="8" width="38" height="25" rx="2"/><path d="M17 41h14M24 33v8"/>',
  gamepad: '<path d="M14 15h20a8 8 0 0 1 8 8l1.5 10a5 5 0 0 1-9 3.5L31 32H17l-3.5 4.5a5 5 0 0 1-9-3.5L6 23a8 8 0 0 1 8-8z"/><path d="M14 21v7M10.5 24.5h7"/><circle cx="32" cy="22" r="1.6" fill="FILL"/><circle cx="36" cy="26.5" r="1.6" fill="FILL"/>',
  shoe: '<path d="M5 33c0-7 2-13 4-18l9 2c1 4 4 6 9 7l11 2.5c4 1 6 3.5 6 7V37H5z"/><path d="M5 37h39M16 22l3.5-2M19 26l3.5-2"/>',
  boot: '<path d="M12 5h13v17c3 2 8 3.5 13 4.5 4 1 6 3.5 6 7V39H9V29c0-3 2-5 3-8z"/><path d="M9 39h35M12 12h13M12 17h13"/>',
  jacket: '<path d="M17 7L8 11 5 40h7l3-19v20h18V21l3 19h7l-3-29-9-4-7 6z"/><path d="M24 13v28M17 7l7 6 7-6"/>',
  shirt: '<path d="M17 7L6 13l4 9 5-2v21h18V20l5 2 4-9-11-6c-1 3-4 5-7 5s-6-2-7-5z"/>',
  jeans: '<path d="M13 6h22l3 36h-9l-5-23-5 23h-9z"/><path d="M13 12h22M24 12v7"/>',
  coffee: '<path d="M9 20h24v8a10 10 0 0 1-10 10h-4A10 10 0 0 1 9 28z"/><path d="M33 22h3a5 5 0 0 1 0 10h-4M16 6c-2 3 2 5 0 8M23 6c-2 3 2 5 0 8"/>',
  tea: '<path d="M8 21h26v6a11 11 0 0 1-11 11h-4A11 11 0 0 1 8 27z"/><path d="M34 23h2a4 4 0 0 1 0 8h-3M21 21V9l7 4"/><rect x="26" y="13" width="5" height="6" rx="1"/>',
  book: '<path d="M6 9h13a5 5 0 0 1 5 5v27a3.5 3.5 0 0 0-3.5-3.5H6z"/><path d="M42 9H29a5 5 0 0 0-5 5v27a3.5 3.5 0 0 1 3.5-3.5H42z"/>',
  star: '<path d="M24 6l5.3 11 12 1.6-8.8 8.3 2.2 11.9L24 33l-10.7 5.8 2.2-11.9-8.8-8.3 12-1.6z"/>',
  dice: '<rect x="9" y="9" width="30" height="30" rx="6"/><circle cx="17" cy="17" r="2.2" fill="FILL"/><circle cx="31" cy="17" r="2.2" fill="FILL"/><circle cx="24" cy="24" r="2.2" fill="FILL"/><circle cx="17" cy="31" r="2.2" fill="FILL"/><circle cx="31" cy="31" r="2.2" fill="FILL"/>',
  toaster: '<rect x="6" y="17" width="36" height="22" rx="7"/><path d="M16 17v-5M27 17v-5M12 31h7M37 25v7"/>',
  pot: '<path d="M9 18h30v16a6 6 0 0 1-6 6H15a6 6 0 0 1-6-6z"/><path d="M4 22h5M39 22h5M16 18v-2a8 3.5 0 0 1 16 0v2"/>',
  sofa: '<path d="M10 22v-6a4 4 0 0 1 4-4h20a4 4 0 0 1 4 4v6"/><path d="M6 22a3 3 0 0 1 6 0v5h24v-5a3 3 0 0 1 6 0v12H6z"/><path d="M10 34v4M38 34v4"/>',
  bed: '<path d="M5 39V11M5 29h38v10M43 29v-4a6 6 0 0 0-6-6H21v10"/><circle cx="13" cy="23" r="4"/>',
  jar: '<rect x="11" y="20" width="26" height="19" rx="5"/><rect x="14" y="12" width="20" height="8" rx="2"/><path d="M18 29h12"/>',
  perfume: '<rect x="11" y="19" width="26" height="21" rx="6"/><path d="M20 19v-5h8v5M22 14V9h4v5M30 10l5-3M30 13h6"/>',
  mat: '<circle cx="14" cy="30" r="8"/><circle cx="14" cy="30" r="3"/><path d="M14 22h27v16H14"/>',
  bike: '<circle cx="12" cy="31" r="8"/><circle cx="36" cy="31" r="8"/><path d="M12 31l7-13h13l4 13M19 18l6 13H12M25 31l7-13M16 13h6M29 12h5"/>',
  tent: '<path d="M4 40h40M24 8L7 40M24 8l17 32M24 26l-6 14M24 26l6 14"/>',
  paw: '<circle cx="13" cy="21" r="4"/><circle cx="20" cy="12" r="4"/><circle cx="28" cy="12" r="4"/><circle cx="35" cy="21" r="4"/><path d="M24 24c-6 0-11 7-11 11 0 3 3 5 6 4s4-1 5-1 2 0 5 1 6-1 6-4c0-4-5-11-11-11z"/>',
  plant: '<path d="M14 30h20l-3 12H17z"/><path d="M24 30V17M24 23c-7 0-10-5-10-10 7 0 10 5 10 10zM24 19c0-6 4-10 10-10 0 6-4 10-10 10z"/>',
  bag: '<path d="M9 16h30l-2 25H11z"/><path d="M17 16v-3a7 7 0 0 1 14 0v3"/>',
};

/** Demo categories: icon and hue (degrees). */
const CATEGORY_LOOK: Record<string, [icon: string, hue: number]> = {
  laptops: ['laptop', 225], phones: ['phone', 250], tablets: ['tablet', 200], headphones: ['headphones', 275],
  smartwatches: ['watch', 190], cameras: ['camera', 215], tvs: ['tv', 235], gaming: ['gamepad', 290],
  'running-shoes': ['shoe', 15], 'hiking-boots': ['boot', 30], jackets: ['jacket', 205], jeans: ['jeans', 220],
  't-shirts': ['shirt', 340], coffee: ['coffee', 28], tea: ['tea', 95], books: ['book', 40], toys: ['star', 48],
  'board-games': ['dice', 5], 'kitchen-appliances': ['toaster', 170], cookware: ['pot', 12], furniture: ['sofa', 35],
  bedding: ['bed', 260], skincare: ['jar', 330], fragrances: ['perfume', 310], yoga: ['mat', 160], bikes: ['bike', 140],
  camping: ['tent', 120], 'pet-supplies': ['paw', 22], garden: ['plant', 110],
};

export const CATEGORY_SLUG = /^[a-z0-9-]{1,64}$/;

function hueOf(slug: string): number {
  let h = 2166136261;
  for (let i = 0; i < slug.length; i++) h = Math.imul(h ^ slug.charCodeAt(i), 16777619);
  return (h >>> 0) % 360;
}

/** The picture for a category; `slug` must match CATEGORY_SLUG (callers check). */
export function placeholderSvg(slug: string): string {
  const [iconName, hue] = CATEGORY_LOOK[slug] ?? ['bag', hueOf(slug)];
  const ink = `hsl(${hue} 42% 34%)`;
  const icon = (ICONS[iconName] ?? ICONS['bag']!).replaceAll('FILL', ink);
  const h2 = (hue + 28) % 360;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" role="img" aria-label="${slug}">` +
    '<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">' +
    `<stop offset="0" stop-color="hsl(${hue} 75% 95%)"/><stop offset="1" stop-color="hsl(${h2} 65% 85%)"/>` +
    '</linearGradient></defs>' +
    '<rect width="400" height="300" fill="url(#g)"/>' +
    '<circle cx="330" cy="50" r="90" fill="#fff" fill-opacity=".35"/><circle cx="60" cy="270" r="70" fill="#fff" fill-opacity=".28"/>' +
    '<circle cx="200" cy="150" r="92" fill="#fff" fill-opacity=".55"/>' +
    `<g transform="translate(128 78) scale(3)" fill="none" stroke="${ink}" stroke-width="1.9" stroke-linecap="round" stroke-linejoin="round">${icon}</g>` +
    '</svg>'
  );
}

/** The site icon: the shop's mark on its accent colour. */
export function faviconSvg(): string {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
    '<rect width="32" height="32" rx="8" fill="#4338ca"/>' +
    '<path d="M9 12h14l-1 12H10z M13 12v-2a3 3 0 0 1 6 0v2" fill="none" stroke="#fff" stroke-width="2.2" stroke-linejoin="round" stroke-linecap="round"/>' +
    '</svg>'
  );
}
