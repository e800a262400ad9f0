import type { Env, MarkdownIt, Token } from 'markdown-it';
import { parseDuration } from '../deck/duration';
import { createMarkdownIt } from '../deck/markdown';
import { isForAudience } from '../deck/cut';
import type { Deck, Slide } from '../deck/types';
import { commentText } from '../deck/comments';
import { markdownSource, parseWithTokens } from '../deck/parseDeck';
import { imageSpec, readMarp } from '../deck/marp';
import { escapeHtml } from './escape';
import { slideDecor, takeBackgrounds, type Background } from './marp';
import type { RenderedDeck, RenderedSlide, RenderOptions } from './types';
import { themeName } from './themes';
import { isSafeImageSource, linkKind } from './urls';

/**
 * Renders every slide of a parsed deck to HTML. The tokens are those `parseForRender` kept (or the
 * Markdown parsed again exactly as `parseDeck` parses it), cut at the slides' first lines, so slides,
 * line numbers and reference links agree with the `Deck`. Pure: no DOM, no file system.
 */
export function renderDeck(source: Deck | ParsedDeck, options: RenderOptions = {}): RenderedDeck {
  const md = slideRenderer();
  const deck = deckOf(source);
  const { perSlide, backgrounds, env } = slideTokens(source, options);
  const marp = readMarp(deck);
  const resolve = (src: string) => imageUrl(src, env);
  const inline = (markdown: string) => md.renderInline(markdown, env);
  const slides = deck.slides.map((slide, i): RenderedSlide => {
    const decor = slideDecor(marp, i, backgrounds[i], resolve, inline);
    return {
      index: slide.index,
      line: slide.line,
      endLine: slide.endLine,
      title: slide.title,
      ...(decor.className ? { className: decor.className } : {}),
      ...(decor.look ? { look: decor.look } : {}),
      html: decor.before + md.renderer.render(perSlide[i], md.options, env) + decor.after,
      notesHtml: notesHtml(slide.notes),
      estimatedSeconds: slide.estimatedSeconds,
    };
  });
  const durationSeconds = parseDuration(deck.frontMatter.duration);
  return {
    title: deck.title,
    theme: themeName(marp.theme?.name),
    size: marp.size,
    lang: languageTag(deck.frontMatter.lang) ?? 'en',
    ...(durationSeconds !== undefined ? { durationSeconds } : {}),
    estimatedSeconds: deck.estimatedSeconds,
    slides,
  };
}

/**
 * A deck with the markdown-it tokens it was read from, from `parseForRender`, for the render that comes
 * next. Only these values hold tokens, and only until that render: lint parses with `parseDeck` on every
 * pause in typing, and tokens kept alive through its rules would cost the garbage collector more than a
 * second parse costs here. Let the value go once it is rendered.
 */
export interface ParsedDeck {
  readonly deck: Deck;
  /**
   * Handed out once: the first render takes them (and leaves undefined), because rendering marks tokens up
   * (source lines, classes, resolved image URLs); a later render of the same deck parses afresh.
   */
  tokens?: Token[];
}

/**
 * Parses a narrative that is rendered next (as export and the preview do): the same Deck as `parseDeck`,
 * with its tokens, so that the first render reuses them instead of running markdown-it again.
 */
export function parseForRender(text: string): ParsedDeck {
  return parseWithTokens(text);
}

/** The parsed deck with its speaker notes left out (`drop`), for an export sent to an audience; its tokens go with it. */
export function withoutNotes(parsed: ParsedDeck, drop = true): ParsedDeck {
  if (!drop) return parsed;
  const deck = { ...parsed.deck, slides: parsed.deck.slides.map((s) => ({ ...s, notes: [] })) };
  return { deck, tokens: takeTokens(parsed) };
}

/**
 * A rendered deck cut for one audience (docs/audiences.md): the slides marked for it and the unmarked ones, with
 * their own talk time. Slides keep their source lines, so the editor and the preview stay in step. Unchanged
 * with no audience, or when the cut would leave no slide.
 */
export function renderedForAudience(rendered: RenderedDeck, deck: Deck, audience: string | undefined): RenderedDeck {
  if (!audience) return rendered;
  const slides = rendered.slides.filter((_, i) => !deck.slides[i] || isForAudience(deck.slides[i], audience));
  if (slides.length === rendered.slides.length || slides.length === 0) return rendered;
  return { ...rendered, slides, estimatedSeconds: slides.reduce((sum, s) => sum + s.estimatedSeconds, 0) };
}

/** The deck, whether it came with its tokens or not. */
export function deckOf(source: Deck | ParsedDeck): Deck {
  return 'deck' in source ? source.deck : source;
}

function takeTokens(source: Deck | ParsedDeck): Token[] | undefined {
  if (!('deck' in source)) return undefined;
  const { tokens } = source;
  source.tokens = undefined;
  return tokens;
}

export interface RenderEnv extends Env {
  resolveImage?: RenderOptions['resolveImage'];
  rawHtml?: RenderOptions['rawHtml'];
}

/**
 * The deck's Markdown as `parseForRender` parsed it (or else parsed again the same way as `parseDeck`
 * does), cut into one token array per slide
 * (separators dropped, block tokens marked with `data-line`, table alignment as `sd-align-*` classes),
 * with Marp's `bg` pictures taken out of each slide's flow (`backgrounds`, aligned with the slides),
 * and the env to render them in. The HTML renderer and the PPTX export both walk these.
 */
export function slideTokens(source: Deck | ParsedDeck, options: RenderOptions = {}): { perSlide: Token[][]; backgrounds: Background[][]; env: RenderEnv } {
  const deck = deckOf(source);
  const env: RenderEnv = { resolveImage: options.resolveImage, rawHtml: options.rawHtml };
  // A refused input (binary, too large) has no slides, and nothing to parse.
  const tokens = deck.slides.length > 0 ? (takeTokens(source) ?? slideRenderer().parse(markdownSource(deck.text, deck.frontMatterRange), env)) : [];
  const perSlide = splitTokens(tokens, deck.slides);
  return { perSlide, backgrounds: perSlide.map(takeBackgrounds), env };
}

/**
 * Gives each top-level block to the last slide starting at or before its first line, drops the
 * separators, and marks block tokens with their 1-based source line.
 */
function splitTokens(tokens: Token[], slides: readonly Slide[]): Token[][] {
  const out: Token[][] = slides.map(() => []);
  let s = 0;
  for (const token of tokens) {
    if (token.level === 0 && token.map) {
      const line = token.map[0] + 1;
      while (s + 1 < slides.length && slides[s + 1].line <= line) s++;
      if (token.type === 'hr') continue;
    }
    if (token.map && token.type !== 'inline') token.attrSet('data-line', String(token.map[0] + 1));
    moveAlignmentToClass(token);
    out[s].push(token);
  }
  return out;
}

/** markdown-it aligns table cells with `style` attributes, which a strict CSP blocks; use classes instead. */
function moveAlignmentToClass(token: Token): void {
  if (token.type !== 'th_open' && token.type !== 'td_open') return;
  const align = /^text-align:(left|center|right)$/.exec(String(token.attrGet('style') ?? ''))?.[1];
  if (!align) return;
  token.attrs = token.attrs?.filter(([name]) => name !== 'style') ?? null;
  token.attrJoin('class', `sd-align-${align}`);
}

let renderer: MarkdownIt | undefined;

/** The shared markdown-it configuration with StoryDeck's safe rendering rules. */
function slideRenderer(): MarkdownIt {
  if (renderer) return renderer;
  const md = createMarkdownIt();
  const rules = md.renderer.rules;

  // Raw HTML is shown as text; comments (notes, directives, lint and beat markers, guidance) vanish.
  // With `rawHtml: 'keep'` it is carried, as text in a `data-sd-html` attribute, for the page to sanitize.
  rules.html_block = (tokens, idx, _options, env: RenderEnv | undefined, self) => {
    const text = withoutComments(tokens[idx].content).trim();
    if (!text) return '';
    if (env?.rawHtml === 'keep') return `<div class="sd-raw-html"${self.renderAttrs(tokens[idx])} data-sd-html="${escapeHtml(text)}"></div>\n`;
    return `<div class="sd-raw-html"${self.renderAttrs(tokens[idx])}>${escapeHtml(text)}</div>\n`;
  };
  rules.html_inline = (tokens, idx, _options, env: RenderEnv | undefined) => {
    const html = withoutComments(tokens[idx].content);
    return env?.rawHtml === 'keep' ? html : escapeHtml(html);
  };
  // Inline raw HTML pairs up across tokens (`<kbd>`, text, `</kbd>`): the whole run of inline content is carried.
  const renderInline = md.renderer.renderInline.bind(md.renderer);
  md.renderer.renderInline = (tokens, options, env: RenderEnv | undefined) => {
    const html = renderInline(tokens, options, env);
    if (env?.rawHtml !== 'keep' || !tokens.some((token) => token.type === 'html_inline')) return html;
    return `<span class="sd-raw-html" data-sd-html="${escapeHtml(html)}"></span>`;
  };

  // markdown-it puts a fence's attributes on <code>; data-line belongs on the block, <pre>.
  rules.fence = (tokens, idx, _options, _env, self) => {
    const token = tokens[idx];
    const language = md.utils.unescapeAll(token.info).trim().split(/\s+/)[0];
    const code = language ? `<code class="language-${escapeHtml(language)}">` : '<code>';
    return `<pre${self.renderAttrs(token)}>${code}${escapeHtml(token.content)}</code></pre>\n`;
  };

  rules.link_open = (tokens, idx, options, _env, self) => {
    const token = tokens[idx];
    const kind = linkKind(String(token.attrGet('href') ?? ''));
    if (!kind) {
      token.meta = { blocked: true };
      return '';
    }
    if (kind === 'web') {
      token.attrSet('target', '_blank');
      token.attrSet('rel', 'noopener noreferrer');
    }
    return self.renderToken(tokens, idx, options);
  };
  rules.link_close = (tokens, idx, options, _env, self) => {
    // Links do not nest, so the nearest link_open before this token is its own: looked for backwards from here, through
    // this link's own text only (a search from the end of the paragraph would read it whole for each link: quadratic).
    let open = idx - 1;
    while (open >= 0 && tokens[open].type !== 'link_open') open--;
    return tokens[open]?.meta?.blocked ? '' : self.renderToken(tokens, idx, options);
  };

  // Marp's size keywords (`w:300`, `height:200px`) become the image's width and height; the alt text loses them.
  rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const spec = imageSpec(withoutComments(self.renderInlineAsText(token.children ?? [], options, env)));
    const url = imageUrl(String(token.attrGet('src') ?? ''), env as RenderEnv | undefined);
    if (url === undefined) return `<span class="sd-image-missing">${escapeHtml(spec.alt)}</span>`;
    token.attrSet('src', url);
    token.attrSet('alt', spec.alt);
    if (spec.width !== undefined) token.attrSet('width', String(spec.width));
    if (spec.height !== undefined) token.attrSet('height', String(spec.height));
    if (spec.width !== undefined || spec.height !== undefined) token.attrJoin('class', 'sd-sized');
    return self.renderToken(tokens, idx, options);
  };

  // Marp's fitting heading, `# <!-- fit --> Title`: the player scales it to the slide's width by its length.
  rules.heading_open = (tokens, idx, options, _env, self) => {
    const inline = tokens[idx + 1];
    if (isFittingHeading(inline)) {
      tokens[idx].attrJoin('class', 'sd-fit');
      tokens[idx].attrSet('data-sd-fit', String(Math.max(1, withoutComments(inline.content).trim().length)));
    }
    return self.renderToken(tokens, idx, options);
  };

  renderer = md;
  return md;
}

/** Whether a heading's inline token holds Marp's `<!-- fit -->` comment (`# <!-- fit --> Title`). */
export function isFittingHeading(inline: Token | undefined): boolean {
  return inline?.children?.some((child) => child.type === 'html_inline' && commentText(child.content) === 'fit') ?? false;
}

/** What an image source becomes: the resolver's URL for a safe source, the source itself without a resolver, else undefined. */
export function imageUrl(src: string, env: RenderEnv | undefined): string | undefined {
  if (!isSafeImageSource(src)) return undefined;
  return env?.resolveImage ? env.resolveImage(src) : src;
}

/** Removes HTML comments, including one left open (which hides the rest of the text, as in a browser). */
export function withoutComments(html: string): string {
  return html.replace(/<!--(?:-?>|[\s\S]*?--!?>|[\s\S]*$)/g, '');
}

/** Each note as escaped paragraphs (blank lines separate them). */
function notesHtml(notes: readonly string[]): string {
  return notes
    .flatMap((note) => note.split(/\n[ \t]*\n/))
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('\n');
}

/** Front matter `lang:` when it is a well-formed language tag (`de`, `pt-BR`), else undefined. */
export function languageTag(value: unknown): string | undefined {
  return typeof value === 'string' && /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(value) ? value : undefined;
}
