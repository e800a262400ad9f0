import type { Deck } from '../deck';
import { tokensOf, type DeclarativeRuleConfig } from './config';
import { foldText, phraseMatchers } from './phrases';
import type { Rule } from './types';

/** A token as it is matched: trimmed, with every run of white space inside it as one space. */
const normalizeToken = (token: string): string => token.trim().split(/\s+/).join(' ');

/** Tokens are literal words and phrases; a run of white space inside one matches any run. */
const matcherFor = phraseMatchers({ gap: /\s/, word: /[\p{L}\p{N}]/u });

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all);

/**
 * Turns the `declarative` section of a config (as `validateConfig` returns it, within its caps) into rules. They need
 * no code, so they run in any workspace, trusted or not (Vale's existence, occurrence and substitution checks). The
 * tokens of all the rules are built into one matcher, once per config, and read the text in one pass.
 */
export function declarativeRules(configs: readonly DeclarativeRuleConfig[]): Rule[] {
  const matcher = matcherFor(configs.map((config) => ({ phrases: tokensOf(config), ignorecase: config.ignorecase !== false })));
  return configs.map((config, index): Rule => {
    const ignorecase = config.ignorecase !== false;
    const tokens = tokensOf(config);
    const hits = (deck: Deck) => matcher.hits(deck)[index];
    const base = { id: config.id, tags: ['custom'], defaultSeverity: config.severity ?? 'warning', docs: '' };
    switch (config.type) {
      case 'existence':
        return {
          ...base,
          description: `Avoid: ${tokens.join(', ')}`,
          check(ctx, report) {
            for (const { range, text } of hits(ctx.deck)) report({ message: fill(config.message ?? 'Avoid "{match}".', { match: text }), range });
          },
        };
      case 'occurrence': {
        const min = config.min ?? 1;
        return {
          ...base,
          description: `Use at least ${min}× one of: ${tokens.join(', ')}`,
          check(ctx, report) {
            const count = hits(ctx.deck).length;
            if (count < min)
              report({
                message: fill(config.message ?? 'Mention {tokens} at least {min} times (found {count}).', { tokens: tokens.join(' / '), min: String(min), count: String(count) }),
                range: ctx.documentRange(),
              });
          },
        };
      }
      case 'substitution': {
        const lookup = (phrase: string) => (ignorecase ? foldText(normalizeToken(phrase)) : normalizeToken(phrase));
        const swap = new Map(Object.entries(config.swap ?? {}).map(([k, v]) => [lookup(k), v]));
        return {
          ...base,
          description: `Prefer: ${Object.entries(config.swap ?? {})
            .map(([k, v]) => `${v} over ${k}`)
            .join(', ')}`,
          check(ctx, report) {
            for (const { range, text } of hits(ctx.deck)) {
              const replacement = swap.get(lookup(text));
              if (replacement === undefined) continue;
              report({ message: fill(config.message ?? 'Prefer "{replacement}" over "{match}".', { match: text, replacement }), range, fix: [{ ...range, text: replacement }] });
            }
          },
        };
      }
    }
  });
}
