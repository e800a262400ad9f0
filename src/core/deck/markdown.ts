import markdownIt, { type MarkdownIt } from 'markdown-it';
import { gitpitchBreaks } from './gitpitch';

/**
 * The one markdown-it configuration StoryDeck parses and renders with, so that the outline, the linter,
 * the preview and every export agree on where blocks and slides begin.
 *
 * `html: true` only makes markdown-it *tokenize* HTML (comments carry notes and directives); the renderer
 * decides what raw HTML may reach the page. GitPitch's slide breaks are read as breaks (`gitpitch.ts`).
 */
export function createMarkdownIt(): MarkdownIt {
  return markdownIt('default', { html: true, linkify: false, typographer: false }).use(gitpitchBreaks);
}

let shared: MarkdownIt | undefined;

/** A lazily created instance for parsing only (never mutate its rules). */
export function sharedParser(): MarkdownIt {
  shared ??= createMarkdownIt();
  return shared;
}
