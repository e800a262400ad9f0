import { clampFit, fitFontPx } from '../../core/render/fit';
import type { RenderedSlide } from '../../core/render/types';

/** The design width of a slide and its padding each side (player.css), for fitting headings. */
const DESIGN_WIDTH = { '16:9': 1280, '4:3': 960 } as const;
const PADDING = 88;

type Size = keyof typeof DESIGN_WIDTH;

/** The width a fitting heading fills: the slide's content width, beside a split background when there is one. */
function contentWidth(slide: RenderedSlide, size: Size): number {
  const split = slide.look?.split ? Number.parseFloat(slide.look.split) / 100 : 0;
  return DESIGN_WIDTH[size] * (1 - split) - 2 * PADDING;
}

/**
 * Applies what Marp's directives ask of a slide and markup cannot carry under a strict CSP: colours, the
 * split background's width, percentage background sizes and fitting headings, all through the CSSOM
 * (which a Content Security Policy does not block, unlike style attributes).
 */
export function applyLook(section: HTMLElement, slide: RenderedSlide, size: Size): void {
  const look = slide.look;
  if (look?.backgroundColor) section.style.setProperty('--sd-bg', look.backgroundColor);
  if (look?.color) {
    for (const name of ['--sd-fg', '--sd-heading', '--sd-strong']) section.style.setProperty(name, look.color);
  }
  if (look?.split) section.style.setProperty('--sd-split', look.split);
  for (const figure of section.querySelectorAll<HTMLElement>('[data-sd-bg-scale]')) {
    figure.style.setProperty('--sd-bg-scale', figure.dataset.sdBgScale ?? '100%');
  }
  const width = contentWidth(slide, size);
  for (const heading of section.querySelectorAll<HTMLElement>('[data-sd-fit]')) {
    heading.dataset.sdFitWidth = String(width);
    heading.style.fontSize = `${fitFontPx(width, Number(heading.dataset.sdFit) || 1)}px`;
  }
}

let canvas: CanvasRenderingContext2D | null | undefined;

/**
 * Sizes fitting headings (`# <!-- fit --> …`) under `root` to fill their width exactly, by measuring their
 * text in their own font (a canvas measures it even while the slide is hidden). Call once the slides are in
 * the page; a heading that cannot be measured keeps the first guess `applyLook` made.
 */
export function fitHeadings(root: ParentNode): void {
  const headings = root.querySelectorAll<HTMLElement>('[data-sd-fit-width]');
  if (headings.length === 0) return;
  canvas ??= document.createElement('canvas').getContext('2d');
  if (!canvas) return;
  for (const heading of headings) {
    const style = getComputedStyle(heading);
    const current = Number.parseFloat(style.fontSize);
    if (!current) continue;
    canvas.font = `${style.fontStyle} ${style.fontWeight} ${current}px ${style.fontFamily}`;
    const measured = canvas.measureText(heading.textContent?.trim() ?? '').width;
    if (measured > 0) heading.style.fontSize = `${clampFit((current * Number(heading.dataset.sdFitWidth)) / measured)}px`;
  }
}
