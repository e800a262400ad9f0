import { parseDuration } from '../../deck';
import { frontMatterKeyRange } from '../ranges';
import type { Rule, RuleContext } from '../types';

/** Seconds as "8 min", "8 min 20 s" or "45 s". */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  if (minutes === 0) return `${rest} s`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

const tolerancePercent = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0);

const rule: Rule = {
  id: 'talk-time',
  description: 'The estimated speaking time fits the `duration` in the front matter.',
  tags: ['timing'],
  defaultSeverity: 'warning',
  docs: 'docs/rules/talk-time.md',
  defaultOptions: { tolerance: 0 },
  check(ctx: RuleContext, report) {
    const { deck } = ctx;
    const raw = deck.frontMatter.duration;
    const budget = parseDuration(raw);
    // A duration that cannot be read is front-matter's finding: one problem, one finding.
    if (budget === undefined) return;
    const range = frontMatterKeyRange(deck, 'duration', ctx.documentRange);
    const estimate = deck.estimatedSeconds;
    const allowed = budget * (1 + tolerancePercent(ctx.options.tolerance) / 100);
    if (estimate <= allowed) return;
    const longest = deck.slides.filter((s) => s.estimatedSeconds > 0).sort((a, b) => b.estimatedSeconds - a.estimatedSeconds || a.index - b.index)[0];
    const hint = longest ? ` Slide ${longest.index} alone takes about ${formatSeconds(longest.estimatedSeconds)}.` : '';
    report({
      message: `This talk runs about ${formatSeconds(estimate)}, but you have ${formatSeconds(budget)}. Cut about ${formatSeconds(estimate - budget)}: keep one idea per slide and move detail to an appendix.${hint}`,
      range,
    });
  },
};

export default rule;
