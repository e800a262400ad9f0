import { createRequire } from 'node:module';
import type { Rule } from '../core/lint';

/**
 * Loads JavaScript rule modules named in `plugins`. Only call this for trusted code: the CLI is run by
 * the user on purpose; the extension calls it only in a trusted workspace. A module exports one rule or a
 * list of rules (as `module.exports` or `default`). Problems are returned, not thrown.
 */
export function loadPlugins(paths: readonly string[]): { rules: Rule[]; problems: string[] } {
  const rules: Rule[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    let loaded: unknown;
    try {
      // Required at run time from the user's config, never bundled.
      loaded = createRequire(path)(path);
    } catch (e) {
      problems.push(`cannot load rule module ${path}: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
      continue;
    }
    const exported = (loaded as { default?: unknown })?.default ?? loaded;
    for (const candidate of Array.isArray(exported) ? exported : [exported]) {
      if (isRule(candidate))
        rules.push({ tags: [], docs: '', description: candidate.id, ...(candidate as Partial<Rule>), id: candidate.id, check: candidate.check, defaultSeverity: candidate.defaultSeverity });
      else problems.push(`${path} does not export a rule: a rule needs an "id", a "defaultSeverity" and a "check(ctx, report)" function.`);
    }
  }
  return { rules, problems };
}

function isRule(value: unknown): value is Pick<Rule, 'id' | 'check' | 'defaultSeverity'> {
  const r = value as Partial<Rule> | null;
  return (
    !!r &&
    typeof r.id === 'string' &&
    /^[a-z][a-z0-9-]*$/.test(r.id) &&
    typeof r.check === 'function' &&
    (r.defaultSeverity === 'error' || r.defaultSeverity === 'warning' || r.defaultSeverity === 'info')
  );
}
