/**
 * Can a learned reading of sections carry customer pain over to real writing (issue #18; docs/judgement.md, session 11)?
 * Labels are per document, but they say something about sections: where both labellers say customer-pain fires on a
 * document whose kind expects pain, no section tells a customer's struggle; where they say quiet, at least one does. This
 * trains a multiple-instance logistic regression over sections — a document's score is its best section's, the gradient
 * going to that section — on the features of a section: its words and its heading's words (kept as the kind reader keeps
 * them: in documents of at least three sets, in at most a fifth of the documents), and what the pain reading finds there
 * (a struggle strong or weak, a person, one person, a name, a quotation, a problem word, a figure, a pain heading or a
 * heading about something else, the reading's own evidence). It then lets the scorer veto the pain reading: the beat counts
 * only when a section scores at least t (`any@t`), or only when the section the reading found does (`found@t`).
 * Leave-one-set-out over every set of scripts/kinds/corpus.ts: for each set, trained on the others; customer-pain and the
 * nine rules' totals per set, with the labellers' kinds forced and with kinds as read (the kind reader trained on the others
 * too, policy (i) at 0.6). Without `--exact` only the rule's own finding is recomputed; with it a pain vetoed is taken out
 * of the story model itself (scripts/kinds/painVeto.ts) and the document linted again, so why-before-what, whose "why" a pain
 * also answers, sees it gone too. `--beat` measures the same scorer on another missing-beat rule (the same features, with
 * that beat's heading and its reading's evidence), and `--add t` lets a section scoring at least t tell a beat the reading
 * did not find.
 *   npx tsx scripts/beat-eval.ts [--beat pain|value|business|strategy|outcome|ask] [--thresholds 0.2,0.3] [--add 0.7,0.8] [--minSets N] [--maxDocFreq X] [--steps N] [--l2 X] [--exact] [--single] [--nowords] [--weights] [--docs [--show any@0.3]]
 */
// First: it swaps the pain reading for one an evaluation can veto before the story model loads (--exact).
import { setPainVeto } from './kinds/painVeto';
import { join } from 'node:path';
import { bestScore, type Section } from '../src/core/story/sectionModel';
import { beatBags, beatSections, expectsBeat, forcedKind, kindReader, loadSet, REAL_SETS, WRITTEN_SETS, type LabelledDoc } from './kinds/corpus';
import { lintCacheFile } from './kinds/cache';
import { count, lintCache, printTables, printWeights, type Tables } from './kinds/score';
import { SECTION_TRAINING, trainSections } from './kinds/train';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
const TRAINING = {
  minSets: Number(opt('--minSets', String(SECTION_TRAINING.minSets))),
  maxDocFreq: Number(opt('--maxDocFreq', String(SECTION_TRAINING.maxDocFreq))),
  steps: Number(opt('--steps', String(SECTION_TRAINING.steps))),
  l2: Number(opt('--l2', String(SECTION_TRAINING.l2))),
  rate: Number(opt('--rate', String(SECTION_TRAINING.rate))),
};
const WORDS = !args.includes('--nowords');
/** The beat whose reading the scorer checks, and the rule that reports it missing (`--beat value` measures the same scorer on another missing-beat rule). */
const RULE_OF = { pain: 'customer-pain', value: 'customer-value', business: 'business-value', strategy: 'strategic-tie-in', outcome: 'outcome-metric', ask: 'call-to-action' } as const;
const BEAT = opt('--beat', 'pain') as keyof typeof RULE_OF;
const RULE = RULE_OF[BEAT];
/** Veto the pain reading inside the story model, so that every rule sees it (pain only, veto policies only). */
const EXACT = args.includes('--exact') && BEAT === 'pain';
const SINGLE = args.includes('--single');
if (!RULE) throw new Error(`--beat: one of ${Object.keys(RULE_OF).join(', ')}`);

/** A document's sections with their features (sectionModel.ts; without their words under `--nowords`) and whether the reading's evidence is in each. */
const sectionsOf = (d: LabelledDoc): Section[] => beatSections(d, BEAT).map((s) => (WORDS ? s : { ...s, features: s.features.filter((f) => !/^[hw]:/.test(f)) }));

/** Named by the lint code's hash: findings cached by an older version of the rules are never scored. */
const { fired, save } = lintCache(lintCacheFile('/tmp/storydeck-beat-eval', join(__dirname, '../src/core')));

const sets = [...WRITTEN_SETS, ...REAL_SETS];
const all = sets.flatMap(loadSet);
const secs = new Map(all.map((d) => [d, sectionsOf(d)]));

const POL = [
  'today',
  ...opt('--thresholds', '0.2,0.3,0.4,0.5')
    .split(',')
    .map(Number)
    .flatMap((t) => [`found@${t}`, `any@${t}`]),
  ...(opt('--add', '')
    ? opt('--add', '')
        .split(',')
        .map((t) => `add@${t}`)
    : []),
];
const table: Tables = {};
for (const held of sets) {
  // --single: no multiple instances — the document's label taught to the section the reading found, where it found one.
  const bags = beatBags(
    all.filter((d) => d.set !== held),
    BEAT,
    RULE,
    (d) => secs.get(d)!.filter((s) => !SINGLE || s.found),
  );
  const m = trainSections(bags, TRAINING);
  const readKind = kindReader(all.filter((d) => d.set !== held));
  for (const mode of ['forced', 'read']) {
    for (const pol of POL) {
      const row = { rule: { tp: 0, fp: 0, fn: 0 }, all: { tp: 0, fp: 0, fn: 0 } };
      for (const d of all.filter((x) => x.set === held)) {
        const kind = mode === 'forced' ? forcedKind(d) : readKind(d);
        let firing = fired(d, kind);
        const effKind = kind || d.named || 'pitch';
        const [how, t] = pol.split('@');
        /** The scorer's best section: of all (`any`, `add`) or of the one the reading found (`found`). */
        const best = bestScore(
          secs.get(d)!.filter((s) => how !== 'found' || s.found),
          m,
        );
        if (pol !== 'today' && expectsBeat(effKind, BEAT)) {
          // A veto (`any`, `found`): the beat counts only where a section scores at least t. Adding (`add`): a section scoring at least t tells it, though the reading found none.
          const change = how === 'add' ? firing.has(RULE) && best >= Number(t) : !firing.has(RULE) && best < Number(t);
          if (change && how === 'add') firing.delete(RULE);
          else if (change && !EXACT) firing.add(RULE);
          if (change && args.includes('--docs') && mode === 'forced' && pol === opt('--show', 'any@0.3')) console.log(`${how} ${held} ${d.file} label ${d.cells[RULE] ?? '-'} best ${best.toFixed(2)}`);
        }
        // --exact: where the reading found pain and the scorer vetoes it, lint again with the beat gone from the story model — every rule, whatever the kind.
        if (EXACT && pol !== 'today' && how !== 'add' && secs.get(d)!.some((s) => s.found) && best < Number(t)) {
          setPainVeto(() => true);
          firing = fired(d, kind, 'veto');
          setPainVeto(undefined);
        }
        for (const [rule, label] of Object.entries(d.cells)) {
          const f = firing.has(rule);
          for (const r of rule === RULE ? [row.rule, row.all] : [row.all]) count(r, label, f);
        }
      }
      ((table[mode] ??= {})[pol] ??= {})[held] = row;
    }
  }
  if (args.includes('--weights') && held === 'corpus-real-6') printWeights(m);
}
save();

console.log(`options: minSets ${TRAINING.minSets} maxDocFreq ${TRAINING.maxDocFreq} steps ${TRAINING.steps} l2 ${TRAINING.l2} words ${WORDS}`);
printTables(table, RULE, POL);
