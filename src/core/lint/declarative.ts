import type { DeclarativeRuleConfig } from './config';
import type { Rule } from './types';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern of literal phrases at word boundaries; literals only, so it runs in linear time on any input. */
function phrasePattern(tokens: readonly string[], ignorecase: boolean): RegExp {
  const alternatives = [...tokens].sort((a, b) => b.length - a.length).map((t) => escape(t.trim()).replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, ignorecase ? 'giu' : 'gu');
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all);

/**
 * Turns the `declarative` section of a config into rules. They need no code, so they run in any
 * workspace, trusted or not (Vale's existence, occurrence and substitution checks).
 */
export function declarativeRules(configs: readonly DeclarativeRuleConfig[]): Rule[] {
  return configs.map((config): Rule => {
    const ignorecase = config.ignorecase !== false;
    const base = { id: config.id, tags: ['custom'], defaultSeverity: config.severity ?? 'warning', docs: '' };
    switch (config.type) {
      case 'existence': {
        const re = phrasePattern(config.tokens ?? [], ignorecase);
        return {
          ...base,
          description: `Avoid: ${(config.tokens ?? []).join(', ')}`,
          check(ctx, report) {
            for (const m of ctx.matches(re)) report({ message: fill(config.message ?? 'Avoid "{match}".', { match: m.match[0] }), range: m });
          },
        };
      }
      case 'occurrence': {
        const re = phrasePattern(config.tokens ?? [], ignorecase);
        const min = config.min ?? 1;
        return {
          ...base,
          description: `Use at least ${min}× one of: ${(config.tokens ?? []).join(', ')}`,
          check(ctx, report) {
            const count = ctx.matches(re).length;
            if (count < min) report({ message: fill(config.message ?? 'Mention {tokens} at least {min} times (found {count}).', { tokens: (config.tokens ?? []).join(' / '), min: String(min), count: String(count) }), range: ctx.documentRange() });
          },
        };
      }
      case 'substitution': {
        const swap = new Map(Object.entries(config.swap ?? {}).map(([k, v]) => [ignorecase ? k.toLowerCase().replace(/\s+/g, ' ') : k.replace(/\s+/g, ' '), v]));
        const re = phrasePattern([...Object.keys(config.swap ?? {})], ignorecase);
        return {
          ...base,
          description: `Prefer: ${Object.entries(config.swap ?? {}).map(([k, v]) => `${v} over ${k}`).join(', ')}`,
          check(ctx, report) {
            for (const m of ctx.matches(re)) {
              const found = m.match[0];
              const key = (ignorecase ? found.toLowerCase() : found).replace(/\s+/g, ' ');
              const replacement = swap.get(key);
              if (replacement === undefined) continue;
              report({ message: fill(config.message ?? 'Prefer "{replacement}" over "{match}".', { match: found, replacement }), range: m, fix: [{ ...m, text: replacement }] });
            }
          },
        };
      }
    }
  });
}
