import { askAboutDoubt } from '../doubt';
import { TIMEFRAME, slidePassages } from '../../deck/beats';
import type { Slide } from '../../deck';
import { BARE_DATE, findTargets } from '../../story/outcome';
import { beatRange, lineRange } from '../ranges';
import type { Rule } from '../types';

const rule: Rule = {
  id: 'outcome-metric',
  description: 'Define success as a measurable outcome with a target value, and say by when.',
  tags: ['story', 'outcome'],
  defaultSeverity: 'warning',
  docs: 'docs/rules/outcome-metric.md',
  defaultOptions: { requireTimeframe: true },
  check(ctx, report) {
    if (ctx.deck.slides.length === 0) return;
    if (!ctx.story.beats.outcome.present) {
      // The reading found a target that no section reads as a success criterion: a question, not a warning.
      if (askAboutDoubt(ctx, report, 'outcome')) return;
      report({
        message: 'No measurable success criterion yet: how will you know it worked? Name the outcome and its target — e.g. “handover time drops from 12 to 5 minutes by June”.',
        range: beatRange(ctx, 'outcome'),
        missingBeat: 'outcome',
      });
      return;
    }
    const found = findTargets(ctx);
    // A success slide the writer marked (`<!-- beat: outcome -->`) but with no target in it has nothing to time.
    if (found.length === 0 || ctx.options.requireTimeframe === false) return;
    // When the narrative states its success criteria in a section of their own, those are the ones that must say by when:
    // a dated figure elsewhere ("evidence from two trusts shows a 40% fall in the first year") does not time them.
    const stated = found.filter((t) => t.inSuccessSection);
    const targets = stated.length > 0 ? stated : found;
    // The timeframe may sit in the target's sentence or elsewhere in its section ("By June: …").
    const timedSections = new Map<Slide, Set<number>>();
    for (const slide of new Set(targets.map((t) => t.slide))) {
      timedSections.set(
        slide,
        new Set(
          slidePassages(slide)
            .filter((p) => TIMEFRAME.test(p.text) || BARE_DATE.test(p.text))
            .map((p) => p.section),
        ),
      );
    }
    // A quarterly review names its period once, in the title: "Q3 OKR review" (the front matter's, or the first heading).
    const titled = [ctx.deck.title, ctx.deck.slides[0].title, ...targets.map((t) => t.slide.title)].some((title) => TIMEFRAME.test(title) || BARE_DATE.test(title));
    const timed = titled || targets.some(({ slide, passage }) => TIMEFRAME.test(passage.text) || timedSections.get(slide)?.has(passage.section));
    if (timed) return;
    const first = targets[0].passage;
    // A kind that does not expect success criteria (an RFC, a talk) is not asked to date the ones it has (`expectedBeat`: the engine drops it).
    report({
      severity: 'info',
      expectedBeat: 'outcome',
      message: 'Your success target has no timeframe. Say by when — “by June”, “within two quarters”, “in Q3” — so people know when to judge it. Set `requireTimeframe: false` to skip this check.',
      range: lineRange(ctx, first.block.line),
    });
  },
};

export default rule;
