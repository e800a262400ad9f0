import { headingBeat, rangeInside } from '../deck/beats';
import type { BeatId, Deck, Range, Slide } from '../deck';
import type { RuleContext } from './types';

/** A range moved inside the document, so a problem's position can always be shown. */
export function clampRange(deck: Deck, range: Range): Range {
  const count = Math.max(deck.lines.length, 1);
  const lineLength = (line: number) => (deck.lines[line - 1] ?? '').length;
  const line = Math.min(Math.max(Math.floor(range.line) || 1, 1), count);
  const column = Math.min(Math.max(Math.floor(range.column) || 1, 1), lineLength(line) + 1);
  let endLine = Math.min(Math.max(Math.floor(range.endLine) || line, line), count);
  let endColumn = Math.min(Math.max(Math.floor(range.endColumn) || 1, 1), lineLength(endLine) + 1);
  if (endLine === line && endColumn < column) {
    endLine = line;
    endColumn = column;
  }
  return { line, column, endLine, endColumn };
}

/** Where a missing beat is reported: the first heading that names it (even over an empty section), else `fallback`'s title, else the start. */
export function beatRange(ctx: RuleContext, beat: BeatId, fallback?: Slide): Range {
  for (const slide of ctx.deck.slides) {
    const heading = slide.blocks.find((b) => b.kind === 'heading' && headingBeat(b.text) === beat);
    if (heading) return lineRange(ctx, heading.line);
  }
  return rangeInside(ctx.deck.lines, fallback ? ctx.titleRange(fallback) : ctx.documentRange());
}

/** The whole of one source line, kept inside the document. */
export function lineRange(ctx: RuleContext, line: number): Range {
  return rangeInside(ctx.deck.lines, { line, column: 1, endLine: line, endColumn: (ctx.deck.lines[line - 1] ?? '').length + 1 });
}
