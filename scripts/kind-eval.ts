/**
 * Leave-one-set-out evaluation of the learned kind reader (docs/judgement.md, session 11): for each labelled set, train on
 * all the others, read the held-out set's documents whose front matter names no kind, and report the kind accuracy and the
 * nine content rules' precision and recall there when lint runs with the kinds read, against the shape signs alone and
 * against the labellers' kinds. Usage: `npx tsx scripts/kind-eval.ts [--docs [--show i@0.5]] [--model lr|nb] [--train all|real|written] [--maxDocFreq X] [--maxFeatures N] [--l2 X] [--steps N]`.
 */
import { join } from 'node:path';
import { scoreKinds, type KindModel } from '../src/core/story/kindModel';
import { lintCacheFile } from './kinds/cache';
import { loadSet, REAL_SETS, WRITTEN_SETS, type LabelledDoc } from './kinds/corpus';
import { count, lintCache, pr, short } from './kinds/score';
import { DEFAULT_TRAINING, train, trainNaiveBayes, type TrainOptions } from './kinds/train';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const perDoc = args.includes('--docs');
const options: TrainOptions = {
  ...DEFAULT_TRAINING,
  ...Object.fromEntries(['minSets', 'maxDocFreq', 'maxFeatures', 'steps', 'rate', 'l2'].flatMap((k) => (opt(`--${k}`) ? [[k, Number(opt(`--${k}`))]] : []))),
};
const trainOn = opt('--train') ?? 'all'; // all | real | written
const learner = opt('--model') === 'nb' ? trainNaiveBayes : train; // logistic regression (lr, the default) or naive Bayes (nb)

/** Named by the lint code's hash: findings cached by an older version of the rules are never scored. */
const { fired, save } = lintCache(lintCacheFile('/tmp/storydeck-kind-eval', join(__dirname, '../src/core')));

type Policy = { name: string; read: (d: LabelledDoc, model: KindModel) => string };
const model = (threshold: number, signsFirst: boolean) => (d: LabelledDoc, m: KindModel) => {
  if (signsFirst && d.sign) return d.sign;
  const [top] = scoreKinds(d.features, m);
  return top.p >= threshold ? top.kind : (d.sign ?? 'pitch');
};
const POLICIES: Policy[] = [
  { name: 'signs', read: (d) => d.sign ?? 'pitch' },
  { name: 'labels', read: (d) => d.kind ?? d.sign ?? 'pitch' },
  ...[0, 0.5, 0.6, 0.7, 0.8, 0.9].flatMap((t) => [
    { name: `i@${t}`, read: model(t, true) },
    { name: `ii@${t}`, read: model(t, false) },
  ]),
];

const sets = [...WRITTEN_SETS, ...REAL_SETS];
const all = sets.flatMap(loadSet);
const table: Record<string, Record<string, { right: number; of: number; tp: number; fp: number; fn: number }>> = {};
const lines: string[] = [];
for (const held of sets) {
  const training = all.filter((d) => d.set !== held && d.kind && (trainOn === 'all' || (trainOn === 'real') === d.real));
  const m = learner(
    training.map((d) => ({ set: d.set, kind: d.kind as string, features: d.features })),
    options,
  );
  for (const p of POLICIES) {
    const row = { right: 0, of: 0, tp: 0, fp: 0, fn: 0 };
    for (const d of all.filter((x) => x.set === held)) {
      const kind = d.named ? '' : p.read(d, m);
      if (!d.named && d.kind) {
        row.of++;
        if (kind === d.kind) row.right++;
      }
      const firing = fired(d, kind);
      for (const [rule, label] of Object.entries(d.cells)) count(row, label, firing.has(rule));
      if (perDoc && p.name === (opt('--show') ?? 'ii@0') && !d.named)
        lines.push(
          `${held.padEnd(15)} ${d.file.slice(0, 44).padEnd(44)} label ${(d.kind ?? '?').padEnd(9)} signs ${(d.sign ?? '-').padEnd(9)} read ${kind.padEnd(9)} ${scoreKinds(d.features, m)[0].p.toFixed(2)}`,
        );
    }
    (table[p.name] ??= {})[held] = row;
  }
}
save();
if (perDoc) console.log(lines.join('\n'));

const sum = (rows: { right: number; of: number; tp: number; fp: number; fn: number }[]) =>
  rows.reduce((a, r) => ({ right: a.right + r.right, of: a.of + r.of, tp: a.tp + r.tp, fp: a.fp + r.fp, fn: a.fn + r.fn }), { right: 0, of: 0, tp: 0, fp: 0, fn: 0 });
console.log(`model: ${opt('--model') ?? 'lr'}, training: ${trainOn}, ${JSON.stringify(options)}`);
console.log(`policy    ${sets.map((s) => short(s).padStart(16)).join('')}   written ALL       real ALL`);
for (const p of POLICIES) {
  const row = table[p.name];
  const cell = (r: (typeof row)[string], d = 2) => `${r.right}/${r.of} ${pr(r, d)}`.padStart(14 + 2 * d);
  console.log(`${p.name.padEnd(9)} ${sets.map((s) => cell(row[s])).join('')} ${cell(sum(WRITTEN_SETS.map((s) => row[s])), 3)} ${cell(sum(REAL_SETS.map((s) => row[s])), 3)}`);
}
// The bar: no written set loses more than 0.02 of precision or recall against the shape signs alone.
const P = (r: { tp: number; fp: number }) => r.tp / (r.tp + r.fp || 1);
const R = (r: { tp: number; fn: number }) => r.tp / (r.tp + r.fn || 1);
const passing = POLICIES.filter((p) => !['signs', 'labels'].includes(p.name)).filter((p) =>
  WRITTEN_SETS.every((s) => P(table[p.name][s]) >= P(table.signs[s]) - 0.02 - 1e-9 && R(table[p.name][s]) >= R(table.signs[s]) - 0.02 - 1e-9),
);
const best = passing.sort((a, b) => P(sum(REAL_SETS.map((s) => table[b.name][s]))) - P(sum(REAL_SETS.map((s) => table[a.name][s]))))[0];
console.log(`passing the written sets' bar: ${passing.map((p) => p.name).join(', ') || 'none'}; best real precision: ${best?.name ?? 'none'}`);
