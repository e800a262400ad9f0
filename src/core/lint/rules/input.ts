import { FRONT_MATTER_PROBLEMS } from '../../deck/frontMatter';
import type { Problem } from '../../deck';
import { rangeInside } from '../ranges';
import type { Report, Rule, Severity } from '../types';

const ADVICE: Partial<Record<Problem['code'], string>> = {
  binary: 'Open the Markdown (.md) file of your narrative instead.',
  'too-large': 'Split the narrative into smaller files, or move data and appendices out of it.',
  'unterminated-fence': 'Add a closing fence line after the code so the rest of your story shows again.',
};

const SEVERITY: Partial<Record<Problem['code'], Severity>> = { binary: 'error', 'too-large': 'error', 'unterminated-fence': 'warning' };

const rule: Rule = {
  id: 'input',
  description: 'The file can be read as a Markdown narrative: not binary, not too large, no unclosed code block.',
  tags: ['input'],
  defaultSeverity: 'error',
  docs: 'docs/rules/input.md',
  check(ctx, report) {
    for (const problem of ctx.deck.problems) {
      if (FRONT_MATTER_PROBLEMS.has(problem.code)) continue;
      const advice = ADVICE[problem.code];
      const finding: Report = {
        severity: SEVERITY[problem.code] ?? 'error',
        message: advice ? `${problem.message} ${advice}` : problem.message,
        range: rangeInside(ctx.deck.lines, problem),
      };
      report(finding);
    }
  },
};

export default rule;
