import type { Deck, Range } from '../deck';
import { memoByText } from '../deck/memo';
import { visibleLines } from './context';

/** How phrases are matched. */
export interface PhraseSyntax {
  /** A character between words: each run of them in a phrase matches any run of them in the text. */
  gap: RegExp;
  /** A character of a word: a phrase matches only where none comes right before or right after it. */
  word: RegExp;
}

/** One list of phrases, found apart from the others (a rule's tokens). */
export interface PhraseList {
  phrases: readonly string[];
  ignorecase: boolean;
}

/** A phrase found on a line of visible text: where, and the text there. */
export interface PhraseHit {
  range: Range;
  text: string;
}

/**
 * One character compared without case: upper then lower case (so `ſ` meets `s` and `ς` meets `σ`), keeping the
 * character wherever that would change its length (`ß`, `İ`), so that positions in the folded text stay those of the source.
 */
function fold(ch: string): string {
  const upper = ch.toUpperCase();
  const lower = (upper.length === ch.length ? upper : ch).toLowerCase();
  return lower.length === ch.length ? lower : ch;
}

/** Text compared without case; as long as the text. ASCII folds as `toLowerCase` does, without a call per character. */
export const foldText = memoByText((text: string): string => (ASCII.test(text) ? text.toLowerCase() : text.replace(/[^]/gu, fold)));
const ASCII = /^[\0-\x7f]*$/;

/** The trie key of a gap between words (character codes are never negative). */
const GAP_KEY = -1;

interface TrieNode {
  next: Map<number, TrieNode>;
  /** The lists with a phrase that ends here. */
  lists: number[];
}

const trieNode = (): TrieNode => ({ next: new Map(), lists: [] });

/**
 * Lists of literal phrases in one trie per case mode, read in one pass over a deck's visible text, line by line,
 * however many lists and phrases there are. From each place that does not follow a word character it walks the trie as
 * far as the text goes along one phrase: the work is the text's length times the longest phrase, never the number of
 * phrases (an alternation of a thousand phrases that start alike tries every one of them at every word). Each list gets
 * what a regular expression of its own would find, `(?<!word)(?:phrases, longest first)(?!word)` with gaps as `gap+`:
 * the longest phrase at each place, and no match overlapping the list's previous one on the line.
 */
export class PhraseMatcher {
  private readonly exact = trieNode();
  private readonly folded = trieNode();
  private readonly found = new WeakMap<Deck, PhraseHit[][]>();
  /** `lineHits`, once per line of text: after a keystroke every line but the edited one comes back. */
  private readonly hitsOnLine = memoByText((text: string) => this.lineHits(text));
  private readonly wordBefore: RegExp;
  private readonly wordAt: RegExp;
  /** For each ASCII character, whether it is a word character, and a gap: most places are decided here, without running an expression. */
  private readonly asciiWord: boolean[];
  private readonly asciiGap: boolean[];
  /** For each ASCII character, whether a phrase of the trie starts with it: most places of a line start none, and this says so at once. */
  private readonly exactStarts: boolean[];
  private readonly foldedStarts: boolean[];

  constructor(
    private readonly lists: readonly PhraseList[],
    private readonly syntax: PhraseSyntax,
  ) {
    this.wordBefore = new RegExp(`(?<=${syntax.word.source})`, 'uy');
    this.wordAt = new RegExp(syntax.word.source, 'uy');
    this.asciiWord = asciiTable(this.wordAt);
    this.asciiGap = asciiTable(syntax.gap);
    lists.forEach(({ phrases, ignorecase }, list) => {
      const root = ignorecase ? this.folded : this.exact;
      for (const phrase of phrases) {
        let node = root;
        for (const key of this.keys(phrase, ignorecase)) {
          let child = node.next.get(key);
          if (!child) node.next.set(key, (child = trieNode()));
          node = child;
        }
        if (node !== root && !node.lists.includes(list)) node.lists.push(list);
      }
    });
    const starts = (root: TrieNode) => Array.from({ length: 128 }, (_, code) => root.next.has(code));
    this.exactStarts = starts(this.exact);
    this.foldedStarts = starts(this.folded);
  }

  /** The trie keys of a phrase: its UTF-16 code units (folded when case is ignored), GAP_KEY for each gap between words. */
  private *keys(phrase: string, ignorecase: boolean): Generator<number> {
    let started = false;
    let gap = false;
    for (const ch of phrase) {
      if (this.syntax.gap.test(ch)) {
        gap = started;
        continue;
      }
      if (gap) yield GAP_KEY;
      started = true;
      gap = false;
      const key = ignorecase ? fold(ch) : ch;
      for (let i = 0; i < key.length; i++) yield key.charCodeAt(i);
    }
  }

  /** Each list's hits in the deck's visible text, in order. */
  hits(deck: Deck): PhraseHit[][] {
    let hits = this.found.get(deck);
    if (hits) return hits;
    hits = this.lists.map(() => []);
    for (const { line, text } of visibleLines(deck, deck.slides)) {
      this.hitsOnLine(text).forEach((spans, list) => {
        for (const [start, end] of spans) hits[list].push({ range: { line, column: start + 1, endLine: line, endColumn: end + 1 }, text: text.slice(start, end) });
      });
    }
    this.found.set(deck, hits);
    return hits;
  }

  /** Each list's hits on one line of text, as 0-based [start, end) offsets, in order: what `hits` finds on that line. */
  lineHits(text: string): [number, number][][] {
    const hits: [number, number][][] = this.lists.map(() => []);
    // Per list, where its last hit on the line ends: a list's hits never overlap.
    const free = new Int32Array(this.lists.length);
    const add = (list: number, start: number, end: number) => {
      free[list] = end;
      hits[list].push([start, end]);
    };
    if (this.exact.next.size) this.scan(this.exact, text, text, free, add);
    if (this.folded.next.size) this.scan(this.folded, foldText(text), text, free, add);
    return hits;
  }

  /** Walks `trie` from every place in `keys` (the line, or the line folded) where a phrase can start; `text` is the line itself. */
  private scan(trie: TrieNode, keys: string, text: string, free: Int32Array, add: (list: number, start: number, end: number) => void): void {
    const { asciiWord, asciiGap } = this;
    const starts = trie === this.exact ? this.exactStarts : this.foldedStarts;
    // Whether a word character ends right before `at` (`wordBefore`) or starts there (`wordAt`). An ASCII code unit is a
    // whole character, so the table answers; beyond ASCII the expression reads the code point.
    const word = (re: RegExp, at: number) => {
      const unit = text.charCodeAt(re === this.wordBefore ? at - 1 : at);
      if (unit < 128) return asciiWord[unit];
      if (Number.isNaN(unit)) return false;
      re.lastIndex = at;
      return re.test(text);
    };
    const isGap = (at: number) => {
      const unit = keys.charCodeAt(at);
      return unit < 128 ? asciiGap[unit] : this.syntax.gap.test(keys[at]);
    };
    // Per list, the end of its longest phrase from this start (-1: none).
    const longest = new Int32Array(this.lists.length);
    for (let start = 0; start < keys.length; start++) {
      // Inside a word no phrase starts: most places are skipped here, before the trie is asked. (The ASCII case of
      // `word` is written out: this runs for every character, mostly before the code is compiled.)
      if (start > 0) {
        const unit = text.charCodeAt(start - 1);
        if (unit < 128 ? asciiWord[unit] : word(this.wordBefore, start)) continue;
      }
      const first = keys.charCodeAt(start);
      if (first < 128 && !starts[first]) continue;
      let node = trie.next.get(first);
      if (!node) continue;
      longest.fill(-1);
      let found = false;
      for (let at = start + 1; ;) {
        if (node.lists.length && !word(this.wordAt, at))
          for (const list of node.lists)
            if (free[list] <= start) {
              longest[list] = at;
              found = true;
            }
        if (at >= keys.length) break;
        let next: TrieNode | undefined;
        if (isGap(at)) {
          next = node.next.get(GAP_KEY);
          if (next) while (at < keys.length && isGap(at)) at++;
        } else {
          next = node.next.get(keys.charCodeAt(at++));
        }
        if (!next) break;
        node = next;
      }
      if (found) for (let list = 0; list < longest.length; list++) if (longest[list] >= 0) add(list, start, longest[list]);
    }
  }
}

/** Whether each ASCII character, alone, matches `re` (a pattern of one character; its `g` and `y` flags are ignored). */
function asciiTable(re: RegExp): boolean[] {
  const one = new RegExp(`^(?:${re.source})$`, re.flags.replace(/[gy]/g, ''));
  return Array.from({ length: 128 }, (_, code) => one.test(String.fromCharCode(code)));
}

/** Matchers for lists of phrases in one syntax: each set of lists is built into a matcher once, and kept while it is in use. */
export function phraseMatchers(syntax: PhraseSyntax): (lists: readonly PhraseList[]) => PhraseMatcher {
  const build = memoByText((key: string) => new PhraseMatcher(JSON.parse(key) as PhraseList[], syntax), 64);
  return (lists) => build(JSON.stringify(lists));
}
