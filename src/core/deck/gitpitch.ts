import type { MarkdownIt, StateBlock } from 'markdown-it';
import { shorthandColour } from './colours';

/**
 * GitPitch's slide breaks, read as slide breaks: `---?image=…` (and `---?color=…`, `---?include=…`, `---?video=…`: any
 * `---?key=value&…` line) starts a slide, and so does `+++`, GitPitch's break to a vertical slide. Marp and CommonMark
 * read both as text, so a GitPitch deck (PITCHME.md) would otherwise open as a few long slides.
 *
 * A markdown-it block rule, in the one configuration every parse and render uses (`markdown.ts`), so the slides, the
 * preview and every export agree: it emits an `hr`, the token every reader already splits slides at. A `---?` line
 * belongs to the slide it starts (its `hr` ends where it begins) and gives it what Marp's syntax would: `image=` a
 * `![bg](…)` picture, through the same URL and file rules as any picture, and `color=` (a colour Marp's shorthand
 * accepts, else nothing) a `_backgroundColor` directive. Nothing else it names (an included file, a video) is read.
 * Like an `hr` it may end a paragraph: GitPitch decks often put no blank line before a break.
 */
export function gitpitchBreaks(md: MarkdownIt): void {
  md.block.ruler.before('hr', 'gitpitch_break', gitpitchBreak, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
}

/** `+++`, or `---?` and a setting: the line without its trailing white space. */
const BREAK = /^(?:\+\+\+|---\?([a-z][\w-]*=.*))$/i;

/** Whether a line of text is one of GitPitch's breaks, as an edit that adds slides must know (the rule below reads the tokens). */
export function isGitpitchBreak(line: string): boolean {
  return BREAK.test(line.trim());
}

function gitpitchBreak(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  // A line of the document's top level only, as `---` is: not indented as code, not in a list item's content (indented to
  // it) and not in a quote (a `>` before it on its line). A line straight after a list item, a table row or a quote is
  // not in it: there the break ends the list, table or quote, as `---` does, instead of being read as their text.
  const start = state.bMarks[startLine] + state.tShift[startLine];
  const first = state.src.charCodeAt(start);
  if ((first !== 0x2b && first !== 0x2d) || state.sCount[startLine] >= 4 || (state.blkIndent > 0 && state.sCount[startLine] >= state.blkIndent)) return false;
  const line = state.src.slice(start, state.eMarks[startLine]).trimEnd();
  const match = BREAK.exec(line);
  if (!match || state.src.slice(state.src.lastIndexOf('\n', start - 1) + 1, start).trim() !== '') return false;
  if (silent) return true;
  const settings = match[1] === undefined ? undefined : readSettings(match[1]);
  // Before anything else the break opens the first slide (GitPitch's first break is implicit): no empty slide before it.
  if (state.tokens.length > 0) {
    const hr = state.push('hr', 'hr', 0);
    // `+++` is a break of its own line, as `---` is; a `---?` line opens its slide.
    hr.map = [startLine, settings ? startLine : startLine + 1];
    hr.markup = line;
  }
  state.line = startLine + 1;
  if (!settings) return true;
  const colour = settings.color === undefined ? undefined : shorthandColour(settings.color);
  if (colour !== undefined) {
    const directive = state.push('html_block', '', 0);
    directive.map = [startLine, startLine + 1];
    // shorthandColour lets through no quote, `<` or `>`: the value cannot leave the string or the comment.
    directive.content = `<!-- _backgroundColor: "${colour}" -->\n`;
  }
  const image = pictureAddress(state.md, settings);
  if (image) {
    state.push('paragraph_open', 'p', 1).map = [startLine, startLine + 1];
    const inline = state.push('inline', '', 0);
    inline.content = `![bg](<${image}>)`;
    inline.map = [startLine, startLine + 1];
    inline.children = [];
    state.push('paragraph_close', 'p', -1);
  }
  return true;
}

/**
 * The address of the picture a `---?` line's `image=` names, when it is one markdown-it takes in `![bg](<…>)` (a link
 * destination in `<…>`: spaces, but no angle bracket, backslash or line break; and a URL its `validateLink` lets
 * through: not `javascript:`, `vbscript:`, `file:` or a `data:` URL other than a picture). Anything else would stay
 * on the slide as the markup itself: undefined.
 */
function pictureAddress(md: MarkdownIt, settings: Record<string, string>): string | undefined {
  const image = settings.image?.trim();
  return image && !/[<>\\]/.test(image) && md.validateLink(md.normalizeLink(image)) ? image : undefined;
}

/**
 * The `image=` of a GitPitch break line that draws no picture (see `pictureAddress`), for the finding that says why;
 * undefined for any other line. `md`: the configuration the deck was parsed with.
 */
export function refusedGitpitchImage(md: MarkdownIt, line: string): string | undefined {
  const setting = BREAK.exec(line.trim())?.[1];
  if (setting === undefined) return undefined;
  const settings = readSettings(setting);
  return settings.image?.trim() && !pictureAddress(md, settings) ? settings.image.trim() : undefined;
}

/** `image=a.png&size=cover&color=#fff` as `{ image, size, color }` (the first of a repeated key). */
function readSettings(query: string): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const pair of query.split('&')) {
    const at = pair.indexOf('=');
    const key = (at < 0 ? pair : pair.slice(0, at)).trim().toLowerCase();
    if (key && !Object.hasOwn(settings, key)) settings[key] = at < 0 ? '' : pair.slice(at + 1);
  }
  return settings;
}
