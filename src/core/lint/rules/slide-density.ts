import type { Rule } from '../types';

/** About 20–30 seconds of silent reading: longer than a listener can spare while the speaker keeps talking. */
export const DEFAULT_MAX_WORDS = 75;
/** The old "six by six" rule of thumb: past six points nobody remembers the first one. */
export const DEFAULT_MAX_BULLETS = 6;

const limit = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback);

const rule: Rule = {
  id: 'slide-density',
  description: 'Keep each slide short enough to take in at a glance while the speaker talks.',
  tags: ['slides', 'readability'],
  defaultSeverity: 'warning',
  docs: 'docs/rules/slide-density.md',
  defaultOptions: { maxWords: DEFAULT_MAX_WORDS, maxBullets: DEFAULT_MAX_BULLETS },
  check(ctx, report) {
    // A prose document is written to be read, not presented: its sections are pages, not slides.
    if (ctx.deck.prose) return;
    const maxWords = limit(ctx.options.maxWords, DEFAULT_MAX_WORDS);
    const maxBullets = limit(ctx.options.maxBullets, DEFAULT_MAX_BULLETS);
    for (const slide of ctx.deck.slides) {
      if (slide.empty) continue;
      const words = slide.words;
      const bullets = ctx.visibleBlocks(slide).filter((block) => block.kind === 'list_item').length;
      const tooManyWords = words > maxWords;
      const tooManyBullets = bullets > maxBullets;
      if (!tooManyWords && !tooManyBullets) continue;
      let message: string;
      if (tooManyWords && tooManyBullets) {
        message = `Slide ${slide.index} has ${words} words in ${bullets} bullets: nobody reads that while you talk. Keep the slide to one idea and at most ${maxBullets} short points, and move the rest to speaker notes.`;
      } else if (tooManyWords) {
        message = `Slide ${slide.index} has ${words} words: nobody reads that while you talk. Keep the slide to one idea (at most ${maxWords} words) and move the rest to speaker notes.`;
      } else {
        message = `Slide ${slide.index} has ${bullets} bullets: by the last one the room has forgotten the first. Keep the ${Math.min(3, maxBullets)} that matter most and say the rest out loud, or split the slide.`;
      }
      report({ message, range: ctx.titleRange(slide) });
    }
  },
};

export default rule;
