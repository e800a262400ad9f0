import type { BeatId, Block, Deck, Slide } from '../deck';

/** What reading a narrative needs: the parsed deck, the company's objectives, and the slides beat detection gave each beat. */
export interface ReadingContext {
  deck: Deck;
  /** Company objectives from `strategy.objectives`. */
  objectives: string[];
  /** Non-empty slides that play `beat`, in order. */
  slidesWith(beat: BeatId): Slide[];
}

/** The reading context of a deck: beat detection's slides per beat, empty slides left out. */
export function readingContext(deck: Deck, objectives: string[]): ReadingContext {
  return { deck, objectives, slidesWith: (beat) => deck.slides.filter((s) => !s.empty && s.beats.includes(beat)) };
}

/** A reading that depends on the deck alone, done once per deck however many readers ask. */
export function perDeck<T>(read: (ctx: ReadingContext) => T): (ctx: ReadingContext) => T {
  const cache = new WeakMap<Deck, T>();
  return (ctx) => {
    if (!cache.has(ctx.deck)) cache.set(ctx.deck, read(ctx));
    return cache.get(ctx.deck) as T;
  };
}

/**
 * A reading of one slide alone, done once per slide. `parseDeck` gives an unchanged slide back as the same object (slides are
 * never mutated), so after a keystroke only the edited slide is read again; a document-level reading joins the slides' readings.
 * `read` must depend on nothing but the slide: not on its neighbours, the deck or the configuration.
 */
export function perSlide<T>(read: (slide: Slide) => T): (slide: Slide) => T {
  const cache = new WeakMap<Slide, T>();
  return (slide) => {
    if (!cache.has(slide)) cache.set(slide, read(slide));
    return cache.get(slide) as T;
  };
}

/**
 * The headings of a slide that `names` accepts, with the subheadings under each ("### 1. More schools" under "## Our priorities for
 * 2027"): a section and its subsections play one role.
 */
export function headingScope(slide: Slide, names: (heading: Block) => boolean): Set<Block> {
  const found = new Set<Block>();
  let level = 0;
  for (const b of slide.blocks) {
    if (b.kind !== 'heading') continue;
    if (names(b)) level = b.level;
    else if (level === 0 || b.level <= level) {
      level = 0;
      continue;
    }
    found.add(b);
  }
  return found;
}
