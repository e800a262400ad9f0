import type { BeatId } from '../deck';
import { doubtOf, doubtQuestion } from '../story/sectionModel';
import { lineRange } from './ranges';
import type { Report, RuleContext } from './types';

/**
 * A beat the reading found but the learned section scorer doubts (story.ts): the beat's rule asks a question about the words
 * found (`info`, on their line) rather than saying the beat is missing. Returns whether it asked.
 */
export function askAboutDoubt(ctx: RuleContext, report: (r: Report) => void, beat: BeatId): boolean {
  const doubt = doubtOf(ctx.story, beat);
  if (!doubt) return false;
  report({ message: doubtQuestion(beat, doubt.words), range: lineRange(ctx, doubt.line), severity: 'info', missingBeat: beat });
  return true;
}
