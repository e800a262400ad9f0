import type { Token } from 'markdown-it';
import { shorthandColour } from '../deck/colours';
import { imageSpec, isStyleBlock, type ImageSpec, type MarpReading, type SlideLook } from '../deck/marp';
import { escapeHtml } from './escape';

/**
 * The markup Marp's directives and background pictures give a slide (backgrounds, header, footer, page
 * number), shared by the renderer; the CSS for it is src/webview/player/marp.css. Colours and split sizes
 * are not written into the markup (a strict CSP blocks style attributes): they travel as `RenderedSlide.look`,
 * which the player sets through the CSSOM.
 */

/** A `![bg …](…)` picture taken out of a slide's flow. */
export interface Background {
  src: string;
  spec: ImageSpec;
}

/**
 * Takes out of a slide's tokens what Marp does not show in the flow: its `bg` pictures (Marp draws them
 * behind the slide), the colour shorthand (`![bg](red)`, `![](white)`: the slide's look, see readMarp), the
 * top-level paragraphs they leave empty, and `<style>` blocks (which StoryDeck does not apply, and which would
 * otherwise show as text). Mutates `tokens`; returns the pictures in order.
 */
export function takeBackgrounds(tokens: Token[]): Background[] {
  const found: Background[] = [];
  const emptied = new Set<number>();
  tokens.forEach((token, i) => {
    if (token.type === 'html_block' && isStyleBlock(token.content)) emptied.add(i);
    if (token.type !== 'inline' || !token.children?.some((child) => child.type === 'image')) return;
    const kept = token.children.filter((child) => {
      if (child.type !== 'image') return true;
      const src = String(child.attrGet('src') ?? '');
      if (shorthandColour(src) !== undefined) return false;
      const spec = imageSpec(child.content);
      if (!spec.bg) return true;
      found.push({ src, spec });
      return false;
    });
    if (kept.length === token.children.length) return;
    token.children = kept;
    const blank = kept.every((child) => (child.type === 'text' && child.content.trim() === '') || child.type === 'softbreak' || child.type === 'hardbreak');
    if (blank && tokens[i - 1]?.type === 'paragraph_open' && tokens[i - 1].level === 0 && tokens[i + 1]?.type === 'paragraph_close') {
      emptied
        .add(i - 1)
        .add(i)
        .add(i + 1);
    }
  });
  if (emptied.size > 0) {
    const rest = tokens.filter((_, i) => !emptied.has(i));
    tokens.splice(0, tokens.length, ...rest);
  }
  return found;
}

/** What the player sets on a slide through the CSSOM. */
export interface RenderedLook {
  backgroundColor?: string;
  color?: string;
  /** The split picture's share of the slide width (`40%`). */
  split?: string;
}

export interface SlideDecor {
  /** Classes for the slide element: the directives' `class`, `sd-marp-split-left|right`. */
  className?: string;
  look?: RenderedLook;
  /** Before the content: backgrounds and header. */
  before: string;
  /** After the content: footer and page number. */
  after: string;
}

/**
 * The decoration of slide `index` (0-based): `resolve` turns an image source into its URL (or undefined when
 * it may not be shown), `inline` renders the header and footer Markdown.
 */
export function slideDecor(reading: MarpReading, index: number, backgrounds: readonly Background[], resolve: (src: string) => string | undefined, inline: (markdown: string) => string): SlideDecor {
  const look: SlideLook = reading.looks[index] ?? { paginate: false };
  const split = backgrounds.find((bg) => bg.spec.split)?.spec.split;
  const classes = [look.className, split ? `sd-marp-split-${split.side}` : undefined].filter(Boolean).join(' ');
  const rendered: RenderedLook = {};
  if (look.backgroundColor) rendered.backgroundColor = look.backgroundColor;
  if (look.color) rendered.color = look.color;
  if (split) rendered.split = `${split.percent}%`;

  let before = '';
  if (look.backgroundImage) before += `<div class="sd-marp-bg sd-marp-bg-directive">${picture({ src: look.backgroundImage, spec: imageSpec('bg') }, resolve)}</div>`;
  if (backgrounds.length > 0) {
    const layer = ['sd-marp-bg', split ? `sd-marp-bg-${split.side}` : '', backgrounds.some((bg) => bg.spec.vertical) ? 'sd-marp-bg-vertical' : ''].filter(Boolean).join(' ');
    before += `<div class="${layer}">${backgrounds.map((bg) => picture(bg, resolve)).join('')}</div>`;
  }
  if (look.header) before += `<header class="sd-marp-header">${inline(look.header)}</header>`;
  let after = '';
  if (look.footer) after += `<footer class="sd-marp-footer">${inline(look.footer)}</footer>`;
  if (look.page !== undefined) after += `<span class="sd-marp-page">${look.page}</span>`;
  return { ...(classes ? { className: classes } : {}), ...(Object.keys(rendered).length > 0 ? { look: rendered } : {}), before, after };
}

/** One background picture: a figure that fits its image as `cover`, `contain`, `auto` or a percentage says. */
function picture(bg: Background, resolve: (src: string) => string | undefined): string {
  const url = resolve(bg.src);
  const size = bg.spec.size;
  const sizeClass = size.endsWith('%') ? 'sd-bg-auto' : `sd-bg-${size}`;
  const scale = size.endsWith('%') ? ` data-sd-bg-scale="${escapeHtml(size)}"` : '';
  const inner = url === undefined ? `<span class="sd-image-missing">${escapeHtml(bg.spec.alt || bg.src)}</span>` : `<img src="${escapeHtml(url)}" alt="${escapeHtml(bg.spec.alt)}">`;
  return `<figure class="sd-marp-bg-picture ${sizeClass}"${scale}>${inner}</figure>`;
}
