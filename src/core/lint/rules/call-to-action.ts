import { askAboutDoubt } from '../doubt';
import { findAsks, ownerInHeader, someSpecific } from '../../story/ask';
import { beatRange, rangeInside } from '../ranges';
import type { Rule } from '../types';

const rule: Rule = {
  id: 'call-to-action',
  description: 'End with an explicit ask — a decision, people, budget or a next step — with an owner or a date.',
  tags: ['story', 'ask'],
  defaultSeverity: 'warning',
  docs: 'docs/rules/call-to-action.md',
  check(ctx, report) {
    if (ctx.deck.slides.length === 0) return;
    if (!ctx.story.beats.ask.present) {
      // The reading found a request that no section reads as the ask: a question, not a warning.
      if (askAboutDoubt(ctx, report, 'ask')) return;
      const last = [...ctx.deck.slides].reverse().find((s) => !s.empty) ?? ctx.deck.slides[ctx.deck.slides.length - 1];
      report({
        message: 'No explicit ask yet: what do you need from this audience? End with a decision, people, budget or a next step — and who does it by when.',
        range: beatRange(ctx, 'ask', last),
        missingBeat: 'ask',
      });
      return;
    }
    const asks = findAsks(ctx);
    if (asks.length === 0) return;
    // An owner named in the document's header owns what it asks.
    if (someSpecific(asks) || ownerInHeader(ctx)) return;
    // Unsure whether this is the ask a room can act on: a question at info, quoting what was read, and what would settle it.
    // Quote the request itself rather than the heading over it.
    const { slide, passage } = asks.find((a) => a.passage.block.kind !== 'heading') ?? asks[0];
    const words = passage.text.length > 90 ? `${passage.text.slice(0, 87)}…` : passage.text;
    // Whether an ask names who acts by when matters where the kind expects an ask (`expectedBeat`: the engine decides), as outcome-metric's timeframe does.
    report({
      severity: 'info',
      expectedBeat: 'ask',
      message: `Is this the ask? “${words}” names no owner and no date: say who does what by when — e.g. “Engineering leads: lend us one engineer each; tell Priya by Friday.”`,
      range: rangeInside(ctx.deck.lines, ctx.titleRange(slide)),
    });
  },
};

export default rule;
