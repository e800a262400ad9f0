/**
 * Regenerates the learned kind reader's weights (src/core/story/kindWeights.json) and the section scorers' that doubt a beat
 * the reading found (src/core/story/sectionWeights.json) from every labelled corpus a session may use: each document whose
 * two labellers agree on its kind (for a scorer, on its beat's rule), the written sets from git and the real sets once fetched
 * (`bash scripts/fetch-real-corpus.sh`). Deterministic: the same documents give the same files, byte for byte.
 *   npm run train:kinds            write the weights
 *   npm run train:kinds -- --check say whether the committed weights are current (exit 1 if not, or if it cannot tell)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSet, realSetsFetched, TRAINED_REAL, WRITTEN_SETS } from './kinds/corpus';
import { DEFAULT_TRAINING, foldSigns, SECTION_TRAINING, train, trainSections } from './kinds/train';
import { beatBags } from './kinds/corpus';
import { lintCache } from './kinds/score';
import { statsBags, UNCHECKED } from './kinds/stats';

/** How an unsure reading is weighed: a beat expected at this share, the pitch's prior mixed in (chosen by scripts/kind-eval.ts; docs/judgement.md, session 13). */
export const UNSURE = { threshold: 0.5, pitchPrior: 0.3 };

/**
 * The words a narrative needs before a section scorer speaks on it: a short one (a two-slide example) gives its sections too
 * few features to compare, and the bias, learned on long documents, would decide. Every labelled document but about one in
 * twelve (64 of 800) has more; no rule page example does, nor any rule fixture but those written to test the scorers
 * (docs/judgement.md, session 12).
 */
const MIN_WORDS = 300;

/**
 * The beats a learned section scorer checks, each with its rule, the score below which the beat is doubted, and the words a
 * narrative needs before the scorer speaks on it (chosen by scripts/beat-eval.ts, leave-one-set-out; docs/judgement.md,
 * sessions 11 and 12).
 */
export const CHECKED_BEATS: Readonly<Record<'pain' | 'ask' | 'outcome', { rule: string; threshold: number; minWords: number }>> = {
  pain: { rule: 'customer-pain', threshold: 0.3, minWords: MIN_WORDS },
  ask: { rule: 'call-to-action', threshold: 0.3, minWords: MIN_WORDS },
  outcome: { rule: 'outcome-metric', threshold: 0.2, minWords: MIN_WORDS },
};

/** Below this score a wall of numbers stats-without-story would report is held back (chosen by scripts/stats-eval.ts; docs/judgement.md, sessions 11 and 12). */
export const STATS_THRESHOLD = 0.3;

const OUT = join(__dirname, '../src/core/story/kindWeights.json');
const SECTIONS_OUT = join(__dirname, '../src/core/story/sectionWeights.json');

/**
 * Trains, then writes the weights or (`check`) compares them with the committed file; returns the exit code. Without the
 * real corpora it can do neither, and fails: weights trained on the written sets alone are other weights, and a check that
 * passes without comparing anything would say the committed file is current when nobody knows.
 */
export function trainKinds({
  check,
  fetched = realSetsFetched(),
  log = console.log,
  out = { kinds: OUT, sections: SECTIONS_OUT },
}: {
  check: boolean;
  fetched?: boolean;
  log?: (line: string) => void;
  /** Where the weights are (tests write elsewhere). */
  out?: { kinds: string; sections: string };
}): number {
  if (!fetched) {
    log(`train:kinds: ${check ? 'cannot check' : 'cannot train'} — the real corpora are not all fetched (run \`bash scripts/fetch-real-corpus.sh\`); the weights are trained on them too.`);
    return 1;
  }
  const all = [...WRITTEN_SETS, ...TRAINED_REAL].flatMap(loadSet);
  const docs = all.filter((d) => d.kind);
  const model = foldSigns(
    train(
      docs.map((d) => ({ set: d.set, kind: d.kind as string, features: d.features })),
      DEFAULT_TRAINING,
    ),
  );
  const json = `${JSON.stringify({ trainedOn: { documents: docs.length, sets: [...WRITTEN_SETS, ...TRAINED_REAL], options: DEFAULT_TRAINING }, unsure: UNSURE, kinds: model.kinds, bias: model.bias, weights: model.weights, telling: model.telling })}\n`;
  const beats = Object.fromEntries(
    Object.entries(CHECKED_BEATS).map(([beat, { rule, threshold, minWords }]) => [beat, { threshold, minWords, ...trainSections(beatBags(all, beat as keyof typeof CHECKED_BEATS, rule)) }]),
  );
  const stats = { threshold: STATS_THRESHOLD, minWords: MIN_WORDS, ...trainSections(statsBags(all, lintCache(undefined, UNCHECKED).messages)) };
  const sectionsJson = `${JSON.stringify({ trainedOn: { sets: [...WRITTEN_SETS, ...TRAINED_REAL], options: SECTION_TRAINING }, beats, stats })}\n`;
  if (check) {
    const current = readFileSync(out.kinds, 'utf8') === json && readFileSync(out.sections, 'utf8') === sectionsJson;
    log(
      current
        ? 'train:kinds: the committed weights are current.'
        : 'train:kinds: the committed weights are out of date — run `npm run train:kinds` and commit src/core/story/kindWeights.json and sectionWeights.json.',
    );
    return current ? 0 : 1;
  }
  writeFileSync(out.kinds, json);
  writeFileSync(out.sections, sectionsJson);
  log(`train:kinds: section scorers for ${Object.keys(beats).join(', ')} and stats-without-story's walls → ${out.sections} (${sectionsJson.length} bytes)`);
  log(`train:kinds: ${Object.keys(model.weights).length} features × ${model.kinds.length} kinds from ${docs.length} documents → ${out.kinds} (${json.length} bytes)`);
  return 0;
}

if (require.main === module) process.exit(trainKinds({ check: process.argv.includes('--check') }));
