import { beatSlide } from '../deck/beats';
import { isGitpitchBreak } from '../deck/gitpitch';
import { BEAT_IDS, type BeatId, type Deck, type Slide } from '../deck/types';
import type { Finding, TextEdit } from '../lint/types';
import { beatSkeleton } from './skeletons';

/** A thematic break that Marp reads as a slide separator. */
const SEPARATOR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** A line that is a slide break already: a thematic break, or GitPitch's `+++` or `---?image=…`. */
const isBreak = (line: string) => SEPARATOR.test(line) || isGitpitchBreak(line);

/** Whether any slide already plays `beat` (a skeleton still to be written counts) or has a heading that names it. */
export function hasBeatSlide(deck: Deck, beat: BeatId): boolean {
  return beatSlide(deck.slides, beat) !== undefined;
}

/**
 * The edit that inserts `beat`'s slide skeleton ({@link beatSkeleton}, the one shared with templates and
 * snippets) where the story needs it, with `---` separators on both sides:
 * - after the last slide that plays a beat coming earlier in {@link BEAT_IDS} order (so a missing `ask` ends
 *   the story, before any closing slide that plays no beat, like "Questions?");
 * - else before the first slide that plays a later beat (a missing `why` goes before the solution, after a
 *   title slide);
 * - else, when no slide plays any beat, at the end.
 *
 * Never inside the front matter. `eol` is the document's line break.
 */
export function insertBeatEdit(deck: Deck, beat: BeatId, eol = '\n'): TextEdit {
  const rank = BEAT_IDS.indexOf(beat);
  const ranks = (slide: Slide) => slide.beats.map((b) => BEAT_IDS.indexOf(b));
  const after = deck.slides.findLast((s) => ranks(s).some((r) => r < rank));
  const before = after ? undefined : deck.slides.find((s) => ranks(s).some((r) => r > rank));
  const skeleton = beatSkeleton(beat).replace(/\n/g, eol);
  if (before && before.index === 1) {
    // Before the first slide: at its first line with text, which is after the front matter.
    const line = firstTextLine(deck, before);
    // A GitPitch deck may start with a break (`---?image=…`): it already starts the slide after the skeleton's.
    return { line, column: 1, endLine: line, endColumn: 1, text: `${skeleton}${eol}${eol}${isBreak(deck.lines[line - 1] ?? '') ? '' : `---${eol}${eol}`}` };
  }
  const previous = before ? deck.slides[before.index - 2] : (after ?? deck.slides.at(-1));
  return previous && previous.index < deck.slides.length ? insertAfter(deck, previous, skeleton, eol) : append(deck, skeleton, eol);
}

/** The insert-missing-beat edit for a finding that says a beat is absent, unless a slide for that beat is already there. */
export function missingBeatEdit(deck: Deck, finding: Pick<Finding, 'missingBeat'>, eol = '\n'): { beat: BeatId; edit: TextEdit } | undefined {
  const beat = finding.missingBeat;
  if (!beat || hasBeatSlide(deck, beat)) return undefined;
  return { beat, edit: insertBeatEdit(deck, beat, eol) };
}

/** Between `slide` and the next one: a new separator and the skeleton, just before the boundary. */
function insertAfter(deck: Deck, slide: Slide, skeleton: string, eol: string): TextEdit {
  const boundary = slide.endLine + 1;
  const lastLine = deck.lines[slide.endLine - 1] ?? '';
  // A `---` right under a line of text would turn that line into a heading.
  const lead = lastLine.trim() === '' ? '' : eol;
  // At a break (`---`, or GitPitch's) the skeleton gets one of its own; a slide started by a heading (Marp's headingDivider) needs one after it too.
  const tail = isBreak(deck.lines[boundary - 1] ?? '') ? '' : `---${eol}${eol}`;
  return { line: boundary, column: 1, endLine: boundary, endColumn: 1, text: `${lead}---${eol}${eol}${skeleton}${eol}${eol}${tail}` };
}

/** At the end of the document, after a blank line; with a separator unless the story has no text yet or ends with one. */
function append(deck: Deck, skeleton: string, eol: string): TextEdit {
  const line = Math.max(deck.lines.length, 1);
  const last = deck.lines[line - 1] ?? '';
  const column = last.length + 1;
  const lastText = deck.lines.slice(deck.frontMatterRange?.endLine ?? 0).findLast((l) => l.trim() !== '');
  const separator = lastText === undefined || isBreak(lastText) ? '' : `---${eol}${eol}`;
  const blankAbove = last === '' && (line < 2 || (deck.lines[line - 2] ?? '').trim() === '');
  const lead = deck.text === '' || blankAbove ? '' : last === '' ? eol : `${eol}${eol}`;
  return { line, column, endLine: line, endColumn: column, text: `${lead}${separator}${skeleton}${eol}` };
}

function firstTextLine(deck: Deck, slide: Slide): number {
  for (let line = slide.line; line <= slide.endLine; line++) if ((deck.lines[line - 1] ?? '').trim() !== '') return line;
  return slide.line;
}
