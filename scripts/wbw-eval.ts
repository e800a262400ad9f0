/**
 * Can a learned check carry why-before-what over to real writing (issue #18; docs/judgement.md, session 14)? The rule's
 * hand-written readings of the why and the solution did not carry over to sets they were not read on (session 13, branch
 * order13). This trains a logistic regression over what the story model already reads of a narrative's order
 * (scripts/kinds/order.ts: the opening's words before the first solution slide, the solution slide's words, where the first
 * why, pain and solution sit, the kind, the shape) and lets it act on the rule:
 *   hold@t   where the rule fires and the check gives the labellers' "fire" a probability below t, the rule is quiet
 *            (trained on the documents the rule fires on, with the labellers' kind forced);
 *   add@t    where the rule is quiet, its kind wants something first, and the check gives "fire" at least t, it fires
 *            (trained on the documents the rule is quiet on);
 *   `/300`   either only on a narrative of at least 300 words; `hold@0.3+add@0.7` both.
 * Leave-one-set-out over the sets of scripts/kinds/corpus.ts (scripts/kinds/score.ts), with the labellers' kinds forced
 * and with kinds as read (the kind reader retrained per fold); the shipped learned doubts of pain, ask and outcome are
 * retrained per fold too and set inside the story model (as scripts/beat-eval.ts does), so "today" is the product's rules
 * with held-out doubts; stats-without-story's learned check is off throughout, as in beat-eval.
 * `--features` prints, where the rule fires, the labels per structural feature; `--docs POLICY` the documents the policy
 * changes, on the tuned sets only (never those of CHECK_SETS, which measure what nobody read).
 *   npx tsx scripts/wbw-eval.ts [--policies today,hold@0.3,add@0.7] [--nowords] [--shape] [--realonly] [--l2 X] [--steps N] [--weights] [--features] [--docs POLICY]
 */
// First: it takes the product's learned doubts out of the story model before the story model loads.
import { setDoubts } from './kinds/doubts';
import { join } from 'node:path';
import { longEnough, parseDeck, type BeatId } from '../src/core/deck';
import { effectiveConfig } from '../src/core/lint/engine';
import type { StoryDeckConfig } from '../src/core/lint/config';
import type { KindProfile } from '../src/core/story/kinds';
import { bestScore, scoreSection, type Section } from '../src/core/story/sectionModel';
import { readStory } from '../src/core/story/story';
import { beatBags, beatSections, CHECK_SETS, forcedKind, loadSet, REAL_SETS, WRITTEN_SETS, type LabelledDoc } from './kinds/corpus';
import { lintCacheFile } from './kinds/cache';
import { orderFeatures } from './kinds/order';
import { builtinWith, leaveOneSetOut, lintCache, pr, printTables, printWeights, sum, type Tally, type Tables } from './kinds/score';
import { UNCHECKED } from './kinds/stats';
import { SECTION_TRAINING, trainSections } from './kinds/train';
import { CHECKED_BEATS } from './train-kinds';

const RULE = 'why-before-what';
const args = process.argv.slice(2);
const opt = (name: string, d: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
const WORDS = !args.includes('--nowords');
/** `--realonly`: the check learns from the real training sets alone (their false alarms are not the written sets'). */
const REAL_ONLY = args.includes('--realonly');
/** `--shape`: only where the beats sit, the kind and the shape (`o:`), no words and no pain-reading features. */
const SHAPE_ONLY = args.includes('--shape');
const TRAINING = { ...SECTION_TRAINING, l2: Number(opt('--l2', String(SECTION_TRAINING.l2))), steps: Number(opt('--steps', String(SECTION_TRAINING.steps))) };
const POL = opt('--policies', 'today,hold@0.3,hold@0.4,hold@0.5,hold@0.6,add@0.3,add@0.4,add@0.5').split(',');

/** The shipped learned doubts (scripts/train-kinds.ts), retrained per fold. */
const DOUBTED = (Object.keys(CHECKED_BEATS) as (keyof typeof CHECKED_BEATS)[]).map((beat) => ({ beat, ...CHECKED_BEATS[beat] }));

/** The lints are `beat-eval.ts`'s (the same configuration and doubts), so the two share one cache. */
const { fired, save } = lintCache(lintCacheFile('/tmp/storydeck-beat-eval', join(__dirname, '../src/core')), UNCHECKED);
const all = [...WRITTEN_SETS, ...REAL_SETS].flatMap(loadSet);
const secs = new Map(all.map((d) => [d, Object.fromEntries(DOUBTED.map(({ beat }) => [beat, beatSections(d, beat)])) as Record<string, Section[]>]));
const longCache = new Map<string, boolean>();
const long = (d: LabelledDoc, minWords: number) => {
  const key = `${d.set}/${d.file}/${minWords}`;
  if (!longCache.has(key)) longCache.set(key, longEnough(d.deck, minWords));
  return longCache.get(key)!;
};

/** The configuration a document is linted with as `kind` (as scripts/kinds/score.ts lints it). */
function configFor(kind: string | KindProfile): StoryDeckConfig {
  if (typeof kind !== 'string') {
    const named = builtinWith(kind);
    if (named === undefined) return { ...UNCHECKED, kinds: { expected: kind }, kind: 'expected' };
    kind = named;
  }
  return kind ? { ...UNCHECKED, kind } : UNCHECKED;
}
const kindKey = (kind: string | KindProfile) => (typeof kind === 'string' ? kind : (builtinWith(kind) ?? `expected:${kind.expects.join('+')}|${kind.beforeWhat.join('+')}`));

/** The order's features as the story model reads them with these beats doubted, once per document, kind and doubts. */
const featureCache = new Map<string, { features: string[]; first: boolean }>();
function features(d: LabelledDoc, kind: string | KindProfile, doubted: readonly string[]) {
  const key = `${d.set}/${d.file}/${kindKey(kind)}#${doubted.join('+')}`;
  let got = featureCache.get(key);
  if (!got) {
    setDoubts(doubted as BeatId[]);
    const deck = parseDeck(d.text);
    const story = readStory(deck, effectiveConfig(deck, configFor(kind)));
    setDoubts([]);
    const fs = orderFeatures(deck, story).filter((f) => (WORDS || !/^[hw]:/.test(f)) && (!SHAPE_ONLY || f.startsWith('o:')));
    got = { features: fs, first: story.kind.profile.beforeWhat.length > 0 && story.beats.what.present };
    featureCache.set(key, got);
  }
  return got;
}

type Models = { doubts: Record<string, ReturnType<typeof trainSections>>; hold: ReturnType<typeof trainSections>; add: ReturnType<typeof trainSections> };

const doubtsOf = (d: LabelledDoc, m: Models['doubts']) =>
  DOUBTED.filter(({ beat, threshold, minWords }) => secs.get(d)![beat].some((s) => s.found) && long(d, minWords) && bestScore(secs.get(d)![beat], m[beat]) < threshold).map((t) => t.beat);

/** The rules that fire on a document under the fold's doubts. */
function firing(d: LabelledDoc, kind: string | KindProfile, m: Models['doubts']) {
  const doubted = doubtsOf(d, m);
  if (doubted.length === 0) return { fires: fired(d, kind), doubted };
  setDoubts(doubted as BeatId[]);
  const fires = fired(d, kind, `doubt:${doubted.join('+')}`);
  setDoubts([]);
  return { fires, doubted };
}

interface Term {
  act: 'hold' | 'add';
  t: number;
  minWords: number;
}
const terms = (pol: string): Term[] =>
  pol === 'today'
    ? []
    : pol.split('+').map((x) => {
        const m = /^(hold|add)@([\d.]+)(?:\/(\d+))?$/.exec(x);
        if (!m) throw new Error(`--policies: “${x}” is not hold@t, add@t or …/minWords`);
        return { act: m[1] as Term['act'], t: Number(m[2]), minWords: Number(m[3] ?? 0) };
      });

const shown = new Set<string>();
/** `--features`: where the rule fires (kinds forced, the first policy), the labels per structural feature. */
const byFeature: Record<string, { fire: number; quiet: number }> = {};
const table: Tables = leaveOneSetOut<Models>(
  all,
  POL,
  (training, held) => {
    const doubts = Object.fromEntries(
      DOUBTED.map(({ beat, rule }) => [
        beat,
        trainSections(
          beatBags(training, beat as BeatId, rule, (d) => secs.get(d)![beat]),
          SECTION_TRAINING,
        ),
      ]),
    );
    const hold: { set: string; y: number; sections: Section[] }[] = [];
    const add: typeof hold = [];
    for (const d of training) {
      const cell = d.cells[RULE];
      if (!cell || (REAL_ONLY && !d.real)) continue;
      const kind = forcedKind(d);
      const { fires, doubted } = firing(d, kind, doubts);
      const f = features(d, kind, doubted);
      const bag = { set: d.set, y: cell === 'fire' ? 1 : 0, sections: [{ slide: 1, features: f.features, found: true }] };
      if (fires.has(RULE)) hold.push(bag);
      else if (f.first) add.push(bag);
    }
    const models = { doubts, hold: trainSections(hold, TRAINING), add: trainSections(add, TRAINING) };
    if (args.includes('--weights') && held === 'corpus-real-6') {
      printWeights(models.hold);
      printWeights(models.add);
    }
    save();
    return models;
  },
  (d, kind, pol, m) => {
    const { fires, doubted } = firing(d, kind, m.doubts);
    const ts = terms(pol);
    if (args.includes('--features') && pol === POL[0] && typeof kind === 'string' && fires.has(RULE) && d.cells[RULE]) {
      for (const x of features(d, kind, doubted).features.filter((x) => x.startsWith('o:'))) {
        const c = (byFeature[`${d.real ? 'real' : 'written'} ${x}`] ??= { fire: 0, quiet: 0 });
        c[d.cells[RULE]]++;
      }
    }
    if (ts.length === 0) return fires;
    const f = features(d, kind, doubted);
    const out = new Set(fires);
    for (const { act, t, minWords } of ts) {
      if (minWords && !longEnough(d.deck, minWords)) continue;
      if (act === 'hold' && fires.has(RULE) && scoreSection(f.features, m.hold) < t) out.delete(RULE);
      if (act === 'add' && !fires.has(RULE) && f.first && scoreSection(f.features, m.add) >= t) out.add(RULE);
    }
    if (args.includes('--docs') && pol === opt('--docs', '') && !CHECK_SETS.includes(d.set) && out.has(RULE) !== fires.has(RULE)) {
      const key = `${d.set}/${d.file}/${typeof kind === 'string' ? 'forced' : 'read'}`;
      if (!shown.has(key)) {
        shown.add(key);
        console.log(
          `${out.has(RULE) ? 'added' : 'held'} ${d.set} ${d.file} label ${d.cells[RULE] ?? '-'} hold ${scoreSection(f.features, m.hold).toFixed(2)} add ${scoreSection(f.features, m.add).toFixed(2)}`,
        );
      }
    }
    return out;
  },
);
save();

console.log(`options: l2 ${TRAINING.l2} steps ${TRAINING.steps} words ${WORDS} shape only ${SHAPE_ONLY} real only ${REAL_ONLY}`);
printTables(table, [RULE], POL);
if (args.includes('--features'))
  for (const [f, c] of Object.entries(byFeature).sort())
    console.log(`${f.padEnd(40)} fire ${String(c.fire).padStart(3)} quiet ${String(c.quiet).padStart(3)}  ${(c.fire / (c.fire + c.quiet)).toFixed(2)}`);

/** The bar's pools: real, the check sets (no engineer reads their errors), written — the nine rules and the rule alone, TP/FP/FN and precision / recall to three decimals. */
const POOLS: Record<string, (s: string) => boolean> = {
  real: (s) => REAL_SETS.includes(s),
  check: (s) => CHECK_SETS.includes(s),
  written: (s) => WRITTEN_SETS.includes(s),
};
const fmt = (t: Tally) => `${t.tp}/${t.fp}/${t.fn} ${pr(t, 3)}`;
console.log('\npools (nine rules | why-before-what)');
for (const mode of Object.keys(table))
  for (const pol of POL)
    console.log(
      `${mode.padEnd(6)} ${pol.padEnd(20)} ` +
        Object.entries(POOLS)
          .map(([name, keep]) => {
            const rows = Object.entries(table[mode][pol])
              .filter(([s]) => keep(s))
              .map(([, r]) => r);
            return `${name}: ${fmt(sum(rows.map((r) => r.all)))} | ${fmt(sum(rows.map((r) => r.rules[RULE] ?? { tp: 0, fp: 0, fn: 0 })))}`;
          })
          .join('   '),
    );
