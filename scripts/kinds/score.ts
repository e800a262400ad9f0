/**
 * What the evaluations of learned readings share (scripts/kind-eval.ts, scripts/beat-eval.ts): the nine content rules'
 * findings per labelled document and kind, cached on disk, and their tally against the labellers' cells.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { lintText } from '../../src/core/lint';
import { RULES, type LabelledDoc } from './corpus';

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/**
 * The rules that fire on a document read as `kind` ('' for a document whose front matter names its kind), forced through the
 * configuration as a guess would be; `variant` names a changed reading the caller has set up (part of the cache's key).
 * `save` writes the cache; name its file with `lintCacheFile` (cache.ts), so that findings of older rules are never scored.
 */
export function lintCache(file: string): { fired: (d: LabelledDoc, kind: string, variant?: string) => Set<string>; save: () => void } {
  const cache: Record<string, string[]> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  return {
    fired(d, kind, variant = '') {
      const key = `${d.set}/${d.file}/${kind}${variant ? `#${variant}` : ''}`;
      if (!cache[key]) {
        const { findings } = lintText(d.text, kind ? { kind } : {}, { file: d.file });
        cache[key] = [...new Set(findings.map((f) => f.ruleId))].filter((r) => RULES.includes(r));
      }
      return new Set(cache[key]);
    },
    save() {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(cache));
    },
  };
}

/** Counts one labelled cell: a right warning, a wrong one, or a miss. */
export function count(t: Tally, label: 'fire' | 'quiet', fired: boolean): void {
  if (fired && label === 'fire') t.tp++;
  else if (fired) t.fp++;
  else if (label === 'fire') t.fn++;
}

/** Precision / recall, `d` decimals. */
export const pr = (r: Tally, d = 2) => `${(r.tp / (r.tp + r.fp || 1)).toFixed(d)}/${(r.tp / (r.tp + r.fn || 1)).toFixed(d)}`;

/** A set's short name for a table column: w, b2…b7, r1…r6. */
export const short = (s: string) =>
  s
    .replace('corpus-', '')
    .replace('blind-', 'b')
    .replace('writers', 'w')
    .replace('real-', 'r')
    .replace(/^real$/, 'r1');
