/**
 * A learned check on a beat the hand-written reading found: a logistic regression over a narrative's sections (a heading
 * and what follows it), trained on the labelled corpora by `scripts/train-kinds.ts` as a multiple-instance learner — a
 * document's score is its best section's. Where the reading found the beat but no section scores at least the model's
 * threshold, the beat is uncertain: the story model asks rather than says (story.ts). Pure and linear in the text: one pass
 * over a slide's passages to collect a section's features, one sum per section.
 */
import { deckNames, personMatcher, slidePassages, type Passage } from '../deck/beats';
import type { BeatId, Deck, Slide } from '../deck';
import type { Evidence, Story } from './story';
import { memoByText } from '../deck/memo';
import { wordFeatures } from './kindModel';
import { AMOUNT, NOT_ABOUT_CUSTOMERS, ONE_PERSON, PROBLEM, QUOTE, struggleIn } from './pain';

/** One section of a narrative, as the scorer reads it. */
export interface Section {
  slide: number;
  features: string[];
  /** Whether the reading's evidence is in it. */
  found: boolean;
}

/**
 * The weights as data: a bias, one weight per feature, the score a section must reach for the beat to stand, and the words a
 * narrative must have before the scorer speaks on it at all (a short one gives its sections too few features to compare, and
 * the bias, learned on long documents, would decide).
 */
export interface SectionModel {
  bias: number;
  weights: Readonly<Record<string, number>>;
  threshold: number;
  minWords?: number;
}

/** The logistic function: a linear score as a probability. */
export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * A narrative's sections, each with its features: `h:`/`w:` a word of its heading or text (as the kind reader keeps them), and
 * `r:` what the pain reading sees there — a struggle strong or weak (with a person), a person, one person, a name, a quotation,
 * a problem word, a figure, a heading naming `beat` or one about something else, and whether `found` (the reading's evidence)
 * is in it.
 */
export function sections(deck: Deck, beat: BeatId, found?: { slide: number; line: number }, only?: number): Section[] {
  const names = deckNames(deck.slides);
  const namesKey = names.join('\u0002');
  let isNamed: ((text: string) => boolean) | undefined;
  const out: Section[] = [];
  for (const slide of deck.slides) {
    if (only !== undefined && slide.index !== only) continue;
    let kept = slideFeatures.get(slide);
    // Only the readings under the deck's latest names are kept: a name typed a letter at a time would otherwise add a reading
    // of every unchanged slide per letter, for as long as the slide lives.
    if (!kept || kept.names !== namesKey) {
      isNamed ??= personMatcher(names, false);
      const named = isNamed;
      const groups = passagesBySection(slide);
      slideFeatures.set(slide, (kept = { names: namesKey, groups, shown: groups.map((ps) => readSection(ps, named)), byBeat: new Map() }));
    }
    const { groups, shown } = kept;
    let features = kept.byBeat.get(beat);
    if (!features) kept.byBeat.set(beat, (features = groups.map((ps, i) => withHeadings(shown[i], ps, beat))));
    groups.forEach((ps, i) => {
      const here = found !== undefined && slide.index === found.slide && ps.some((p) => p.block.line === found.line);
      out.push({ slide: slide.index, features: here ? [...features[i], 'r:found'] : features[i], found: here });
    });
  }
  return out;
}

/**
 * Each slide's sections, under the deck's names last read with it: what each section shows whatever the beat (`shown`, read once
 * for all the beats), and its features per beat (all but `r:found`). What a section shows depends on nothing else. `parseDeck`
 * gives an unchanged slide back as the same object, so after a keystroke only the edited slide is read. At most one entry per
 * beat: bounded, however many times the names change.
 */
const slideFeatures = new WeakMap<Slide, { names: string; groups: Passage[][]; shown: string[][]; byBeat: Map<BeatId, string[][]> }>();

/** A slide's passages grouped by section (a heading and what follows it), in the order the sections come. */
function passagesBySection(slide: Slide): Passage[][] {
  const by = new Map<number, Passage[]>();
  for (const p of slidePassages(slide)) {
    const list = by.get(p.section);
    if (list) list.push(p);
    else by.set(p.section, [p]);
  }
  return [...by.values()];
}

/** The figure counts at which a reported wall of numbers changes bin (`s:figures:0` to `s:figures:4`). */
const FIGURE_BINS = [4, 6, 9, 13];

/**
 * A wall of numbers stats-without-story would report, as its learned check reads it: the section's features (above; a slide
 * judged whole, all its sections') and what the rule sees there — its figures binned, a table, a list, a slide or one section
 * of a page, the beats its heading names. `heading`: the heading of the section reported, undefined for a whole slide.
 */
export function statsFeatures(deck: Deck, slide: number, heading: string | undefined, figures: number): string[] {
  const page = slideSections(deck, slide);
  if (!page) return [];
  const { groups, read, byHeading } = page;
  const picked = heading === undefined ? groups.map((_, i) => i) : (byHeading.get(heading.trim()) ?? []);
  const f = new Set<string>(picked.flatMap((i) => read[i]?.features ?? []));
  const ps = picked.flatMap((i) => groups[i]);
  f.add(`s:figures:${FIGURE_BINS.filter((e) => figures >= e).length}`).add(heading === undefined ? 's:slide' : 's:section');
  if (ps.some((p) => p.block.kind === 'table')) f.add('s:table');
  if (ps.some((p) => p.block.kind === 'list_item')) f.add('s:list');
  for (const b of new Set(ps.flatMap((p) => p.context))) f.add(`s:beat:${b}`);
  if (!ps.some((p) => p.context.length > 0)) f.add('s:beat:none');
  return [...f];
}

/** A slide's sections as statsFeatures reads them: their passages, their features, and which hold each heading. */
interface SlideSections {
  groups: Passage[][];
  read: Section[];
  byHeading: Map<string, number[]>;
}

/**
 * A slide's sections, read once per deck and slide: the rule asks about each wall of a long page, and reading the page
 * again for each would make the check quadratic in the page's sections.
 */
const pages = new WeakMap<Deck, Map<number, SlideSections | undefined>>();

function slideSections(deck: Deck, slide: number): SlideSections | undefined {
  let byDeck = pages.get(deck);
  if (!byDeck) pages.set(deck, (byDeck = new Map()));
  if (byDeck.has(slide)) return byDeck.get(slide);
  const target = deck.slides.find((s) => s.index === slide);
  let page: SlideSections | undefined;
  if (target) {
    const groups = passagesBySection(target);
    const byHeading = new Map<string, number[]>();
    groups.forEach((g, i) => {
      for (const text of new Set(g.filter((p) => p.block.kind === 'heading').map((p) => p.text.trim()))) {
        const list = byHeading.get(text);
        if (list) list.push(i);
        else byHeading.set(text, [i]);
      }
    });
    page = { groups, read: sections(deck, 'business', undefined, slide), byHeading };
  }
  byDeck.set(slide, page);
  return page;
}

/** What a section shows whatever the beat: its words and what the pain reading sees in them (the heading features are `withHeadings`'). */
function readSection(ps: readonly Passage[], isNamed: (text: string) => boolean): string[] {
  const f = new Set<string>();
  for (const p of ps) {
    if (p.block.kind === 'heading') {
      for (const x of headingFeatures(p.text)) f.add(x);
      continue;
    }
    const text = textFeatures(p.text);
    for (const x of text) f.add(x);
    const named = isNamed(p.text);
    const person = hasRole(p.text) || named;
    const struggle = text.includes('r:strong') ? 'strong' : text.includes('r:weak') ? 'weak' : undefined;
    if (struggle && person) f.add(`r:${struggle}+person`);
    if (person) f.add('r:person');
    if (named) f.add('r:one').add('r:named');
    if (p.block.kind === 'blockquote') f.add('r:quote');
  }
  return [...f];
}

/** A section's features for `beat`: what it shows, then whether its heading names `beat` or something other than customers. */
function withHeadings(shown: readonly string[], ps: readonly Passage[], beat: BeatId): string[] {
  const f = [...shown];
  if (ps[0].context.includes(beat)) f.push('r:beat-heading');
  if (ps[0].context.some((b) => NOT_ABOUT_CUSTOMERS.has(b))) f.push('r:other-heading');
  return f;
}

/** A heading's words, once per text: a keystroke re-reads only the passages it changed. */
const headingFeatures = memoByText((text: string): readonly string[] => {
  const f = new Set<string>();
  wordFeatures('h:', text, f);
  return [...f];
});

/** What a passage's text alone shows — its words, a struggle, one person, a quotation, a problem word, a figure — once per text. */
const textFeatures = memoByText((text: string): readonly string[] => {
  const f = new Set<string>();
  wordFeatures('w:', text, f);
  const s = struggleIn(text);
  if (s) f.add(`r:${s}`);
  if (ONE_PERSON.test(text)) f.add('r:one');
  if (QUOTE.test(text)) f.add('r:quote');
  if (PROBLEM.test(text)) f.add('r:problem');
  if (AMOUNT.test(text)) f.add('r:amount');
  return [...f];
});

/** Does the text name a customer by role or pronoun (a name the deck introduces is `isNamed`'s)? */
const hasRole = memoByText(personMatcher([]));

/** Each model's scores of the sections' features it has seen: a section read again (the same array) is not summed again. */
const scored = new WeakMap<object, WeakMap<readonly string[], number>>();

/** A section's score: the probability that it tells the beat. */
export function scoreSection(features: readonly string[], model: Pick<SectionModel, 'bias' | 'weights'>): number {
  let byModel = scored.get(model);
  if (!byModel) scored.set(model, (byModel = new WeakMap()));
  const kept = byModel.get(features);
  if (kept !== undefined) return kept;
  let z = model.bias;
  for (const f of features) z += model.weights[f] ?? 0;
  const p = sigmoid(z);
  byModel.set(features, p);
  return p;
}

/** The best section's score (0 for a narrative without sections): the narrative's. */
export function bestScore(secs: readonly Section[], model: Pick<SectionModel, 'bias' | 'weights'>): number {
  let best = 0;
  for (const s of secs) best = Math.max(best, scoreSection(s.features, model));
  return best;
}

/**
 * The beat in doubt, with the words found, where the narrative's kind expects it (the beat is in `missing`): what the rule asks
 * about and the outline, the Story view, the status bar, the coach and the slide hover show. A kind that does not expect the
 * beat never doubts it (story.ts).
 */
export function doubtOf(story: Pick<Story, 'beats' | 'missing'>, beat: BeatId): Evidence | undefined {
  return story.missing.includes(beat) ? story.beats[beat].uncertain : undefined;
}

/** Every beat in doubt ({@link doubtOf}), with the words found, in story order. */
export function doubtsOf(story: Pick<Story, 'beats' | 'missing'>): Partial<Record<BeatId, Evidence>> {
  return Object.fromEntries(
    story.missing.flatMap((beat) => {
      const u = doubtOf(story, beat);
      return u ? [[beat, u]] : [];
    }),
  );
}

/**
 * The beats a narrative's kind expects and it does not play, told apart as every surface shows them: those `absent` (no slide
 * plays them), and those in doubt, each as its {@link doubtLine} and where the words are — never listed as missing.
 */
export function beatGaps(missing: readonly BeatId[], uncertain: Partial<Record<BeatId, Evidence>>): { absent: BeatId[]; doubts: string[] } {
  return {
    absent: missing.filter((beat) => !uncertain[beat]),
    doubts: missing.flatMap((beat) => {
      const u = uncertain[beat];
      return u ? [`${doubtLine(beat, u.words)} (slide ${u.slide}, line ${u.line})`] : [];
    }),
  };
}

/** The longest quote of a doubted beat's words a question or an outline line shows. */
const QUOTE_MAX = 100;

/** The words the reading found, quoted and shortened. */
export const quoteWords = (words: string): string => `“${words.length > QUOTE_MAX ? `${words.slice(0, QUOTE_MAX - 1).trimEnd()}…` : words}”`;

/** For each checked beat, the question a doubt asks, how the words found read, and what would settle it. */
const DOUBTS: Partial<Record<BeatId, { ask: string; reads: string; settle: string }>> = {
  pain: { ask: 'Is this a customer’s struggle?', reads: 'a general statement', settle: 'tell one person’s story (who, what happened, what it cost them)' },
  ask: { ask: 'Is this the ask?', reads: 'information, not a request', settle: 'say what you need, from whom, by when' },
  outcome: { ask: 'Is this how you will know it worked?', reads: 'a description, not a target', settle: 'name the outcome, its target and by when' },
};

const doubtOfBeat = (beat: BeatId) => DOUBTS[beat] ?? { ask: `Does this play the ${beat}?`, reads: 'a general statement', settle: 'say it plainly' };

/** How the outline and the Story view show a doubted beat: “pain? — ‘…’ reads as a general statement”. */
export function doubtLine(beat: BeatId, words: string): string {
  return `${beat}? — ${quoteWords(words)} reads as ${doubtOfBeat(beat).reads}`;
}

/** The question the beat's rule asks about a doubted beat, and what would settle it. */
export function doubtQuestion(beat: BeatId, words: string): string {
  const d = doubtOfBeat(beat);
  return `${d.ask} ${quoteWords(words)} reads as ${d.reads}: ${d.settle} — or mark the slide that plays it with <!-- beat: ${beat} -->.`;
}
