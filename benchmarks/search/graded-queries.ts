/**
 * A graded query set from the demo catalog's generator facts (engine/catalog
 * demo-categories): each query names what the generator knows about products (brand,
 * category, product kind, colour, use) and every product is graded against it: 2 exact
 * (every named fact holds), 1 partial (the kind or category holds), 0 irrelevant.
 * A share of the queries carries a typo or the other number (plural/singular).
 * A check of the machinery, not proof of relevance on real shoppers' queries.
 */
import { DEMO_CATEGORIES, type CategorySpec, type Product } from '../../engine/catalog/index.js';

export interface Facts {
  category: string;
  brand: string;
  kind: string | undefined;
  colour: string | undefined;
}

export interface GradedQuery {
  q: string;
  template: string;
  /** 'typo' | 'plural' | 'clean' */
  noise: string;
  grade: (f: Facts) => 0 | 1 | 2;
}

const SPECS = new Map(DEMO_CATEGORIES.map((s) => [s.slug, s]));

/** The generator's facts of a product, read back from its name (brand + series + kind + variant - Colour). */
export function factsOf(p: Product): Facts {
  const spec = SPECS.get(p.category);
  const name = p.name;
  let kind: string | undefined;
  for (const k of spec?.kinds ?? []) if ((name.includes(` ${k}`) || name.includes(`(${k})`)) && (kind === undefined || k.length > kind.length)) kind = k;
  const dash = name.lastIndexOf(' - ');
  const colour = spec?.colored && dash > 0 ? name.slice(dash + 3).toLowerCase() : undefined;
  return { category: p.category, brand: p.brand, kind, colour };
}

/** mulberry32: the set is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One typo in the longest word of at least 5 letters: a dropped, swapped or replaced letter. */
function typo(q: string, r: () => number): string | undefined {
  const words = q.split(' ');
  let at = -1;
  for (let i = 0; i < words.length; i++) if (words[i]!.length >= 5 && (at < 0 || words[i]!.length > words[at]!.length)) at = i;
  if (at < 0) return undefined;
  const w = words[at]!;
  const i = 1 + Math.floor(r() * (w.length - 2));
  const kind = Math.floor(r() * 3);
  words[at] = kind === 0 ? w.slice(0, i) + w.slice(i + 1) : kind === 1 ? w.slice(0, i - 1) + w[i] + w[i - 1] + w.slice(i + 1) : w.slice(0, i) + 'qxz'[Math.floor(r() * 3)] + w.slice(i + 1);
  return words.join(' ');
}

function otherNumber(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s')) return word.slice(0, -1);
  if (word.endsWith('y')) return `${word.slice(0, -1)}ies`;
  if (/(ch|sh|x)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

const lc = (s: string) => s.toLowerCase();

/** `perTemplate` queries of each template (6 templates), from the catalog's own products. */
export function gradedQueries(products: readonly Product[], perTemplate = 60, seed = 7): GradedQuery[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const facts = products.map(factsOf);
  const withKind = products.map((p, i) => ({ p, f: facts[i]! })).filter((x) => x.f.kind !== undefined && !SPECS.get(x.p.category)?.titled);
  const coloured = withKind.filter((x) => x.f.colour !== undefined);
  const out: GradedQuery[] = [];
  const seen = new Set<string>();
  const add = (q: string, template: string, grade: GradedQuery['grade']) => {
    let noise = 'clean';
    const roll = r();
    if (roll < 0.2) {
      const t = typo(q, r);
      if (t) [q, noise] = [t, 'typo'];
    } else if (roll < 0.4) {
      const words = q.split(' ');
      words[words.length - 1] = otherNumber(words[words.length - 1]!);
      [q, noise] = [words.join(' '), 'plural'];
    }
    if (seen.has(q)) return false;
    seen.add(q);
    out.push({ q, template, noise, grade });
    return true;
  };
  const fillT = (template: string, make: () => [string, GradedQuery['grade']]) => {
    let n = 0;
    for (let tries = 0; n < perTemplate && tries < perTemplate * 20; tries++) {
      const [q, g] = make();
      if (add(q, template, g)) n++;
    }
  };
  fillT('brand+kind', () => {
    const { f } = pick(withKind);
    return [`${lc(f.brand)} ${lc(f.kind!)}`, (x) => (x.brand === f.brand && x.kind === f.kind ? 2 : x.kind === f.kind || (x.brand === f.brand && x.category === f.category) ? 1 : 0)];
  });
  fillT('kind', () => {
    const { f } = pick(withKind);
    return [lc(f.kind!), (x) => (x.kind === f.kind ? 2 : x.category === f.category ? 1 : 0)];
  });
  fillT('category', () => {
    const spec: CategorySpec = pick(DEMO_CATEGORIES.filter((s) => !s.titled));
    return [spec.slug.replace(/-/g, ' '), (x) => (x.category === spec.slug ? 2 : 0)];
  });
  fillT('brand+category', () => {
    const { f } = pick(withKind);
    return [`${lc(f.brand)} ${f.category.replace(/-/g, ' ')}`, (x) => (x.brand === f.brand && x.category === f.category ? 2 : x.category === f.category ? 1 : 0)];
  });
  fillT('colour+kind', () => {
    const { f } = pick(coloured);
    return [`${f.colour} ${lc(f.kind!)}`, (x) => (x.kind === f.kind && x.colour === f.colour ? 2 : x.kind === f.kind ? 1 : 0)];
  });
  fillT('kind+use (long)', () => {
    const { p, f } = pick(withKind);
    const use = pick(SPECS.get(p.category)!.uses);
    return [`${lc(f.kind!)} for ${use}`, (x) => (x.kind === f.kind ? 2 : x.category === f.category ? 1 : 0)];
  });
  return out;
}

/** NDCG@k with gains 2^grade - 1, the ideal order from every product's grade. */
export function ndcgAt(k: number, ranked: readonly (0 | 1 | 2)[], allGrades: readonly (0 | 1 | 2)[]): number {
  const dcg = (gs: readonly number[]) => gs.slice(0, k).reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...allGrades].sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked) / ideal;
}

/** Reciprocal rank of the first exact (grade 2) result; 0 when none in the list. */
export function reciprocalRank(ranked: readonly (0 | 1 | 2)[]): number {
  const i = ranked.indexOf(2);
  return i < 0 ? 0 : 1 / (i + 1);
}
