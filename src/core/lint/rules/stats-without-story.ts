import { detectBeats, headingBeat, type BeatId, type Block } from '../../deck';
import { PERSON_WORDS } from '../../deck/beats';
import { caseless, caselessAll } from '../../deck/fold';
import { memoByText } from '../../deck/memo';
import { LIST_NUMBER, REFERENCE, findTargets, isOutput } from '../../story/outcome';
import { SUCCESS, TARGET_COLUMN, VANITY, isVanity } from '../../story/vanity';
import { wallNeedsStory } from '../../story/story';
import { lineRange } from '../ranges';
import type { Rule } from '../types';
import { regExp } from '../../deck/fence';

export const DEFAULT_MIN_FIGURES = 4;

const PLANNING: ReadonlySet<BeatId | undefined> = new Set<BeatId>(['what', 'how', 'outcome', 'ask']);

/** A heading that is only the price of the proposal ("Cost", "Costs and funding", "Investment", "What it costs", "Grant requested (EUR)"): what you will spend, like a budget. */
const PRICE =
  /^(?:\d+[.)]?\s+)?(?:the\s|what (?:it|this|that) (?:will |would )?)?(?:costs?|price|investment|funding|resources|commercials|commercial (?:proposal|terms|offer)|fees|grants? requested|(?:funding|grant|amount) requested|requested (?:funding|grant|amount))(?:\sand\s(?:funding|timeline|timing|resources|plan))?(?:\s\([^()\n]{1,12}\))?\W*$/i;

/** A heading that names prices anywhere ("Pricing & Investment Comparison", "Plans and pricing"): its figures are prices to compare, not evidence. */
const PRICING = /\bpric(?:ing|e list|es)\b/i;

/**
 * A table whose columns name the parts of a plan ("Date · Event", "Project · Schools · Year", "Phase · Stores · Dates") is a
 * schedule: its figures are dates and counts of work, not evidence. A time series ("Quarter · Revenue · Churn") names one such
 * column at most. (What a table of money is, its heading says: "Budget", "What it costs".)
 */
const PLAN_COLUMN =
  /^(?:dates?|when|year|deadline|due(?: date)?|timing|timeline|milestones?|phases?|projects?|tasks?|actions?|deliverables?|events?|activit(?:y|ies)|steps?|owners?|lead|responsible|start(?: date)?|end(?: date)?|status)$/i;
/** A column whose cells name things rather than count them: "Version", "Build", "ID". */
const ID_COLUMN = /^(?:versions?|builds?|releases?|ids?|ref(?:erence)?|codes?|no\.?|#|levels?|tiers?|stages?|ranks?)$/i;

/** A heading that names versions or builds ("Major versions", "Supported releases"): the numbers under it name them, as that column's cells do. */
const ID_HEADING = /\b(?:versions|builds|releases)\W*$/i;

/** What a table's header row says about the rows under it. */
interface TableHeader {
  /** A schedule: no row is evidence. */
  plan: boolean;
  /** The columns that hold identifiers. */
  ids: Set<number>;
}

const CELL = ' · ';

/** A table row without the cells of some columns. */
const withoutColumns = (row: string, columns: ReadonlySet<number>): string =>
  columns.size === 0
    ? row
    : row
        .split(CELL)
        .filter((_, i) => !columns.has(i))
        .join(CELL);

function readHeader(row: string): TableHeader {
  const cells = row.split(CELL).map((cell) => cell.replace(/[*_]/g, '').trim());
  return { plan: cells.filter((cell) => PLAN_COLUMN.test(cell)).length >= 2, ids: new Set(cells.flatMap((cell, i) => (ID_COLUMN.test(cell) ? [i] : []))) };
}

/**
 * The working parts of a proposal, as design documents, RFCs, ADRs and grant applications name them: how it is built,
 * the options weighed ("Options", "Options appraisal"), what it depends on, the work packages. Their figures are parameters and estimates, not evidence.
 */
const DESIGN =
  /\b(?:design|implementation|proposed|pilot|specification|(?:guide|reference)-level explanation|technical details?|alternatives?|options|considered options|rationale|prior art|dependencies|work ?packages?|workstreams?)\b/i;
/** A heading that says what the team will or would do, or hopes to achieve ("What we'd do with the six roles", "What we hope to achieve"): a plan. */
const INTENT = /\bwhat (?:we|i)(?:'d|’d|'ll|’ll|\swill|\swould|\s(?:hope|aim|plan|want|intend) to)\b/i;
/** A heading that reports the team's own work ("What we did in November", "What your gifts did this winter"): output, vanity-metric's to judge. */
const WORK_REPORT = /\bwhat (?:we|i|the team|your \p{L}+) (?:did|shipped|delivered|built|achieved|made possible)\b/iu;
/** Results read against a target ("already above target", "on track"): the outcome's report, not evidence waiting for a story. */
const AGAINST_TARGET = /\b(?:above|below|ahead of|behind|against|vs\.?|versus|on|off|short of|beat|missed|met|exceeded)\s(?:the\s|our\s|its\s)?(?:targets?|goals?)\b|\bon track\b/i;
/** A sentence that introduces aims or a plan ("By the end of the two years we aim to:", "We will:"): the list under it is targets. */
const AIM = /\b(?:will|'ll|’ll|aim to|plan to|hope to|want to|intend to|we'd like to|our (?:goals?|aims?|targets?))\b/i;
const LEAD_IN_END = /:\s*$/;

/** A heading and the blocks under it, up to the next heading; the blocks before a slide's first heading form one too. */
interface Section {
  heading?: Block;
  /** The section's heading and the headings it sits under ("### Decisions" under "## Detailed design"), nearest first. */
  headings: Block[];
  blocks: Block[];
}

function sectionsOf(blocks: readonly Block[]): Section[] {
  const out: Section[] = [{ headings: [], blocks: [] }];
  for (const b of blocks) {
    if (b.kind !== 'heading') {
      out[out.length - 1].blocks.push(b);
      continue;
    }
    const outer = out[out.length - 1].headings.filter((h) => h.level < b.level);
    out.push({ heading: b, headings: [b, ...outer], blocks: [] });
  }
  return out.filter((s) => s.blocks.some((b) => b.text.trim() !== ''));
}

/**
 * A figure: a number not glued to a word, nor to one by a full stop or a comma (so `Q1`, `H2`, `v3`, `v0.9`'s `9`,
 * `No.5`, `p.12` and also `c.40%` are not figures), with an optional
 * currency sign. A bare year (1900–2099) is a date, not data. Single character classes with one
 * quantifier each: linear on any input.
 */
const FIGURE = /(?<![\p{L}\p{N}_]|[\p{L}\p{N}_][.,])[$€£¥]?\d[\d.,]*/gu;
const YEAR = /^(?:19|20)\d\d$/;
/**
 * A date or a point in a plan, not data: "30 June", "9 am", "1st" (after the figure), "Week 3", "Q4",
 * "FY27", "June 30", "Weeks 1–4", "Milestone 2" (before it). Durations ("takes 40 minutes") stay figures. Checked on
 * a few characters either side of each figure, so the scan stays linear.
 */
const TIME_AFTER = /^:\d\d|^\s*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|[ap]\.?m\b|(?:st|nd|rd|th)\b)/i;
/** A year cut to two digits after an apostrophe ("Sept ’25", "by '26"): a date. */
const SHORT_YEAR_BEFORE = /['‘’]$/;
const TIME_BEFORE = /(?:\b(?:days?|weeks?|months?|years?|quarters?|sprints?|phases?|milestones?|steps?|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|\d\s?[–-]|\d:|\b(?:19|20)\d\d\/)\s*$/i;
/** A version, not a quantity: "5.0.0", "4.x", "5.0rc1". */
const VERSION = /^\d+\.\d+\.\d/;
const VERSION_AFTER = /^(?:\.x\b|(?:rc|alpha|beta|a|b)\d)/i;
/** A number of dimensions glued to its letter ("2D data", "3D rendering"): a label, not a quantity. */
const DIMENSION_AFTER = /^d\b/i;
/** The second number of a ratio ("1 in 3", "9 out of 10"): one figure, not two. */
const RATIO_BETWEEN = /^\s(?:in|out of)\s$/;

/** One named or singled-out person: "a nurse", "one customer", "she", "Meet Maria", "Priya said" — not a thing named after one ("an operator controller", "a customer portal"). */
const PERSON = caselessAll([
  /\b(?:a|an|one|this|that)\s+(?:customer|user|client|patient|clinician|nurse|doctor|agent|admin|administrator|operator|driver|teacher|student|shopper|buyer|seller|merchant|developer|engineer|analyst|manager|rep|technician|dispatcher|accountant|owner|parent|member|subscriber|tenant|farmer|pharmacist|founder|cashier|designer|caller|guest|traveller|traveler|rider|resident|worker|employee|person|woman|man|family|mother|father)\b(?![ -](?:controllers?|accounts?|portals?|apps?|dashboards?|apis?|records?|ids?|numbers?|data|types?|roles?|journeys?|base|segments?|counts?|groups?|services?|interfaces?|views?|profiles?|fields?|tables?|objects?|nodes?|pods?|libraries|library|sdks?|clis?)\b)/i,
  /\b(?:she|he|her|him|his)\b/i,
  /\b(?:meet|this is)\s+\p{Lu}\p{Ll}+/u,
  /\b(?:Mr|Mrs|Ms|Dr)\.?\s+\p{Lu}/u,
  // "Priya said", not a rate in a table: "Peak writes/s".
  /(?=\p{Lu})\b\p{Lu}\p{Ll}+\s+(?:said|says|told|tells|asked|asks|wrote|writes|explained|explains|remembers|recalls|put it)\b(?!\s?\/)/u,
  // Their words reported: "the newsroom analysts said the dashboards open faster", "our drivers told us".
  regExp(String.raw`\b(?:the|our|one|two|three|several|many|most|some)\s(?:[\p{L}-]+\s)?(?:${PERSON_WORDS})\s(?:said|say|told us|tell us|wrote|asked)\b`, 'iu'),
]);
/** A narrative that is itself one example: "Case study: …", "Customer story: …". */
const CASE_STUDY = caseless(/\b(?:case study|customer story|success story)\b/i);
/** What comes before a quotation that names a thing rather than quoting someone: a numbered label ("Priority 2 "A healthier, greener borough"") or a naming verb ("a programme called "Homes fit for the future""). */
const NAMED = /(?:\b\p{Lu}\p{L}+\s\d{1,3}[.:,]?|\b(?:called|named|titled|entitled|dubbed|known as|labell?ed))\s?$/u;
/** Someone's own words: a quotation of a dozen characters or more. */
const QUOTE = /["“][^"”\n]{12,}["”]/g;
/** An example or a story ("e.g." ends in a full stop, so no word boundary after it). */
const EXAMPLE = caseless(/\b(?:for example|for instance|case study|imagine|picture this|story|stories|anecdote|take the case)\b|\be\.g\./i);

/** An identifier or the label of a part, not data ("Level 2", "Act 3", "Part 1" name a rung or a section): "charity no. 1000000", "EIN 00-0000000", "#4521", "501(c)(3)", "ISO 27001", "PEP 554", "KR 2.1", "Unit 4", "DP-1184", "ST1 5AB". */
const ID_BEFORE =
  /(?:\b(?:no|nos|number|ein|abn|acn|vat|reg|registration|ref|id|iso|iec|rfc|pep|kep|adr|rfd|cve|kr|okr|objective|priority|section|chapter|figure|fig|table|option|version|release|tier|ticket|issue|pr|wp|work package|unit|suite|flat|floor|po box|level|stage|act|part|lesson|module)\.?:?\s?|#|\d-)$/i;
/** An issue key or a document code before a number: "DP-1184", "ADR-017". */
const KEY_BEFORE = /\b\p{L}{2,}-$|\b\p{Lu}{1,2}\d[\dA-Z]?\s$/u;
/** A day and month written the German way ("12.11."), a date, not data. */
const DAY_MONTH = /^\d{1,2}\.\d{1,2}\.$/;
/** Contact details, not data: a telephone number ("01782 000 114", "+44 20 7946 0000"). */
const PHONE = /(?:\+\d{1,3}\s?)?\(?0\d{2,4}\)?[\s-]\d{3,4}[\s-]\d{3,4}\b/g;
/** A web address, not data: ".../issues/26". */
const WEB_ADDRESS = /\b(?:https?:\/\/|www\.)\S+/gi;
const ID_AFTER = /^(?:\([a-z]\)|-\d)/i;

/**
 * A number that ends a name in the middle of a sentence ("support for Vue 3", "apps like Microsoft 365", "a React 19 front end"):
 * a short whole or version number right after a capitalised word that follows a lower-case word or a comma. A quantity after
 * it (a unit, a per cent, a multiplier) makes it data again ("the Enterprise 40% discount").
 */
const NAME_BEFORE = /[\p{Ll},]\s\p{Lu}\p{Ll}{1,20}\s$/u;
const NAME_NUMBER = /^\d{1,4}(?:\.\d{1,2})?$/;
const QUANTITY_AFTER = /^\s?(?:%|per\s?cent|x\b|×|k\b|m\b|bn\b|million|billion|thousand|hundred|(?:ms|s|h|hrs?|seconds?|minutes?|hours?|days?|weeks?|months?|years?|points?|pts)\b)/i;

/** Is the figure at [start, end) a date, a time of day, a duration, an identifier or part of a name, judged from a few characters either side? */
function isNotData(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 24);
  const before = text.slice(Math.max(0, start - 14), start);
  if (SHORT_YEAR_BEFORE.test(before) && end - start === 2) return true;
  if (TIME_AFTER.test(after) || TIME_BEFORE.test(before) || ID_AFTER.test(after) || ID_BEFORE.test(before) || KEY_BEFORE.test(before)) return true;
  return NAME_NUMBER.test(text.slice(start, end)) && NAME_BEFORE.test(text.slice(Math.max(0, start - 26), start)) && !QUANTITY_AFTER.test(after);
}

export function countFigures(line: string): number {
  // "1. Poll more often.", "7.1 The project…": a number that labels the line counts nothing.
  const text = line.replace(LIST_NUMBER, '').replace(PHONE, ' ').replace(WEB_ADDRESS, ' ');
  let n = 0;
  let previous = -1;
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) {
    let end = m[0].length;
    while (end > 1 && (m[0][end - 1] === '.' || m[0][end - 1] === ',')) end--;
    const ratio = previous >= 0 && RATIO_BETWEEN.test(text.slice(previous, m.index));
    previous = m.index + end;
    if (ratio || VERSION.test(m[0]) || VERSION_AFTER.test(text.slice(m.index + end, m.index + end + 8)) || DIMENSION_AFTER.test(text.slice(m.index + end, m.index + end + 2))) continue;
    if (!YEAR.test(m[0].slice(0, end)) && !DAY_MONTH.test(m[0]) && !isNotData(text, m.index, m.index + end)) n++;
  }
  return n;
}

/** Someone's own words: a quotation of a dozen characters or more and at least three words, not a term or a name in quotes ("non-responding", "Outbox health"). */
function hasQuote(text: string): boolean {
  QUOTE.lastIndex = 0;
  for (let m = QUOTE.exec(text); m; m = QUOTE.exec(text)) {
    if (/\S\s+\S+\s+\S/.test(m[0]) && !NAMED.test(text.slice(Math.max(0, m.index - 16), m.index))) return true;
  }
  return false;
}

/** Are these blocks told through a person, a quote or an example? */
function toldThroughSomeone(blocks: readonly Block[]): boolean {
  if (blocks.some((b) => b.kind === 'blockquote' && b.text.trim() !== '')) return true;
  const text = blocks.map((b) => b.text).join('\n');
  return hasQuote(text) || EXAMPLE.test(text) || PERSON.some((re) => re.test(text));
}

/** A code span as written: "`python3 sqrt.py 64`", "`0x76a4dac`". */
const CODE_SPAN = /`([^`\n]+)`/g;

/** How many code spans of one block may be looked for in vain before the rest are left in its text. */
const MAX_MISSED_SPANS = 8;

/**
 * A block's text without what its source lines put in code spans: a number in code is code ("`--jobs 4`"), not a statistic. Each
 * span's words are taken out where they stand, after the span before them, so the text is read once however many spans it holds
 * (looking for each from the start of a text rebuilt after each span was quadratic in a paragraph of many spans). Words markup
 * changed are not found; after a few of those the rest of the block's spans are left as they are.
 */
function withoutCode(text: string, lines: readonly string[]): string {
  let out = '';
  let from = 0;
  let missed = 0;
  for (const line of lines) {
    if (!line.includes('`')) continue;
    for (const m of line.matchAll(CODE_SPAN)) {
      if (missed >= MAX_MISSED_SPANS) break;
      const at = text.indexOf(m[1], from);
      if (at < 0) {
        missed++;
        continue;
      }
      out += `${text.slice(from, at)} `;
      from = at + m[1].length;
    }
  }
  return out + text.slice(from);
}

/** Where one sentence ends and the next begins. */
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=\p{Lu})/u;

/**
 * A line labelled with the work's own particulars — its length, effort, rate, shape or the amount requested ("Projected effort: 1
 * person/week", "Duration: ~25 minutes", "Requested rate: 50 EUR / hour"): it describes the plan or the talk, not evidence.
 */
const PARTICULARS = caseless(
  /^[*_\s]{0,4}(?:[\p{L}-]+\s){0,3}?(?:duration|length|effort|rate|structure|format|deck|contribution|budget)[*_\s]{0,4}:|^[^:\n]{0,40}\b(?:requested|projected|estimated)\b[^:\n]{0,30}:/iu,
);

/** A count of the team's own output or of arrivals ("trained 112 new volunteers", "tickets closed", "27,000 downloads"): vanity-metric's to judge. */
function countsOutput(line: string): boolean {
  return (
    isOutput(line) ||
    VANITY.some(({ kind, re }) => {
      re.lastIndex = 0;
      return kind !== 'reach' && kind !== 'date' && re.test(line) && isVanity(kind, line);
    })
  );
}

/** A line of content's figures, its sentences that hold one, and whether it counts output or states the work's particulars; once per text. */
const readLine = memoByText((line: string): { figures: number; sentences: number; output: boolean } => {
  const figures = countFigures(line);
  if (figures === 0) return { figures, sentences: 0, output: false };
  return {
    figures,
    sentences: line.split(SENTENCE_BREAK).filter((sentence) => countFigures(sentence) > 0).length,
    output: countsOutput(line) || PARTICULARS.test(line),
  };
});

/**
 * The figures of some blocks, and whether more than half their lines of content carry one. A wall is
 * several lines: one sentence, however many numbers it holds, can be said aloud. Lines under a lead-in
 * that states aims ("we aim to:") are targets, not evidence; and when most lines with figures count
 * attention or output, the numbers are vanity-metric's to judge, not this rule's.
 */
function figuresOf(blocks: readonly Block[], source: readonly string[]): { figures: number; mostly: boolean } {
  let figures = 0;
  let withFigures = 0;
  let outputs = 0;
  let sentences = 0;
  let lines = 0;
  let aims = false;
  let header: TableHeader = { plan: false, ids: new Set() };
  let previous: Block | undefined;
  for (const b of blocks) {
    // A table's first row is its header: it says whether the rows under it are a schedule, and which columns name things.
    if (b.kind === 'table' && (previous?.kind !== 'table' || b.line > previous.endLine + 2)) header = readHeader(b.text);
    previous = b;
    if (b.kind === 'heading' || (b.kind === 'table' && header.plan)) continue;
    if (b.kind !== 'list_item') aims = LEAD_IN_END.test(b.text) && AIM.test(b.text);
    const text = withoutCode(b.kind === 'table' ? withoutColumns(b.text, header.ids) : b.text, source.slice(b.line - 1, b.endLine));
    // Lines of content: every paragraph, bullet, quote and table row, split at hard line breaks.
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      lines++;
      if (b.kind === 'list_item' && aims) continue;
      const read = readLine(line);
      figures += read.figures;
      if (read.figures === 0) continue;
      withFigures++;
      sentences += read.sentences;
      if (read.output) outputs++;
    }
  }
  return { figures, mostly: sentences >= 2 && withFigures * 2 > lines && outputs * 2 <= withFigures };
}

/** Figures under a heading that names the solution, the plan, a target or the ask, or that prices the work or is reference, are not evidence that needs a story. */
function exempt(headings: readonly Block[]): boolean {
  return headings.some(
    (h) =>
      PLANNING.has(headingBeat(h.text)) ||
      REFERENCE.test(h.text) ||
      PRICE.test(h.text) ||
      PRICING.test(h.text) ||
      ID_HEADING.test(h.text) ||
      DESIGN.test(h.text) ||
      INTENT.test(h.text) ||
      WORK_REPORT.test(h.text),
  );
}

/** Beats whose figures are evidence to be told, whatever targets the slide's words also hold. */
const EVIDENCE: ReadonlySet<BeatId | undefined> = new Set<BeatId>(['business', 'pain']);

const rule: Rule = {
  id: 'stats-without-story',
  description: 'A slide full of numbers needs a person, a quote or an example to make them land.',
  tags: ['story', 'data'],
  defaultSeverity: 'warning',
  docs: 'docs/rules/stats-without-story.md',
  defaultOptions: { minFigures: DEFAULT_MIN_FIGURES, learned: true },
  check(ctx, report) {
    const option = ctx.options.minFigures;
    const minFigures = typeof option === 'number' && Number.isFinite(option) && option >= 1 ? option : DEFAULT_MIN_FIGURES;
    // A case study is one example from start to end: every figure in it belongs to the case.
    if (CASE_STUDY.test(ctx.deck.title)) return;
    const targeted = new Set(findTargets(ctx).map((t) => t.passage.block));
    for (const slide of ctx.deck.slides) {
      if (slide.empty) continue;
      const sections = sectionsOf(ctx.visibleBlocks(slide));
      // A slide of one section is judged whole, as the audience sees it; a page of several sections, section by section.
      const first = slide.blocks.find((b) => b.kind === 'heading');
      const parts: Section[] = sections.length > 1 ? sections : [{ heading: first, headings: first ? [first] : [], blocks: ctx.visibleBlocks(slide) }];
      for (const part of parts) {
        if (exempt(part.headings) || REFERENCE.test(slide.title) || PRICE.test(slide.title)) continue;
        // A slide (or a section of a long page) that states success criteria is not a wall of numbers, unless its heading says the
        // figures are the business case or the pain: under a success heading or marker, or holding a target as outcome-metric reads
        // one ("paid teams went from 310 to 1,150 this year" is a result, not a target).
        const beats = parts.length > 1 ? detectBeats(part.heading ? [part.heading, ...part.blocks] : part.blocks) : slide.beats;
        const aimed =
          (slide.explicitBeats && slide.beats.includes('outcome')) ||
          part.headings.some((h) => headingBeat(h.text) === 'outcome' || SUCCESS.test(h.text)) ||
          part.blocks.some((b) => b.kind === 'table' && TARGET_COLUMN.test(b.text)) ||
          (beats.includes('outcome') && part.blocks.some((b) => targeted.has(b)));
        if (aimed && !part.headings.some((h) => EVIDENCE.has(headingBeat(h.text)))) continue;
        if (part.blocks.some((b) => AGAINST_TARGET.test(b.text))) continue;
        const { figures, mostly } = figuresOf(part.blocks, ctx.deck.lines);
        if (figures < minFigures || !mostly) continue;
        if (toldThroughSomeone(parts.length > 1 ? part.blocks : ctx.visibleBlocks(slide))) continue;
        // The learned check (story.ts): a wall it reads as needing no story — a benchmark, a plan's figures — is held back.
        const heading = parts.length > 1 && part.heading ? part.heading.text : undefined;
        if (ctx.options.learned !== false && !wallNeedsStory(ctx.deck, slide.index, heading, figures)) continue;
        const where = parts.length > 1 && part.heading ? `The section “${part.heading.text}” on slide ${slide.index}` : `Slide ${slide.index}`;
        report({
          message: `${where} is a wall of numbers (${figures} figures) with no person, quote or example. Numbers stick when they belong to someone: keep the one that matters most, tell it through one customer's story, and move the rest to an appendix.`,
          range: parts.length > 1 && part.heading ? lineRange(ctx, part.heading.line) : ctx.titleRange(slide),
        });
      }
    }
  },
};

export default rule;
