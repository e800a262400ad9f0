import { AUDIENCE_MARKER } from './comments';
import { isGitpitchBreak } from './gitpitch';
import { parseDeck } from './parseDeck';
import type { Slide } from './types';

/**
 * One narrative, several cuts: a slide marked `<!-- audience: executives, board -->` is kept only for the
 * audiences it names; a slide with no marker is for everyone (docs/audiences.md).
 */

/** What can name an audience: a word of letters, digits, `-` and `_` (it becomes part of an export's file name). */
export const AUDIENCE_NAME = /^[A-Za-z][\w-]{0,40}$/;

export const isAudienceName = (name: string) => AUDIENCE_NAME.test(name);

/** An audience name compared without case or a plural `s`: "Executive" and "executives" are one audience. */
export const audienceKey = (name: string) => name.trim().toLowerCase().replace(/s$/, '');

/** The audiences a slide's markers name, as written; empty when the slide is for everyone. Words that cannot name an audience (`../x`) are left out. */
export function slideAudiences(slide: Slide): string[] {
  return slide.comments
    .filter((c) => c.kind === 'audience')
    .flatMap((c) => c.text.replace(AUDIENCE_MARKER, '').split(/[\s,]+/))
    .filter(isAudienceName);
}

/** Whether a slide is shown to `audience`. */
export function isForAudience(slide: Slide, audience: string): boolean {
  const named = slideAudiences(slide);
  return named.length === 0 || named.some((name) => audienceKey(name) === audienceKey(audience));
}

export interface Cut {
  /** The narrative with only the slides for the audience: the front matter, then those slides in order. */
  text: string;
  kept: number;
  total: number;
}

/**
 * The narrative cut for one audience, as text that every reader (preview, outline, talk time, exports) reads
 * like any narrative. Unchanged when no slide is marked; kept slides are joined by `---` (a prose document's
 * sections by a blank line), so a Marp directive set on a dropped slide does not carry over.
 */
export function cutForAudience(text: string, audience: string): Cut {
  const deck = parseDeck(text);
  const total = deck.slides.length;
  const kept = deck.slides.filter((s) => isForAudience(s, audience));
  if (kept.length === total) return { text, kept: total, total };
  // One slide left of a slide deck has no `---` to show it is one: without `headingDivider: false` its headings
  // would divide it into sections, as a prose document's do.
  const keepWhole = !deck.prose && kept.length === 1 && deck.frontMatter.headingDivider === undefined && deck.frontMatter.marp !== true;
  const fm = deck.frontMatterRange;
  const fence = fm ? deck.lines.slice(0, fm.endLine - 1) : ['---'];
  const close = fm ? deck.lines[fm.endLine - 1] : '---';
  const front = keepWhole ? [...fence, 'headingDivider: false', close].join('\n') + '\n\n' : fm ? deck.lines.slice(0, fm.endLine).join('\n') + '\n\n' : '';
  // A slide that starts at GitPitch's `---?image=…` carries its break on its first line: no `---` before it.
  const body = kept
    .map((s) =>
      deck.lines
        .slice(s.line - 1, s.endLine)
        .join('\n')
        .replace(/^\n+|\n+$/g, ''),
    )
    .map((part, i) => (i === 0 || deck.prose || isGitpitchBreak(part.split('\n', 1)[0]) ? part : `---\n\n${part}`))
    .join('\n\n');
  return { text: `${front}${body}\n`, kept: kept.length, total };
}
