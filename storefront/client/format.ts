/** How numbers, names and times read in the shop. */

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
export const formatPrice = (n: number): string => money.format(n);

const SPECIAL: Record<string, string> = { tvs: 'TVs', 't-shirts': 'T-shirts' };

/** `running-shoes` -> `Running shoes` */
export function categoryName(slug: string): string {
  const s = SPECIAL[slug];
  if (s) return s;
  const words = slug.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const dateFmt = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
export const formatDate = (ts: number): string => dateFmt.format(new Date(ts));

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A stable small hue shift per item, so pictures in one category are not all identical. */
export function itemHueShift(itemId: string): number {
  let h = 0;
  for (let i = 0; i < itemId.length; i++) h = (h * 31 + itemId.charCodeAt(i)) | 0;
  return (Math.abs(h) % 41) - 20;
}

export const pictureUrl = (category: string): string => `/assets/img/${encodeURIComponent(category)}.svg`;

/** Client-made ids for events (the engine dedupes retries by id). */
export function newId(prefix: string): string {
  const b = new Uint8Array(9);
  crypto.getRandomValues(b);
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return `${prefix}-${s}`;
}
