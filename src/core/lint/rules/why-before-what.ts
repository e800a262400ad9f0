import { solutionHeadingFirst, speaks } from '../../story/what';
import { lineRange } from '../ranges';
import type { Rule } from '../types';

const rule: Rule = {
  id: 'why-before-what',
  description: 'Say why — a purpose or a customer’s pain — before presenting the solution.',
  tags: ['structure', 'story'],
  defaultSeverity: 'warning',
  docs: 'docs/rules/why-before-what.md',
  check(ctx, report) {
    const { story, deck } = ctx;
    const first = (beats: readonly string[]) => deck.slides.find((s, i) => speaks(s) && story.slideBeats[i].some((b) => beats.includes(b)));
    const what = first(['what']);
    if (!story.beats.why.present && !story.beats.pain.present) {
      report({
        message: 'No "why" yet: before the solution, say why it matters — the purpose behind the work, or the customer pain it ends.',
        range: what ? ctx.titleRange(what) : ctx.documentRange(),
        missingBeat: 'why',
      });
      return;
    }
    // The kind decides what must come first (docs/kinds.md); an update requires no order.
    const { beforeWhat } = ctx.kind.profile;
    const opening = first(beforeWhat);
    if (beforeWhat.length === 0) return;
    const named = beforeWhat.join(', ').replace(/, ([^,]*)$/, ' or $1');
    if (what && (!opening || what.index < opening.index)) {
      report({
        message: opening
          ? `The solution comes on slide ${what.index}, before the ${named} on slide ${opening.index}. Open with the purpose or the customer’s pain, then present what you will build.`
          : `The solution comes on slide ${what.index} with no ${named} before it. Open with the purpose or the customer’s pain, then present what you will build.`,
        range: ctx.titleRange(what),
      });
      return;
    }
    // Inside the slide that opens with the why, the solution may still come first, in a section of its own.
    const line = opening ? solutionHeadingFirst(opening, story, beforeWhat) : undefined;
    if (opening && line !== undefined) {
      report({
        message: `The solution's section comes first on slide ${opening.index}, before the ${named} under a later heading. Open with the purpose or the customer’s pain, then present what you will build.`,
        range: lineRange(ctx, line),
      });
    }
  },
};

export default rule;
