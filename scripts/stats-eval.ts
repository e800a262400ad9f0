/**
 * Can a learned reading of sections hold back stats-without-story's false alarms (issue #18; docs/judgement.md, session 11)?
 * The multiple-instance idea of scripts/beat-eval.ts the other way round: where both labellers say the rule fires on a
 * document, at least one section it reports is a wall of figures that needs a story; where they say quiet, none is. The bag
 * is the sections the rule reports (with the labellers' kind forced), each read as the section scorer reads one
 * (sectionModel.ts: its words, its heading's words, a person, a quotation, a struggle…) and as the rule sees it: how many
 * figures (binned), a table, a list, a slide judged whole or one section of a page, the beats its heading names. The rule
 * then stands on a document only where a section it reports scores at least t (`keep@t`; `keep@t/300`: on a narrative of
 * at least 300 words, shorter ones keep every wall). Leave-one-set-out over every set
 * of scripts/kinds/corpus.ts (scripts/kinds/score.ts), with the labellers' kinds forced and with kinds as read (the kind
 * reader trained on the others).
 *   npx tsx scripts/stats-eval.ts [--thresholds 0.3,0.4,0.4/300] [--nowords] [--weights]
 */
// First: the product's learned doubts off, so that the nine rules' totals are the hand-written readings' but for this check.
import './kinds/doubts';
import { join } from 'node:path';
import { longEnough } from '../src/core/deck';
import { bestScore, type Section } from '../src/core/story/sectionModel';
import type { KindProfile } from '../src/core/story/kinds';
import { reportedWalls, STATS_RULE, statsBags, UNCHECKED } from './kinds/stats';
import { loadSet, REAL_SETS, WRITTEN_SETS, type LabelledDoc } from './kinds/corpus';
import { lintCacheFile } from './kinds/cache';
import { leaveOneSetOut, lintCache, printTables, printWeights } from './kinds/score';
import { SECTION_TRAINING, trainSections } from './kinds/train';

const RULE = STATS_RULE;
const args = process.argv.slice(2);
const opt = (name: string, d: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
const WORDS = !args.includes('--nowords');
/** The rule with its learned check off (the product's check is trained on every set): "today" is the hand-written rule alone. */
const { fired, messages, save } = lintCache(lintCacheFile('/tmp/storydeck-stats-eval', join(__dirname, '../src/core')), UNCHECKED);

/** The walls the rule reports on a document read as `kind` (without their words under `--nowords`). */
const words = (s: Section): Section => (WORDS ? s : { ...s, features: s.features.filter((f) => !/^[hw]:/.test(f)) });
const reported = (d: LabelledDoc, kind: string | KindProfile): Section[] => reportedWalls(d, messages(d, kind, RULE)).map(words);

const all = [...WRITTEN_SETS, ...REAL_SETS].flatMap(loadSet);
const POL = [
  'today',
  ...opt('--thresholds', '0.2,0.3,0.4,0.5')
    .split(',')
    .map((t) => `keep@${t}`),
];
const table = leaveOneSetOut(
  all,
  POL,
  (training, held) => {
    const m = trainSections(
      statsBags(training, messages).map((b) => ({ ...b, sections: b.sections.map(words) })),
      SECTION_TRAINING,
    );
    if (args.includes('--weights') && held === 'corpus-real-6') printWeights(m);
    return m;
  },
  (d, kind, pol, m) => {
    const firing = fired(d, kind);
    const [t, minWords = '0'] = pol.split('@')[1]?.split('/') ?? [];
    if (pol !== 'today' && firing.has(RULE) && longEnough(d.deck, Number(minWords)) && bestScore(reported(d, kind), m) < Number(t)) firing.delete(RULE);
    return firing;
  },
);
save();

console.log(`words ${WORDS}`);
printTables(table, [RULE], POL);
