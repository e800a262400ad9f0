/**
 * customer-value's and vanity-metric's hand-written readings against the labellers (docs/judgement.md, session 13), the
 * labellers' kinds forced and the product's learned doubts and walls check off, so the figures are the readings' alone:
 * TP / FP / FN per set for the two rules and the nine rules pooled, over the tuned written sets and the tuned real sets.
 * `--docs RULE` lists that rule's wrong warnings and misses on the tuned sets, with what the reading found. The sets nobody
 * tuned these readings on (CHECK_SETS) are scored only with `--check`, in totals per set, never document by document.
 *   npx tsx scripts/value-eval.ts [--docs customer-value|vanity-metric] [--check]
 */
// First: the product's learned doubts out of the story model (they were trained on every set).
import './kinds/doubts';
import { lintText } from '../src/core/lint';
import { forcedKind, loadSet, REAL_SETS, RULES, WRITTEN_SETS, type LabelledDoc } from './kinds/corpus';
import { count, pr, short, type Tally } from './kinds/score';
import { UNCHECKED } from './kinds/stats';
import { readStory } from '../src/core/story/story';

/** The sets these readings were never tuned on: scored in totals only, and only with `--check`. */
export const CHECK_SETS = ['corpus-real-7', 'corpus-real-8', 'corpus-real-9', 'corpus-blind-8'];
const OWN = ['customer-value', 'vanity-metric'];

const args = process.argv.slice(2);
const docsRule = args.includes('--docs') ? args[args.indexOf('--docs') + 1] : undefined;
const withCheck = args.includes('--check');

const tuned = (s: string) => !CHECK_SETS.includes(s);
const groups: [string, string[]][] = [['tuned written', WRITTEN_SETS.filter(tuned)], ['tuned real', REAL_SETS.filter(tuned)], ...(withCheck ? ([['check', CHECK_SETS]] as [string, string[]][]) : [])];

const zero = (): Tally => ({ tp: 0, fp: 0, fn: 0 });
const add = (a: Tally, b: Tally) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
const fmt = (t: Tally) => `${t.tp}/${t.fp}/${t.fn} ${pr(t, 3)}`;

for (const [group, sets] of groups) {
  const pooled: Record<string, Tally> = { nine: zero(), ...Object.fromEntries(OWN.map((r) => [r, zero()])) };
  console.log(`\n${group}`);
  for (const set of sets) {
    const row: Record<string, Tally> = { nine: zero(), ...Object.fromEntries(OWN.map((r) => [r, zero()])) };
    for (const d of loadSet(set)) {
      const { findings } = lintText(d.text, forcedKind(d) ? { ...UNCHECKED, kind: forcedKind(d) } : UNCHECKED, { file: d.file });
      const fires = new Set(findings.map((f) => f.ruleId));
      for (const [rule, label] of Object.entries(d.cells)) {
        if (!RULES.includes(rule)) continue;
        count(row.nine, label, fires.has(rule));
        if (OWN.includes(rule)) count(row[rule], label, fires.has(rule));
      }
      if (docsRule && tuned(set) && d.cells[docsRule] && (d.cells[docsRule] === 'fire') !== fires.has(docsRule)) show(d, docsRule, findings);
    }
    for (const k of Object.keys(row)) pooled[k] = add(pooled[k], row[k]);
    console.log(`  ${short(set).padEnd(4)} ${OWN.map((r) => `${r} ${fmt(row[r])}`).join('  ')}  nine ${fmt(row.nine)}`);
  }
  console.log(`  pooled ${OWN.map((r) => `${r} ${fmt(pooled[r])}`).join('  ')}  nine ${fmt(pooled.nine)}`);
}

/** One wrong warning or miss of a tuned set: the document, the label, and what the rule said or the reading found. */
function show(d: LabelledDoc, rule: string, findings: ReturnType<typeof lintText>['findings']): void {
  const said = findings.filter((f) => f.ruleId === rule).map((f) => `    ${f.line}: ${f.message.slice(0, 160)}`);
  const value = rule === 'customer-value' ? readStory(d.deck, forcedKind(d) ? { kind: forcedKind(d) } : {}).beats.value.evidence : undefined;
  const found = value ? [`    value found, line ${value.line}: ${value.words.slice(0, 200)}`] : [];
  console.log(`${d.cells[rule] === 'fire' ? 'MISS' : 'FALSE'} ${d.set}/${d.file} kind ${forcedKind(d) || d.named}\n${[...said, ...found].join('\n')}`);
}
