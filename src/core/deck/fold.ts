/**
 * Case-insensitive tests that cost less on first use. V8 compiles each regular expression to machine code the
 * first time it runs, and a large alternation with the `i` flag costs two to three times as much to compile as
 * the same pattern without it: every letter becomes a set of its case variants. A story reading runs once in a
 * short process (an export, a CLI lint), so that compile is most of what it costs.
 *
 * {@link caseless} keeps the expression as it is written and changes only how its `test` runs: on the text with
 * its letters lowered, by the same pattern without `i`. The answer is the same for every text, because the pattern
 * names no capital and no cased letter beyond ASCII (the unit tests check every pattern given): it tells a letter beyond
 * ASCII only from what is not a letter, and finds an ASCII letter in either case once the text is lowered. With the
 * `u` flag two more letters fold to ASCII ("ſ" to s, the Kelvin sign to k): a text holding either is tested by the
 * original expression.
 */

import { regExp } from './fence';
import { memoByText } from './memo';

/** Escapes the folded pattern may hold: not a backreference, nor a code point, property or letter whose case matters. */
const ESCAPE = /\\(?:[pP]\{([^}]*)\}|[xuck1-9]|.)/gsu;
/** Escapes of a class of characters or of a control character: each means the same whatever the case of the text. */
const CASELESS_ESCAPE = /^\\[bBdDsSwWnrtfv0]$/;
/** Properties that hold both cases of every letter they hold. */
const CASELESS_PROPERTIES: ReadonlySet<string> = new Set(['L', 'Letter', 'N', 'Number']);

/**
 * Why `source` (with the `u` flag or not) cannot be matched against lowered text, or undefined when it can: a
 * capital or a cased letter beyond ASCII, a range of a class that holds one ("!-_" holds A to Z), a backreference,
 * a code point or a property written as an escape, or a letter escape that names a letter (`\K` without `u`).
 */
export function unfoldable(source: string, unicode = true): string | undefined {
  let problem: string | undefined;
  const rest = source.replace(ESCAPE, (escape: string, property: string | undefined) => {
    const safe = property !== undefined ? unicode && CASELESS_PROPERTIES.has(property) && escape[1] === 'p' : CASELESS_ESCAPE.test(escape) || !/^\\[\p{L}1-9]$/u.test(escape);
    if (!safe) problem ??= escape;
    return ' ';
  });
  if (problem) return `the escape ${problem}`;
  for (const ch of rest) if (cased(ch)) return `the letter "${ch}"`;
  for (const [lo, hi] of classRanges(source)) {
    const range = `${String.fromCodePoint(lo)}-${String.fromCodePoint(hi)}`;
    if (hi - lo > 0x3000) return `the range ${range}`;
    for (let c = lo; c <= hi; c++) if (cased(String.fromCodePoint(c))) return `the range ${range}`;
  }
  return undefined;
}

/** The ranges of `source`'s character classes ("a-z", "!-_", "@-\\["), as code points; an escaped character stands for itself. */
function classRanges(source: string): [number, number][] {
  const ranges: [number, number][] = [];
  let inClass = false;
  // The code point of the class member that ends at i (undefined for a class escape such as \d), and where it ends.
  const member = (i: number): [number | undefined, number] => {
    if (source[i] !== '\\') return [source.codePointAt(i), i + 1];
    if (/[pP]/.test(source[i + 1] ?? '') && source[i + 2] === '{') return [undefined, source.indexOf('}', i) + 1 || source.length];
    return [/[dDsSwWbB]/.test(source[i + 1] ?? '') ? undefined : source.codePointAt(i + 1), i + 2];
  };
  for (let i = 0; i < source.length;) {
    if (!inClass) {
      if (source[i] === '\\') i += 2;
      else inClass = source[i++] === '[';
      continue;
    }
    if (source[i] === ']') {
      inClass = false;
      i++;
      continue;
    }
    const [lo, next] = member(i);
    if (source[next] === '-' && next + 1 < source.length && source[next + 1] !== ']') {
      const [hi, after] = member(next + 1);
      if (lo !== undefined && hi !== undefined) ranges.push([lo, hi]);
      i = after;
    } else i = next;
  }
  return ranges;
}

/** A capital, or a letter beyond ASCII with another case. */
const cased = (ch: string): boolean => ch !== ch.toLowerCase() || (ch > '\x7f' && ch !== ch.toUpperCase());

/** Letters that fold to an ASCII letter under `iu` but are not ASCII: "ſ" (s) and the Kelvin sign (k). */
const FOLDS_TO_ASCII = /[\u017f\u212a]/;
const CAPITALS = /[A-Z]+/g;
/** The two characters `toLowerCase` turns into ASCII letters: "İ" (to i and a combining dot) and the Kelvin sign (to k). */
const LOWERS_TO_ASCII = /[\u0130\u212a]/;
const lower = (s: string): string => s.toLowerCase();

/**
 * `text` lowered for a pattern that names only lower-case ASCII letters and caseless characters. Lowering any other letter changes
 * nothing such a pattern can see (a letter stays a letter of the same length), so the whole text is lowered at once, natively;
 * only a text holding one of the two characters that lower to ASCII has its ASCII capitals lowered one run at a time.
 */
function lowered(text: string): string {
  return LOWERS_TO_ASCII.test(text) ? text.replace(CAPITALS, lower) : text.toLowerCase();
}

/** {@link lowered}, remembered per text: a passage goes through many tests, some more than once. */
export const lowerText = memoByText(lowered);

/**
 * The text the caseless tests read last, lowered, and whether it holds a letter that folds to ASCII under `iu`: a passage goes
 * through many patterns in a row, so most tests find it here rather than look it up and scan it again.
 */
let lastText: string | undefined;
let lastLowered = '';
let lastFolds = false;

/** Makes `text` the one the caseless tests read last. */
function read(text: string): void {
  if (text === lastText) return;
  lastLowered = lowerText(text);
  lastFolds = FOLDS_TO_ASCII.test(text);
  lastText = text;
}

/** Whether `source` has a capturing group: a `(` outside a character class, not escaped, that is not `(?:`, a lookaround or `(?<name>`… which captures too. */
function captures(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(' && (source[i + 1] !== '?' || (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!'))) return true;
  }
  return false;
}

/** Every expression {@link caseless} was given: the unit tests check that each can be matched on lowered text, so a start of the CLI does not. */
export const CASELESS: RegExp[] = [];

/**
 * `re` (flag `i`, no `g` or `y`), whose `test` from now on reads the text lowered, by the pattern compiled without `i` (and
 * fenced: fence.ts) on first use; so does its `exec` when the pattern captures nothing (the match is then cut from the text as given). Only for expressions
 * that keep no state: no `g` or `y` flag. The pattern must name no
 * capital and no cased letter beyond ASCII ({@link unfoldable}): its lowered twin would not find the same.
 */
export function caseless(re: RegExp): RegExp {
  CASELESS.push(re);
  const unicode = re.unicode;
  let twin: RegExp | undefined;
  const twinOf = (): RegExp => (twin ??= regExp(re.source, re.flags.replace('i', '')));
  const test = RegExp.prototype.test.bind(re);
  const exec = RegExp.prototype.exec.bind(re);
  let capturing: boolean | undefined;
  re.test = (text: string): boolean => {
    read(text);
    return unicode && lastFolds ? test(text) : twinOf().test(lastLowered);
  };
  re.exec = (text: string): RegExpExecArray | null => {
    // The groups a pattern captures could not be cut from the text as given: such a pattern runs as written.
    if ((capturing ??= captures(re.source))) return exec(text);
    read(text);
    if (unicode && lastFolds) return exec(text);
    const found = twinOf().exec(lastLowered);
    if (!found) return null;
    const match = [text.slice(found.index, found.index + found[0].length)] as RegExpExecArray;
    match.index = found.index;
    match.input = text;
    return match;
  };
  return re;
}

/** `patterns`, each case-insensitive one given to {@link caseless} (the others left as they are). */
export function caselessAll<T extends Record<string, RegExp> | readonly RegExp[]>(patterns: T): T {
  for (const re of Object.values(patterns)) if (re.ignoreCase) caseless(re);
  return patterns;
}
