import type { YAMLError } from 'yaml';
import { memoByText } from './memo';
import type { Problem } from './types';
import { parseYaml } from './yaml';

export interface FrontMatterResult {
  data: Record<string, unknown>;
  /** 1-based lines of the block including both fences; undefined when the text has no front matter. */
  range?: { line: number; endLine: number };
  problems: Problem[];
}

const OPEN = /^(-{3,})[ \t]*$/;
const CLOSE = /^(-{3,}|\.\.\.)[ \t]*$/;
/** A front matter fence typed short: one or two dashes, or the dash a word processor makes of `---`. */
const SHORT_FENCE = /^(?:-{1,2}|[—–])[ \t]*$/;
/** The problems a front matter block has, which the `front-matter` rule reports (and `input` leaves to it). */
export const FRONT_MATTER_PROBLEMS: ReadonlySet<Problem['code']> = new Set(['front-matter-syntax', 'front-matter-type', 'front-matter-fence', 'front-matter-toml']);

/** The fence of TOML front matter, as Hugo writes it: `+++`. */
const TOML_FENCE = /^\+{3}[ \t]*$/;
/** A top-level `key:` line of YAML. */
const KEY_LINE = /^[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)/;

/**
 * Reads a YAML front matter block the way Marp (markdown-it-front-matter) does: it opens with a line of three or more
 * dashes on the first line and closes with `...` or a line of at least as many dashes. Unlike Marp, the closing fence
 * must start in the first column, so an indented `---` inside a YAML block scalar stays part of the YAML, and an opening
 * fence without a closing one is not front matter (Markdown reads it as a thematic break) rather than the whole file.
 * YAML errors become positioned problems; this function never throws. Callers must not mutate the result
 * (it is shared by every read of the same block).
 */
export function readFrontMatter(lines: readonly string[]): FrontMatterResult {
  if (TOML_FENCE.test(lines[0] ?? '')) return tomlFrontMatter(lines);
  const open = lines.length < 2 ? null : OPEN.exec(lines[0]);
  if (!open) return { data: {}, problems: shortFence(lines) };
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    const fence = CLOSE.exec(lines[i]);
    if (fence && (fence[1] === '...' || fence[1].length >= open[1].length)) {
      close = i;
      break;
    }
  }
  if (close < 0) return { data: {}, problems: [] };
  return readBlock(lines.slice(0, close + 1).join('\n'));
}

/**
 * TOML front matter between `+++` fences (Hugo's): set apart from the slides, so its lines are not read as
 * the narrative's words, but not read — StoryDeck reads YAML only — and said so once. Without a closing
 * fence it is not front matter.
 */
function tomlFrontMatter(lines: readonly string[]): FrontMatterResult {
  const close = lines.findIndex((line, i) => i > 0 && TOML_FENCE.test(line));
  if (close < 0) return { data: {}, problems: [] };
  const message =
    "This front matter is TOML (`+++`, as Hugo writes it), and StoryDeck reads YAML front matter only: its title, kind and settings are not read. Set StoryDeck's `kind:` and settings in a `.storydeck.yaml` beside the page.";
  // On its first line of settings (the fence when there is none).
  const line = close > 1 ? 2 : 1;
  return { data: {}, range: { line: 1, endLine: close + 1 }, problems: [{ code: 'front-matter-toml', message, line, column: 1, endLine: line, endColumn: lines[line - 1].length + 1 }] };
}

/**
 * The result for one whole block, both fences included. Parsing YAML is the costly part, and an editor
 * re-reads the same block after every pause in typing, so each block is parsed once.
 */
const readBlock = memoByText((block: string): FrontMatterResult => {
  const lines = block.split('\n');
  const close = lines.length - 1;
  const range = { line: 1, endLine: close + 1 };
  const source = lines.slice(1, close).join('\n');
  const problems: Problem[] = [];
  const doc = parseYaml(source, { prettyErrors: true });
  // The first error only: YAML's later ones are mostly the same mistake seen again from further on.
  const [error] = doc.errors;
  if (error) {
    const [start, end] = error.linePos ?? [];
    const line = (start?.line ?? 1) + 1;
    const quote = error.code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(error.message)?.[1] : undefined;
    // YAML notices a quote left open where the file ends or the next key starts: point at where it opened.
    const opened = quote ? lines.findIndex((text, i) => i > 0 && i < line && text.split(quote).length % 2 === 0) + 1 : 0;
    problems.push(
      opened > 0
        ? {
            code: 'front-matter-syntax',
            message: `StoryDeck cannot read the front matter from here: the ${quote} opened on this line is never closed. End the value with ${quote}.`,
            line: opened,
            column: 1,
            endLine: opened,
            endColumn: lines[opened - 1].length + 1,
          }
        : {
            code: 'front-matter-syntax',
            message: yamlErrorInWords(error, lines[line - 1] ?? ''),
            line,
            column: start?.col ?? 1,
            endLine: end ? end.line + 1 : line,
            endColumn: end ? end.col : (lines[line - 1]?.length ?? 0) + 1,
          },
    );
    return { data: {}, range, problems };
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    problems.push(wholeBlock(range, lines, 'front-matter-syntax', `Front matter could not be read: ${firstLine(String((e as Error).message ?? e))}`));
    return { data: {}, range, problems };
  }
  if (value === null || value === undefined) return { data: {}, range, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(wholeBlock(range, lines, 'front-matter-type', 'Front matter must be a set of `key: value` pairs.'));
    return { data: {}, range, problems };
  }
  return { data: value as Record<string, unknown>, range, problems };
}, 16);

function wholeBlock(range: { line: number; endLine: number }, lines: readonly string[], code: Problem['code'], message: string): Problem {
  return { code, message, line: range.line, column: 1, endLine: range.endLine, endColumn: lines[range.endLine - 1].length + 1 };
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

/** Front matter is at the top: this many lines is plenty to find its end when deciding whether a file is a narrative. */
export const FRONT_MATTER_SCAN_LINES = 200;

/**
 * A narrative's own say on whether it is one: `true` when its front matter has a `storydeck:` key (set to
 * anything but false), `false` for `storydeck: false`, undefined when it says nothing.
 */
export function storydeckOptIn(data: Record<string, unknown>): boolean | undefined {
  if (!Object.prototype.hasOwnProperty.call(data, 'storydeck')) return undefined;
  return data.storydeck !== false;
}

/**
 * A block meant as front matter that opens with a short fence (`--`), which Markdown shows as text: `key:`
 * lines up to a closing fence. Returns the fences that are not `---` (0-based lines: the opening one, and
 * the closing one when it is short too), or undefined.
 */
export function shortFences(lines: readonly string[]): number[] | undefined {
  if (!SHORT_FENCE.test(lines[0] ?? '') || !KEY_LINE.test(lines[1] ?? '')) return undefined;
  for (let i = 2; i < lines.length; i++) {
    if (SHORT_FENCE.test(lines[i])) return [0, i];
    if (CLOSE.test(lines[i])) return [0];
    if (lines[i].trim() !== '' && !KEY_LINE.test(lines[i]) && !/^[ \t#-]/.test(lines[i])) return undefined;
  }
  return undefined;
}

/** The problem of a short opening fence, on its line; nothing is read from the block. */
function shortFence(lines: readonly string[]): Problem[] {
  if (!shortFences(lines)) return [];
  const message = `The front matter starts with \`${lines[0].trim()}\` instead of \`---\`, so its lines show as text on the first slide.`;
  return [{ code: 'front-matter-fence', message, line: 1, column: 1, endLine: 1, endColumn: lines[0].length + 1 }];
}

/** What a YAML error means for someone writing a talk, about the line it is on. */
function yamlErrorInWords(error: YAMLError, line: string): string {
  const key = /^\s*([^:#\s][^:#]*?)\s*:/.exec(line)?.[1] ?? 'title';
  const value = line
    .slice(line.indexOf(':') + 1)
    .replace(/\s+#.*$/, '')
    .trim();
  const quoted = `\`${key}: "${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"\``;
  const cannot = 'StoryDeck cannot read the front matter from here:';
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return value.includes(': ')
        ? `${cannot} the value of \`${key}\` has \`: \` in it, which reads as a second key. Put the value in double quotes: ${quoted}.`
        : `${cannot} a line under \`${key}\` is indented, so it reads as part of its value. Start each setting at the left edge.`;
    case 'MISSING_CHAR':
      return `${cannot} a \`[\`, \`{\` or quote opened before this line is never closed. Close it, or put the whole value in double quotes.`;
    case 'DUPLICATE_KEY':
      return `The front matter sets \`${key}\` twice. Keep one.`;
    case 'TAB_AS_INDENT':
      return `${cannot} this line is indented with a tab. Indent with spaces.`;
    case 'BAD_SCALAR_START':
      return `${cannot} a value cannot start with \`${value.charAt(0)}\` unless it is in double quotes: ${quoted}.`;
    default:
      return `${cannot} write each setting as \`key: value\` on a line of its own, starting at the left edge, and put a value with \`:\`, \`#\` or quotes in it in double quotes (YAML says: ${firstLine(error.message).replace(/\.? at line \d+, column \d+:?$/, '')})`;
  }
}
