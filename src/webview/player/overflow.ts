// What does not fit: measures rendered slides at their design size and names the source lines of the
// blocks that end past the page. The preview sends what it measures to the editor (the slide-overflow
// rule); an exported page writes it on its root element, where the PDF export reads it back.
import type { SlideOverflow } from '../../core/lint/types';

/** Half a pixel of rounding is not overflow. */
const TOLERANCE = 0.5;

/**
 * The 1-based source lines of the innermost blocks (`[data-line]` holding no other) of each `.sd-slide`
 * that reach past its bottom or right edge; slides that fit are left out. `slides` pairs each 1-based
 * slide number with its element. All of them are laid out at once, at their design size and hidden, for
 * the one measurement: a slide not on show has no layout of its own (`display: none`).
 */
export function measureOverflow(root: HTMLElement, slides: ReadonlyArray<{ slide: number; element: HTMLElement }>): SlideOverflow[] {
  if (slides.length === 0) return [];
  root.dataset.measuring = '';
  try {
    const found: SlideOverflow[] = [];
    for (const { slide, element } of slides) {
      const lines = cutLines(element);
      if (lines.length > 0) found.push({ slide, lines });
    }
    return found;
  } finally {
    delete root.dataset.measuring;
  }
}

function cutLines(slide: HTMLElement): number[] {
  const page = slide.getBoundingClientRect();
  const bottom = page.top + slide.clientHeight + TOLERANCE;
  const right = page.left + slide.clientWidth + TOLERANCE;
  const blocks = [...slide.querySelectorAll<HTMLElement>('[data-line]')];
  // A block holding another is not innermost: its own line is the first child's, which may well be on the page.
  const outer = new Set<Element>();
  for (const block of blocks) {
    const parent = block.parentElement?.closest('[data-line]');
    if (parent) outer.add(parent);
  }
  const lines = new Set<number>();
  for (const block of blocks) {
    if (outer.has(block)) continue;
    const box = block.getBoundingClientRect();
    if (box.height === 0 && box.width === 0) continue;
    if (box.bottom > bottom || box.right > right) {
      const line = Number(block.dataset.line);
      if (Number.isInteger(line) && line > 0) lines.add(line);
    }
  }
  return [...lines].sort((a, b) => a - b);
}
