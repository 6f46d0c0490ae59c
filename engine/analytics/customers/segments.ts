/**
 * RFM segments: an ordered rule map from (R score, FM score) to a name; the first
 * rule that matches wins. The default is the 11-segment map of issue 18. A custom
 * map is checked when it is made: names unique, ranges within 1..5, and every one
 * of the 25 (R, FM) cells matched by some rule, so no customer is left without a
 * segment.
 */

/** Inclusive score range, both ends in 1..5. */
export type ScoreRange = readonly [min: number, max: number];

export interface SegmentRule {
  name: string;
  r: ScoreRange;
  fm: ScoreRange;
}

const RULES: SegmentRule[] = [
  { name: 'Champions', r: [4, 5], fm: [4, 5] },
  { name: 'Loyal Customers', r: [3, 5], fm: [3, 5] },
  { name: "Can't Lose Them", r: [1, 1], fm: [4, 5] },
  { name: 'At Risk', r: [1, 2], fm: [3, 5] },
  { name: 'Potential Loyalist', r: [4, 5], fm: [2, 2] },
  { name: 'New Customers', r: [5, 5], fm: [1, 1] },
  { name: 'Promising', r: [4, 4], fm: [1, 1] },
  { name: 'Need Attention', r: [3, 3], fm: [2, 2] },
  { name: 'About To Sleep', r: [3, 3], fm: [1, 1] },
  { name: 'Hibernating', r: [2, 2], fm: [1, 2] },
  { name: 'Lost', r: [1, 1], fm: [1, 2] },
];

/** The 11 segments of issue 18, first match wins. */
export const DEFAULT_SEGMENT_RULES: readonly SegmentRule[] = Object.freeze(RULES.map((rule) => Object.freeze(rule)));

/** A checked rule map with a 5 x 5 lookup table. */
export class SegmentMap {
  readonly rules: readonly SegmentRule[];
  /** Segment names in rule order (what a summary lists, zeros included). */
  readonly names: readonly string[];
  readonly #table: string[];

  constructor(rules: readonly SegmentRule[] = DEFAULT_SEGMENT_RULES) {
    if (!Array.isArray(rules) || rules.length === 0) throw new TypeError('segment rules must be a non-empty array');
    const seen = new Set<string>();
    for (const [i, rule] of rules.entries()) {
      if (typeof rule.name !== 'string' || rule.name === '') throw new TypeError(`segment rule ${i}: name must be a non-empty string`);
      if (seen.has(rule.name)) throw new RangeError(`segment rule ${i}: duplicate name ${JSON.stringify(rule.name)}`);
      seen.add(rule.name);
      for (const key of ['r', 'fm'] as const) {
        const range = rule[key];
        const ok = Array.isArray(range) && range.length === 2 && range.every((v) => Number.isInteger(v) && v >= 1 && v <= 5) && range[0] <= range[1];
        if (!ok) throw new RangeError(`segment rule ${JSON.stringify(rule.name)}: ${key} must be [min, max] with 1 <= min <= max <= 5`);
      }
    }
    const table: string[] = [];
    for (let r = 1; r <= 5; r++) {
      for (let fm = 1; fm <= 5; fm++) {
        const hit = rules.find((x) => r >= x.r[0] && r <= x.r[1] && fm >= x.fm[0] && fm <= x.fm[1]);
        if (hit === undefined) throw new RangeError(`segment rules leave R=${r} FM=${fm} without a segment`);
        table.push(hit.name);
      }
    }
    this.rules = rules;
    this.names = rules.map((x) => x.name);
    this.#table = table;
  }

  /** The segment of scores r, fm (integers 1..5). */
  segmentOf(r: number, fm: number): string {
    const name = this.#table[(r - 1) * 5 + (fm - 1)];
    if (name === undefined || !Number.isInteger(r) || !Number.isInteger(fm)) throw new RangeError(`scores must be integers 1..5, got R=${r} FM=${fm}`);
    return name;
  }
}

export const DEFAULT_SEGMENT_MAP = new SegmentMap();
