import { stringify } from 'yaml';

/**
 * Escaping for user answers, one function per place an answer can land in a narrative. Answers are user
 * text: none of these functions lets an answer add markup, a slide, a front matter key or end a comment.
 */

/** C0/C1 control characters and Unicode line/paragraph separators (tab, LF and CR are handled as white space). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/g;
const SPACE_RUN = /\s+/g;

/** One line of text: control characters removed, every run of white space (line breaks included) becomes one space. */
export function singleLine(text: string): string {
  return text.replace(CONTROL, ' ').replace(SPACE_RUN, ' ').trim();
}

/** Characters that start inline markup anywhere in a line: code, emphasis, links, strikethrough, table cells, escapes. */
const INLINE_SPECIAL = /[\\`*_[\]|~]/g;
/** `&` that would start a character reference (`&lt;`, `&#60;`, `&#x3c;`). */
const ENTITY_START = /&(?=#?[a-z0-9]+;)/gi;

/**
 * Text for the body of a slide (a heading, a paragraph, a list item, a table cell): one line, shown
 * exactly as typed. HTML can never start (`<` and `>` become entities), inline markup is backslash-escaped,
 * and a line that starts with the answer cannot become a heading, list, quote, thematic break (`---`,
 * which would start a new slide) or setext underline. A trailing ` #` cannot be eaten by an ATX heading.
 */
export function escapeMarkdown(text: string): string {
  let out = singleLine(text).replace(INLINE_SPECIAL, '\\$&').replace(ENTITY_START, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // Block starts: `# `, `- `, `+ `, `= `/`===`, `---`, `1. `, `1) `. (`*`, `>` and `|` are already escaped.)
  out = out.replace(/^([#+\-=])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
  // The closing sequence of an ATX heading: `Title #` would lose its `#`.
  out = out.replace(/(\s)(#+)$/, '$1\\$2');
  return out;
}

/**
 * Text inside an HTML comment (`<!-- guide: … -->`): one line without `<` or `>` (they become entities),
 * so the answer can neither end the comment (`-->`, `--!>`, `<!-->`) nor open another one.
 */
export function escapeComment(text: string): string {
  return singleLine(text).replace(ENTITY_START, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Characters that should never appear raw in a front matter line. */
const UNUSUAL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF]/;
/** Strings a YAML 1.1 reader (older tools) would not read back as the same string. */
const YAML11_SPECIAL = /^(?:y|n|yes|no|on|off|true|false|null|~|[-+.\d:_eE]+|\.(?:inf|nan))$/i;

/**
 * A YAML scalar on one line for a front matter value (`title: <here>`): a plain scalar when that reads back
 * as the same string in YAML 1.1 and 1.2, else a double-quoted one with escapes (`<` is always escaped). Every string, however
 * hostile (`---`, `"`, `#`, `: `, line breaks, `{{`), reads back exactly as given.
 */
export function yamlScalar(value: string): string {
  const plain = stringify(value, { lineWidth: 0, minContentWidth: 0, blockQuote: false }).replace(/\n$/, '');
  if (plain === value && !YAML11_SPECIAL.test(value) && !UNUSUAL.test(value) && !value.includes('<')) return plain;
  const quoted = stringify(value, {
    defaultStringType: 'QUOTE_DOUBLE',
    lineWidth: 0,
    minContentWidth: 0,
    blockQuote: false,
    doubleQuotedAsJSON: true,
    doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER,
  }).replace(/\n$/, '');
  // JSON is a subset of YAML 1.2's double-quoted style: a safe fallback if the library ever folds a line.
  const line = quoted.includes('\n') ? JSON.stringify(value) : quoted;
  // JSON leaves U+2028/U+2029/U+0085/U+FEFF raw (editors show them as line breaks) and `<` raw (so `<script` or `<!--`
  // would appear in the file, if only inside a string): spell them as escapes, which read back the same.
  return line.replace(/[<\u0085\u2028\u2029\uFEFF]/g, (c) => (c === '<' ? '\\x3C' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
