import type { Block, Deck, Range, Slide } from '../deck';
import type { KindProfile } from '../story/kinds';
import { readingContext } from '../story/reading';
import type { Story } from '../story/story';
import { maskLine } from './mask';
import type { MeasuredLayout, RuleContext, TextMatch } from './types';

/** What the audience reads on a slide: every block but code. */
export const visibleBlocks = (slide: Slide): Block[] => slide.blocks.filter((b) => b.kind !== 'code');

/**
 * Each source line that holds visible text of these slides, once per slide, in order, with what the
 * audience never reads as prose blanked out (inline code, HTML, link destinations, web addresses: see
 * `maskLine`), so no rule matches words inside a URL and a link is not read twice.
 */
export function* visibleLines(deck: Deck, slides: readonly Slide[]): Generator<{ slide: Slide; line: number; text: string }> {
  for (const slide of slides) {
    const seen = new Set<number>();
    for (const block of visibleBlocks(slide)) {
      for (let line = block.line; line <= block.endLine; line++) {
        if (seen.has(line)) continue;
        seen.add(line);
        yield { slide, line, text: maskLine(deck.lines[line - 1] ?? '') };
      }
    }
  }
}

/** Builds the helpers every rule gets; `options` are the rule's resolved options. */
export function createContext(
  deck: Deck,
  options: Record<string, unknown>,
  shared: { objectives: string[]; story: Story; kinds: Readonly<Record<string, KindProfile>>; themes?: readonly string[]; layout?: MeasuredLayout },
): RuleContext {
  const titleRange = (slide: Slide): Range => {
    const text = deck.lines[slide.titleLine - 1] ?? '';
    return { line: slide.titleLine, column: 1, endLine: slide.titleLine, endColumn: text.length + 1 };
  };
  return {
    ...readingContext(deck, shared.objectives),
    options,
    story: shared.story,
    kind: shared.story.kind,
    kinds: shared.kinds,
    themes: shared.themes ?? [],
    ...(shared.layout ? { layout: shared.layout } : {}),
    documentRange: () => (deck.slides.length ? titleRange(deck.slides[0]) : { line: 1, column: 1, endLine: 1, endColumn: 1 }),
    titleRange,
    slideText: (slide) =>
      visibleBlocks(slide)
        .map((b) => b.text)
        .join('\n'),
    visibleBlocks,
    matches: (pattern, slides = deck.slides) => findMatches(deck, pattern, slides),
  };
}

function findMatches(deck: Deck, pattern: RegExp, slides: readonly Slide[]): TextMatch[] {
  const re = pattern.global ? pattern : new RegExp(pattern.source, pattern.flags + 'g');
  const out: TextMatch[] = [];
  for (const { slide, line, text } of visibleLines(deck, slides)) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      out.push({ match: m, slide, line, column: m.index + 1, endLine: line, endColumn: m.index + m[0].length + 1 });
    }
  }
  return out;
}
