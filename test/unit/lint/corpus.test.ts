import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_RULES, lintText, type Finding } from '../../../src/core/lint';

/**
 * Precision and recall of every built-in rule over a labelled corpus of realistic narratives.
 *
 * test/fixtures/corpus/*.md are narratives of varied style (headed, headless, Marp) and domain;
 * expected.json says, for each file, which rules a careful human reviewer says should fire on it at
 * least once (`rules`), and why (`notes`). Judgement is per document: a rule counts as having fired on
 * a file when it reports at least one finding there, wherever it is.
 *
 * A rule is held to MIN_SCORE precision and recall once it has MIN_LABELS positive labels or fires at
 * least once. Rules not yet in BUILTIN_RULES are reported as pending, so the suite runs while rules are
 * being written.
 */

const CORPUS = 'test/fixtures/corpus';
const MIN_SCORE = 0.9;
const MIN_LABELS = 3;
const MIN_FILES = 30;

/** The built-in rule ids: a public contract. */
const RULE_IDS = [
  'why-before-what',
  'customer-pain',
  'customer-value',
  'business-value',
  'strategic-tie-in',
  'outcome-metric',
  'vanity-metric',
  'call-to-action',
  'stats-without-story',
  'slide-density',
  'talk-time',
  'jargon',
  'front-matter',
] as const;

interface Label {
  rules: string[];
  notes?: string;
}

interface Score {
  rule: string;
  implemented: boolean;
  tp: string[];
  fp: string[];
  fn: string[];
  precision: number;
  recall: number;
}

const files = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.md'))
  .sort();
const expected = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as Record<string, Label>;
const implemented = new Set(BUILTIN_RULES.map((r) => r.id));

/** Findings per file, linted once with the default configuration (front matter `storydeck:` still applies). */
function lintCorpus(): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const file of files) out.set(file, lintText(readFileSync(join(CORPUS, file), 'utf8'), {}, { file }).findings);
  return out;
}

function score(rule: string, findings: Map<string, Finding[]>): Score {
  const tp: string[] = [];
  const fp: string[] = [];
  const fn: string[] = [];
  for (const file of files) {
    const fired = (findings.get(file) ?? []).some((f) => f.ruleId === rule);
    const labelled = expected[file]?.rules.includes(rule) ?? false;
    if (fired && labelled) tp.push(file);
    else if (fired) fp.push(file);
    else if (labelled) fn.push(file);
  }
  const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return { rule, implemented: implemented.has(rule), tp, fp, fn, precision: ratio(tp.length, tp.length + fp.length), recall: ratio(tp.length, tp.length + fn.length) };
}

function table(scores: Score[]): string {
  const rows = scores.map((s) =>
    s.implemented
      ? [s.rule, String(s.tp.length), String(s.fp.length), String(s.fn.length), s.precision.toFixed(2), s.recall.toFixed(2)]
      : [s.rule, '-', '-', String(files.filter((f) => expected[f]?.rules.includes(s.rule)).length), 'pending', ''],
  );
  const all = [['rule', 'TP', 'FP', 'FN', 'precision', 'recall'], ...rows];
  const widths = all[0].map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return all.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd()).join('\n');
}

/** Where a rule fired on a file, so the author can go straight to it. */
function firstFinding(findings: Finding[], rule: string): string {
  const f = findings.find((x) => x.ruleId === rule);
  if (!f) return '';
  const message = f.message.length > 90 ? `${f.message.slice(0, 87)}...` : f.message;
  return `:${f.line} "${message}"`;
}

describe('narrative corpus: precision and recall per rule', () => {
  let findings = new Map<string, Finding[]>();
  const scores = new Map<string, Score>();

  before(() => {
    findings = lintCorpus();
    for (const rule of RULE_IDS) scores.set(rule, score(rule, findings));
    console.log(`\n    Corpus: ${files.length} narratives, thresholds: precision and recall >= ${MIN_SCORE}\n${table([...scores.values()]).replace(/^/gm, '    ')}\n`);
  });

  it(`has at least ${MIN_FILES} narratives, each labelled in expected.json, and no label without a file`, () => {
    assert.ok(files.length >= MIN_FILES, `only ${files.length} narratives in ${CORPUS}`);
    assert.deepEqual(
      files.filter((f) => !(f in expected)),
      [],
      'files without an entry in expected.json',
    );
    assert.deepEqual(
      Object.keys(expected).filter((f) => !files.includes(f)),
      [],
      'entries in expected.json without a file',
    );
  });

  it('labels only with public rule ids, each at most once per file', () => {
    for (const [file, label] of Object.entries(expected)) {
      assert.ok(Array.isArray(label.rules), `${file}: "rules" must be a list`);
      for (const rule of label.rules) assert.ok((RULE_IDS as readonly string[]).includes(rule), `${file}: unknown rule id "${rule}"`);
      assert.equal(new Set(label.rules).size, label.rules.length, `${file}: a rule listed twice`);
    }
  });

  it('uses no inline storydeck-disable comments (labels must come from the text)', () => {
    for (const file of files) assert.doesNotMatch(readFileSync(join(CORPUS, file), 'utf8'), /<!--\s*storydeck-(disable|enable)/, file);
  });

  for (const rule of RULE_IDS) {
    const title = `${rule}: precision and recall >= ${MIN_SCORE}`;
    if (!implemented.has(rule)) {
      it(`${title} (not implemented yet)`);
      continue;
    }
    it(title, () => {
      const s = scores.get(rule)!;
      const positives = s.tp.length + s.fn.length;
      const firings = s.tp.length + s.fp.length;
      if (positives < MIN_LABELS && firings === 0) return;
      if (s.precision >= MIN_SCORE && s.recall >= MIN_SCORE) return;
      const lines = [
        `${rule}: precision ${s.precision.toFixed(2)} (TP ${s.tp.length}, FP ${s.fp.length}), recall ${s.recall.toFixed(2)} (FN ${s.fn.length}); both must be >= ${MIN_SCORE}.`,
      ];
      if (s.fp.length) {
        lines.push('  False positives (fired, but a reviewer says it should not):');
        for (const file of s.fp) lines.push(`    ${file}${firstFinding(findings.get(file) ?? [], rule)}`);
      }
      if (s.fn.length) {
        lines.push('  False negatives (should fire, stayed quiet):');
        for (const file of s.fn) lines.push(`    ${file}${expected[file]?.notes ? ` (${expected[file].notes})` : ''}`);
      }
      assert.fail(lines.join('\n'));
    });
  }
});
