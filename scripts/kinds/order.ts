/**
 * What a learned check of why-before-what reads (scripts/wbw-eval.ts; docs/judgement.md, session 14): a narrative's opening —
 * the slides (a prose document's sections) before the first one that presents the solution — and the solution's own slide, as
 * the story model reads them: their words, where the first why, pain and solution sit, the kind and what it wants first, the
 * shape. Pure: one reading of the story, one pass over the slides it names.
 */
import { slidePassages } from '../../src/core/deck/beats';
import type { Deck, Slide } from '../../src/core/deck';
import { wordFeatures } from '../../src/core/story/kindModel';
import { PROBLEM, struggleIn } from '../../src/core/story/pain';
import type { Story } from '../../src/core/story/story';
import { introducesProduct, speaks, summaryLeadsWithSolution, titleOnly } from '../../src/core/story/what';

/** How many slides of the opening are read, the nearest to the solution first. */
const OPENING = 3;
/** How many passages of a slide's text are read (a long page's later sections say little about its order). */
const PASSAGES = 6;

const bin = (n: number, edges: readonly number[]) => edges.filter((e) => n >= e).length;

/** A slide's words into `f`: its headings' as `h:<p>:`, its text's as `w:<p>:` (so the word filters apply), and what the pain reading sees. */
function slideWords(slide: Slide, p: string, f: Set<string>): void {
  let text = 0;
  for (const ps of slidePassages(slide)) {
    if (ps.block.kind === 'heading') {
      wordFeatures(`h:${p}:`, ps.text, f);
      continue;
    }
    if (text++ >= PASSAGES) continue;
    wordFeatures(`w:${p}:`, ps.text, f);
    if (PROBLEM.test(ps.text)) f.add(`r:${p}:problem`);
    const s = struggleIn(ps.text);
    if (s) f.add(`r:${p}:${s}`);
  }
}

/** The features of a narrative's order as the story model reads it (`story` read with the kind in force). */
export function orderFeatures(deck: Deck, story: Story): string[] {
  const f = new Set<string>();
  const slides = deck.slides;
  const firstOf = (beats: readonly string[]) => slides.findIndex((s, i) => speaks(s) && story.slideBeats[i].some((b) => beats.includes(b)));
  const before = story.kind.profile.beforeWhat;
  const what = firstOf(['what']);
  const opening = before.length ? firstOf(before) : -1;
  const why = firstOf(['why']);
  const pain = firstOf(['pain']);
  f.add(deck.prose ? 'o:prose' : 'o:slides');
  f.add(`o:kind:${story.kind.id}`);
  f.add(`o:source:${story.kind.source}`);
  for (const b of before) f.add(`o:first:${b}`);
  if (before.length === 0) f.add('o:first:none');
  f.add(`o:why:${story.beats.why.present ? 'yes' : 'no'}`);
  f.add(`o:pain:${story.beats.pain.present ? 'yes' : story.beats.pain.uncertain ? 'doubt' : 'no'}`);
  const at = (i: number, name: string) => f.add(i < 0 ? `o:${name}:none` : what < 0 ? `o:${name}:nowhat` : `o:${name}:${i < what ? 'before' : i === what ? 'same' : 'after'}`);
  at(opening, 'opening');
  at(why, 'whyat');
  at(pain, 'painat');
  const speaking = slides.filter(speaks);
  f.add(`o:whatpos:${what < 0 ? 'none' : bin(speaking.indexOf(slides[what]), [1, 2, 3, 5])}`);
  f.add(`o:slides:${bin(speaking.length, [2, 4, 8, 16])}`);
  const words = slides.reduce((n, s) => n + s.words + s.noteWords, 0);
  f.add(`o:words:${bin(words, [150, 300, 600, 1200, 2400])}`);
  // The opening: the slides before the solution (before the first slide, when none presents it), the nearest first.
  const openSlides = (what < 0 ? slides.slice(0, OPENING) : slides.slice(0, what)).filter(speaks).slice(-OPENING);
  for (const s of openSlides) slideWords(s, 'o', f);
  if (openSlides.length === 0) f.add('o:opening:empty');
  if (openSlides.some((s) => titleOnly(s))) f.add('o:titleonly');
  if (what >= 0) {
    const s = slides[what];
    slideWords(s, 's', f);
    if (summaryLeadsWithSolution(s)) f.add('o:s:summary');
    if (introducesProduct(s)) f.add('o:s:product');
    if (s.index === 1) f.add('o:s:first');
  }
  return [...f];
}
