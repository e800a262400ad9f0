import { slidePassages, type Passage } from '../../deck/beats';
import type { Slide } from '../../deck';
import { VANITY, clauseOf, isVanity, measuringSections, measuringSlides, type Kind } from '../../story/vanity';
import { findOutputMeasures } from '../../story/outcome';
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
  const lines = new Map<Slide, Map<number, Passage[]>>();
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
        const passage = passageAt(match, byLine(match.slide));
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

/** The sentence of a non-empty section around a match (its block's text when markup hides the words); undefined in a placeholder. */
function passageAt(m: TextMatch, byLine: Map<number, Passage[]>): Passage | undefined {
  const passages = byLine.get(m.line);
  if (!passages || passages.length === 0) return undefined;
  // Markup differs between the source line and the block text; find the sentence holding the matched words.
  const needle = m.match[0].toLowerCase();
  return passages.find((p) => p.text.toLowerCase().includes(needle)) ?? { ...passages[0], text: passages[0].block.text };
}

/** Passages of a slide by the source lines their block covers. */
function passagesByLine(slide: Slide): Map<number, Passage[]> {
  const out = new Map<number, Passage[]>();
  for (const p of slidePassages(slide)) {
    for (let line = p.block.line; line <= p.block.endLine; line++) {
      const list = out.get(line) ?? [];
      list.push(p);
      out.set(line, list);
    }
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
