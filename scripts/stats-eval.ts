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
import { slidePassages } from '../src/core/deck/beats';
import { bestScore, sections, type Section } from '../src/core/story/sectionModel';
import { forcedKind, kindReader, loadSet, REAL_SETS, WRITTEN_SETS, type LabelledDoc } from './kinds/corpus';
import { lintCacheFile } from './kinds/cache';
import { count, lintCache, printTables, printWeights, type Tables } from './kinds/score';
import { SECTION_TRAINING, trainSections } from './kinds/train';

const RULE = 'stats-without-story';
const args = process.argv.slice(2);
const opt = (name: string, d: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
const WORDS = !args.includes('--nowords');
const { fired, messages, save } = lintCache(lintCacheFile('/tmp/storydeck-stats-eval', join(__dirname, '../src/core')));

/** What a finding's message names: the slide, the section's heading (a section of a page) and the figures. */
const WHERE = /^(?:The section “(.*)” on slide (\d+)|Slide (\d+)) is a wall of numbers \((\d+) figures\)/;
const FIGURE_BINS = [4, 6, 9, 13];
const bin = (n: number) => `${FIGURE_BINS.filter((e) => n >= e).length}`;

/** The sections the rule reports on a document read as `kind`, with their features. */
function reported(d: LabelledDoc, kind: string): Section[] {
  const read = sections(d.deck, 'business');
  const out: Section[] = [];
  for (const message of messages(d, kind, RULE)) {
    const m = WHERE.exec(message);
    if (!m) throw new Error(`stats-eval: a message it cannot read: ${message}`);
    const index = Number(m[2] ?? m[3]);
    const slide = d.deck.slides.find((s) => s.index === index);
    if (!slide) continue;
    // The slide's sections as sections() reads them, in order; a section of a page is the one whose heading the message names.
    const groups = [...new Set(slidePassages(slide).map((p) => p.section))].map((n) => slidePassages(slide).filter((p) => p.section === n));
    const mine = read.filter((s) => s.slide === index);
    const picked = m[1] === undefined ? groups.map((_, i) => i) : groups.flatMap((g, i) => (g.some((p) => p.block.kind === 'heading' && p.text.trim() === m[1].trim()) ? [i] : []));
    const f = new Set<string>(picked.flatMap((i) => mine[i]?.features ?? []).filter((x) => WORDS || !/^[hw]:/.test(x)));
    const ps = picked.flatMap((i) => groups[i]);
    f.add(`s:figures:${bin(Number(m[4]))}`).add(m[1] === undefined ? 's:slide' : 's:section');
    if (ps.some((p) => p.block.kind === 'table')) f.add('s:table');
    if (ps.some((p) => p.block.kind === 'list_item')) f.add('s:list');
    for (const b of new Set(ps.flatMap((p) => p.context))) f.add(`s:beat:${b}`);
    if (!ps.some((p) => p.context.length > 0)) f.add('s:beat:none');
    out.push({ slide: index, features: [...f], found: true });
  }
  return out;
}

const sets = [...WRITTEN_SETS, ...REAL_SETS];
const all = sets.flatMap(loadSet);
const forced = new Map(all.map((d) => [d, reported(d, forcedKind(d))]));
const POL = [
  'today',
  ...opt('--thresholds', '0.2,0.3,0.4,0.5')
    .split(',')
    .map((t) => `keep@${t}`),
];
const table: Tables = {};
for (const held of sets) {
  const training = all.filter((d) => d.set !== held);
  const bags = training.filter((d) => d.cells[RULE]).map((d) => ({ set: d.set, y: d.cells[RULE] === 'fire' ? 1 : 0, sections: forced.get(d)! }));
  const m = trainSections(bags, SECTION_TRAINING);
  const readKind = kindReader(training);
  for (const mode of ['forced', 'read']) {
    for (const pol of POL) {
      const row = { rule: { tp: 0, fp: 0, fn: 0 }, all: { tp: 0, fp: 0, fn: 0 } };
      for (const d of all.filter((x) => x.set === held)) {
        const kind = mode === 'forced' ? forcedKind(d) : readKind(d);
        const firing = fired(d, kind);
        if (pol !== 'today' && firing.has(RULE) && bestScore(mode === 'forced' ? forced.get(d)! : reported(d, kind), m) < Number(pol.split('@')[1])) firing.delete(RULE);
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
