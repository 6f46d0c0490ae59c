/**
 * The built-in demo shop, used when `CATALOG` is not set. Generated with faker from a
 * fixed seed through its own Faker instance (never the shared global one), so the
 * same options give the same catalog byte for byte, in any thread.
 */
import { Faker, base, en } from '@faker-js/faker';
import { DEMO_CATEGORIES, type CategorySpec } from './demo-categories.js';
import type { Product } from './product.js';

export interface DemoCatalogOptions {
  /** Number of products. @default 10_000 */
  count?: number;
  /** Faker seed. @default 42 */
  seed?: number;
}

export const DEFAULT_DEMO_COUNT = 10_000;
export const DEFAULT_DEMO_SEED = 42;
export const MAX_DEMO_COUNT = 1_000_000;

/** Words any shop uses; they give unrelated products a little shared vocabulary, as real copy does. */
const ADJECTIVES = ['new', 'classic', 'lightweight', 'premium', 'compact', 'versatile', 'durable', 'essential', 'best-selling', 'everyday', 'award-winning', 'refined'];
const SHOP_TAGS = ['new', 'bestseller', 'sale', 'eco-friendly', 'gift-idea'];
const OUT_OF_STOCK_SHARE = 0.07;
const RATED_SHARE = 0.85;
const EXTRA_TAG_SHARE = 0.15;
const MAX_STOCK = 250;

function validate(options: DemoCatalogOptions): { count: number; seed: number } {
  const { count = DEFAULT_DEMO_COUNT, seed = DEFAULT_DEMO_SEED } = options;
  if (!Number.isSafeInteger(count)) throw new TypeError(`count must be an integer, got ${String(count)}`);
  if (count < 1 || count > MAX_DEMO_COUNT) throw new RangeError(`count must be 1..${MAX_DEMO_COUNT}, got ${count}`);
  if (!Number.isSafeInteger(seed)) throw new TypeError(`seed must be an integer, got ${String(seed)}`);
  return { count, seed };
}

function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'An' : 'A';
}

/** Cents are computed as integers so prices carry exactly 2 decimals. */
function demoPrice(f: Faker, [min, max]: readonly [number, number]): number {
  const raw = Math.exp(f.number.float({ min: Math.log(min), max: Math.log(max) }));
  let cents: number;
  if (raw < 20) cents = Math.floor(raw) * 100 + f.helpers.arrayElement([29, 49, 99]);
  else if (raw < 200) cents = Math.floor(raw) * 100 + f.helpers.arrayElement([0, 99, 99]);
  else cents = Math.ceil(raw / 10) * 1000 - 1;
  return cents / 100;
}

function demoStock(f: Faker): number {
  if (f.number.float() < OUT_OF_STOCK_SHARE) return 0;
  const r = f.number.float();
  // Skewed: most items have a few dozen in stock, some have hundreds.
  return 1 + Math.floor(MAX_STOCK * r * r);
}

function describe(f: Faker, spec: CategorySpec, brand: string, series: string, kind: string, color: string): string {
  const [f1, f2, f3] = f.helpers.arrayElements(spec.features, 3);
  const [use, otherUse] = f.helpers.arrayElements(spec.uses, 2);
  const adjective = f.helpers.arrayElement(ADJECTIVES);
  const noun = kind.toLowerCase();
  const line = series ? `${brand} ${series}` : brand;
  const sentences: string[] = [];
  switch (f.number.int(2)) {
    case 0:
      sentences.push(`The ${line} ${noun} combines ${f1} with ${f2}.`, `${capitalise(f3 ?? '')} completes the package.`);
      break;
    case 1:
      sentences.push(`Designed for ${use}, this ${adjective} ${noun} from ${brand} features ${f1}, ${f2} and ${f3}.`);
      break;
    default:
      sentences.push(`${article(adjective)} ${adjective} ${noun} with ${f1}.`, `The ${line} also comes with ${f2}.`);
  }
  if (color) sentences.push(`Available in ${color.toLowerCase()}.`);
  sentences.push(`Ideal for ${otherUse ?? use}.`);
  return sentences.join(' ');
}

function describeBook(f: Faker, spec: CategorySpec, publisher: string, kind: string): string {
  const [f1, f2] = f.helpers.arrayElements(spec.features, 2);
  const genre = f.book.genre().toLowerCase();
  const adjective = f.helpers.arrayElement(ADJECTIVES);
  return `${article(adjective)} ${adjective} ${genre} ${kind.toLowerCase()} by ${f.book.author()}, published by ${publisher}. ` +
    `Readers praise ${f1} and ${f2}. Ideal for ${f.helpers.arrayElement(spec.uses)}.`;
}

function demoProduct(f: Faker, spec: CategorySpec, index: number): Product {
  const b = f.number.int(spec.brands.length - 1);
  const brand = spec.brands[b]!;
  // Each brand keeps its own model line, as real catalogs do.
  const series = spec.series.length > 0 ? spec.series[b % spec.series.length]! : '';
  const kind = f.helpers.arrayElement(spec.kinds);
  const variant = spec.variants.length > 0 ? f.helpers.arrayElement(spec.variants) : '';
  const color = spec.colored ? capitalise(f.color.human()) : '';

  let name: string;
  let description: string;
  if (spec.titled) {
    name = `${f.book.title()} (${kind})`;
    description = describeBook(f, spec, brand, kind);
  } else {
    name = [brand, series, kind, variant].filter((part) => part.length > 0).join(' ') + (color ? ` - ${color}` : '');
    description = describe(f, spec, brand, series, kind, color);
  }

  const product: Product = {
    itemId: `sku-${String(index + 1).padStart(6, '0')}`,
    name,
    category: spec.slug,
    description,
    price: demoPrice(f, spec.price),
    stock: demoStock(f),
    brand,
  };
  if (f.number.float() < RATED_SHARE) product.rating = f.number.float({ min: 2.5, max: 5, fractionDigits: 1 });
  const tags = f.helpers.arrayElements(spec.tags, { min: 1, max: 3 });
  if (f.number.float() < EXTRA_TAG_SHARE) tags.push(f.helpers.arrayElement(SHOP_TAGS));
  product.tags = tags;
  return product;
}

/**
 * Generates a realistic shop: >= 20 categories, each with its own brands, names,
 * price range and description vocabulary. Item ids are `sku-000001`... in order;
 * product i depends only on the seed and the products before it, so a larger count
 * extends a smaller catalog rather than reshuffling it.
 */
export function demoCatalog(options: DemoCatalogOptions = {}): Product[] {
  const { count, seed } = validate(options);
  const f = new Faker({ locale: [en, base], seed });
  const weighted = DEMO_CATEGORIES.map((spec) => ({ weight: spec.weight, value: spec }));
  const products: Product[] = new Array<Product>(count);
  for (let i = 0; i < count; i++) {
    products[i] = demoProduct(f, f.helpers.weightedArrayElement(weighted), i);
  }
  return products;
}
