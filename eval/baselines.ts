/**
 * The two published baselines, computed by the harness itself so a reader can
 * check that the protocol here reproduces the published tables (SR-GNN Table 2:
 * S-POP 30.44/18.35, Item-KNN 51.60/21.81 on yoochoose 1/64). Deliberately
 * independent of actors/recommend: they share no code with the model under test.
 */

/** Anything the harness can rank with: learn sessions, then rank after a prefix. */
export interface Ranker {
  readonly name: string;
  learn(session: readonly string[]): void;
  rank(prefix: readonly string[], k: number): string[];
}

/** Global click counts, shared by both baselines for tie-breaking. */
class Popularity {
  readonly count = new Map<string, number>();
  #top: string[] | undefined;
  add(item: string): void {
    this.count.set(item, (this.count.get(item) ?? 0) + 1);
    this.#top = undefined;
  }
  top(k: number): string[] {
    if (this.#top === undefined || this.#top.length < k) {
      this.#top = [...this.count.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, Math.max(k, 100))
        .map((e) => e[0]);
    }
    return this.#top.slice(0, k);
  }
}

/** S-POP: the session's most clicked items first, ties and the rest by global popularity. */
export class SessionPop implements Ranker {
  readonly name = 'S-POP';
  #pop = new Popularity();
  learn(session: readonly string[]): void {
    for (const it of session) this.#pop.add(it);
  }
  rank(prefix: readonly string[], k: number): string[] {
    const inSession = new Map<string, number>();
    for (const it of prefix) inSession.set(it, (inSession.get(it) ?? 0) + 1);
    const own = [...inSession.entries()]
      .sort((a, b) => b[1] - a[1] || (this.#pop.count.get(b[0]) ?? 0) - (this.#pop.count.get(a[0]) ?? 0))
      .map((e) => e[0]);
    const out = own.slice(0, k);
    for (const it of this.#pop.top(k + out.length)) {
      if (out.length >= k) break;
      if (!inSession.has(it)) out.push(it);
    }
    return out;
  }
}

/** Regularisation of the cosine denominator, as in GRU4Rec's Item-KNN baseline. */
export const ITEM_KNN_LAMBDA = 20;

/**
 * Item-KNN as in the GRU4Rec and SR-GNN papers: items similar to the last
 * clicked item, similarity = sessions in common / (sqrt(n_i * n_j) + lambda).
 */
export class ItemKnn implements Ranker {
  readonly name = 'Item-KNN';
  #sessionsWith = new Map<string, number>();
  #together = new Map<string, Map<string, number>>();
  #pop = new Popularity();

  learn(session: readonly string[]): void {
    const distinct = [...new Set(session)];
    for (const it of session) this.#pop.add(it);
    for (const a of distinct) {
      this.#sessionsWith.set(a, (this.#sessionsWith.get(a) ?? 0) + 1);
      let row = this.#together.get(a);
      if (row === undefined) this.#together.set(a, (row = new Map()));
      for (const b of distinct) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }

  rank(prefix: readonly string[], k: number): string[] {
    const last = prefix[prefix.length - 1];
    const row = last === undefined ? undefined : this.#together.get(last);
    const nLast = last === undefined ? 0 : (this.#sessionsWith.get(last) ?? 0);
    const scored: Array<[string, number]> = [];
    if (row !== undefined) {
      for (const [b, c] of row) {
        scored.push([b, c / (Math.sqrt(nLast * (this.#sessionsWith.get(b) ?? 1)) + ITEM_KNN_LAMBDA)]);
      }
    }
    scored.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    const out = scored.slice(0, k).map((e) => e[0]);
    if (out.length < k) {
      const have = new Set(out);
      for (const it of this.#pop.top(2 * k)) {
        if (out.length >= k) break;
        if (!have.has(it) && it !== last) out.push(it);
      }
    }
    return out;
  }
}
