/**
 * Puts an auction's winners into an answer's items: each at its index, marked
 * `sponsored: true` with its campaign and impression; an organic copy of a sponsored
 * item is dropped, and the answer keeps its length (ads take slots, never add them).
 */
import type { SponsoredEntry } from './ads.js';

export interface SponsoredFields {
  sponsored?: true;
  campaignId?: string;
  impressionId?: string;
}

export function placeSponsored<T extends { itemId: string } & SponsoredFields>(items: readonly T[], ads: readonly SponsoredEntry[], make: (ad: SponsoredEntry) => T | undefined): T[] {
  if (ads.length === 0) return [...items];
  const adItems = new Set(ads.map((a) => a.itemId));
  const organic = items.filter((it) => !adItems.has(it.itemId));
  const length = Math.max(items.length, ads.length);
  const out: T[] = [];
  const byIndex = [...ads].sort((a, b) => a.index - b.index);
  let o = 0;
  let a = 0;
  while (out.length < length && (o < organic.length || a < byIndex.length)) {
    const ad = byIndex[a];
    if (ad && (ad.index <= out.length || o >= organic.length)) {
      const entry = make(ad);
      a++;
      if (entry) out.push({ ...entry, sponsored: true, campaignId: ad.campaignId, impressionId: ad.impressionId });
    } else out.push(organic[o++]!);
  }
  return out;
}
