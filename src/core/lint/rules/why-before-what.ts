import type { Rule } from '../types';

const rule: Rule = {
  id: 'why-before-what',
  description: 'Say why — a purpose or a customer’s pain — before presenting the solution.',
  tags: ['structure', 'story'],
  defaultSeverity: 'warning',
  docs: 'docs/rules/why-before-what.md',
  check(ctx, report) {
    const why = [...ctx.slidesWith('why'), ...ctx.slidesWith('pain')].sort((a, b) => a.index - b.index)[0];
    const what = ctx.slidesWith('what')[0];
    if (!why) {
      report({
        message: 'No "why" yet: before the solution, say why it matters — the purpose behind the work, or the customer pain it ends.',
        range: what ? ctx.titleRange(what) : ctx.documentRange(),
        missingBeat: 'why',
      });
    } else if (what && what.index < why.index) {
      report({
        message: `The solution comes on slide ${what.index}, before the why on slide ${why.index}. Open with the purpose or the customer’s pain, then present what you will build.`,
        range: ctx.titleRange(what),
      });
    }
  },
};

export default rule;
