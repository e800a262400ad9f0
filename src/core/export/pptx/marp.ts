import type PptxGenJS from 'pptxgenjs';
import { CSS_NAMED_COLOURS } from '../../deck/colours';
import { sharedParser } from '../../deck/markdown';
import type { SlideLook, SlideSize } from '../../deck/marp';
import type { Background } from '../../render/marp';
import { imageUrl, type RenderEnv } from '../../render/renderDeck';
import { inlineRuns, pictureOf, type Picture } from './content';
import { PAD_X, runOptions, SLIDE_H, type Area } from './layout';
import type { DeckStyle } from './theme';

// ---------------------------------------------------------------------------------------------------
// Marp's directives and background pictures in PowerPoint, as the player draws them (src/webview/player/marp.css):
// the slide size, background colour and pictures, split layouts, text colour, header, footer and page number.

/** Slide widths (in) of PowerPoint's wide and 4:3 layouts; both are 7.5 in high, as the player's 720 px. */
export const SLIDE_WIDTHS: Readonly<Record<SlideSize, number>> = { '16:9': 13.333, '4:3': 10 };
export const PPTX_LAYOUTS: Readonly<Record<SlideSize, string>> = { '16:9': 'LAYOUT_WIDE', '4:3': 'LAYOUT_4x3' };

/** The gap between a split picture and the content: the slide's own padding, as in the player. */
const SPLIT_GAP = PAD_X;
/** Header, footer and page number: 30 px from the side, 21 px from the edge, 18 px type, in the theme's muted colour. */
const MARGIN_X = 30 / 96;
const MARGIN_Y = 21 / 96;
const MARGIN_PT = 18 * 0.75;
const MARGIN_H = 0.4;
const PAGE_W = 1;
/** The page number's box; the header and footer end before it. */
const PAGE_BOX = PAGE_W + MARGIN_X;

/** Where the content goes on a slide of `size`: all of it, or the side a split background leaves. */
export function contentArea(size: SlideSize, backgrounds: readonly Background[]): Area {
  const width = SLIDE_WIDTHS[size];
  const split = backgrounds.find((bg) => bg.spec.split)?.spec.split;
  if (!split) return { x: PAD_X, w: width - 2 * PAD_X };
  const picture = (width * split.percent) / 100;
  return split.side === 'left' ? { x: picture + SPLIT_GAP, w: width - picture - SPLIT_GAP - PAD_X } : { x: PAD_X, w: width - picture - SPLIT_GAP - PAD_X };
}

/** The deck style with a slide's `color` directive as its text colour. */
export function lookStyle(style: DeckStyle, look: SlideLook | undefined): DeckStyle {
  const color = pptxColor(look?.color);
  return color ? { ...style, fg: color, heading: color, strong: color } : style;
}

/**
 * Draws what is behind a slide's content: the `backgroundColor` directive, the `backgroundImage` directive's
 * picture, and the `![bg]` pictures, side by side (or stacked with `vertical`) over the whole slide or their
 * split side. Pictures that cannot be embedded (not PNG, JPEG or GIF) are left out, as in the content.
 */
export function drawBackdrop(slide: PptxGenJS.Slide, look: SlideLook | undefined, backgrounds: readonly Background[], env: RenderEnv, size: SlideSize): void {
  const color = pptxColor(look?.backgroundColor);
  if (color) slide.background = { color };
  const width = SLIDE_WIDTHS[size];
  const whole = { x: 0, y: 0, w: width, h: SLIDE_H };
  const directive = look?.backgroundImage ? picture(look.backgroundImage, env) : undefined;
  if (directive) placePicture(slide, directive, 'cover', whole);

  const pictures = backgrounds.map((bg) => ({ bg, picture: picture(bg.src, env) }));
  if (pictures.length === 0) return;
  const split = backgrounds.find((bg) => bg.spec.split)?.spec.split;
  const region = split ? { ...whole, w: (width * split.percent) / 100, x: split.side === 'left' ? 0 : width - (width * split.percent) / 100 } : whole;
  const vertical = backgrounds.some((bg) => bg.spec.vertical);
  pictures.forEach(({ bg, picture: found }, i) => {
    if (!found) return;
    const n = pictures.length;
    const cell = vertical ? { ...region, y: region.y + (region.h * i) / n, h: region.h / n } : { ...region, x: region.x + (region.w * i) / n, w: region.w / n };
    placePicture(slide, found, bg.spec.size, cell);
  });
}

/** Header, footer and page number, in the slide's margins over the content area's width. */
export function drawMargins(slide: PptxGenJS.Slide, look: SlideLook | undefined, area: Area, env: RenderEnv, style: DeckStyle, size: SlideSize): void {
  const text = (markdown: string): PptxGenJS.TextProps[] => {
    const [inline] = sharedParser().parseInline(markdown, {});
    return inlineRuns(inline?.children ?? [], env, []).map((run) => ({ text: run.text, options: runOptions(run, MARGIN_PT, style, style.muted, style.font) }));
  };
  // Across the slide, or beside a split picture (the content area less its padding, plus the margin).
  const left = area.x - PAD_X + MARGIN_X;
  const right = Math.min(SLIDE_WIDTHS[size] - PAGE_BOX, area.x + area.w + PAD_X - MARGIN_X);
  const box = { x: left, w: right - left, h: MARGIN_H, margin: 0, fit: 'shrink' as const };
  if (look?.header) slide.addText(text(look.header), { ...box, y: MARGIN_Y, valign: 'top' });
  if (look?.footer) slide.addText(text(look.footer), { ...box, y: SLIDE_H - MARGIN_Y - MARGIN_H, valign: 'bottom' });
  if (look?.page !== undefined) {
    slide.addText(String(look.page), {
      x: SLIDE_WIDTHS[size] - PAGE_BOX,
      y: SLIDE_H - MARGIN_Y - MARGIN_H,
      w: PAGE_W,
      h: MARGIN_H,
      margin: 0,
      align: 'right',
      valign: 'bottom',
      fontSize: MARGIN_PT,
      fontFace: style.font,
      color: style.muted,
    });
  }
}

function picture(src: string, env: RenderEnv): Picture | undefined {
  const url = imageUrl(src, env);
  return url === undefined ? undefined : pictureOf(url, '');
}

type Box = { x: number; y: number; w: number; h: number };

/** One picture in its box: `cover` fills it (cropped), `contain` fits inside it, `auto` and `50%` keep their size, centred. */
function placePicture(slide: PptxGenJS.Slide, found: Picture, size: Background['spec']['size'], box: Box): void {
  const natural = { w: found.width / 96, h: found.height / 96 };
  if (size === 'cover') {
    slide.addImage({ data: found.data, x: box.x, y: box.y, w: natural.w, h: natural.h, sizing: { type: 'cover', w: box.w, h: box.h } });
    return;
  }
  const fit = size === 'contain' ? Math.min(box.w / natural.w, box.h / natural.h) : size === 'auto' ? 1 : (box.w * Number.parseFloat(size)) / 100 / natural.w;
  const w = natural.w * fit;
  const h = natural.h * fit;
  slide.addImage({ data: found.data, x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h });
}

/** A CSS colour as PowerPoint writes it (six hex digits), for hex, `rgb()` and CSS's colour names; undefined otherwise. */
export function pptxColor(css: string | undefined): string | undefined {
  if (!css) return undefined;
  const value = css.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(value)?.[1];
  if (hex) return (hex.length <= 4 ? hex.slice(0, 3).replace(/./g, '$&$&') : hex.slice(0, 6)).toUpperCase();
  if (Object.hasOwn(CSS_NAMED_COLOURS, value)) return CSS_NAMED_COLOURS[value];
  const rgb = /^rgba?\(\s*(-?[\d.]+%?)[\s,]+(-?[\d.]+%?)[\s,]+(-?[\d.]+%?)/.exec(value);
  if (!rgb) return undefined;
  return rgb
    .slice(1, 4)
    .map((part) => {
      const n = part.endsWith('%') ? (Number.parseFloat(part) * 255) / 100 : Number.parseFloat(part);
      return Math.round(Math.min(255, Math.max(0, n)))
        .toString(16)
        .padStart(2, '0');
    })
    .join('')
    .toUpperCase();
}
