import { sentences, slidePassages, type Passage } from '../../deck/beats';
import type { Block, Deck, Slide } from '../../deck';
import { VANITY, clauseOf, isVanity, measuringSections, measuringSlides, type Kind } from '../../story/vanity';
import { findOutputMeasures } from '../../story/outcome';
import { maskLine } from '../mask';
import { lineRange, rangeInside } from '../ranges';
import type { Range } from '../../deck';
import type { Rule, RuleContext, TextMatch } from '../types';

const MESSAGE: Record<Kind, (m: string) => string> = {
  reach: (m) => `“${m}” counts attention, not change: measure what customers do differently because of this work (e.g. weekly active use, time saved, errors avoided), with a target.`,
  acquisition: (m) => `“${m}” alone counts people who arrived, not people who got value: measure whether they keep using it (activation, weekly use, retention), with a target.`,
  output: (m) => `“${m}” measures the team’s output, not the customer’s outcome: measure what changes for customers once it ships, with a target.`,
  date: (m) => `“${m}” is a delivery date, not a measure of success: say what will be different for customers once it is live, and by how much.`,
};

/** The vanity matches of a deck, in measuring slides, by kind. */
function vanityMatches(ctx: RuleContext): { kind: Kind; match: TextMatch }[] {
  const slides = measuringSlides(ctx);
  const out: { kind: Kind; match: TextMatch }[] = [];
  const lines = new Map<Slide, Map<number, Passage[][]>>();
  const byLine = (slide: Slide) => lines.get(slide) ?? lines.set(slide, passagesByLine(slide)).get(slide)!;
  const sections = new Map<Slide, Set<number> | undefined>();
  const measuring = (slide: Slide) => (sections.has(slide) ? sections.get(slide) : sections.set(slide, measuringSections(slide)).get(slide));
  // Memoised per line and words, so a line with thousands of matches is read once.
  const verdicts = new Map<string, boolean>();
  for (const { kind, re } of VANITY) {
    for (const match of ctx.matches(re, slides)) {
      const key = `${kind}\u0000${match.line}\u0000${match.match[0].toLowerCase()}`;
      let vanity = verdicts.get(key);
      if (vanity === undefined) {
        const passage = passageAt(match, byLine(match.slide), ctx.deck);
        const where = measuring(match.slide);
        // On a long page of several sections, only the sections about success: "The year in numbers" reports, it does not aim.
        const aimed = passage !== undefined && (where === undefined || where.has(passage.section));
        const sentence = passage?.text ?? '';
        vanity = aimed && isVanity(kind, sentence, clauseOf(sentence, match.match[0]), match.match[0], passage.context.includes('outcome'));
        verdicts.set(key, vanity);
      }
      if (vanity) out.push({ kind, match });
    }
  }
  return out.sort((a, b) => a.match.line - b.match.line || a.match.column - b.match.column);
}

/**
 * A block longer than this (a page-long paragraph, a sentence that never ends) is not read whole for each match in it: searching
 * all its sentences, or reading all of it, for every match would take time that grows with the square of its length.
 */
const LONG_BLOCK = 2000;
/** How many characters either side of a match in a long block are read as its sentence. */
const AROUND = 200;
/** How many of a long block's lines either side of a match's own line are read for those characters (a hard-wrapped sentence). */
const NEAR_LINES = 8;

/** The sentence of a non-empty section around a match (its block's text when markup hides the words); undefined in a placeholder. */
function passageAt(m: TextMatch, byLine: Map<number, Passage[][]>, deck: Deck): Passage | undefined {
  const blocks = byLine.get(m.line);
  if (!blocks) return undefined;
  const first = blocks[0][0];
  // Markup differs between the source line and the block text; find the sentence holding the matched words.
  const needle = m.match[0].toLowerCase();
  const long = blocks.find(([p]) => p.block.text.length > LONG_BLOCK);
  if (long) {
    // In a long block, the sentence holding the words is looked for in the words around them, on their line and the block's lines next to it.
    const around = textAround(m, long[0].block, deck);
    return { ...first, text: sentences(around).find((s) => s.toLowerCase().includes(needle)) ?? around };
  }
  for (const passages of blocks) for (const p of passages) if (p.text.toLowerCase().includes(needle)) return p;
  return { ...first, text: first.block.text };
}

/**
 * The words around a match, AROUND characters either side of it, in whole words: on its own line and, where that line ends
 * first, on the lines of its block before and after it (up to NEAR_LINES each way), so that a sentence a hard-wrapped paragraph
 * breaks over two lines is read whole. The lines next to it are read without the blockquote markers that begin them.
 */
function textAround({ match, line }: TextMatch, block: Block, deck: Deck): string {
  const own = match.input;
  const start = match.index;
  const end = start + match[0].length;
  const near = (l: number) => maskLine(deck.lines[l - 1] ?? '').replace(/^\s*(?:>\s*)*/, '');
  let before = own.slice(Math.max(0, start - AROUND), start);
  let cutBefore = start > AROUND;
  for (let l = line - 1; !cutBefore && l >= Math.max(block.line, line - NEAR_LINES) && before.length < AROUND; l--) {
    const text = near(l);
    const room = AROUND - before.length - 1;
    cutBefore = text.length > room;
    before = `${text.slice(Math.max(0, text.length - room))} ${before}`;
  }
  let after = own.slice(end, end + AROUND);
  let cutAfter = own.length > end + AROUND;
  for (let l = line + 1; !cutAfter && l <= Math.min(block.endLine, line + NEAR_LINES) && after.length < AROUND; l++) {
    const text = near(l);
    const room = AROUND - after.length - 1;
    cutAfter = text.length > room;
    after = `${after} ${text.slice(0, room)}`;
  }
  if (cutBefore) before = before.replace(/^\S*\s/, '');
  if (cutAfter) after = after.replace(/\s\S*$/, '');
  return before + match[0] + after;
}

/**
 * The passages of a slide by the source lines their block covers: for each line, the passages of each block over it, in order.
 * A block's passages are one list that each of its lines shares: a paragraph of n lines and n sentences is n entries, not n².
 */
function passagesByLine(slide: Slide): Map<number, Passage[][]> {
  const out = new Map<number, Passage[][]>();
  const passages = slidePassages(slide);
  for (let i = 0; i < passages.length;) {
    const block = passages[i].block;
    let end = i + 1;
    while (end < passages.length && passages[end].block === block) end++;
    const own = passages.slice(i, end);
    for (let line = block.line; line <= block.endLine; line++) {
      const list = out.get(line);
      if (list) list.push(own);
      else out.set(line, [own]);
    }
    i = end;
  }
  return out;
}

/** Where `words` stand on a source line (markup aside), or the whole line. */
function wordsRange(ctx: RuleContext, line: number, words: string): Range {
  const source = ctx.deck.lines[line - 1] ?? '';
  const at = source.indexOf(words);
  return at < 0 ? lineRange(ctx, line) : rangeInside(ctx.deck.lines, { line, column: at + 1, endLine: line, endColumn: at + 1 + words.length });
}

const rule: Rule = {
  id: 'vanity-metric',
  description: 'Measure success by what changes for customers, not by output or vanity numbers (page views, downloads, story points, a launch date).',
  tags: ['story', 'outcome'],
  defaultSeverity: 'warning',
  docs: 'docs/rules/vanity-metric.md',
  check(ctx, report) {
    const found = vanityMatches(ctx);
    for (const { kind, match } of found) {
      report({
        message: MESSAGE[kind](match.match[0].replace(/\*\*|__/g, '').replace(/\s+/g, ' ')),
        range: rangeInside(ctx.deck.lines, { line: match.line, column: match.column, endLine: match.endLine, endColumn: match.endColumn }),
      });
    }
    // A success criterion outcome-metric does not count because it measures output ("Number of households reached (aim: 600)").
    const lines = new Set(found.map(({ match }) => match.line));
    for (const { passage, words } of findOutputMeasures(ctx)) {
      if (lines.has(passage.block.line)) continue;
      lines.add(passage.block.line);
      report({ message: MESSAGE.output(words.replace(/[*_]/g, '').trim()), range: wordsRange(ctx, passage.block.line, words) });
    }
  },
};

export default rule;
