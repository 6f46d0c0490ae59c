/**
 * Per-item weighted neighbour lists (item -> {other item: weight}), the storage
 * behind co-visitation and sequential rules. Each row is a small open-addressing
 * hash table in typed arrays: 12 bytes an entry instead of ~50 for a Map, and
 * no garbage on the hot path. A row that grows past 2 x cap is pruned to its
 * `cap` heaviest entries, which bounds memory per item.
 */

const EMPTY = -1;
const MIN_CAPACITY = 8;

export interface Row {
  keys: Int32Array;
  vals: Float64Array;
  size: number;
}

function newRow(capacity: number): Row {
  return { keys: new Int32Array(capacity).fill(EMPTY), vals: new Float64Array(capacity), size: 0 };
}

function slotOf(keys: Int32Array, key: number): number {
  const mask = keys.length - 1;
  let i = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
  for (;;) {
    const k = keys[i]!;
    if (k === key || k === EMPTY) return i;
    i = (i + 1) & mask;
  }
}

function nextPow2(n: number): number {
  let c = MIN_CAPACITY;
  while (c < n) c *= 2;
  return c;
}

export class NeighbourTable {
  readonly cap: number;
  #rows: Array<Row | undefined> = [];
  #entries = 0;

  constructor(cap: number) {
    this.cap = cap;
  }

  /** Adds `w` to the weight of b in a's row. */
  add(a: number, b: number, w: number): void {
    let row = this.#rows[a];
    if (row === undefined) this.#rows[a] = row = newRow(MIN_CAPACITY);
    let i = slotOf(row.keys, b);
    if (row.keys[i] === b) {
      row.vals[i]! += w;
      return;
    }
    if ((row.size + 1) * 2 > row.keys.length) {
      // over the bound: drop the light tail instead of growing further
      row = row.size >= 2 * this.cap ? this.#prune(a, row) : this.#resize(a, row, row.keys.length * 2);
      i = slotOf(row.keys, b);
    }
    row.keys[i] = b;
    row.vals[i] = w;
    row.size++;
    this.#entries++;
  }

  row(a: number): Row | undefined {
    return this.#rows[a];
  }

  get(a: number, b: number): number {
    const row = this.#rows[a];
    if (row === undefined) return 0;
    const i = slotOf(row.keys, b);
    return row.keys[i] === b ? row.vals[i]! : 0;
  }

  get entries(): number {
    return this.#entries;
  }

  get rows(): number {
    let n = 0;
    for (const r of this.#rows) if (r !== undefined) n++;
    return n;
  }

  /** Bytes held by the typed arrays (the bulk of the memory). */
  get bytes(): number {
    let n = 0;
    for (const r of this.#rows) if (r !== undefined) n += r.keys.length * 12;
    return n;
  }

  /** Multiplies every weight by f (the decay clock moving its origin). */
  rescale(f: number): void {
    for (const r of this.#rows) if (r !== undefined) for (let i = 0; i < r.vals.length; i++) r.vals[i]! *= f;
  }

  #resize(a: number, row: Row, capacity: number): Row {
    const next = newRow(capacity);
    for (let i = 0; i < row.keys.length; i++) {
      const k = row.keys[i]!;
      if (k === EMPTY) continue;
      const j = slotOf(next.keys, k);
      next.keys[j] = k;
      next.vals[j] = row.vals[i]!;
    }
    next.size = row.size;
    this.#rows[a] = next;
    return next;
  }

  #prune(a: number, row: Row): Row {
    const idx: number[] = [];
    for (let i = 0; i < row.keys.length; i++) if (row.keys[i] !== EMPTY) idx.push(i);
    // heaviest first; ties by item id so pruning is deterministic
    idx.sort((x, y) => row.vals[y]! - row.vals[x]! || row.keys[x]! - row.keys[y]!);
    const keep = idx.slice(0, this.cap);
    const next = newRow(nextPow2(this.cap * 4));
    for (const i of keep) {
      const k = row.keys[i]!;
      const j = slotOf(next.keys, k);
      next.keys[j] = k;
      next.vals[j] = row.vals[i]!;
    }
    next.size = keep.length;
    this.#entries -= row.size - keep.length;
    this.#rows[a] = next;
    return next;
  }

  /** Plain data for snapshots: every row with its raw arrays, so a restore is bit-identical. */
  toData(): { items: number[]; rows: Row[] } {
    const items: number[] = [];
    const rows: Row[] = [];
    this.#rows.forEach((r, a) => {
      if (r !== undefined) {
        items.push(a);
        rows.push(r);
      }
    });
    return { items, rows };
  }

  static fromData(cap: number, data: { items: number[]; rows: Row[] }): NeighbourTable {
    const t = new NeighbourTable(cap);
    data.items.forEach((a, i) => {
      const r = data.rows[i];
      if (r === undefined) throw new RangeError(`snapshot: neighbour row ${i} missing`);
      t.#rows[a] = r;
      t.#entries += r.size;
    });
    return t;
  }
}
