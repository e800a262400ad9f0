import type { BeatId, Range } from '../../deck';
import type { AudienceCheck } from '../../story/audiences';
import { formatDuration } from '../../story/outline';
import { beatRange, frontMatterKeyRange, lineRange } from '../ranges';
import type { Report, Rule, RuleContext } from '../types';

/** What each beat gives a room, for the message when an audience needs it and the narrative lacks it. */
const NEED: Record<BeatId, string> = {
  why: 'the why: the purpose or belief behind the work, not only the what',
  pain: 'the customer’s story: someone real struggling, before any plan',
  value: 'what changes for the customer',
  business: 'the business value: revenue, cost, retention or market',
  strategy: 'the tie to the company’s strategy, objective or OKR',
  what: 'what the solution is',
  how: 'the plan: who does what, when',
  outcome: 'how success is measured, with a target and a date',
  ask: 'an explicit ask: the decision, people or budget you need',
};

type Check = (ctx: RuleContext, audience: string, at: Range, report: (r: Report) => void) => void;

/** One function per check an audience profile may list (docs/audiences.md); the profile, not the rule, chooses. */
const CHECKS: Record<AudienceCheck, Check> = {
  'ask-early'(ctx, audience, _at, report) {
    const ask = ctx.story.beats.ask.evidence;
    const slides = ctx.deck.slides.length;
    // Bottom line up front: the first three slides, or the first quarter of a long talk. No ask at all is call-to-action's finding.
    const limit = Math.max(3, Math.ceil(slides / 4));
    if (!ask || ask.slide <= limit) return;
    report({
      message: `Audience “${audience}”: put the decision you ask for up front: it comes on slide ${ask.slide} of ${slides}. Say it in the first ${limit} slides (bottom line up front), then give the reasons.`,
      range: lineRange(ctx, ask.line),
    });
  },
  'ask-trade-off'(ctx, audience, _at, report) {
    const ask = ctx.story.beats.ask.evidence;
    if (!ask || ctx.story.cues['ask-trade-off']) return;
    report({
      message: `Audience “${audience}”: say what the ask costs or what it displaces — money, people, time, or the work it pauses — so it can be weighed against current commitments.`,
      range: lineRange(ctx, ask.line),
    });
  },
  'short-slot'(ctx, audience, at, report) {
    const slot = ctx.story.audience?.profile.slotMinutes;
    if (slot === undefined || ctx.deck.frontMatter.duration !== undefined || ctx.deck.estimatedSeconds <= slot * 60) return;
    report({
      message: `Audience “${audience}”: plan on a slot of ${slot} minutes at most, and this talk runs about ${formatDuration(ctx.deck.estimatedSeconds)}. Cut it to fit, or set \`duration\` to the slot you have.`,
      range: at,
    });
  },
  'why-before-plan'(ctx, audience, _at, report) {
    const first = (beats: BeatId[]) => ctx.story.slideBeats.findIndex((b) => beats.some((beat) => b.includes(beat)));
    const plan = first(['how']);
    const why = first(['why', 'pain']);
    if (plan < 0 || (why >= 0 && why < plan)) return;
    const slide = ctx.deck.slides[plan];
    report({
      message: `Audience “${audience}”: share the why and the customer’s story before the plan: slide ${slide.index} gives the plan${why < 0 ? ' and no slide gives the why' : ` before slide ${why + 1} gives the why`}.`,
      range: beatRange(ctx, 'how', slide),
    });
  },
  'team-part'(ctx, audience, at, report) {
    if (ctx.story.cues['team-part']) return;
    report({ message: `Audience “${audience}”: say what changes for them and what their part is (“What this means for you: …”).`, range: at });
  },
  'partner-need'(ctx, audience, at, report) {
    if (ctx.story.cues['partner-need']) return;
    const ask = ctx.story.beats.ask.evidence;
    report({
      message: `Audience “${audience}”: say what you need from them and by when (“We need your API change by 3 June”)${ask ? ': the ask gives no date' : ''}.`,
      range: ask ? lineRange(ctx, ask.line) : at,
    });
  },
  'partner-benefit'(ctx, audience, at, report) {
    if (ctx.story.cues['partner-benefit']) return;
    report({ message: `Audience “${audience}”: say what is in it for them: what they gain, or the goal you share.`, range: at });
  },
  feedback(ctx, audience, at, report) {
    if (ctx.story.cues.feedback) return;
    report({ message: `Audience “${audience}”: invite feedback: say how and where they can push back, ask or comment.`, range: at });
  },
};

const rule: Rule = {
  id: 'audience-fit',
  description: 'The narrative does what its audience (front matter `audience:`) needs: executives, team, partners, customers, board.',
  tags: ['story', 'audience'],
  defaultSeverity: 'warning',
  docs: 'docs/rules/audience-fit.md',
  check(ctx, report) {
    const audience = ctx.story.audience;
    if (!audience || ctx.deck.slides.length === 0) return;
    const at = frontMatterKeyRange(ctx.deck, 'audience', ctx.documentRange);
    // A beat the kind expects is reported by its own rule already: one problem, one finding.
    for (const beat of audience.profile.needs) {
      const reading = ctx.story.beats[beat];
      if (reading.present || ctx.kind.profile.expects.includes(beat)) continue;
      // A beat the kind does not expect is never in doubt (story.ts: each learned scorer knows only the kinds that expect its beat).
      report({ message: `Audience “${audience.id}”: the narrative needs ${NEED[beat]}; no slide gives it.`, range: at });
    }
    for (const check of audience.profile.checks) CHECKS[check](ctx, audience.id, at, report);
  },
};

export default rule;
