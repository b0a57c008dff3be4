// The fuzzy project-name index: finds the project a question is about, from a partial,
// Traditional or pinyin-initial name. BotData.nameIndex() builds it once per project revision.
import { pinyin } from 'pinyin-pro';
import { toSimplified } from '../core/parse';

export interface NameEntry {
  code: string;
  name: string;
  county: string;
}

export interface NameMatch {
  entry: NameEntry;
  score: number;
}

export type NameSearch =
  | { kind: 'one'; entry: NameEntry }
  | { kind: 'many'; matches: NameEntry[] }
  | { kind: 'none'; closest: NameEntry[] };

// Words many project names share: a question that overlaps a name only on these says nothing.
const GENERIC = new Set(['项目', '工程', '建设', '基地', '产业', '园区', '公司', '有限', '二期', '一期', '三期', '改造', '提升', '新建', '扩建', '中心']);

/** Lower-case, Simplified, without spaces and punctuation (ASCII and full-width). */
export function normalise(text: string): string {
  return toSimplified(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The longest common substring of a and b (dynamic programming over two reused rows). */
function longestCommon(a: string, b: string): string {
  if (!a || !b) return '';
  let best = 0;
  let end = 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = ca === b.charCodeAt(j - 1) ? prev[j - 1] + 1 : 0;
      cur[j] = v;
      if (v > best) {
        best = v;
        end = i;
      }
    }
    [prev, cur] = [cur, prev];
  }
  return a.slice(end - best, end);
}

/** Longer questions are searched name by name. */
const MAX_WHOLE = 200;

/** Substrings of three code units: a name can score only if it shares one with the question (see candidates). */
const GRAM = 3;
function gramsOf(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + GRAM <= s.length; i++) out.add(s.slice(i, i + GRAM));
  return out;
}

/** Levenshtein distance (names are short: the plain table is fine). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

function initials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

interface Indexed {
  entry: NameEntry;
  /** Normalised full name. */
  full: string;
  /** Without the county / city prefix, which many names share. */
  core: string;
  initials: string;
}

/** Whether the text has a character of the set (a Set of each of 20,000 names' characters took 15 MB). */
function sharesChar(text: string, chars: Set<string>): boolean {
  for (const c of text) if (chars.has(c)) return true;
  return false;
}

export class NameIndex {
  private readonly items: Indexed[];
  private readonly places: string[];
  /** Gram → items whose core has it or whose full name starts with it (packed once built: 300,000 entries for 20,000 names). */
  private readonly byGram = new Map<string, Int32Array>();
  /** Items too short to be found through a gram: always considered. */
  private readonly short: number[] = [];
  private readonly longestCore: number;
  private readonly longestFull: number;
  /** Normalised full name → items; core (without places) → items. */
  private readonly byFull = new Map<string, number[]>();
  private readonly byCore = new Map<string, number[]>();
  /** First code units of the full names and of the cores: a substring starting elsewhere is no name. */
  private readonly fullStarts = new Set<string>();
  private readonly coreStarts = new Set<string>();

  /** `places`: county and city names; a name's or question's place is not evidence of which project. */
  constructor(entries: NameEntry[], places: string[] = []) {
    this.places = [...places].map(normalise).filter(Boolean).sort((a, b) => b.length - a.length);
    this.items = entries.map((entry) => {
      const full = normalise(entry.name);
      const core = this.stripPlaces(full);
      return { entry, full, core, initials: initials(entry.name) };
    });
    this.longestCore = this.items.reduce((m, it) => Math.max(m, it.core.length), 0);
    this.longestFull = this.items.reduce((m, it) => Math.max(m, it.full.length), 0);
    const add = (m: Map<string, number[]>, key: string, i: number) => {
      const list = m.get(key);
      if (list) list.push(i);
      else m.set(key, [i]);
    };
    this.items.forEach((it, i) => {
      if (it.full) {
        add(this.byFull, it.full, i);
        this.fullStarts.add(it.full[0]);
      }
      if (it.core.length >= 2) {
        add(this.byCore, it.core, i);
        this.coreStarts.add(it.core[0]);
      }
    });
    const byGram = new Map<string, number[]>();
    this.items.forEach((it, i) => {
      if (it.full.length < GRAM || it.core.length < GRAM) return void this.short.push(i);
      for (const g of new Set([it.full.slice(0, GRAM), ...gramsOf(it.core)])) add(byGram, g, i);
    });
    for (const [g, list] of byGram) this.byGram.set(g, Int32Array.from(list));
  }

  /**
   * Indexes of the items that can score for this question, in index order; undefined = all.
   * A full name inside the question starts with one of the question's grams; a core inside the
   * question's core, or a common substring of 3 or more, shares a gram with it. Shorter evidence
   * (the two-character rule, pinyin initials) needs every item.
   */
  private candidates(q: string, qCore: string, letters: string): number[] | undefined {
    if (letters.length >= 3 || qCore.length < GRAM) return undefined;
    const mark = new Uint8Array(this.items.length);
    for (const i of this.short) mark[i] = 1;
    for (const g of new Set([...gramsOf(q), ...gramsOf(qCore)])) for (const i of this.byGram.get(g) ?? []) mark[i] = 1;
    const out: number[] = [];
    for (let i = 0; i < mark.length; i++) if (mark[i]) out.push(i);
    return out;
  }

  get size(): number {
    return this.items.length;
  }

  private stripPlaces(s: string): string {
    let out = s;
    for (const p of this.places) if (out.includes(p)) out = out.split(p).join('');
    return out;
  }

  /** Every project the text may name, best first (score 0 = no evidence). */
  match(text: string): NameMatch[] {
    const q = normalise(text);
    if (!q) return [];
    const qCore = this.stripPlaces(q);
    const letters = /^[a-z]+$/.test(q) ? q : '';
    const qChars = new Set(qCore);
    const out: NameMatch[] = [];
    const which = this.candidates(q, qCore, letters);
    const n = which ? which.length : this.items.length;
    for (let k = 0; k < n; k++) {
      const it = this.items[which ? which[k] : k];
      let score = 0;
      if (it.full && q.includes(it.full)) score = 1000 + it.full.length;
      else if (it.core.length >= 2 && qCore.includes(it.core)) score = 500 + it.core.length;
      else if (sharesChar(it.core, qChars)) {
        const common = longestCommon(qCore, it.core);
        if (common.length >= 3 || (common.length === 2 && !GENERIC.has(common) && common.length === qCore.length)) score = common.length;
      }
      if (letters.length >= 3 && it.initials.includes(letters)) score = Math.max(score, letters.length + (it.initials.startsWith(letters) ? 0.5 : 0));
      if (score > 0) out.push({ entry: it.entry, score });
    }
    return out.sort((a, b) => b.score - a.score || a.entry.name.length - b.entry.name.length);
  }

  /**
   * The best-scoring matches among the entries `keep` accepts, ties included, best first: exactly
   * `match(text).filter(keep)` cut to its top score. A name found whole in the question outranks
   * every partial match, so when there is one the thousands of partial ones are never scored.
   */
  best(text: string, keep: (e: NameEntry) => boolean = () => true): NameMatch[] {
    const q = normalise(text);
    if (!q) return [];
    const qCore = this.stripPlaces(q);
    const letters = /^[a-z]+$/.test(q) ? q : '';
    // Names found whole: every substring of the question looked up in the maps of full names
    // and cores (a question is short; a province has tens of thousands of names).
    const scores = new Map<number, number>();
    if (q.length <= MAX_WHOLE) {
      // No substring longer than the longest name can be one.
      for (let i = 0; i < q.length; i++) {
        if (!this.fullStarts.has(q[i])) continue;
        for (let j = i + 1; j <= Math.min(q.length, i + this.longestFull); j++) for (const k of this.byFull.get(q.slice(i, j)) ?? []) scores.set(k, 1000 + j - i);
      }
      // A whole full name (1000 + length) outranks any core (500 + length): once one the caller
      // keeps is found, cores cannot reach the top.
      let keptFull = false;
      for (const k of scores.keys()) if (keep(this.items[k].entry)) { keptFull = true; break; }
      for (let i = 0; i < qCore.length && !keptFull; i++) {
        if (!this.coreStarts.has(qCore[i])) continue;
        for (let j = i + 2; j <= Math.min(qCore.length, i + this.longestCore); j++) for (const k of this.byCore.get(qCore.slice(i, j)) ?? []) if (!scores.has(k)) scores.set(k, 500 + j - i);
      }
    }
    const strong: NameMatch[] = [...scores.keys()].sort((x, y) => x - y).filter((k) => keep(this.items[k].entry)).map((k) => ({ entry: this.items[k].entry, score: scores.get(k)! }));
    const top = (ms: NameMatch[]) => {
      const sorted = ms.sort((a, b) => b.score - a.score || a.entry.name.length - b.entry.name.length);
      return sorted.filter((m) => m.score === sorted[0]?.score);
    };
    // A partial match scores at most the length of a core (common substring) or of the letters (initials).
    const weakMax = Math.max(this.longestCore, letters.length + 0.5);
    if (strong.length && Math.max(...strong.map((m) => m.score)) > weakMax) return top(strong);
    return top(this.match(text).filter((m) => keep(m.entry)));
  }

  /** One project, several equally good ones, or none (with the closest names). */
  search(text: string, closestCount = 3): NameSearch {
    const found = this.match(text);
    if (found.length === 0) return { kind: 'none', closest: this.closest(text, closestCount) };
    const top = found[0].score;
    const tied = found.filter((m) => m.score === top);
    if (tied.length === 1) return { kind: 'one', entry: tied[0].entry };
    return { kind: 'many', matches: tied.map((m) => m.entry) };
  }

  /** The names nearest the text by shared characters and edit distance (for "did you mean"). */
  closest(text: string, count = 3): NameEntry[] {
    const q = this.stripPlaces(normalise(text));
    if (!q) return [];
    // Letters only: pinyin initials with a slip, measured against each name's initials.
    const letters = /^[a-z]+$/.test(q);
    const qChars = new Set(q);
    return this.items
      .map((it) => {
        const target = letters ? it.initials : it.core;
        const shared = [...new Set(target)].filter((c) => qChars.has(c)).length;
        const overlap = (2 * shared) / (qChars.size + new Set(target).size || 1);
        const dist = editDistance(q, target) / Math.max(q.length, target.length, 1);
        return { it, shared, rank: overlap - dist / 2 };
      })
      .filter((x) => x.shared > 0)
      .sort((a, b) => b.rank - a.rank)
      .slice(0, count)
      .map((x) => x.it.entry);
  }
}
