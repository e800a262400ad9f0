/**
 * Can a learned reading of sections hold back stats-without-story's false alarms (issue #18; docs/judgement.md, session 11)?
 * The multiple-instance idea of scripts/beat-eval.ts the other way round: where both labellers say the rule fires on a
 * document, at least one section it reports is a wall of figures that needs a story; where they say quiet, none is. The bag
 * is the sections the rule reports (with the labellers' kind forced), each read as the section scorer reads one
 * (sectionModel.ts: its words, its heading's words, a person, a quotation, a struggle…) and as the rule sees it: how many
 * figures (binned), a table, a list, a slide judged whole or one section of a page, the beats its heading names. The rule
 * then stands on a document only where a section it reports scores at least t (`keep@t`). Leave-one-set-out over every set
 * of scripts/kinds/corpus.ts, with the labellers' kinds forced and with kinds as read (the kind reader trained on the others).
 *   npx tsx scripts/stats-eval.ts [--thresholds 0.3,0.4,0.5] [--nowords] [--weights]
 */
import { join } from 'node:path';
import { bestScore, type Section } from '../src/core/story/sectionModel';
import { reportedWalls, STATS_RULE, statsBags, UNCHECKED } from './kinds/stats';
import { forcedKind, kindReader, loadSet, REAL_SETS, WRITTEN_SETS, type LabelledDoc } from './kinds/corpus';
import { lintCacheFile } from './kinds/cache';
import { count, lintCache, printTables, printWeights, type Tables } from './kinds/score';
import { SECTION_TRAINING, trainSections } from './kinds/train';

const RULE = STATS_RULE;
const args = process.argv.slice(2);
const opt = (name: string, d: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
const WORDS = !args.includes('--nowords');
/** The rule with its learned check off (the product's check is trained on every set): "today" is the hand-written rule alone. */
const { fired, messages, save } = lintCache(lintCacheFile('/tmp/storydeck-stats-eval', join(__dirname, '../src/core')), UNCHECKED);

/** The walls the rule reports on a document read as `kind` (without their words under `--nowords`). */
const words = (s: Section): Section => (WORDS ? s : { ...s, features: s.features.filter((f) => !/^[hw]:/.test(f)) });
const reported = (d: LabelledDoc, kind: string): Section[] => reportedWalls(d, messages(d, kind, RULE)).map(words);

const sets = [...WRITTEN_SETS, ...REAL_SETS];
const all = sets.flatMap(loadSet);
const POL = [
  'today',
  ...opt('--thresholds', '0.2,0.3,0.4,0.5')
    .split(',')
    .map((t) => `keep@${t}`),
];
const table: Tables = {};
for (const held of sets) {
  const training = all.filter((d) => d.set !== held);
  const bags = statsBags(training, messages).map((b) => ({ ...b, sections: b.sections.map(words) }));
  const m = trainSections(bags, SECTION_TRAINING);
  const readKind = kindReader(training);
  for (const mode of ['forced', 'read']) {
    for (const pol of POL) {
      const row = { rule: { tp: 0, fp: 0, fn: 0 }, all: { tp: 0, fp: 0, fn: 0 } };
      for (const d of all.filter((x) => x.set === held)) {
        const kind = mode === 'forced' ? forcedKind(d) : readKind(d);
        const firing = fired(d, kind);
        if (pol !== 'today' && firing.has(RULE) && bestScore(reported(d, kind), m) < Number(pol.split('@')[1])) firing.delete(RULE);
        for (const [rule, label] of Object.entries(d.cells)) for (const r of rule === RULE ? [row.rule, row.all] : [row.all]) count(r, label, firing.has(rule));
      }
      ((table[mode] ??= {})[pol] ??= {})[held] = row;
    }
  }
  if (args.includes('--weights') && held === 'corpus-real-6') printWeights(m);
}
save();

console.log(`words ${WORDS}`);
printTables(table, RULE, POL);
