import type { Env, MarkdownIt, Token } from 'markdown-it';
import { parseDuration } from '../deck/duration';
import { createMarkdownIt } from '../deck/markdown';
import type { Deck, Slide } from '../deck/types';
import { markdownSource, parseWithTokens } from '../deck/parseDeck';
import { escapeHtml } from './escape';
import { themeName } from './themes';
import type { RenderedDeck, RenderedSlide, RenderOptions } from './types';
import { isSafeImageSource, linkKind } from './urls';

/**
 * Renders every slide of a parsed deck to HTML. The tokens are those `parseForRender` kept (or the
 * Markdown parsed again exactly as `parseDeck` parses it), cut at the slides' first lines, so slides,
 * line numbers and reference links agree with the `Deck`. Pure: no DOM, no file system.
 */
export function renderDeck(source: Deck | ParsedDeck, options: RenderOptions = {}): RenderedDeck {
  const md = slideRenderer();
  const deck = deckOf(source);
  const { perSlide, env } = slideTokens(source, options);
  const classes = slideClasses(deck);
  const slides = deck.slides.map((slide, i): RenderedSlide => ({
    index: slide.index,
    line: slide.line,
    endLine: slide.endLine,
    title: slide.title,
    ...(classes[i] ? { className: classes[i] } : {}),
    html: md.renderer.render(perSlide[i], md.options, env),
    notesHtml: notesHtml(slide.notes),
    estimatedSeconds: slide.estimatedSeconds,
  }));
  const durationSeconds = parseDuration(deck.frontMatter.duration);
  return {
    title: deck.title,
    theme: themeName(deck.frontMatter.theme),
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
 * with the env to render them in. The HTML renderer and the PPTX export both walk these.
 */
export function slideTokens(source: Deck | ParsedDeck, options: RenderOptions = {}): { perSlide: Token[][]; env: RenderEnv } {
  const deck = deckOf(source);
  const env: RenderEnv = { resolveImage: options.resolveImage, rawHtml: options.rawHtml };
  // A refused input (binary, too large) has no slides, and nothing to parse.
  const tokens = deck.slides.length > 0 ? (takeTokens(source) ?? slideRenderer().parse(markdownSource(deck.text, deck.frontMatterRange), env)) : [];
  return { perSlide: splitTokens(tokens, deck.slides), env };
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
    // Links do not nest, so the nearest link_open before this token is its own.
    const open = tokens.findLast((token, i) => i < idx && token.type === 'link_open');
    return open?.meta?.blocked ? '' : self.renderToken(tokens, idx, options);
  };

  rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const alt = withoutComments(self.renderInlineAsText(token.children ?? [], options, env));
    const url = imageUrl(String(token.attrGet('src') ?? ''), env as RenderEnv | undefined);
    if (url === undefined) return `<span class="sd-image-missing">${escapeHtml(alt)}</span>`;
    token.attrSet('src', url);
    token.attrSet('alt', alt);
    return self.renderToken(tokens, idx, options);
  };

  renderer = md;
  return md;
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

/**
 * Marp's class directives: `class` applies from its slide on (front matter sets the first value),
 * `_class` to its own slide only.
 */
export function slideClasses(deck: Deck): Array<string | undefined> {
  let inherited = className(deck.frontMatter.class);
  return deck.slides.map((slide) => {
    if ('class' in slide.directives) inherited = className(slide.directives.class);
    return '_class' in slide.directives ? className(slide.directives._class) : inherited;
  });
}

function className(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const clean = value
    .replace(/[^a-zA-Z0-9_ -]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return clean || undefined;
}

/** Front matter `lang:` when it is a well-formed language tag (`de`, `pt-BR`), else undefined. */
export function languageTag(value: unknown): string | undefined {
  return typeof value === 'string' && /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(value) ? value : undefined;
}
