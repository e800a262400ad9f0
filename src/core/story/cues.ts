import { slidePassages, type Passage } from '../deck/beats';
import { findAsks, hasDate } from './ask';
import type { AudienceCheck } from './audiences';
import { perDeck, type ReadingContext } from './reading';
import type { Evidence } from './story';
import { caseless } from '../deck/fold';

/**
 * Finders for what a particular room needs to hear beyond the beats (docs/audiences.md): what the ask costs or
 * displaces, what changes for the team, what a partner gets, an invitation to give feedback, and a request
 * with a date. Each returns the first passage that says it, or undefined; the story turns it into evidence.
 */

/** What an ask costs or what it displaces: money, people, time, or the work it stops or delays. */
const TRADE_OFF = caseless(
  /[$€£¥]\s?\d|\b\d[\d,.]{0,15}\s?(?:k|m|million|bn|billion)\b|\b(?:costs?|budget|ftes?|headcount|(?:engineer|person|team)[- ](?:weeks?|months?|years?)|(?:two|three|four|five|six|\d+) (?:engineers|people|weeks|months|sprints)|instead of|in place of|rather than|trade-?offs?|at the expense of|in exchange|displac\w*|de-?prioriti[sz]\w*|paus(?:e|es|ed|ing)|defer\w*|delay\w*|postpon\w*|push(?:es|ed|ing)? back|slip(?:s|ped)?|drop(?:s|ped|ping)?|stop(?:s|ped|ping)? (?:work|doing|building)|give up|free(?:s|ing)? up|opportunity cost|funded (?:by|from)|comes? (?:out of|from))\b/i,
);

/** The team's part: what changes for them, what they will do, what is asked of them. */
const TEAM_PART = caseless(
  /\b(?:what (?:this|it) means for (?:you|us|the team|your team|our team|each of us)|what changes for (?:you|us|the team|your team|our team)|(?:your|our) (?:part|role|piece)\b|each of (?:you|us)|every one of (?:you|us)|(?:we|i) need (?:you|each of you|everyone|every team)|how you can (?:help|contribute|get involved)|what you can do|you(?:'|’)ll (?:own|work on|build|lead|join|pair|move|stop|start|get)|your (?:team|squad|sprint|roadmap|backlog|on-call|day-to-day) (?:will|gets?|moves?|changes?|stops?|starts?))\b/i,
);

/** What a partner gets from it: their benefit, or a shared goal. */
const PARTNER_BENEFIT = caseless(
  /\b(?:what(?:'|’)?s in it for (?:you|them|your team)|in it for you|(?:for you|for your team)[,:]? (?:this|it) means|(?:this|it) (?:helps|saves|gives|gets|frees|spares) (?:you|your)|you(?:'|’)ll (?:get|gain|save|have|see|no longer)|you (?:get|gain|save)|your (?:customers|users|team|teams|engineers) (?:get|gain|save|no longer)|benefits? (?:to|for) (?:you|your)|in return|mutual(?:ly)?|win-win|both (?:teams|sides|of us)|shared (?:goals?|wins?|benefits?|roadmap|customers?)|together we)\b/i,
);

/** An invitation to give feedback. */
const FEEDBACK = caseless(
  /\b(?:feedback|what do you think|tell us what|let us know what|(?:we|i)(?:'|’)d (?:love|like) to hear|push ?back|poke holes|your (?:input|views|thoughts|comments|concerns|questions|reactions)|comments? (?:welcome|by|to)|open (?:for|to) comments|challenge (?:this|us|the plan)|questions (?:welcome|to|for)|ask (?:us|me) anything|office hours)\b|\bquestions\?/i,
);

/** The first passage on any slide whose sentence matches `pattern`, headings left out. */
function firstSaying(ctx: ReadingContext, pattern: RegExp): Passage | undefined {
  for (const slide of ctx.deck.slides) for (const p of slidePassages(slide)) if (p.block.kind !== 'heading' && pattern.test(p.text)) return p;
  return undefined;
}

/** The ask that says what it costs or what it displaces: among the asks, or in the ask's section. */
export const findTradeOff = perDeck(function findTradeOff(ctx: ReadingContext): Passage | undefined {
  const ask = findAsks(ctx).find((a) => TRADE_OFF.test(a.passage.text));
  if (ask) return ask.passage;
  for (const slide of ctx.deck.slides) for (const p of slidePassages(slide)) if (p.context.includes('ask') && p.block.kind !== 'heading' && TRADE_OFF.test(p.text)) return p;
  return undefined;
});

/** The first ask that says by when: what we need, and when. */
export const findDatedAsk = perDeck((ctx: ReadingContext): Passage | undefined => findAsks(ctx).find((a) => hasDate(a.passage.text))?.passage);

export const findTeamPart = perDeck((ctx: ReadingContext) => firstSaying(ctx, TEAM_PART));
export const findPartnerBenefit = perDeck((ctx: ReadingContext) => firstSaying(ctx, PARTNER_BENEFIT));
export const findFeedback = perDeck((ctx: ReadingContext) => firstSaying(ctx, FEEDBACK));

/** The checks of an audience profile a finder decides, and that finder. */
export const CUE_FINDERS: Readonly<Partial<Record<AudienceCheck, (ctx: ReadingContext) => Passage | undefined>>> = {
  'ask-trade-off': findTradeOff,
  'partner-need': findDatedAsk,
  'team-part': findTeamPart,
  'partner-benefit': findPartnerBenefit,
  feedback: findFeedback,
};

/** For each check of `checks` a finder decides, the evidence that the narrative does it: only these are read, so a narrative for no audience costs nothing. */
export function readCues(ctx: ReadingContext, checks: readonly AudienceCheck[]): Partial<Record<AudienceCheck, Evidence>> {
  const cues: Partial<Record<AudienceCheck, Evidence>> = {};
  for (const check of checks) {
    const passage = CUE_FINDERS[check]?.(ctx);
    const slide = passage && ctx.deck.slides.find((s) => passage.block.line >= s.line && passage.block.line <= s.endLine);
    if (passage && slide) cues[check] = { slide: slide.index, line: passage.block.line, words: passage.text };
  }
  return cues;
}
