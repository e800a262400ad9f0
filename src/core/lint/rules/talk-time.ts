import { parseDuration, type Deck, type Range } from '../../deck';
import type { Rule, RuleContext } from '../types';

/** Seconds as "8 min", "8 min 20 s" or "45 s". */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  if (minutes === 0) return `${rest} s`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** The top-level `duration:` line of the front matter, or the document range when it cannot be found. */
export function frontMatterKeyRange(deck: Deck, key: string, fallback: () => Range): Range {
  const fm = deck.frontMatterRange;
  if (fm) {
    for (let line = fm.line + 1; line < fm.endLine && line <= deck.lines.length; line++) {
      const text = deck.lines[line - 1] ?? '';
      const colon = text.indexOf(':');
      if (colon <= 0) continue;
      const name = text
        .slice(0, colon)
        .trim()
        .replace(/^(["'])(.*)\1$/, '$2');
      if (name === key && !/^\s/.test(text)) return { line, column: 1, endLine: line, endColumn: text.length + 1 };
    }
  }
  return fallback();
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
