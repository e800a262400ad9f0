/**
 * What the evaluations of learned readings share (scripts/kind-eval.ts, scripts/beat-eval.ts, scripts/stats-eval.ts): the nine
 * content rules' findings per labelled document and kind, cached on disk, their tally against the labellers' cells, and the
 * leave-one-set-out loop.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { lintText } from '../../src/core/lint';
import type { StoryDeckConfig } from '../../src/core/lint/config';
import { BUILTIN_KINDS, type KindProfile } from '../../src/core/story/kinds';
import { CHECK_SETS, forcedKind, kindReader, REAL_SETS, RULES, WRITTEN_SETS, type KindPolicy, type LabelledDoc } from './corpus';

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** One finding of a rule, as the cache keeps it. */
export interface Said {
  line: number;
  message: string;
}

/**
 * The rules that fire on a document read as `kind` ('' for a document whose front matter names its kind), forced through the
 * configuration as a guess would be; `variant` names a changed reading the caller has set up (part of the cache's key).
 * `save` writes the cache; name its file with `lintCacheFile` (cache.ts), so that findings of older rules are never scored.
 */
export function lintCache(
  /** Where the cache is kept between runs (undefined: in memory only). */
  file: string | undefined,
  /** Configuration every lint takes too (the kind is added). */
  config: StoryDeckConfig = {},
): {
  fired: (d: LabelledDoc, kind: string | KindProfile, variant?: string) => Set<string>;
  /** One rule's findings on a document read as `kind`, each its line and message (cached with the rules that fire). */
  said: (d: LabelledDoc, kind: string | KindProfile, rule: string) => Said[];
  /** The messages of one rule's findings on a document read as `kind`. */
  messages: (d: LabelledDoc, kind: string | KindProfile, rule: string) => string[];
  save: () => void;
} {
  const cache: Record<string, string[] | Said[]> = file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const lintOnce = (d: LabelledDoc, reading: string | KindProfile, variant: string, rule?: string) => {
    const named = typeof reading === 'string' ? reading : builtinWith(reading);
    const kind = named ?? `${EXPECTED}:${(reading as KindProfile).expects.join('+')}|${(reading as KindProfile).beforeWhat.join('+')}`;
    const key = `${d.set}/${d.file}/${kind}${variant ? `#${variant}` : ''}`;
    const said = `${key}\u0001${rule}`;
    if (!cache[key] || (rule && !cache[said])) {
      const as: StoryDeckConfig = named === undefined ? { ...config, kinds: { ...config.kinds, [EXPECTED]: reading as KindProfile }, kind: EXPECTED } : named ? { ...config, kind: named } : config;
      const { findings } = lintText(d.text, as, { file: d.file });
      cache[key] = [...new Set(findings.map((f) => f.ruleId))].filter((r) => RULES.includes(r));
      if (rule) cache[said] = findings.filter((f) => f.ruleId === rule).map(({ line, message }) => ({ line, message }));
    }
    return rule ? cache[said] : cache[key];
  };
  const saidBy = (d: LabelledDoc, kind: string | KindProfile, rule: string) => lintOnce(d, kind, '', rule) as Said[];
  return {
    fired: (d, kind, variant = '') => new Set(lintOnce(d, kind, variant) as string[]),
    said: saidBy,
    messages: (d, kind, rule) => saidBy(d, kind, rule).map((f) => f.message),
    save() {
      if (!file) return;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(cache));
    },
  };
}

/** The configured kind a profile of expectations (an unsure reading's, `expectedProfile`) is linted as, where no built-in kind has it. */
const EXPECTED = 'expected';

/** The built-in kind with exactly these expectations, if one has them (its findings are the profile's, and cached under its name). */
export function builtinWith(profile: KindProfile): string | undefined {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
  return Object.keys(BUILTIN_KINDS).find((id) => same(BUILTIN_KINDS[id].expects, profile.expects) && same(BUILTIN_KINDS[id].beforeWhat, profile.beforeWhat));
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

/** Per held-out set, the nine rules' tallies one by one and together. */
export interface Row {
  rules: Record<string, Tally>;
  all: Tally;
}

/** The tallies per kind mode (`forced`, `read`), policy and held-out set. */
export type Tables = Record<string, Record<string, Record<string, Row>>>;

/** Tallies added up count by count, with any other counts they all carry (kind-eval's kinds read right, `right` of `of`); none: zero. */
export function sum<T extends Tally>(rows: readonly T[]): T {
  const total: Record<string, number> = { tp: 0, fp: 0, fn: 0 };
  for (const row of rows) for (const [k, v] of Object.entries(row)) total[k] = (total[k] ?? 0) + v;
  return total as unknown as T; // every count of T, summed (T's counts are all numbers, as Tally's)
}

/**
 * The leave-one-set-out loop the learned readings' evaluations share (scripts/beat-eval.ts, scripts/stats-eval.ts): for each
 * set, `train` on all the others and the kind reader too; then each held-out document, read with the labellers' kind forced
 * and with its kind as read (the product's policy, and `other` if given), gets the rules that fire under each policy from `firing` — the per-document adjustment — and is
 * tallied against the labellers' cells.
 */
export function leaveOneSetOut<M>(
  docs: readonly LabelledDoc[],
  policies: readonly string[],
  trainOn: (training: readonly LabelledDoc[], held: string) => M,
  firing: (d: LabelledDoc, kind: string | KindProfile, policy: string, model: M) => ReadonlySet<string>,
  /** A third mode, `other`: kinds as read by another policy than the product's (to compare). */
  other?: KindPolicy,
): Tables {
  const table: Tables = {};
  for (const held of [...WRITTEN_SETS, ...REAL_SETS]) {
    const training = docs.filter((d) => d.set !== held);
    const model = trainOn(training, held);
    const readers: Record<string, (d: LabelledDoc) => string | KindProfile> = { forced: forcedKind, read: kindReader(training), ...(other ? { other: kindReader(training, other) } : {}) };
    for (const [mode, readKind] of Object.entries(readers)) {
      for (const pol of policies) {
        const row: Row = { rules: {}, all: { tp: 0, fp: 0, fn: 0 } };
        for (const d of docs.filter((x) => x.set === held)) {
          const fires = firing(d, readKind(d), pol, model);
          for (const [rule, label] of Object.entries(d.cells)) {
            count((row.rules[rule] ??= { tp: 0, fp: 0, fn: 0 }), label, fires.has(rule));
            count(row.all, label, fires.has(rule));
          }
        }
        ((table[mode] ??= {})[pol] ??= {})[held] = row;
      }
    }
  }
  return table;
}

const NONE: Tally = { tp: 0, fp: 0, fn: 0 };

/** Prints the leave-one-set-out tables: per mode, each named rule's and the nine rules' P/R per held-out set and pooled over the written and the real sets (three decimals, as the pooled bar reads them). */
export function printTables(table: Tables, rules: readonly string[], policies: readonly string[]): void {
  const sets = [...WRITTEN_SETS, ...REAL_SETS];
  const width = Math.max(11, ...policies.map((p) => p.length + 1));
  for (const mode of Object.keys(table)) {
    for (const what of [...rules, 'all']) {
      const of = (row: Row) => (what === 'all' ? row.all : (row.rules[what] ?? NONE));
      console.log(`\n${mode} — ${what === 'all' ? 'nine rules' : what}`);
      console.log(`${'policy'.padEnd(width)} ${sets.map((s) => short(s).padStart(10)).join('')}  written TP/FP/FN  P/R         real TP/FP/FN  P/R     check real TP/FP/FN  P/R`);
      for (const pol of policies) {
        const t = table[mode][pol];
        const w = sum(WRITTEN_SETS.map((s) => of(t[s])));
        const r = sum(REAL_SETS.map((s) => of(t[s])));
        const u = sum(REAL_SETS.filter((s) => CHECK_SETS.includes(s)).map((s) => of(t[s])));
        console.log(
          `${pol.padEnd(width)} ${sets.map((s) => pr(of(t[s])).padStart(10)).join('')}  ${`${w.tp}/${w.fp}/${w.fn}`.padStart(12)} ${pr(w, 3)}  ${`${r.tp}/${r.fp}/${r.fn}`.padStart(12)} ${pr(r, 3)}  ${`${u.tp}/${u.fp}/${u.fn}`.padStart(12)} ${pr(u, 3)}`,
        );
      }
    }
  }
}

/** Prints a section scorer's forty heaviest weights and its bias. */
export function printWeights(m: { bias: number; weights: Readonly<Record<string, number>> }): void {
  console.log(
    Object.entries(m.weights)
      .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
      .slice(0, 40)
      .map(([f, w]) => `${f} ${w.toFixed(2)}`)
      .join(', '),
    'bias',
    m.bias.toFixed(2),
  );
}
