/**
 * For measurement only (scripts/beat-eval.ts): takes the product's own learned doubts (sectionWeights.json, trained on every
 * set) out of the story model, so that "today" is the hand-written reading alone and every doubt measured is a held-out
 * scorer's; and lets an evaluation doubt chosen beats inside the story model, once the held-out scorer has decided outside
 * it that no section tells them, so that every rule — why-before-what as well as the beat's own — sees the beat uncertain
 * exactly as the product would. Import it before anything that reads the story. Nothing in the product loads it.
 */
import type { BeatId } from '../../src/core/deck';
import type { SectionModel } from '../../src/core/story/sectionModel';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const learned = require('../../src/core/story/sectionWeights.json') as { beats: Record<string, SectionModel> };

/** A scorer that doubts every beat the reading finds, on a narrative of any length: its sections all score 0, below 0.5. */
const DOUBT_ALL: SectionModel = { bias: -1000, weights: {}, threshold: 0.5, minWords: 0 };

/** The story model doubts these beats wherever the reading finds them (and no slide is marked as playing them), and no other. */
export function setDoubts(beats: readonly BeatId[]): void {
  for (const beat of Object.keys(learned.beats)) delete learned.beats[beat];
  for (const beat of beats) learned.beats[beat] = DOUBT_ALL;
}

setDoubts([]);
