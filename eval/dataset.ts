/**
 * Reads the session-data folder format of shared/data/README.md and derives the
 * splits the harness needs: the published test cases, a validation split cut
 * from the end of the training sessions, and whole test sessions for
 * test-then-learn runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One line of test_prefix_target.tsv: rank all items after `prefix`, hope for `target`. */
export interface TestCase {
  prefix: string[];
  target: string;
}

export interface Dataset {
  dir: string;
  train: string[][];
  test: TestCase[];
}

export const TRAIN_FILE = 'train_sessions.tsv';
export const TEST_FILE = 'test_prefix_target.tsv';

/** Why a folder cannot be evaluated, or undefined when it can. */
export function missingDataReason(dir: string): string | undefined {
  if (!existsSync(dir)) return `data folder ${dir} does not exist`;
  for (const f of [TRAIN_FILE, TEST_FILE]) {
    if (!existsSync(join(dir, f))) return `data folder ${dir} has no ${f}`;
  }
  return undefined;
}

function splitItems(s: string): string[] {
  return s.split(' ').filter((x) => x.length > 0);
}

export function loadDataset(dir: string): Dataset {
  const train: string[][] = [];
  for (const line of readFileSync(join(dir, TRAIN_FILE), 'utf8').split('\n')) {
    const items = splitItems(line.trim());
    if (items.length > 0) train.push(items);
  }
  const test: TestCase[] = [];
  const lines = readFileSync(join(dir, TEST_FILE), 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined || line.trim() === '') continue;
    const tab = line.indexOf('\t');
    if (tab < 0) throw new Error(`${TEST_FILE} line ${i + 1}: no tab between prefix and target`);
    const prefix = splitItems(line.slice(0, tab));
    const target = line.slice(tab + 1).trim();
    if (prefix.length === 0 || target === '') throw new Error(`${TEST_FILE} line ${i + 1}: empty prefix or target`);
    test.push({ prefix, target });
  }
  return { dir, train, test };
}

/**
 * Cuts the last `fraction` of the training sessions off as validation data and
 * turns them into cases the way the published split did its test set: clicks on
 * items never seen in the remaining training part are dropped, sessions shorter
 * than 2 are dropped, and every prefix becomes one case.
 */
export function validationSplit(train: string[][], fraction: number): { train: string[][]; test: TestCase[] } {
  const cut = Math.floor(train.length * (1 - fraction));
  const head = train.slice(0, cut);
  const seen = new Set<string>();
  for (const s of head) for (const it of s) seen.add(it);
  const test: TestCase[] = [];
  for (const s of train.slice(cut)) {
    const kept = s.filter((it) => seen.has(it));
    for (let i = 1; i < kept.length; i++) {
      test.push({ prefix: kept.slice(0, i), target: kept[i] as string });
    }
  }
  return { train: head, test };
}

function sameSeq(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A test session for test-then-learn: all its clicks, and which positions are test cases. */
export interface OnlineSession {
  items: string[];
  /** Positions i where a test case asks for items[i] after items[0..i). */
  cases: number[];
}

/**
 * Groups test cases back into whole sessions (prefix + target of the longest
 * case), so a test-then-learn run can score each case before learning its
 * click. Cases of one session are recognised in either order (longest first or
 * shortest first); a case that chains to no neighbour is a session of its own.
 * Exactly the given cases are scored: a split whose lines are not every prefix
 * (retailrocket) scores only its lines, but still learns the prefix clicks.
 */
export function testSessions(cases: readonly TestCase[]): OnlineSession[] {
  const sessions: OnlineSession[] = [];
  let current: OnlineSession | undefined;
  let last: TestCase | undefined;
  for (const c of cases) {
    const full = [...c.prefix, c.target];
    if (current !== undefined && last !== undefined) {
      // longest first: this case is the previous one's prefix
      if (sameSeq(full, last.prefix)) {
        current.cases.unshift(c.prefix.length);
        last = c;
        continue;
      }
      // shortest first: the previous case is this one's prefix
      if (c.prefix.length === current.items.length && sameSeq(c.prefix, current.items)) {
        current.items.push(c.target);
        current.cases.push(c.prefix.length);
        last = c;
        continue;
      }
    }
    current = { items: full, cases: [c.prefix.length] };
    sessions.push(current);
    last = c;
  }
  return sessions;
}

/** Number of cases a list of online sessions holds. */
export function caseCount(sessions: readonly OnlineSession[]): number {
  let n = 0;
  for (const s of sessions) n += s.cases.length;
  return n;
}
