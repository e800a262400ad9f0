import type { Comment } from './types';
import { parseYaml } from './yaml';
import { regExp } from './fence';

/**
 * Directives as Marp reads them from a comment: Marpit's own, Marp Core's (`size`, `math`) and Marp CLI's (metadata,
 * `transition`). A comment that sets any of them is a directive, not a note. `marp: true` is not among them: Marp for
 * VS Code reads it from front matter only, and every Marp tool shows it as a note when it is written in a comment.
 */
const MARPIT_GLOBAL = ['headingDivider', 'style', 'theme', 'lang'];
const MARPIT_LOCAL = ['backgroundColor', 'backgroundImage', 'backgroundPosition', 'backgroundRepeat', 'backgroundSize', 'class', 'color', 'footer', 'header', 'paginate'];
const GLOBAL_DIRECTIVES = new Set([...MARPIT_GLOBAL, 'size', 'math', 'title', 'description', 'author', 'image', 'keywords', 'url']);
/** Local directives apply from their slide on; with a leading `_` (a spot directive) to their slide only. Globals take no `_`. */
const LOCAL_DIRECTIVES = new Set([...MARPIT_LOCAL, 'transition']);

const isDirectiveKey = (key: string): boolean => GLOBAL_DIRECTIVES.has(key) || LOCAL_DIRECTIVES.has(key) || (key.startsWith('_') && LOCAL_DIRECTIVES.has(key.slice(1)));

/**
 * Marp Core parses comments as "loose" YAML: a line that sets one of Marpit's own directives gets its value quoted, so
 * `<!-- footer: Team: Platform -->` is a directive rather than invalid YAML. Values that start with a YAML quote, flow,
 * block, alias or anchor character are left as they are.
 */
const LOOSE_LINE = regExp(String.raw`^((["']?)_?(?:${[...MARPIT_GLOBAL, ...MARPIT_LOCAL].join('|')})\2\s*:)(.+)$`);
const YAML_SPECIAL = `["'{|>~&*`;

function looseYaml(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line.replace(LOOSE_LINE, (original, prop: string, _quote: string, value: string) => {
        const trimmed = value.trim();
        if (trimmed === '' || YAML_SPECIAL.includes(trimmed[0])) return original;
        const spaces = value.slice(0, value.length - value.trimStart().length);
        return `${prop}${spaces}"${trimmed.replaceAll('"', '\\"')}"`;
      }),
    )
    .join('\n')
    .trim();
}

/** Comments other tools use for their own purposes; Marp does not show them as notes and neither do we. */
const MAGIC = [/^prettier-ignore(-(start|end))?$/, /^markdownlint-((disable|enable).*|capture|restore)$/, /^lint (disable|enable|ignore).*$/];

// `storydeck-expect` marks the line where a test fixture expects a finding (CONTRIBUTING.md); it is not a note either.
const LINT = /^storydeck-(disable|enable|disable-next-line|disable-line|expect)\b/;
const BEAT = /^beats?\s*:/i;
const GUIDANCE = /^(guide|guidance)\s*:/i;
export const AUDIENCE_MARKER = /^audiences?\s*:/i;

/**
 * The text of the first HTML comment in `html`, as Marp reads it (`<!--+` … `--+>`), trimmed; undefined when there is
 * none. A plain scan rather than a regular expression: a pattern such as `<!--+\s*([\s\S]*?)\s*--+>` backtracks in
 * cubic time over a comment that is never closed, and a narrative can hold one.
 */
export function commentText(html: string): string | undefined {
  const open = html.indexOf('<!--');
  if (open < 0) return undefined;
  // Extra dashes belong to the opening, unless the comment is only dashes: `<!---->` is empty.
  let start = open + 4;
  while (html[start] === '-') start++;
  const close = html.indexOf('-->', start);
  if (close < 0) return html[start] === '>' && start - open >= 6 ? '' : undefined;
  let end = close;
  while (html[end - 1] === '-') end--;
  return html.slice(start, end).trim();
}

export function classifyComment(text: string): Comment['kind'] | 'ignored' {
  if (LINT.test(text)) return 'lint';
  if (BEAT.test(text)) return 'beat';
  if (GUIDANCE.test(text)) return 'guidance';
  if (AUDIENCE_MARKER.test(text)) return 'audience';
  if (MAGIC.some((re) => re.test(text))) return 'ignored';
  return directives(text) ? 'directive' : 'note';
}

/**
 * Parsed comment texts. Parsing one deck asks about each comment more than once (the headingDivider pass,
 * classification, the slide's directives), and the editor re-parses a deck on every pause in typing with
 * almost all of its comments unchanged; YAML parsing is the costly part, so each text is parsed once.
 * Callers never mutate the returned objects.
 */
const DIRECTIVE_CACHE_LIMIT = 2000;
const directiveCache = new Map<string, Record<string, unknown> | undefined>();

/**
 * A comment sets a directive only if a directive's name is in its text: YAML spells a key out, letter by
 * letter, unless a double-quoted key escapes letters with a backslash. Most notes name none, and skip YAML.
 */
const NAMES_A_DIRECTIVE = regExp([...GLOBAL_DIRECTIVES, ...LOCAL_DIRECTIVES, String.raw`\\`].join('|'));

/** The directive keys and values a comment sets, or undefined when it sets none. */
export function directives(text: string): Record<string, unknown> | undefined {
  if (!text.includes(':') || !NAMES_A_DIRECTIVE.test(text)) return undefined;
  if (directiveCache.has(text)) return directiveCache.get(text);
  if (directiveCache.size >= DIRECTIVE_CACHE_LIMIT) directiveCache.clear();
  const found = parseDirectives(text);
  directiveCache.set(text, found);
  return found;
}

function parseDirectives(text: string): Record<string, unknown> | undefined {
  // Like Marp, a comment that is not valid (loose) YAML, such as one with a duplicate key, sets nothing.
  let value: unknown;
  try {
    const doc = parseYaml(looseYaml(text), { schema: 'failsafe', logLevel: 'silent' });
    if (doc.errors.length > 0) return undefined;
    value = doc.toJS();
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const found = Object.keys(value).filter(isDirectiveKey);
  if (found.length === 0) return undefined;
  return Object.fromEntries(found.map((key) => [key, (value as Record<string, unknown>)[key]]));
}

/** The beat ids named by a `<!-- beat: pain, value -->` marker, lower-cased, in order. */
export function beatMarkerIds(text: string): string[] {
  return text
    .replace(BEAT, '')
    .split(/[\s,]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}
