/**
 * customer-value's and vanity-metric's hand-written readings against the labellers (docs/judgement.md, session 13), the
 * labellers' kinds forced and the product's learned doubts and walls check off, so the figures are the readings' alone:
 * TP / FP / FN per set for the two rules and the nine rules pooled, over the tuned written sets and the tuned real sets.
 * `--docs RULE` lists that rule's wrong warnings and misses on the tuned sets, with what the reading found. The sets whose
 * errors nobody reads (CHECK_SETS) are scored only with `--check`, in totals per set, never document by document.
 *   npx tsx scripts/value-eval.ts [--docs customer-value|vanity-metric] [--check]
 */
// First: the product's learned doubts out of the story model (they were trained on every set).
import './kinds/doubts';
import { CHECK_SETS, forcedKind, loadSet, REAL_SETS, RULES, WRITTEN_SETS, type LabelledDoc } from './kinds/corpus';
import { count, lintCache, pr, short, sum, type Said, type Tally } from './kinds/score';
import { UNCHECKED } from './kinds/stats';
import { readStory } from '../src/core/story/story';

const OWN = ['customer-value', 'vanity-metric'];
/** A row's tallies: the two rules', and the nine rules' pooled. */
const TALLIES = ['nine', ...OWN];

const args = process.argv.slice(2);
const docsRule = args.includes('--docs') ? args[args.indexOf('--docs') + 1] : undefined;
const withCheck = args.includes('--check');

const tuned = (s: string) => !CHECK_SETS.includes(s);
const groups: [string, string[]][] = [['tuned written', WRITTEN_SETS.filter(tuned)], ['tuned real', REAL_SETS.filter(tuned)], ...(withCheck ? ([['check', CHECK_SETS]] as [string, string[]][]) : [])];

const { fired, said } = lintCache(undefined, UNCHECKED);
const fmt = (t: Tally) => `${t.tp}/${t.fp}/${t.fn} ${pr(t, 3)}`;
const line = (name: string, t: Record<string, Tally>) => `  ${name} ${OWN.map((r) => `${r} ${fmt(t[r])}`).join('  ')}  nine ${fmt(t.nine)}`;

for (const [group, sets] of groups) {
  const rows: Record<string, Tally>[] = [];
  console.log(`\n${group}`);
  for (const set of sets) {
    const row: Record<string, Tally> = Object.fromEntries(TALLIES.map((r) => [r, sum([])]));
    for (const d of loadSet(set)) {
      const fires = fired(d, forcedKind(d));
      for (const [rule, label] of Object.entries(d.cells)) {
        if (!RULES.includes(rule)) continue;
        count(row.nine, label, fires.has(rule));
        if (OWN.includes(rule)) count(row[rule], label, fires.has(rule));
      }
      if (docsRule && tuned(set) && d.cells[docsRule] && (d.cells[docsRule] === 'fire') !== fires.has(docsRule)) show(d, docsRule, said(d, forcedKind(d), docsRule));
    }
    rows.push(row);
    console.log(line(short(set).padEnd(4), row));
  }
  console.log(line('pooled', Object.fromEntries(TALLIES.map((k) => [k, sum(rows.map((r) => r[k]))]))));
}

/** One wrong warning or miss of a tuned set: the document, the label, and what the rule said or the reading found. */
function show(d: LabelledDoc, rule: string, findings: readonly Said[]): void {
  const said = findings.map((f) => `    ${f.line}: ${f.message.slice(0, 160)}`);
  const value = rule === 'customer-value' ? readStory(d.deck, forcedKind(d) ? { kind: forcedKind(d) } : {}).beats.value.evidence : undefined;
  const found = value ? [`    value found, line ${value.line}: ${value.words.slice(0, 200)}`] : [];
  console.log(`${d.cells[rule] === 'fire' ? 'MISS' : 'FALSE'} ${d.set}/${d.file} kind ${forcedKind(d) || d.named}\n${[...said, ...found].join('\n')}`);
}
