/**
 * Regular expressions that cost less to compile. V8 compiles a pattern on its first use, and it writes the code of a part
 * of the pattern once for every way the match can reach it with characters still to check: a large alternation after an
 * optional word or after another alternation is written up to ten times over (V8's `kMaxCopiesCodeGenerated`). An empty
 * lookahead, `(?=)`, always succeeds and consumes nothing, but V8 settles what is pending before it, so what follows it is
 * written once. {@link fence} puts one before each group that such a choice can lead to:
 * `\bfor (?:the |our )?(?:customers?|…)\b` becomes `\bfor (?:the |our )?(?=)(?:customers?|…)\b`, which matches the same
 * texts at the same places with the same groups. business.ts's `IN_IT_FOR_US`, which names some 200 kinds of people after
 * an optional word, costs 0.8 ms to compile instead of 4–5 with `--no-regexp-tier-up` (the CLI's flag), and 3.6 instead of
 * 60–85 with V8's default flags (the extension host's, where a pattern is compiled to bytecode first).
 *
 * A fence costs a little each time the pattern runs, as V8 no longer checks characters ahead across it: fencing every
 * group made the patterns' runs over a 300-slide narrative about twice as slow, fencing only after a choice much less. So a
 * group before the pattern's first choice (its start, from which V8 finds where a match can begin) is left alone.
 *
 * Fenced are the patterns the core builds from strings ({@link regExp}) and the lowered twin `caseless` runs each
 * case-insensitive pattern as (fold.ts): these hold the large word lists and cost most. Literals are run as written, so what
 * the tests run is what ships. Session 16 of docs/performance.md has the figures.
 */

const FENCE = '(?=)';

/**
 * `source` with `(?=)` before each group that is not a lookaround and comes after a choice: a quantifier, or a group (which
 * may hold alternatives), earlier in the same top-level alternative. A group already fenced is left as it is, and so is a
 * pattern in the `v` mode (whose classes nest). Matches, their places and their groups are unchanged: the lookahead is
 * empty, so it always succeeds, takes no characters and captures nothing.
 */
export function fence(source: string, flags = ''): string {
  if (flags.includes('v') || !source.includes('(', 1)) return source;
  let out = '';
  let from = 0;
  let inClass = false;
  let depth = 0;
  let choice = false; // a quantifier or a group came before, in this top-level alternative
  let fenced = -1; // where the last `(?=)` ends
  const looks: boolean[] = []; // for each open group: whether it is a lookaround
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      // An escape; `\p{L}` and `\u{1F600}` with their braces.
      if (source[i + 2] === '{' && 'pPu'.includes(source[i + 1])) i = source.indexOf('}', i);
      else i++;
      if (i < 0) break;
    } else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') {
      const look = lookaround(source, i);
      if (source.startsWith(FENCE, i)) fenced = i + FENCE.length;
      else if (choice && i !== fenced && !look) {
        out += source.slice(from, i) + FENCE;
        from = i;
      }
      looks.push(look);
      depth++;
    } else if (ch === ')') {
      if (!looks.pop()) choice = true;
      depth--;
    } else if (ch === '|') {
      if (depth === 0) choice = false;
    } else if ((ch === '?' && source[i - 1] !== '(') || ch === '*' || ch === '+' || ch === '{') choice = true;
  }
  return from === 0 ? source : out + source.slice(from);
}

/** Whether the `(` at `i` opens a lookahead or a lookbehind. */
function lookaround(source: string, i: number): boolean {
  if (source.charCodeAt(i + 1) !== 0x3f /* ? */) return false;
  const kind = source[i + 2];
  return kind === '=' || kind === '!' || (kind === '<' && (source[i + 3] === '=' || source[i + 3] === '!'));
}

/** `new RegExp(source, flags)`, fenced ({@link fence}): for a pattern the core builds from strings at run time. */
export function regExp(source: string, flags?: string): RegExp {
  return new RegExp(fence(source, flags), flags);
}
