import { beatRange } from '../ranges';
import type { Rule } from '../types';

const rule: Rule = {
  id: 'customer-value',
  description: 'Say what changes for the customer: what they no longer have to do, or what they can do now.',
  tags: ['story', 'customer'],
  defaultSeverity: 'warning',
  docs: 'docs/rules/customer-value.md',
  check(ctx, report) {
    if (ctx.deck.slides.length === 0 || ctx.story.beats.value.present) return;
    report({
      message: 'Nothing says what changes for the customer yet: describe their day once this ships — what they no longer have to do, or what they can do now that they couldn’t before.',
      range: beatRange(ctx, 'value'),
      missingBeat: 'value',
    });
  },
};

export default rule;
