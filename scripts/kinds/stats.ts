/**
 * What stats-without-story's learned check learns from (scripts/train-kinds.ts, scripts/stats-eval.ts): the walls of numbers
 * the rule reports with the check off, each read by the product's own `statsFeatures` (sectionModel.ts), as bags — where both
 * labellers say the rule fires on a document, at least one of its reported walls needs a story; where they say quiet, none does.
 */
import { statsFeatures, type Section } from '../../src/core/story/sectionModel';
import { forcedKind, type LabelledDoc } from './corpus';
import { lintCache } from './score';

export const STATS_RULE = 'stats-without-story';

/** The rule with its learned check off: what the check is trained on and measured against. */
export const UNCHECKED = { rules: { [STATS_RULE]: { learned: false } } };

/** What a finding's message names: the slide, the section's heading (a section of a page) and the figures. */
const WHERE = /^(?:The section “(.*)” on slide (\d+)|Slide (\d+)) is a wall of numbers \((\d+) figures\)/;

/** The walls the rule reports on a document (its findings' messages), with their features. */
export function reportedWalls(d: LabelledDoc, messages: readonly string[]): Section[] {
  return messages.map((message) => {
    const m = WHERE.exec(message);
    if (!m) throw new Error(`stats-without-story: a message the check cannot read: ${message}`);
    const slide = Number(m[2] ?? m[3]);
    return { slide, features: statsFeatures(d.deck, slide, m[1], Number(m[4])), found: true };
  });
}

/** The bags the check learns from: the documents whose rule both labellers agree on, each as the walls reported with their kind forced (`kind` and `messages` from a `lintCache` with UNCHECKED). */
export function statsBags(docs: readonly LabelledDoc[], messages: ReturnType<typeof lintCache>['messages']) {
  return docs.filter((d) => d.cells[STATS_RULE]).map((d) => ({ set: d.set, y: d.cells[STATS_RULE] === 'fire' ? 1 : 0, sections: reportedWalls(d, messages(d, forcedKind(d), STATS_RULE)) }));
}
