import type { BeatId, Deck, Slide } from '../deck';

/** What reading a narrative needs: the parsed deck, the company's objectives, and the slides beat detection gave each beat. */
export interface ReadingContext {
  deck: Deck;
  /** Company objectives from `strategy.objectives`. */
  objectives: string[];
  /** Non-empty slides that play `beat`, in order. */
  slidesWith(beat: BeatId): Slide[];
}
