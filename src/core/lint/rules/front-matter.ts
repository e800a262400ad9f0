import { FRONT_MATTER_PROBLEMS } from '../../deck/frontMatter';
import { DURATION_FORMS, parseDuration, readMarp, shortFences, type Deck, type Range } from '../../deck';
import { builtinTheme, MARP_THEME_ALIASES, THEME_NAMES } from '../../render/themes';
import { validateConfig } from '../config';
import type { Rule, TextEdit } from '../types';
import { lineRange, rangeInside } from '../ranges';

/** Keys StoryDeck reads. */
export const STORYDECK_KEYS = ['title', 'kind', 'audience', 'stakeholders', 'duration', 'theme', 'storydeck', 'date', 'author', 'description', 'lang'] as const;
/** Marp's global directives and the local ones that may be set for every slide from front matter. */
export const MARP_KEYS = [
  'marp',
  'paginate',
  'size',
  'math',
  'headingDivider',
  'class',
  'header',
  'footer',
  'backgroundColor',
  'backgroundImage',
  'backgroundPosition',
  'backgroundRepeat',
  'backgroundSize',
  'color',
  'style',
  'transition',
  'image',
  'keywords',
  'url',
] as const;
/** Marp local directives; with a leading `_` they apply to the first slide only. */
const MARP_LOCAL = new Set(['paginate', 'header', 'footer', 'class', 'backgroundColor', 'backgroundImage', 'backgroundPosition', 'backgroundRepeat', 'backgroundSize', 'color']);

const KNOWN: readonly string[] = [...STORYDECK_KEYS, ...MARP_KEYS];
const TEXT_KEYS = ['title', 'audience', 'description'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 2) return Math.abs(a.length - b.length);
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0].push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i].push(best);
    }
  }
  return rows[a.length][b.length];
}

/**
 * The known key a misspelt one was meant to be: at most 2 edits away (1 for keys of four letters or
 * fewer, where two edits reach unrelated words), ignoring case. The closest wins; ties go to the
 * earlier key in the list, StoryDeck's own first.
 */
export function suggestKey(key: string, known: readonly string[] = KNOWN): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    const allowed = candidate.length <= 4 ? 1 : 2;
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

interface KeyLine {
  line: number;
  /** 1-based column of the key's first character (inside quotes for a quoted key). */
  column: number;
  endColumn: number;
  lineRange: Range;
}

/** Top-level keys of the front matter block and where they are written. */
export function frontMatterKeyLines(deck: Deck): Map<string, KeyLine> {
  const out = new Map<string, KeyLine>();
  const fm = deck.frontMatterRange;
  if (!fm) return out;
  for (let line = fm.line + 1; line < fm.endLine && line <= deck.lines.length; line++) {
    const text = deck.lines[line - 1] ?? '';
    if (text === '' || /^[\s#-]/.test(text)) continue;
    const colon = text.indexOf(':');
    if (colon <= 0) continue;
    let start = 0;
    let end = colon;
    while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    if ((text[0] === '"' || text[0] === "'") && end - start >= 2 && text[end - 1] === text[0]) {
      start++;
      end--;
    }
    const name = text.slice(start, end);
    if (name && !out.has(name)) out.set(name, { line, column: start + 1, endColumn: end + 1, lineRange: { line, column: 1, endLine: line, endColumn: text.length + 1 } });
  }
  return out;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of keys';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `\`${value}\``;
  return `"${String(value)}"`;
}

const rule: Rule = {
  id: 'front-matter',
  description: 'Front matter is valid YAML with known keys of the right type.',
  tags: ['front-matter', 'input'],
  defaultSeverity: 'warning',
  docs: 'docs/rules/front-matter.md',
  defaultOptions: { allowKeys: [] },
  check(ctx, report) {
    const { deck } = ctx;
    // TOML front matter is set apart and not read: one notice, and no YAML keys to check.
    const toml = deck.problems.find((problem) => problem.code === 'front-matter-toml');
    if (toml) {
      report({ severity: 'info', message: toml.message, range: rangeInside(deck.lines, toml) });
      return;
    }
    let broken = false;
    for (const problem of deck.problems) {
      if (!FRONT_MATTER_PROBLEMS.has(problem.code)) continue;
      broken = true;
      const message = problem.message.replace(/[.:]?$/, '.');
      // Short fences: the fix writes `---` in their place.
      const fences = problem.code === 'front-matter-fence' ? shortFences(deck.lines) : undefined;
      const fix: TextEdit[] | undefined = fences?.map((i) => ({ line: i + 1, column: 1, endLine: i + 1, endColumn: deck.lines[i].length + 1, text: '---' }));
      report({ message: `${message} Until it is fixed, StoryDeck ignores the title, duration and settings in it.`, range: rangeInside(deck.lines, problem), ...(fix ? { fix } : {}) });
    }
    if (broken) return;

    const lines = frontMatterKeyLines(deck);
    const fallback = (): Range => rangeInside(deck.lines, { line: deck.frontMatterRange?.line ?? 1, column: 1, endLine: deck.frontMatterRange?.line ?? 1, endColumn: 4 });
    const where = (key: string): Range => lines.get(key)?.lineRange ?? lines.get(`_${key}`)?.lineRange ?? fallback();

    // Marp's directives, in front matter or in comments: a theme StoryDeck lacks, and what it does not draw.
    const marp = readMarp(deck);
    const at = (key: string, line: number | undefined): Range => (line === undefined ? where(key) : lineRange(ctx, line));
    if (marp.theme && !builtinTheme(marp.theme.name) && !ctx.themes.includes(marp.theme.name)) {
      report({
        message: `\`theme: ${marp.theme.name}\` is not a theme StoryDeck has, so the slides use the light theme. Use one of ${[...THEME_NAMES, ...Object.keys(MARP_THEME_ALIASES), ...ctx.themes].join(', ')}.`,
        range: at('theme', marp.theme.line),
      });
    }
    for (const notice of marp.notices) report({ message: notice.message, range: at(notice.key.replace(/-value$/, ''), notice.line) });

    if (!deck.frontMatterRange) return;
    const data = deck.frontMatter;
    const extra = Array.isArray(ctx.options.allowKeys) ? ctx.options.allowKeys.filter((k): k is string => typeof k === 'string') : [];
    const known = new Set([...KNOWN, ...extra]);
    const claimed = new Set(Object.keys(data));

    // Other tools keep their own keys here (Slidev's `layout`, Quarto's `format`…): only a likely typo of a key StoryDeck or Marp reads is reported.
    for (const key of Object.keys(data)) {
      if (known.has(key) || (key.startsWith('_') && MARP_LOCAL.has(key.slice(1)))) continue;
      const suggestion = suggestKey(key);
      if (!suggestion) continue;
      const at = lines.get(key);
      // Renaming onto a key that is already there would break the YAML with a duplicate key.
      const fix: TextEdit[] | undefined = at && !claimed.has(suggestion) ? [{ line: at.line, column: at.column, endLine: at.line, endColumn: at.endColumn, text: suggestion }] : undefined;
      if (fix) claimed.add(suggestion);
      const already = suggestion in data ? ` (\`${suggestion}\` is set too: keep one of the two)` : '';
      report({
        message: `\`${key}\` is not a front matter key StoryDeck knows, so it is ignored. Did you mean \`${suggestion}\`?${already} If another tool reads it, list it in this rule's \`allowKeys\`.`,
        range: where(key),
        ...(fix ? { fix } : {}),
      });
    }
    if (ctx.kind.unknown !== undefined && 'kind' in data) {
      report({
        message: `\`kind: ${ctx.kind.unknown}\` is not a kind StoryDeck knows, so the narrative is read as a ${ctx.kind.id}. Use one of ${Object.keys(ctx.kinds).join(', ')}, or define it under \`kinds:\` in .storydeck.yaml.`,
        range: where('kind'),
      });
    }

    for (const problem of ctx.story.stakeholders.problems)
      report({ message: problem.message, range: rangeInside(deck.lines, { line: problem.line, column: 1, endLine: problem.line, endColumn: (deck.lines[problem.line - 1] ?? '').length + 1 }) });

    for (const key of TEXT_KEYS) {
      if (!(key in data) || typeof data[key] === 'string') continue;
      report({ message: `\`${key}\` should be text, but it is ${describe(data[key])}. Write it in quotes, e.g. ${key}: "…".`, range: where(key) });
    }
    if ('duration' in data && parseDuration(data.duration) === undefined) {
      report({ message: `\`duration\` should be the length of your talk, but it is ${describe(data.duration)}, so your talk time is not checked. Write ${DURATION_FORMS}.`, range: where('duration') });
    }
    if ('storydeck' in data) {
      const value = data.storydeck;
      if (isObject(value)) {
        for (const problem of validateConfig(value, 'front matter').problems) {
          report({ message: `StoryDeck settings in the front matter: ${problem.message}`, range: where('storydeck') });
        }
      } else if (typeof value !== 'boolean') {
        report({ message: `\`storydeck\` should be \`true\`, \`false\` (not a narrative) or a set of settings (rules, strategy…), but it is ${describe(value)}.`, range: where('storydeck') });
      }
    }
  },
};

export default rule;
