import { slidePassages } from '../../deck/beats';
import { objectivesNamed, words } from '../../story/strategy';
import { beatRange, lineRange } from '../ranges';
import type { Slide } from '../../deck';
import type { Rule } from '../types';

const rule: Rule = {
  id: 'strategic-tie-in',
  description: 'Tie the work to a company strategy, pillar, objective or OKR — one of `strategy.objectives` when they are configured.',
  tags: ['story', 'strategy'],
  defaultSeverity: 'warning',
  docs: 'docs/rules/strategic-tie-in.md',
  check(ctx, report) {
    if (ctx.deck.slides.length === 0) return;
    const objectives = ctx.objectives.filter((o) => typeof o === 'string' && words(o).length > 0);
    if (objectives.length > 0) {
      const named = objectivesNamed(objectives);
      const textOf = (s: Slide) =>
        slidePassages(s)
          .map((p) => p.text)
          .join('\n');
      // Slide by slide, so a narrative that names an objective early is read no further.
      if (ctx.deck.slides.some((s) => named(textOf(s)).size > 0)) return;
      const list = objectives.map((o) => `“${o.trim()}”`).join(', ');
      const tieIn = ctx.story.beats.strategy.evidence;
      report({
        message: tieIn
          ? `This narrative doesn't name any of your company objectives (${list}). Say which one this work serves, in the objective's own words.`
          : `Nothing ties this work to your company objectives yet: say which of ${list} it serves, and how.`,
        range: tieIn ? lineRange(ctx, tieIn.line) : beatRange(ctx, 'strategy'),
        missingBeat: tieIn ? undefined : 'strategy',
      });
      return;
    }
    if (ctx.story.beats.strategy.present) return;
    report({
      message: 'Nothing ties this work to company strategy yet: name the objective, pillar or OKR it serves, so leaders see why it deserves priority now.',
      range: beatRange(ctx, 'strategy'),
      missingBeat: 'strategy',
    });
  },
};

export default rule;
