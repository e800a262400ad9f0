/**
 * For measurement only (scripts/beat-eval.ts --exact): lets an evaluation veto the pain reading inside the story model, so
 * that every rule — why-before-what as well as customer-pain — sees the beat gone. It must be imported before anything
 * that imports the story: it swaps the pain module's exports, in Node's module cache, for a copy whose `findPain` asks the
 * veto, and it takes the product's own learned doubts (sectionWeights.json, trained on every set) out of the story model, so
 * that "today" is the hand-written reading alone and every doubt measured is the held-out scorer's. Nothing in the product
 * loads it.
 */
import type { Passage } from '../../src/core/deck/beats';
import type { Deck } from '../../src/core/deck';
import type { ReadingContext } from '../../src/core/story/reading';

const path = require.resolve('../../src/core/story/pain');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const original = require(path) as typeof import('../../src/core/story/pain');
let veto: ((deck: Deck, found: Passage) => boolean) | undefined;
const cached = require.cache[path];
if (!cached) throw new Error('painVeto: the pain module is not in the module cache');
cached.exports = {
  ...original,
  findPain(ctx: ReadingContext): Passage | undefined {
    const found = original.findPain(ctx);
    return found && veto?.(ctx.deck, found) ? undefined : found;
  },
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const learned = require('../../src/core/story/sectionWeights.json') as { beats: Record<string, unknown> };
for (const beat of Object.keys(learned.beats)) delete learned.beats[beat];

/** Sets the veto (undefined: none): given the deck and the passage the reading found, whether the beat is not there after all. */
export function setPainVeto(v: typeof veto): void {
  veto = v;
}
