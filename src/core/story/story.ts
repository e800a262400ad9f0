import type { Passage } from '../deck/beats';
import { BEAT_IDS, longEnough, type BeatId, type Deck, type Slide } from '../deck';
import { findAsks } from './ask';
import { readAudience, type AudienceCheck, type AudienceConfig, type AudienceReading } from './audiences';
import { readCues } from './cues';
import { findBusiness } from './business';
import { readKind, type KindConfig, type KindReading } from './kinds';
import { findTargets } from './outcome';
import { findPain } from './pain';
import { perSlide, readingContext, type ReadingContext } from './reading';
import { readStakeholders, type StakeholderReading } from './stakeholders';
import { findTieIn } from './strategy';
import { findValue } from './value';
import { bestScore, scoreSection, sections, statsFeatures, type SectionModel } from './sectionModel';
import sectionWeights from './sectionWeights.json';
import * as what from './what';

/** What decided that a beat is there: where, and the words. */
export interface Evidence {
  /** 1-based slide (or section) number. */
  slide: number;
  /** 1-based source line of the deciding words. */
  line: number;
  /** The sentence or heading that decided, or how the writer marked it. */
  words: string;
}

export interface BeatReading {
  present: boolean;
  evidence?: Evidence;
  /**
   * A beat the reading found but the learned section scorer doubts (sectionModel.ts): no section reads as telling it. The beat
   * is not present — the rule asks a question about these words instead of saying it is missing — until the writer tells it
   * plainly or marks the slide that plays it.
   */
  uncertain?: Evidence;
}

/**
 * One reading of a narrative, shared by every rule, the outline, the Story view and the status bar, so
 * that none of them can say a beat is there while another says it is missing.
 */
export interface Story {
  kind: KindReading;
  beats: Record<BeatId, BeatReading>;
  /** Beats the kind expects that the narrative does not play, in story order (a pain also answers the why). */
  missing: BeatId[];
  /** The beats each slide plays as this reading sees them, aligned with `deck.slides`. */
  slideBeats: BeatId[][];
  /** The audience profile the narrative is written for (docs/audiences.md), when it names one. */
  audience?: AudienceReading;
  /** For the audience's checks a finder decides, where the narrative does what that room needs (`cues.ts`). */
  cues: Partial<Record<AudienceCheck, Evidence>>;
  /** The front matter's stakeholders, each with where the narrative speaks to them (`stakeholders.ts`). */
  stakeholders: StakeholderReading;
}

export interface StoryConfig extends KindConfig, AudienceConfig {
  strategy?: { objectives?: string[] };
}

/**
 * Beats a reading of the words decides, rather than the headings and cues of beat detection: a slide
 * plays one of these only when this reading found it there (or the writer marked it).
 */
const READ: Readonly<Partial<Record<BeatId, (ctx: ReadingContext) => Passage | undefined>>> = {
  pain: findPain,
  value: findValue,
  business: findBusiness,
  strategy: findTieIn,
  outcome: (ctx) => findTargets(ctx)[0]?.passage,
  ask: (ctx) => findAsks(ctx)[0]?.passage,
};

/** The beats a learned section scorer checks, with its weights (`npm run train:kinds` writes them). */
const CHECKED: Readonly<Partial<Record<BeatId, SectionModel>>> = sectionWeights.beats;

/** The learned check on stats-without-story's walls of numbers (`npm run train:kinds` writes it; absent, every wall stands). */
const WALLS: SectionModel | undefined = (sectionWeights as { stats?: SectionModel }).stats;

/**
 * Does a wall of numbers stats-without-story would report need a story, as the learned check reads it (docs/judgement.md,
 * sessions 11 and 12)? A section scoring below the check's threshold is held back; a narrative shorter than its `minWords` is not checked. `heading`: the section's, undefined for a whole slide.
 */
export function wallNeedsStory(deck: Deck, slide: number, heading: string | undefined, figures: number): boolean {
  return !WALLS || !longEnough(deck, WALLS.minWords ?? 0) || scoreSection(statsFeatures(deck, slide, heading, figures), WALLS) >= WALLS.threshold;
}

/** What one slide's words say of the why and the solution (`what.ts`), read once per slide: a keystroke changes one slide. */
const introducesProduct = perSlide(what.introducesProduct);
const titleOnly = perSlide(what.titleOnly);
const saysWhy = perSlide((s: Slide) => what.summaryLeadsWithWhy(s) || what.statesPurpose(s) || what.headedAsWhy(s));
const summaryLeadsWithSolution = perSlide(what.summaryLeadsWithSolution);

/** Finders that return the first passage of the narrative, reading slide after slide. */
const IN_ORDER: ReadonlySet<BeatId> = new Set(['pain', 'value']);

const cache = new WeakMap<Deck, { key: string; story: Story }>();

/** Reads a narrative's story once per deck and configuration. */
export function readStory(deck: Deck, config: StoryConfig = {}): Story {
  const objectives = config.strategy?.objectives ?? [];
  const key = JSON.stringify([config.kind, config.kinds, objectives, config.audience, config.audiences]);
  const cached = cache.get(deck);
  if (cached?.key === key) return cached.story;
  const story = read(deck, config, readingContext(deck, objectives));
  cache.set(deck, { key, story });
  return story;
}

function read(deck: Deck, config: StoryConfig, ctx: ReadingContext): Story {
  const kind = readKind(deck, config);
  const slideOf = (line: number): Slide | undefined => deck.slides.find((s) => line >= s.line && line <= s.endLine);
  const beats = {} as Record<BeatId, BeatReading>;
  for (const beat of BEAT_IDS) {
    const marked = deck.slides.find((s) => s.explicitBeats && !s.empty && s.beats.includes(beat));
    const finder = READ[beat];
    const passage = finder ? finder(ctx) : undefined;
    const slide = passage ? slideOf(passage.block.line) : undefined;
    const found = passage && slide ? { slide: slide.index, line: passage.block.line, words: passage.text } : undefined;
    const model = CHECKED[beat];
    const doubted = found && model && !marked && longEnough(deck, model.minWords ?? 0) && bestScore(sections(deck, beat, found), model) < model.threshold;
    if (found && doubted) beats[beat] = { present: false, uncertain: found };
    else if (found) beats[beat] = { present: true, evidence: found };
    else if (marked) beats[beat] = { present: true, evidence: { slide: marked.index, line: marked.titleLine, words: `marked <!-- beat: ${beat} -->` } };
    else if (!finder) {
      const detected = ctx.slidesWith(beat)[0];
      beats[beat] = detected ? { present: true, evidence: { slide: detected.index, line: detected.titleLine, words: detected.title } } : { present: false };
    } else beats[beat] = { present: false };
  }
  /** Does this slide play the beat, as beat detection saw it and the reading confirmed (the finder's slide, or any slide detection gave a beat the reading found)? */
  const plays = (s: Slide, beat: BeatId): boolean => {
    if (!s.explicitBeats && (beat === 'pain' || beat === 'what') && introducesProduct(s)) return beat === 'what';
    // The title slide names the narrative; a summary that leads with the problem, or a section headed as the problem, says why before it proposes.
    if (beat === 'what' && titleOnly(s)) return false;
    if (beat === 'why' && !s.explicitBeats && saysWhy(s)) return true;
    if (s.explicitBeats || !READ[beat]) return s.beats.includes(beat);
    const evidence = beats[beat].evidence;
    // The pain and value finders read the slides in order: a slide before the first one they found the beat on has none.
    if (evidence && s.index < evidence.slide && IN_ORDER.has(beat)) return false;
    return evidence?.slide === s.index || (beats[beat].present && s.beats.includes(beat));
  };
  /** A summary that leads with the solution, on a slide that plays none of the beats the kind wants first (nor the ask an exec memo leads with). */
  const summarisesSolution = (s: Slide): boolean => {
    const first = kind.profile.beforeWhat;
    return first.length > 0 && !s.explicitBeats && summaryLeadsWithSolution(s) && ![...first, 'ask' as const].some((beat) => plays(s, beat));
  };
  const slideBeats = deck.slides.map((s) => BEAT_IDS.filter((beat) => plays(s, beat) || (beat === 'what' && summarisesSolution(s))));
  const firstWhat = deck.slides.find((s, i) => !s.empty && slideBeats[i].includes('what'));
  // A solution told in a summary comes before the one beat detection saw.
  if (firstWhat && firstWhat.index !== beats.what.evidence?.slide) beats.what = { present: true, evidence: { slide: firstWhat.index, line: firstWhat.titleLine, words: firstWhat.title } };
  // The writer's own "Why …" heading comes only after the solution: an opening that merely reads as a purpose ("I want to share
  // some changes…"), with no why or problem heading of its own, no summary leading with the problem, no purpose stated outright
  // ("The purpose of this project is to…") and no mark, was not the why.
  const whyHeading = what.firstWhyHeading(deck.slides);
  const setAside = new Set<number>();
  if (firstWhat && whyHeading !== undefined && whyHeading > firstWhat.titleLine)
    deck.slides.forEach((s, i) => {
      if (s.index < firstWhat.index && slideBeats[i].includes('why') && !what.headedWhyOrPain(s) && !what.statesPurposeOutright(s)) {
        slideBeats[i] = slideBeats[i].filter((b) => b !== 'why');
        setAside.add(s.index);
      }
    });
  // A summary that leads with the problem, or a sentence that states the purpose, says why, though no why heading or cue named it.
  const firstWhy = deck.slides.find((s, i) => what.speaks(s) && slideBeats[i].includes('why'));
  if (firstWhy && (!beats.why.present || firstWhy.index < (beats.why.evidence?.slide ?? Infinity) || setAside.has(beats.why.evidence?.slide ?? 0)))
    beats.why = { present: true, evidence: { slide: firstWhy.index, line: firstWhy.titleLine, words: firstWhy.title } };
  // A customer's pain answers "why" as well as a stated purpose does (why-before-what).
  const missing = kind.profile.expects.filter((beat) => !beats[beat].present && !(beat === 'why' && beats.pain.present));
  const audience = readAudience(deck, config);
  return { kind, beats, missing, slideBeats, ...(audience ? { audience } : {}), cues: readCues(ctx, audience?.profile.checks ?? []), stakeholders: readStakeholders(deck) };
}
