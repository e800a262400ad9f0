import type { RenderedSlide } from '../../core/render/types';

/** The content width of a slide (design width less the player's 88 px padding each side), for fitting headings. */
const CONTENT_WIDTH = { '16:9': 1280 - 176, '4:3': 960 - 176 } as const;
/** Average glyph width of a heading, in em; a fitting heading is sized so its text fills the width. */
const GLYPH_EM = 0.55;
const FIT_MIN_PX = 32;
const FIT_MAX_PX = 180;

/**
 * Applies what Marp's directives ask of a slide and markup cannot carry under a strict CSP: colours, the
 * split background's width, percentage background sizes and fitting headings, all through the CSSOM
 * (which a Content Security Policy does not block, unlike style attributes).
 */
export function applyLook(section: HTMLElement, slide: RenderedSlide, size: keyof typeof CONTENT_WIDTH): void {
  const look = slide.look;
  if (look?.backgroundColor) section.style.setProperty('--sd-bg', look.backgroundColor);
  if (look?.color) {
    for (const name of ['--sd-fg', '--sd-heading', '--sd-strong']) section.style.setProperty(name, look.color);
  }
  if (look?.split) section.style.setProperty('--sd-split', look.split);
  for (const figure of section.querySelectorAll<HTMLElement>('[data-sd-bg-scale]')) {
    figure.style.setProperty('--sd-bg-scale', figure.dataset.sdBgScale ?? '100%');
  }
  const width = CONTENT_WIDTH[size] * (slide.className?.includes('sd-marp-split') ? 0.5 : 1);
  for (const heading of section.querySelectorAll<HTMLElement>('[data-sd-fit]')) {
    const chars = Number(heading.dataset.sdFit) || 1;
    heading.style.fontSize = `${Math.round(Math.min(FIT_MAX_PX, Math.max(FIT_MIN_PX, width / (chars * GLYPH_EM))))}px`;
  }
}
