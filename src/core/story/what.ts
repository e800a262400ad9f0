import { escapeRegExp } from '../deck/regexp';
import { detectBeats, headingBeat, sentences, slidePassages } from '../deck/beats';
import type { BeatId, Block, Slide } from '../deck';
import { PROBLEM, struggleIn } from './pain';
import type { Story } from './story';
import { caseless } from '../deck/fold';
import { regExp } from '../deck/fence';

/** Headings of a document's opening summary: "Summary", "Abstract", "TL;DR", "Executive summary", "1. Overview", "Summary for the Committee". */
export const SUMMARY_HEADING = caseless(
  /^(?:\d{1,2}[.)]?\s+)?(?:(?:project |proposal |executive )?summary|abstract|overview|tl;?\s?dr|in brief|at a glance|the short version|synopsis|in short|bottom line)(?:\s(?:for|to) (?:the )?[\p{L}'’&-]{1,30}(?:\s[\p{L}'’&-]{1,30}){0,3})?\s*:?$/iu,
);

/** A lead that gives a reason or a goal ("so that reviewers see the real screens", "aims to cut build times") is a why, however short. */
const PURPOSE = caseless(
  /\b(?:because|so that|in order to|aims? to|(?:our|the) (?:goal|aim|purpose)(?: (?:of|with|for|in) [\p{L}\p{N} '’-]{1,40}?)? is|to (?:reduce|cut|fix|end|stop|prevent|avoid|eliminate|protect|help|ensure|make sure|improve|enable|simplify))\b/iu,
);

/**
 * A lead that tells how things stand now ("Two-step sign-in is currently offered as an option", "Until now each depot has
 * kept its own parts sheet") sets out the situation the proposal answers: the why, not the solution.
 */
const AS_THINGS_STAND = caseless(/\b(?:currently|at present|at the moment|as things stand|until now|to date|over time)\b/i);

/**
 * Does this slide open with a summary whose lead (its first paragraph or list) names no problem? Then the summary
 * tells the solution: "## Summary — Every pull request gets its own short-lived environment…", "## Abstract — In
 * this talk I will present the new architecture…". A lead that tells a problem ("…nearly let a unit be hung for
 * the wrong patient") or a reason ("…so that reviewers see the real screens") is the why, whatever follows it.
 */
export function summaryLeadsWithSolution(slide: Slide): boolean {
  const lead = summaryLead(slide);
  return lead !== undefined && !leadGivesWhy(lead);
}

/**
 * Does this slide open with a summary whose first sentence names the problem, before the solution follows ("Small
 * offices on slow uplinks leave their largest files out of backup… This RFC proposes…")? Then the summary says why
 * first. A first sentence that proposes, with a purpose after it ("Add a cache, so that…"), still leads with the solution.
 */
export function summaryLeadsWithWhy(slide: Slide): boolean {
  const [opening, ...rest] = sentences(summaryLead(slide) ?? '');
  if (opening === undefined || PROPOSES.test(opening)) return false;
  return PROBLEM.test(opening) || struggleIn(opening) !== undefined || rest.some((s) => PROPOSAL_FOLLOWS.test(s));
}

/**
 * A later sentence that turns to the proposal or to the document itself ("We propose to build…", "This project will develop…",
 * "This memo proposes…", "In this talk we'll look at…", "This grant would add…"): what was told before it is the situation the
 * work answers, so it says why first.
 */
const PROPOSAL_FOLLOWS = caseless(
  /^(?:(?:we|i) (?:propose|will (?:build|develop|create|design|deliver)|plan to (?:build|develop|create))|in this (?:talk|session|workshop|presentation|post|article|paper),? (?:we|i)\b|(?:this|the) (?:project|proposal|rfc|grant|work|programme|program|talk|session|workshop|presentation|post|article|paper|memo|brief|document|report|application) (?:will|would|proposes|aims|covers|recommends|sets out|seeks))\b/i,
);

/**
 * A sentence that opens by proposing the change: an imperative ("Add a notification at the end of every install…",
 * "Replace the nightly batch…") or the document saying what it does ("This RFC defines the conditions under which broken
 * packages are removed…"). The problem words inside it name what the change is about, not why it is needed.
 */
const PROPOSES = caseless(
  /^(?:(?:this|the|our) (?:rfc|proposal|document|doc|design(?: doc)?|pep|kep|adr|memo|paper|page|change|pr|pull request)(?: \d{1,5})? (?:proposes|defines|introduces|identifies|describes|adds|outlines|sets out|specifies|establishes|suggests|recommends|replaces|removes|changes)|(?:we (?:propose to|will|plan to)\s)?(?:add|introduce|replace|remove|create|build|propose|define|implement|adopt|deprecate|migrate|establish|consolidate|publish|provide|extend|rename|rewrite|split|merge)\s)\b/i,
);

/** "…does not aim to…", "…isn't meant to…": a purpose the sentence denies is no purpose. */
const DENIED = caseless(/\b(?:not|n['’]t|never)\s*$/i);

/** Does the text state a reason or purpose (the pattern), other than one it denies ("The RFC does not aim to cover…")? */
function affirms(pattern: RegExp, text: string): boolean {
  const found = pattern.exec(text);
  return found !== null && !DENIED.test(text.slice(Math.max(0, found.index - 12), found.index));
}

/**
 * "Introduction", "1. Introduction": the opening section of an RFC or a paper, and a grant application's "Project description",
 * which opens the application: each read as its summary is.
 */
const INTRODUCTION_HEADING = caseless(/^(?:\d{1,2}[.)]?\s+)?(?:introduction|project description)\s*:?$/i);

/** The first paragraph or list item of a slide headed as a summary or an introduction. */
function summaryLead(slide: Slide): string | undefined {
  const title = slide.title.trim();
  if (slide.empty || !(SUMMARY_HEADING.test(title) || INTRODUCTION_HEADING.test(title))) return undefined;
  return slidePassages(slide).find((p) => p.block.kind !== 'heading')?.block.text;
}

/**
 * A purpose stated outright ("The purpose of this project is to…", "Our goal is to…", "This RFC aims to…", "…with the goal
 * of…"), not only "in order to" or a wish to tell ("I want to share some changes…"): the writer's own later "Why …" heading
 * does not undo it.
 */
const OUTRIGHT = String.raw`(?:the|our|my|its|this|their) (?:main |overall |primary |central )?(?:purpose|goal|aim|mission|objective|motivation|intention)s? (?:(?:of|with|for|in) [\p{L}\p{N} '’-]{1,60}? )?(?:is|are|was|were|here is) (?:to|that|simple)\b|(?:we|i|it|this [\p{L}-]{2,20}|our [\p{L}-]{2,20}|the (?:project|proposal|work|programme|program|initiative|grant|rfc|team))(?:(?:'re|’re| are| am|'m|’m) aiming| aim(?:s|ed)?) to \p{L}|with the (?:goal|aim|purpose|intention|objective) of\b`;
const PURPOSE_OUTRIGHT = caseless(regExp(String.raw`\b(?:${OUTRIGHT})`, 'iu'));
/**
 * A sentence that states what the work is for, in so many words: "The purpose of our project is to help…", "This project
 * aims to reduce…", "…with the goal of making…", "In this post I want to show you why…". A purpose told this way is the why,
 * whether or not a heading names it.
 */
const PURPOSE_STATEMENT = caseless(
  regExp(
    String.raw`\b(?:${OUTRIGHT}|in order to \p{L}|(?:we|i)(?:'d|’d| would)? (?:want|wanted|hope|set out|like) to (?:show|explain|tell|share|convince|help|make|give|let|enable|ensure|solve|fix|bring))`,
    'iu',
  ),
);

/** Sections that present the solution or plan: a purpose told there belongs to the solution's own description. */
const SOLUTION_SECTIONS: ReadonlySet<BeatId> = new Set(['what', 'how', 'ask', 'outcome']);

/**
 * Does this slide state the work's purpose outright, outside a section about the solution or the plan, before `line` when
 * given? A purpose stated so is the why, even where the writer's own "Why …" heading comes after the solution.
 */
export function statesPurposeOutright(slide: Slide, line = Infinity): boolean {
  if (slide.empty) return false;
  return slidePassages(slide).some((p) => p.block.kind !== 'heading' && p.block.line < line && !p.context.some((b) => SOLUTION_SECTIONS.has(b)) && affirms(PURPOSE_OUTRIGHT, p.text));
}

/**
 * Does this slide state the work's purpose in a sentence of its own, outside a section about the solution or the plan
 * ("## Overview — The purpose of this project is to help small research groups…")? Then it says why, though no heading
 * or cue names a why.
 */
export function statesPurpose(slide: Slide): boolean {
  if (slide.empty) return false;
  const told = slidePassages(slide).filter((p) => p.block.kind !== 'heading' && !p.context.some((b) => SOLUTION_SECTIONS.has(b)));
  if (told.some((p) => affirms(PURPOSE_STATEMENT, p.text))) return true;
  // A paragraph that turns to the work ("…In this talk we'll look at…", "…This memo proposes…") after a first sentence that
  // neither proposes nor turns told the situation the work answers before it.
  const opening = new Map<Block, string>();
  for (const p of told) if (!opening.has(p.block)) opening.set(p.block, p.text);
  return told.some((p) => {
    const first = opening.get(p.block)!;
    return first !== p.text && PROPOSAL_FOLLOWS.test(p.text) && !PROPOSES.test(first) && !PROPOSAL_FOLLOWS.test(first);
  });
}

/** Does the slide say something: text, or a picture the speaker talks over (a talk's "Why other languages?" over an image)? */
export function speaks(slide: Slide): boolean {
  return !slide.empty || slide.images.length > 0;
}

/**
 * Does this slide's own heading name the problem the work answers ("The problem", "What is the problem?", "Challenge: how do
 * you know what the code does?") or why it matters ("Why other languages?"), over something of its own: text, or a picture
 * the speaker talks over? A stated problem is the why, whether or not a customer is shown struggling with it; a heading that
 * introduces someone ("Meet Ines") is not a problem.
 */
export function headedAsWhy(slide: Slide): boolean {
  const title = slide.title.trim();
  const beat = headingBeat(title);
  return speaks(slide) && !/^meet\s/i.test(title) && (beat === 'pain' || beat === 'why');
}

/**
 * Does the lead give a reason or name a problem? When its first sentence proposes the change, that sentence's problem words
 * name what changes ("Add a notice… in place of the deprecation warnings"): only a reason in it, or a later sentence, is the why.
 */
function leadGivesWhy(lead: string): boolean {
  const [first = '', ...rest] = sentences(lead);
  const problemIn = (text: string) => PROBLEM.test(text) || struggleIn(text) !== undefined;
  if (affirms(PURPOSE, lead)) return true;
  if (!PROPOSES.test(first) && AS_THINGS_STAND.test(lead)) return true;
  if (!PROPOSES.test(first) && !PROPOSAL_FOLLOWS.test(first) && rest.some((s) => PROPOSAL_FOLLOWS.test(s))) return true;
  return PROPOSES.test(first) ? problemIn(rest.join(' ')) : problemIn(lead);
}

/** A title that presents the solution: "Introducing Card Controls", "Meet Beacon", "Announcing v2". */
const INTRODUCES = caseless(/^(?:introducing|meet|announcing|presenting|launching|say hello to|welcome to)\b/i);

/**
 * Does this slide only name the narrative: the first slide, with its title and subtitle headings over no more than
 * the occasion, the authors and the date ("# Reading Buddies: a programme proposal" · "Prepared for: …")? A title names
 * what the narrative is about; it does not present the solution, unless it introduces it ("Introducing Card Controls").
 * Otherwise only the body's own words can.
 */
export function titleOnly(slide: Slide): boolean {
  if (slide.index !== 1 || slide.explicitBeats || slide.blocks[0]?.kind !== 'heading') return false;
  if (slide.blocks.some((b) => b.kind === 'heading' && INTRODUCES.test(b.text.trim()))) return false;
  const body = slide.blocks.filter((b) => b.kind !== 'heading' && b.kind !== 'code');
  return !detectBeats(body).includes('what') && body.every((b) => b.text.length <= 200);
}

/** "Meet Beacon": a heading that introduces someone or something by name. */
const MEET = /^[Mm]eet\s(\p{Lu}[\p{L}\p{N}-]{1,30})\s*[.!:]?$/u;
/** "Meet Wireframe 3.0", "Meet Beacon v2": a name with a version number is a release, never a person. */
const MEET_RELEASE = /^[Mm]eet\s\p{Lu}[\p{L}\p{N}-]{1,30}\s(?:v|version\s)?\d{1,3}(?:\.\d{1,3}){0,2}\s*[.!:]?$/u;
/** What a product is called after its name: "Beacon is the playtest telemetry system we built". */
const PRODUCT_NOUN = String.raw`(?:app|application|tool|platform|system|service|product|assistant|bot|device|dashboard|engine|library|framework|kit|api|sensor|robot)s?`;

/**
 * Does this slide introduce a product rather than a person: "## Meet Beacon" over "Beacon is the playtest telemetry
 * system we built…", or "## Meet Beacon 2.0"? Then it presents the solution, not a customer's pain.
 */
export function introducesProduct(slide: Slide): boolean {
  if (MEET_RELEASE.test(slide.title.trim())) return true;
  const name = MEET.exec(slide.title.trim())?.[1];
  if (!name) return false;
  const is = regExp(String.raw`^${escapeRegExp(name)}\sis\s(?:a|an|the|our)\b[^.;\n]{0,60}?\b${PRODUCT_NOUN}\b`, 'iu');
  return slidePassages(slide).some((p) => p.block.kind !== 'heading' && is.test(p.text));
}

/** "Why we're doing this", "Why it matters", "Why bother?", "3. Why": a heading that opens with "why" and names the why (not "Why now", nor "Why it matters for the business", nor an alternative turned down, "Why not a plugin?"). */
const WHY_HEADING = caseless(/^(?:\d{1,2}[.)]?\s+)?why\b(?!\s+not\b)/i);

/** Is this heading the writer's own "Why …" over the why? */
export function whyHeading(text: string): boolean {
  return WHY_HEADING.test(text.trim()) && headingBeat(text) === 'why';
}

/** The line of the first heading in the narrative that is the writer's own "Why …" over something of its own, if any. */
export function firstWhyHeading(slides: readonly Slide[]): number | undefined {
  for (const s of slides) {
    if (!speaks(s)) continue;
    const h = s.blocks.find((b) => b.kind === 'heading' && whyHeading(b.text));
    if (h) return h.line;
  }
  return undefined;
}

/**
 * Does the slide play the why or the pain under a heading of its own ("The problem", "Motivation", "Why we exist"), in a
 * summary that leads with the problem, or marked?
 * When the writer's own "Why …" heading comes only after the solution, only such a slide says why before it.
 */
export function headedWhyOrPain(slide: Slide): boolean {
  if (slide.explicitBeats) return slide.beats.includes('why') || slide.beats.includes('pain');
  return summaryLeadsWithWhy(slide) || slide.blocks.some((b) => b.kind === 'heading' && (headingBeat(b.text) === 'why' || headingBeat(b.text) === 'pain'));
}

/**
 * Inside one slide that plays both the solution and what must come first (a document with several headed sections between two
 * `---`), the line of the heading that names the solution when it opens a section before the one where the purpose or pain is
 * told; undefined when the slide's order cannot be read (a beat told only by its words, with no heading or evidence in the slide).
 */
export function solutionHeadingFirst(slide: Slide, story: Story, beforeWhat: readonly BeatId[]): number | undefined {
  const headings = slide.blocks.filter((b) => b.kind === 'heading');
  // A summary that opens the slide with the solution ("## 1. Overview — This page sets out a proposal for…") presents it there.
  const what = headings.find((b) => headingBeat(b.text) === 'what' || (b === slide.blocks[0] && summaryLeadsWithSolution(slide)));
  if (!what) return undefined;
  // The writer's own "Why …" heading after the solution's: the why starts there, whatever the slide's words read before it
  // (the narrative's own title, "# A proposal to Cwm Valley Housing", names it and is no solution's section), unless a heading
  // of its own, a summary that leads with the problem or a purpose stated outright told the why or the pain before it.
  const narrativeTitle = slide.index === 1 && what === slide.blocks[0] && what.level === 1;
  const headedBefore =
    summaryLeadsWithWhy(slide) || statesPurposeOutright(slide, what.line) || headings.some((b) => b.line < what.line && (headingBeat(b.text) === 'why' || headingBeat(b.text) === 'pain'));
  if (!slide.explicitBeats && !narrativeTitle && !headedBefore && headings.some((b) => b.line > what.line && whyHeading(b.text))) return what.line;
  const beats = story.slideBeats[slide.index - 1].filter((b) => beforeWhat.includes(b));
  let first = Infinity;
  for (const beat of beats) {
    const heading = headings.find((b) => headingBeat(b.text) === beat);
    const evidence = story.beats[beat].evidence;
    const line = Math.min(heading?.line ?? Infinity, evidence?.slide === slide.index ? evidence.line : Infinity);
    if (line === Infinity) return undefined;
    first = Math.min(first, line);
  }
  // The purpose or pain must start under a later heading: words under the solution's own heading are part of that section.
  return headings.some((b) => b.line > what.line && b.line <= first) ? what.line : undefined;
}
