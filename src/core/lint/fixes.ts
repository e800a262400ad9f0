import type { Range } from '../deck';
import type { TextEdit } from './types';

/** Offsets of the first character of each line; line terminators may be \n, \r\n or \r. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Character offsets of a 1-based range (end column exclusive), clamped to the text. */
export function rangeOffsets(starts: readonly number[], textLength: number, range: Range): [number, number] {
  const at = (line: number, column: number) => {
    const lineIndex = Math.min(Math.max(line, 1), starts.length) - 1;
    return Math.min(starts[lineIndex] + Math.max(column, 1) - 1, textLength);
  };
  return [at(range.line, range.column), at(range.endLine, range.endColumn)];
}

/**
 * Applies edits that do not overlap, in one pass; an edit that overlaps one already taken is skipped
 * (the next lint pass offers it again). Returns the new text and how many edits were applied.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number } {
  const starts = lineStarts(text);
  const positioned = edits.map((edit) => ({ edit, offsets: rangeOffsets(starts, text.length, edit) })).sort((a, b) => a.offsets[0] - b.offsets[0] || a.offsets[1] - b.offsets[1]);
  const taken: typeof positioned = [];
  let end = -1;
  for (const p of positioned) {
    if (p.offsets[0] < end || (p.offsets[0] === end && p.offsets[0] === p.offsets[1] && taken.length && taken.at(-1)!.offsets[0] === end)) continue;
    taken.push(p);
    end = p.offsets[1];
  }
  let out = '';
  let cursor = 0;
  for (const { edit, offsets } of taken) {
    out += text.slice(cursor, offsets[0]) + edit.text;
    cursor = offsets[1];
  }
  return { text: out + text.slice(cursor), applied: taken.length };
}
