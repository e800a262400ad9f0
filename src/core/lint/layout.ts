import type { SlideOverflow } from './types';

/**
 * Overflow as one attribute value, `1:12 13;4:20` (slide, then the cut lines): how an exported page hands
 * what it measured to the PDF export, which reads the page back from the browser (src/node/pdf.ts).
 */
export function formatOverflow(overflow: readonly SlideOverflow[]): string {
  return overflow.map(({ slide, lines }) => `${slide}:${lines.join(' ')}`).join(';');
}

/** The inverse of `formatOverflow`; anything malformed is left out. Linear in the text. */
export function parseOverflow(text: string): SlideOverflow[] {
  const found: SlideOverflow[] = [];
  for (const part of text.split(';')) {
    const m = /^(\d{1,6}):([\d ]*)$/.exec(part);
    if (!m) continue;
    const lines = m[2]
      .split(' ')
      .filter((line) => /^\d{1,9}$/.test(line))
      .map(Number);
    found.push({ slide: Number(m[1]), lines });
  }
  return found;
}
