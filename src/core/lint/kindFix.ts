import { readFrontMatter } from '../deck/frontMatter';
import type { KindProfile } from '../story/kinds';
import { applyEdits } from './fixes';
import type { Finding, TextEdit } from './types';

/**
 * "Set kind: X" for a finding whose beat is asked for (missing, or there but asked about) only because nothing names the narrative's kind
 * (`Finding.guessedKind`): never a fix (`--fix` and fix-all never choose a kind for the writer), an edit an
 * editor offers.
 */

const LINE_BREAK = /\r\n|\r|\n/;
/** A top-level `kind:` key in YAML front matter. */
const KIND_KEY = /^kind[ \t]*:/;

/**
 * The kinds to offer for a finding: every kind in `kinds` (the built-in table with a configuration's on top,
 * `kindTable`) that does not expect the finding's beat, in the table's order, then the guess itself, which keeps
 * its expectations (a missing beat's question is a warning again; an expected beat's keeps the rule's severity). None for a finding that is not about a guess's expected beat.
 */
export function kindChoices(finding: Pick<Finding, 'missingBeat' | 'expectedBeat' | 'guessedKind'>, kinds: Readonly<Record<string, KindProfile>>): string[] {
  const { missingBeat, expectedBeat, guessedKind: guess } = finding;
  const beat = missingBeat ?? expectedBeat;
  if (!beat || !guess) return [];
  return [...Object.keys(kinds).filter((id) => id !== guess && !kinds[id].expects.includes(beat)), guess];
}

/**
 * The edit that makes the front matter say `kind: <kind>`: a line before the closing fence of the YAML front
 * matter there is (in place of a `kind:` line there already, as one naming a kind nobody defined), or a new front
 * matter at the top, in the text's own line breaks (the text, as everywhere in the core, without a byte-order mark). Undefined when no such edit reads
 * back as that kind with every other key unchanged: TOML front matter, or YAML StoryDeck cannot read (which the
 * `front-matter` rule reports).
 */
export function setKindEdit(text: string, kind: string): TextEdit | undefined {
  const lines = text.split(LINE_BREAK);
  const eol = LINE_BREAK.exec(text)?.[0] ?? '\n';
  const before = readFrontMatter(lines);
  if (before.problems.length > 0) return undefined;
  const others = JSON.stringify({ ...before.data, kind: undefined });
  for (const value of [kind, JSON.stringify(kind)]) {
    const edit = kindLineEdit(lines, before.range, `kind: ${value}`, eol);
    const after = readFrontMatter(applyEdits(text, [edit]).text.split(LINE_BREAK));
    if (after.problems.length === 0 && after.data.kind === kind && JSON.stringify({ ...after.data, kind: undefined }) === others) return edit;
  }
  return undefined;
}

function kindLineEdit(lines: readonly string[], range: { line: number; endLine: number } | undefined, line: string, eol: string): TextEdit {
  if (!range) {
    // A new front matter, and a blank line between it and the text (none is needed before a blank line or an empty file).
    const gap = (lines[0] ?? '').trim() === '' ? '' : eol;
    return { line: 1, column: 1, endLine: 1, endColumn: 1, text: `---${eol}${line}${eol}---${eol}${gap}` };
  }
  const existing = lines.findIndex((l, i) => i > 0 && i < range.endLine - 1 && KIND_KEY.test(l));
  if (existing > 0) return { line: existing + 1, column: 1, endLine: existing + 1, endColumn: lines[existing].length + 1, text: line };
  return { line: range.endLine, column: 1, endLine: range.endLine, endColumn: 1, text: `${line}${eol}` };
}
