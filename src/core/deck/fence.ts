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

/** An escape (`\p{L}` and `\u{1F600}` with their braces, read one way only), and a class with its characters. */
const ESCAPE = String.raw`\\(?:[pPu]\{[^}]*\}|[pPu](?!\{)|[^pPu])`;
const CLASS = String.raw`\[(?:\\[^]|[^\]\\])*\]`;
/** The opening of a group (`(`, `(?:`, `(?=`, `(?<name>`…) and, where the group holds no other, its contents and its `)`. */
const GROUP = String.raw`(\((?:\?(?:[:=!]|<[=!]|<[^>]*>))?)((?:${ESCAPE}|${CLASS}|[^\\[()])*\))?`;
/**
 * A scan from where the last one stopped to the next group, `)` or one of `stops`, past escapes and classes. Which tokens
 * can change what {@link fence} does depends on where it is: a `|` only outside any group, a quantifier only before the
 * first choice. So it stops only there and passes over the rest natively (the large word lists are `|` in groups, `s?`
 * after a choice, groups that hold no other), rather than a character at a time.
 */
const scan = (stops: string): RegExp => new RegExp(String.raw`(?:${ESCAPE}|${CLASS}|[^\\[()${stops}])*(?:${GROUP}|([)${stops}]))`, 'y');
/** The scans for: outside any group before a choice, outside after one, in a group before a choice, in one after. */
const SCANS = [scan('|?*+{'), scan('|'), scan('?*+{'), scan('')];
/** A quantifier in the contents of a group that holds no other (past its escapes and classes). */
const QUANTIFIED = new RegExp(String.raw`^(?:${ESCAPE}|${CLASS}|[^\\[?*+{])*[?*+{]`);
const LOOKAROUNDS: ReadonlySet<string> = new Set(['(?=', '(?!', '(?<=', '(?<!']);

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
  let depth = 0;
  let choice = false; // a quantifier or a group came before, in this top-level alternative
  let fenced = -1; // where the last `(?=)` ends
  const looks: boolean[] = []; // for each open group: whether it is a lookaround
  for (let end = 0; ;) {
    const next: RegExp = SCANS[(depth > 0 ? 2 : 0) + (choice ? 1 : 0)];
    next.lastIndex = end;
    const found: RegExpExecArray | null = next.exec(source);
    if (!found) break;
    end = next.lastIndex;
    const [, head, closed, stop] = found;
    if (head === undefined) {
      if (stop === ')') {
        if (!looks.pop()) choice = true;
        depth--;
      } else if (stop === '|') {
        if (depth === 0) choice = false;
      } else if (stop !== '?' || source[end - 2] !== '(') choice = true;
      continue;
    }
    const at = end - head.length - (closed?.length ?? 0);
    const look = LOOKAROUNDS.has(head);
    if (source.startsWith(FENCE, at)) fenced = at + FENCE.length;
    else if (choice && at !== fenced && !look) {
      out += source.slice(from, at) + FENCE;
      from = at;
    }
    // A group that holds no other is a choice once closed, and so is a lookaround that holds a quantifier.
    if (closed !== undefined) choice ||= !look || QUANTIFIED.test(closed);
    else {
      looks.push(look);
      depth++;
    }
  }
  return from === 0 ? source : out + source.slice(from);
}

/** `new RegExp(source, flags)`, fenced ({@link fence}): for a pattern the core builds from strings at run time. */
export function regExp(source: string, flags?: string): RegExp {
  return new RegExp(fence(source, flags), flags);
}
