import { askAboutDoubt } from '../doubt';
import { beatRange } from '../ranges';
import type { Rule } from '../types';

const rule: Rule = {
  id: 'customer-pain',
  description: 'Show a real customer — a person or a segment — struggling with a concrete problem today.',
  tags: ['story', 'customer'],
  defaultSeverity: 'warning',
  docs: 'docs/rules/customer-pain.md',
  check(ctx, report) {
    if (ctx.deck.slides.length === 0 || ctx.story.beats.pain.present) return;
    // The reading found a struggle that no section reads as one customer's: a question, not a warning.
    if (askAboutDoubt(ctx, report, 'pain')) return;
    report({
      message: 'No customer pain yet: who is struggling today, and how? Tell it as one customer’s story — who they are, what goes wrong, and what it costs them.',
      range: beatRange(ctx, 'pain'),
      missingBeat: 'pain',
    });
  },
};

export default rule;
