/**
 * A rule's hand-written readings (why-before-what's order by default), measured as the product ships them (learned doubts on),
 * with the labellers' kinds forced (where they agree; else the front matter's, the shape's, or a pitch) and with kinds as read:
 * the rule's and the nine rules' TP/FP/FN on the cells both labellers agree on (docs/judgement.md, sessions 17 and 18).
 *   npx tsx scripts/wbw-order-eval.ts [--docs]   the sets the readings were tuned on (corpus-writers, blind-2 to blind-7,
 *                                                 real-1 to real-11); `--docs` lists the rule's errors there, with its message
 *   npx tsx scripts/wbw-order-eval.ts --check    the check sets (CHECK_SETS: real-12 onward, blind-8, blind-9), in totals only
 *   --rule RULE                                  the rule to score (default why-before-what), e.g. `--rule call-to-action`
 */
import { lintText } from '../src/core/lint';
import { CHECK_SETS, forcedKind, loadSet, REAL_SETS, RULES, WRITTEN_SETS, type LabelledDoc } from './kinds/corpus';
import { count, pr, type Tally } from './kinds/score';

const args = process.argv.slice(2);
/** The hand-written readings are tuned on every opened set but the check sets (`CHECK_SETS`). */
const tuned = (s: string) => !CHECK_SETS.includes(s);
const check = args.includes('--check');
/** Errors are listed on the tuned sets only: the check sets are scored in totals. */
const listErrors = args.includes('--docs') && !check;
const groups: Record<string, string[]> = check ? { check: CHECK_SETS } : { 'tuned written': WRITTEN_SETS.filter(tuned), 'tuned real': REAL_SETS.filter(tuned) };
const ruleAt = args.indexOf('--rule');
const RULE = ruleAt >= 0 ? args[ruleAt + 1] : 'why-before-what';
if (!RULE || !RULES.includes(RULE)) throw new Error(`--rule takes one of: ${RULES.join(', ')}`);

for (const mode of ['forced', 'read']) {
  for (const [group, sets] of Object.entries(groups)) {
    const all: Tally = { tp: 0, fp: 0, fn: 0 };
    const rule: Tally = { tp: 0, fp: 0, fn: 0 };
    for (const d of sets.flatMap(loadSet) as LabelledDoc[]) {
      const kind = mode === 'forced' ? forcedKind(d) : '';
      const { findings } = lintText(d.text, kind ? { kind } : {}, { file: d.file });
      const fires = new Set(findings.map((f) => f.ruleId).filter((r) => RULES.includes(r)));
      for (const [id, label] of Object.entries(d.cells)) {
        count(all, label, fires.has(id));
        if (id === RULE) count(rule, label, fires.has(id));
      }
      const label = d.cells[RULE];
      if (listErrors && label && (label === 'fire') !== fires.has(RULE)) {
        const said = findings.find((f) => f.ruleId === RULE)?.message.slice(0, 100) ?? '';
        console.log(`  ${mode} ${label === 'fire' ? 'FN' : 'FP'} ${d.set}/${d.file} kind=${kind || 'read'} ${said}`);
      }
    }
    console.log(`${mode.padEnd(7)} ${group.padEnd(14)} ${RULE} ${rule.tp}/${rule.fp}/${rule.fn} ${pr(rule, 3)}   nine rules ${all.tp}/${all.fp}/${all.fn} ${pr(all, 3)}`);
  }
}
