import type { Range } from '../../deck';
import type { Rule } from '../types';

/** 14, 15, 16, 19 → "14–16 and 19". */
function lineList(lines: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
    runs.push(j === i ? String(lines[i]) : `${lines[i]}–${lines[j]}`);
    i = j + 1;
  }
  return runs.length > 1 ? `${runs.slice(0, -1).join(', ')} and ${runs[runs.length - 1]}` : runs[0];
}

const rule: Rule = {
  id: 'slide-overflow',
  description: 'Every slide fits its page: nothing is cut off where the slides are laid out (the preview, a PDF export).',
  tags: ['slides', 'layout'],
  defaultSeverity: 'warning',
  docs: 'docs/rules/slide-overflow.md',
  check(ctx, report) {
    const { deck } = ctx;
    for (const { slide: index, lines } of ctx.layout?.overflow ?? []) {
      const slide = deck.slides[index - 1];
      if (!slide) continue; // measured on an older text with more slides: the next measurement says again
      // Lines the slide holds, in order, once: a measurement of older text may name lines that moved away.
      const cut = [...new Set(lines)].filter((line) => Number.isInteger(line) && line >= slide.line && line <= slide.endLine).sort((a, b) => a - b);
      const first = cut[0];
      const last = cut[cut.length - 1];
      const range: Range = first === undefined ? ctx.titleRange(slide) : { line: first, column: 1, endLine: last, endColumn: (deck.lines[last - 1] ?? '').length + 1 };
      const where = first === undefined ? 'its content runs past the edge' : `line${cut.length > 1 ? 's' : ''} ${lineList(cut)} ${cut.length > 1 ? 'are' : 'is'} cut off`;
      report({
        message: `Slide ${slide.index} does not fit on its page: ${where}, so the audience never sees ${cut.length > 1 ? 'them' : 'it'}. Split the slide, or keep the points that matter and move the rest to speaker notes.`,
        range,
      });
    }
  },
};

export default rule;
