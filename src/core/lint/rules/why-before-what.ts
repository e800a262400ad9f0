import type { Rule } from '../types';

const rule: Rule = {
  id: 'why-before-what',
  description: 'Say why — a purpose or a customer’s pain — before presenting the solution.',
  tags: ['structure', 'story'],
  defaultSeverity: 'warning',
  docs: 'docs/rules/why-before-what.md',
  check(ctx, report) {
    const { beforeWhat } = ctx.kind.profile;
    const what = ctx.slidesWith('what')[0];
    if (ctx.slidesWith('why').length === 0 && ctx.slidesWith('pain').length === 0) {
      report({
        message: 'No "why" yet: before the solution, say why it matters — the purpose behind the work, or the customer pain it ends.',
        range: what ? ctx.titleRange(what) : ctx.documentRange(),
        missingBeat: 'why',
      });
      return;
    }
    // The kind decides what must come first (docs/kinds.md); an update requires no order.
    const first = beforeWhat.flatMap((beat) => ctx.slidesWith(beat)).sort((a, b) => a.index - b.index)[0];
    if (what && beforeWhat.length > 0 && (!first || what.index < first.index)) {
      const named = beforeWhat.join(', ').replace(/, ([^,]*)$/, ' or $1');
      report({
        message: first
          ? `The solution comes on slide ${what.index}, before the ${named} on slide ${first.index}. Open with the purpose or the customer’s pain, then present what you will build.`
          : `The solution comes on slide ${what.index} with no ${named} before it. Open with the purpose or the customer’s pain, then present what you will build.`,
        range: ctx.titleRange(what),
      });
    }
  },
};

export default rule;
