import { headingBeat, type BeatId, type Slide } from '../../deck';
import type { Rule, RuleContext } from '../types';

export const DEFAULT_MIN_FIGURES = 4;

const PLANNING: ReadonlySet<BeatId | undefined> = new Set<BeatId>(['what', 'how', 'outcome', 'ask']);

/** Reference material, read by those who look for it rather than told to a room: an appendix, benchmarks, a glossary. */
const REFERENCE = /^(?:appendix|annex|benchmarks?|performance (?:results|numbers|data)|measurements|methodology|glossary|references|footnotes|raw data|data tables?)\b/i;
/** A heading that is only the price of the proposal ("Cost", "Costs and funding", "Investment"): what you will spend, like a budget. */
const PRICE = /^(?:\d+[.)]?\s+)?(?:the\s)?(?:costs?|pricing|price|investment|funding|resources)(?:\sand\s(?:funding|timeline|timing|resources|plan))?\W*$/i;

/** The beat the slide's own heading names, if it has a heading. */
function headingOf(slide: Slide): BeatId | undefined {
  const heading = slide.blocks.find((b) => b.kind === 'heading');
  return heading ? headingBeat(heading.text) : undefined;
}

/**
 * A figure: a number not glued to a word (so `Q1`, `H2`, `v3` are not figures), with an optional
 * currency sign. A bare year (1900–2099) is a date, not data. Single character classes with one
 * quantifier each: linear on any input.
 */
const FIGURE = /(?<![\p{L}\p{N}_])[$€£¥]?\d[\d.,]*/gu;
const YEAR = /^(?:19|20)\d\d$/;
/**
 * A date or a point in a plan, not data: "30 June", "9 am", "1st" (after the figure), "Week 3", "Q4",
 * "FY27", "June 30", "Weeks 1–4" (before it). Durations ("takes 40 minutes") stay figures. Checked on
 * a few characters either side of each figure, so the scan stays linear.
 */
const TIME_AFTER = /^\s*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|[ap]\.?m\b|(?:st|nd|rd|th)\b)/i;
const TIME_BEFORE = /(?:\b(?:days?|weeks?|months?|years?|quarters?|sprints?|phases?|steps?|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|\d\s?[–-])\s*$/i;

/** One named or singled-out person: "a nurse", "one customer", "she", "Meet Maria", "Priya said". */
const PERSON = [
  /\b(?:a|an|one|this|that)\s+(?:customer|user|client|patient|clinician|nurse|doctor|agent|admin|administrator|operator|driver|teacher|student|shopper|buyer|seller|merchant|developer|engineer|analyst|manager|rep|technician|dispatcher|accountant|owner|parent|member|subscriber|tenant|farmer|pharmacist|founder|cashier|designer|caller|guest|traveller|traveler|rider|resident|worker|employee|person|woman|man|family|mother|father)\b/i,
  /\b(?:she|he|her|him|his)\b/i,
  /\b(?:meet|this is)\s+\p{Lu}\p{Ll}+/u,
  /\b(?:Mr|Mrs|Ms|Dr)\.?\s+\p{Lu}/u,
  /\b\p{Lu}\p{Ll}+\s+(?:said|says|told|tells|asked|asks|wrote|writes|explained|explains|remembers|recalls|put it)\b/u,
];
/** Someone's own words: a quotation of a dozen characters or more. */
const QUOTE = /["“][^"”\n]{12,}["”]/;
/** An example or a story. */
const EXAMPLE = /\b(?:for example|for instance|e\.g\.|case study|imagine|picture this|story|stories|anecdote|take the case)\b/i;

/** Is the figure at [start, end) a date, a time of day or a duration, judged from a few characters either side? */
function isTime(text: string, start: number, end: number): boolean {
  return TIME_AFTER.test(text.slice(end, end + 24)) || TIME_BEFORE.test(text.slice(Math.max(0, start - 12), start));
}

export function countFigures(text: string): number {
  let n = 0;
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) {
    let end = m[0].length;
    while (end > 1 && (m[0][end - 1] === '.' || m[0][end - 1] === ',')) end--;
    if (!YEAR.test(m[0].slice(0, end)) && !isTime(text, m.index, m.index + end)) n++;
  }
  return n;
}

/** Is this slide told through a person, a quote or an example? */
export function hasStory(ctx: RuleContext, slide: Slide): boolean {
  const blocks = ctx.visibleBlocks(slide);
  if (blocks.some((b) => b.kind === 'blockquote' && b.text.trim() !== '')) return true;
  const text = blocks.map((b) => b.text).join('\n');
  return QUOTE.test(text) || EXAMPLE.test(text) || PERSON.some((re) => re.test(text));
}

const rule: Rule = {
  id: 'stats-without-story',
  description: 'A slide full of numbers needs a person, a quote or an example to make them land.',
  tags: ['story', 'data'],
  defaultSeverity: 'warning',
  docs: 'docs/rules/stats-without-story.md',
  defaultOptions: { minFigures: DEFAULT_MIN_FIGURES },
  check(ctx, report) {
    const option = ctx.options.minFigures;
    const minFigures = typeof option === 'number' && Number.isFinite(option) && option >= 1 ? option : DEFAULT_MIN_FIGURES;
    for (const slide of ctx.deck.slides) {
      // Figures under a heading that names the solution, the plan, a target or the ask are not evidence that needs a story.
      if (slide.empty || slide.beats.includes('outcome') || PLANNING.has(headingOf(slide)) || REFERENCE.test(slide.title) || PRICE.test(slide.title)) continue;
      // Lines of content: every paragraph, bullet, quote and table row, split at hard line breaks; headings excluded.
      const lines = ctx
        .visibleBlocks(slide)
        .filter((b) => b.kind !== 'heading')
        .flatMap((b) => b.text.split('\n'))
        .filter((line) => line.trim() !== '');
      if (lines.length === 0) continue;
      let figures = 0;
      let withFigures = 0;
      for (const line of lines) {
        const n = countFigures(line);
        figures += n;
        if (n > 0) withFigures++;
      }
      if (figures < minFigures || withFigures * 2 <= lines.length) continue;
      if (hasStory(ctx, slide)) continue;
      report({
        message: `Slide ${slide.index} is a wall of numbers (${figures} figures) with no person, quote or example. Numbers stick when they belong to someone: keep the one that matters most, tell it through one customer's story, and move the rest to an appendix.`,
        range: ctx.titleRange(slide),
      });
    }
  },
};

export default rule;
