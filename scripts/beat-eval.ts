/**
 * Can a learned reading of sections carry the missing-beat rules over to real writing (issue #18; docs/judgement.md,
 * sessions 11 and 12)? Labels are per document, but they say something about sections: where both labellers say a beat's
 * rule fires on a document whose kind expects the beat, no section tells it; where they say quiet, at least one does. For
 * each beat a policy names, this trains a multiple-instance logistic regression over sections (scripts/kinds/train.ts; a
 * document's score is its best section's) on the product's section features (sectionModel.ts: its words and its heading's,
 * what the pain reading sees there, a heading naming the beat, the reading's own evidence), then lets the scorer doubt the
 * reading: where the reading found the beat, the narrative has at least `minWords` words, and no section scores at least t,
 * the beat is made uncertain inside the story model (scripts/kinds/doubts.ts) and the document linted again — every rule,
 * so why-before-what sees a doubted pain as the product does. Leave-one-set-out over every set of scripts/kinds/corpus.ts
 * (scripts/kinds/score.ts), with the labellers' kinds forced and with kinds as read (the kind reader trained on the others
 * too, policy (i) at 0.6); stats-without-story's learned check is off throughout, so "today" is the hand-written rules alone.
 * A policy is `today` or beats joined by `+`, each `beat@t` or `beat@t/minWords`: `pain@0.3+ask@0.3/300`.
 *   npx tsx scripts/beat-eval.ts [--policies today,pain@0.3,pain@0.3+ask@0.3/300] [--rules customer-pain,call-to-action] [--minSets N] [--maxDocFreq X] [--steps N] [--l2 X] [--prune X] [--nowords] [--weights] [--docs POLICY]
 */
// First: it takes the product's learned doubts out of the story model before the story model loads.
import { setDoubts } from './kinds/doubts';
import { join } from 'node:path';
import { longEnough, type BeatId } from '../src/core/deck';
import { bestScore, type Section } from '../src/core/story/sectionModel';
import { beatBags, beatSections, loadSet, REAL_SETS, WRITTEN_SETS, type KindPolicy, type LabelledDoc } from './kinds/corpus';
import { lintCacheFile } from './kinds/cache';
import { leaveOneSetOut, lintCache, printTables, printWeights } from './kinds/score';
import { UNCHECKED } from './kinds/stats';
import { SECTION_TRAINING, trainSections } from './kinds/train';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
const TRAINING = {
  minSets: Number(opt('--minSets', String(SECTION_TRAINING.minSets))),
  maxDocFreq: Number(opt('--maxDocFreq', String(SECTION_TRAINING.maxDocFreq))),
  steps: Number(opt('--steps', String(SECTION_TRAINING.steps))),
  l2: Number(opt('--l2', String(SECTION_TRAINING.l2))),
  rate: Number(opt('--rate', String(SECTION_TRAINING.rate))),
  prune: Number(opt('--prune', String(SECTION_TRAINING.prune))),
};
const WORDS = !args.includes('--nowords');
/** The rule that reports each checked beat missing. */
const RULE_OF = { pain: 'customer-pain', value: 'customer-value', business: 'business-value', strategy: 'strategic-tie-in', outcome: 'outcome-metric', ask: 'call-to-action' } as const;
type Checked = keyof typeof RULE_OF;

interface Term {
  beat: Checked;
  threshold: number;
  minWords: number;
}
/** A policy's doubts: `pain@0.3+ask@0.3/300`. */
function terms(policy: string): Term[] {
  if (policy === 'today') return [];
  return policy.split('+').map((t) => {
    const m = /^(\w+)@([\d.]+)(?:\/(\d+))?$/.exec(t);
    if (!m || !(m[1] in RULE_OF)) throw new Error(`--policies: “${t}” is not beat@t or beat@t/minWords (beats: ${Object.keys(RULE_OF).join(', ')})`);
    return { beat: m[1] as Checked, threshold: Number(m[2]), minWords: Number(m[3] ?? 0) };
  });
}
const POL = opt('--policies', 'today,pain@0.3').split(',');
/**
 * A third mode, `other`, kinds read by another policy than the product's: `--soft τ/c` an unsure reading's expectations at τ with the
 * pitch's prior c, `--top t` the reader's top kind at ≥ t, else a pitch (the policy before session 13: `--top 0.6`).
 */
const OTHER: KindPolicy | undefined = args.includes('--soft')
  ? (([threshold, pitchPrior]) => ({ threshold, pitchPrior }))(opt('--soft', '0.5/0.3').split('/').map(Number))
  : args.includes('--top')
    ? { top: Number(opt('--top', '0.6')) }
    : undefined;
const BEATS = [...new Set(POL.flatMap(terms).map((t) => t.beat))];
const RULES = opt('--rules', BEATS.map((b) => RULE_OF[b]).join(','))
  .split(',')
  .filter(Boolean);

/** Named by the lint code's hash: findings cached by an older version of the rules are never scored. */
const { fired, save } = lintCache(lintCacheFile('/tmp/storydeck-beat-eval', join(__dirname, '../src/core')), UNCHECKED);

const all = [...WRITTEN_SETS, ...REAL_SETS].flatMap(loadSet);
/** Each document's sections per beat (without their words under `--nowords`), the reading's evidence marked. */
const secs = new Map(
  all.map((d) => [
    d,
    Object.fromEntries(BEATS.map((b) => [b, beatSections(d, b).map((s) => (WORDS ? s : { ...s, features: s.features.filter((f) => !/^[hw]:/.test(f)) }))])) as Record<Checked, Section[]>,
  ]),
);

/** Documents `--docs` has listed already (each is read twice, its kind forced and as read). */
const shown = new Set<LabelledDoc>();
const table = leaveOneSetOut(
  all,
  POL,
  (training, held) => {
    const models = Object.fromEntries(
      BEATS.map((b) => [
        b,
        trainSections(
          beatBags(training, b, RULE_OF[b], (d) => secs.get(d)![b]),
          TRAINING,
        ),
      ]),
    );
    if (args.includes('--weights') && held === 'corpus-real-6') for (const b of BEATS) printWeights(models[b]);
    return models as Record<Checked, ReturnType<typeof trainSections>>;
  },
  (d, kind, pol, models) => {
    const doubted: BeatId[] = terms(pol)
      .filter(({ beat, threshold, minWords }) => secs.get(d)![beat].some((s) => s.found) && longEnough(d.deck, minWords) && bestScore(secs.get(d)![beat], models[beat]) < threshold)
      .map((t) => t.beat);
    if (doubted.length === 0) return fired(d, kind);
    if (args.includes('--docs') && pol === opt('--docs', '') && !shown.has(d)) {
      shown.add(d);
      console.log(`doubt ${doubted.join('+')} ${d.set} ${d.file} ${doubted.map((b) => `${RULE_OF[b as Checked]} ${d.cells[RULE_OF[b as Checked]] ?? '-'}`).join(' ')}`);
    }
    setDoubts(doubted);
    const firing = fired(d, kind, `doubt:${doubted.join('+')}`);
    setDoubts([]);
    return firing;
  },
  OTHER,
);
save();

console.log(`options: minSets ${TRAINING.minSets} maxDocFreq ${TRAINING.maxDocFreq} steps ${TRAINING.steps} l2 ${TRAINING.l2} words ${WORDS}`);
printTables(table, RULES, POL);
