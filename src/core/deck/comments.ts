import { parse as parseYaml } from 'yaml';
import type { Comment } from './types';

/** Marp's built-in and marp-core's directives; a comment that sets any of them is a directive, not a note. */
const MARP_DIRECTIVES = new Set([
  // global
  'headingDivider', 'style', 'theme', 'lang', 'size', 'math', 'marp', 'title', 'description', 'author', 'image', 'keywords', 'url', 'transition',
  // local
  'backgroundColor', 'backgroundImage', 'backgroundPosition', 'backgroundRepeat', 'backgroundSize', 'class', 'color', 'footer', 'header', 'paginate',
]);

/** Comments other tools use for their own purposes; Marp does not show them as notes and neither do we. */
const MAGIC = [/^prettier-ignore(-(start|end))?$/, /^markdownlint-((disable|enable).*|capture|restore)$/, /^lint (disable|enable|ignore).*$/];

const LINT = /^storydeck-(disable|enable|disable-next-line|disable-line)\b/;
const BEAT = /^beats?\s*:/i;
const GUIDANCE = /^(guide|guidance)\s*:/i;

const COMMENT = /<!--+\s*([\s\S]*?)\s*--+>/;

/** The text of the first HTML comment in `html`, as Marp reads it; undefined when there is none. */
export function commentText(html: string): string | undefined {
  const match = COMMENT.exec(html);
  return match ? match[1].trim() : undefined;
}

export function classifyComment(text: string): Comment['kind'] | 'ignored' {
  if (LINT.test(text)) return 'lint';
  if (BEAT.test(text)) return 'beat';
  if (GUIDANCE.test(text)) return 'guidance';
  if (MAGIC.some((re) => re.test(text))) return 'ignored';
  return directives(text) ? 'directive' : 'note';
}

/** The directive keys and values a comment sets, or undefined when it sets none. */
export function directives(text: string): Record<string, unknown> | undefined {
  if (!text.includes(':')) return undefined;
  let value: unknown;
  try {
    value = parseYaml(text, { schema: 'failsafe', logLevel: 'silent' });
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const found = Object.keys(value).filter((key) => MARP_DIRECTIVES.has(key.replace(/^_/, '')));
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
