import { headingBeat } from '../deck/beats';
import type { BeatId, Deck, Range, Slide } from '../deck';
import type { RuleContext } from './types';

/** A range moved inside the document (`lines`), so a finding's position can always be shown; see `Range`. */
export function rangeInside(lines: readonly string[], range: Range): Range {
  const count = Math.max(lines.length, 1);
  const len = (line: number) => (lines[line - 1] ?? '').length;
  const line = Math.min(Math.max(Math.floor(range.line) || 1, 1), count);
  const column = Math.min(Math.max(Math.floor(range.column) || 1, 1), len(line) + 1);
  const endLine = Math.min(Math.max(Math.floor(range.endLine) || line, line), count);
  let endColumn = Math.min(Math.max(Math.floor(range.endColumn) || 1, 1), len(endLine) + 1);
  if (endLine === line && endColumn < column) endColumn = column;
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

/** The top-level `key:` line of the front matter, or the document range when it cannot be found. */
export function frontMatterKeyRange(deck: Deck, key: string, fallback: () => Range): Range {
  const fm = deck.frontMatterRange;
  if (fm) {
    for (let line = fm.line + 1; line < fm.endLine && line <= deck.lines.length; line++) {
      const text = deck.lines[line - 1] ?? '';
      const colon = text.indexOf(':');
      if (colon <= 0) continue;
      const name = text
        .slice(0, colon)
        .trim()
        .replace(/^(["'])(.*)\1$/, '$2');
      if (name === key && !/^\s/.test(text)) return { line, column: 1, endLine: line, endColumn: text.length + 1 };
    }
  }
  return fallback();
}
