import { beatRange } from '../ranges';
import type { Rule } from '../types';

const rule: Rule = {
  id: 'business-value',
  description: 'Say what the work is worth to the business: revenue, cost, retention, growth or market demand.',
  tags: ['story', 'business'],
  defaultSeverity: 'warning',
  docs: 'docs/rules/business-value.md',
  check(ctx, report) {
    if (ctx.deck.slides.length === 0 || ctx.story.beats.business.present) return;
    report({
      message: 'No business value yet: say what this is worth to the company — revenue, cost, retention, growth or demand from the market — ideally with a number leaders can compare.',
      range: beatRange(ctx, 'business'),
      missingBeat: 'business',
    });
  },
};

export default rule;
