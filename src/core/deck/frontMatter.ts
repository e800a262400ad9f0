import { parseDocument } from 'yaml';
import { memoByText } from './memo';
import type { Problem } from './types';

export interface FrontMatterResult {
  data: Record<string, unknown>;
  /** 1-based lines of the block including both fences; undefined when the text has no front matter. */
  range?: { line: number; endLine: number };
  problems: Problem[];
}

const OPEN = /^(-{3,})[ \t]*$/;
const CLOSE = /^(-{3,}|\.\.\.)[ \t]*$/;

/**
 * Reads a YAML front matter block the way Marp (markdown-it-front-matter) does: it opens with a line of three or more
 * dashes on the first line and closes with `...` or a line of at least as many dashes. Unlike Marp, the closing fence
 * must start in the first column, so an indented `---` inside a YAML block scalar stays part of the YAML, and an opening
 * fence without a closing one is not front matter (Markdown reads it as a thematic break) rather than the whole file.
 * YAML errors become positioned problems; this function never throws. Callers must not mutate the result
 * (it is shared by every read of the same block).
 */
export function readFrontMatter(lines: readonly string[]): FrontMatterResult {
  const open = lines.length < 2 ? null : OPEN.exec(lines[0]);
  if (!open) return { data: {}, problems: [] };
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
 * The result for one whole block, both fences included. Parsing YAML is the costly part, and an editor
 * re-reads the same block after every pause in typing, so each block is parsed once.
 */
const readBlock = memoByText((block: string): FrontMatterResult => {
  const lines = block.split('\n');
  const close = lines.length - 1;
  const range = { line: 1, endLine: close + 1 };
  const source = lines.slice(1, close).join('\n');
  const problems: Problem[] = [];
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  for (const error of doc.errors) {
    const [start, end] = error.linePos ?? [];
    const line = (start?.line ?? 1) + 1;
    const column = start?.col ?? 1;
    problems.push({
      code: 'front-matter-syntax',
      message: `Front matter is not valid YAML: ${firstLine(error.message)}`,
      line,
      column,
      endLine: end ? end.line + 1 : line,
      endColumn: end ? end.col : (lines[line - 1]?.length ?? 0) + 1,
    });
  }
  if (problems.length > 0) return { data: {}, range, problems };

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
