import { DURATION_FORMS, parseDuration } from '../deck/duration';
import { isForAudience } from '../deck/cut';
import { BEAT_IDS, BEAT_TITLES, type BeatId, type Deck, type Slide } from '../deck/types';
import type { Finding } from '../lint/types';
import { describeKind, kindPhrase } from './kinds';
import type { Stakeholder } from './stakeholders';
import { beatGaps, doubtLine, doubtOf, doubtQuestion, doubtsOf } from './sectionModel';
import type { Evidence, Story } from './story';

/**
 * What an editor shows about a narrative at a glance (a status item) and as a tree (the Story view), from
 * one lint result and the story it read. Pure: the VS Code adapter only turns these into a status bar
 * item and tree items.
 */
export interface StorySummary {
  /** The kind the narrative is read as. */
  kind: string;
  /** When nothing names the kind and the learned reader guessed it from the document's words: what decided it (`describeKind`). */
  readAs?: string;
  /** Beats the kind expects that the narrative plays, in {@link BEAT_IDS} order. */
  present: BeatId[];
  /** Beats the kind expects that it does not play, in order: the same beats lint reports missing (or asks about). */
  missing: BeatId[];
  /** Those of `missing` the reading found but a learned scorer doubts, with the words found: shown in doubt, not missing. */
  uncertain: Partial<Record<BeatId, Evidence>>;
  estimatedSeconds: number;
  /** Front matter `duration`, when it can be read. */
  plannedSeconds?: number;
  /** Front matter `duration` as written, when it is set but cannot be read. */
  unreadableDuration?: string;
  findings: number;
  /** The audience cut shown (docs/audiences.md): the talk time is that of its slides. */
  cut?: string;
}

/** The slides of `deck` an audience cut keeps: all of them with no cut. */
export function cutSlides(deck: Deck, cut: string | undefined): Slide[] {
  return cut ? deck.slides.filter((s) => isForAudience(s, cut)) : deck.slides;
}

export function storySummary(deck: Deck, findings: readonly Finding[], story: Story, cut?: string): StorySummary {
  const duration = deck.frontMatter.duration;
  const plannedSeconds = parseDuration(duration);
  return {
    kind: story.kind.id,
    ...(story.kind.source === 'guessed' ? { readAs: describeKind(story.kind) } : {}),
    present: story.kind.profile.expects.filter((b) => !story.missing.includes(b)),
    missing: story.missing,
    uncertain: doubtsOf(story),
    estimatedSeconds: cut ? cutSlides(deck, cut).reduce((sum, s) => sum + s.estimatedSeconds, 0) : deck.estimatedSeconds,
    ...(cut ? { cut } : {}),
    plannedSeconds,
    ...(plannedSeconds === undefined && duration !== undefined && duration !== null ? { unreadableDuration: String(duration) } : {}),
    findings: findings.length,
  };
}

/** `7/9 beats · 6:30 of 8:00 · 3 findings` */
export function storyStatusText(summary: StorySummary): string {
  const planned = summary.plannedSeconds ? clock(summary.plannedSeconds) : summary.unreadableDuration !== undefined ? '?' : undefined;
  const time = clock(summary.estimatedSeconds) + (planned ? ` of ${planned}` : '');
  return `${summary.present.length}/${summary.present.length + summary.missing.length} beats · ${time}${summary.cut ? ` for ${summary.cut}` : ''} · ${count(summary.findings, 'finding')}`;
}

/** Which beats are missing and which are in doubt, and how the talk time compares with the plan. */
export function storyStatusTooltip(summary: StorySummary): string {
  const { absent, doubts } = beatGaps(summary.missing, summary.uncertain);
  const missing = absent.length ? [`Missing ${absent.length === 1 ? 'beat' : 'beats'}: ${absent.map((b) => BEAT_TITLES[b].toLowerCase()).join(', ')}.`] : [];
  const beats = [...missing, ...doubts].join('\n') || `Every beat a ${summary.kind} needs is there.`;
  const planned = summary.plannedSeconds;
  const time = planned
    ? `About ${clock(summary.estimatedSeconds)} of speaking for a ${clock(planned)} slot${summary.estimatedSeconds > planned ? ': too long' : ''}.`
    : summary.unreadableDuration !== undefined
      ? `About ${clock(summary.estimatedSeconds)} of speaking; \`duration: ${summary.unreadableDuration}\` is not a talk length (write ${DURATION_FORMS}), so it is not compared.`
      : `About ${clock(summary.estimatedSeconds)} of speaking (set \`duration\` in the front matter to compare).`;
  return `${beats}\n${time}${summary.readAs ? `\nRead as ${summary.readAs}.` : ''}`;
}

/** A node of the Story view: beats (and "No beat") holding slides, slides holding their findings. */
export type StoryNode = StoryGroupNode | StorySlideNode | StoryFindingNode | StoryStakeholderNode;

export interface StoryGroupNode {
  kind: 'group';
  /** The beat, or undefined for slides that play none and for findings in the front matter. */
  beat?: BeatId;
  label: string;
  description: string;
  /** For a beat: its id, as `<!-- beat: … -->` markers and `storydeck outline --format json` write it. */
  tooltip?: string;
  children: (StorySlideNode | StoryFindingNode | StoryStakeholderNode)[];
}

/** A stakeholder from the front matter: ✓ addressed on slide N, or ✗ not addressed, with their stance. */
export interface StoryStakeholderNode {
  kind: 'stakeholder';
  addressed: boolean;
  label: string;
  description: string;
  /** Where a click goes: the first slide that speaks to them, else their line in the front matter. */
  line: number;
  /** What matched, where: "pipeline: slide 3". */
  tooltip: string;
}

export interface StorySlideNode {
  kind: 'slide';
  index: number;
  label: string;
  description: string;
  /** 1-based line the slide is revealed at: its title. */
  line: number;
  children: StoryFindingNode[];
}

export interface StoryFindingNode {
  kind: 'finding';
  finding: Finding;
  label: string;
  description: string;
  line: number;
}

/**
 * The Story view's tree: one group per beat in why-before-what order (a slide playing two beats is under
 * both; a beat the kind expects and no slide plays says "missing", one it does not expect "not needed"),
 * then "No beat" for slides that play none, "Front matter" for findings above the first slide, and
 * "Stakeholders" when the front matter lists any. Each slide lists the findings on its lines. Beats are the
 * story's reading, the one lint judges by. With an audience `cut`, only the slides that cut keeps are listed.
 */
export function storyTree(deck: Deck, findings: readonly Finding[], story: Story, cut?: string): StoryGroupNode[] {
  const shown = cutSlides(deck, cut);
  const first = deck.slides[0]?.line ?? Infinity;
  const slide = (s: Slide): StorySlideNode => {
    const own = findings.filter((f) => f.line >= s.line && f.line <= s.endLine).map(findingNode);
    const parts = [s.empty ? 'to write' : clock(s.estimatedSeconds), ...(own.length ? [count(own.length, 'finding')] : [])];
    return { kind: 'slide', index: s.index, label: `${s.index}. ${s.title || '(untitled)'}`, description: parts.join(' · '), line: s.titleLine, children: own };
  };
  const beatsOf = (s: Slide) => story.slideBeats[s.index - 1] ?? [];
  const groups: StoryGroupNode[] = BEAT_IDS.map((beat) => {
    const slides = shown.filter((s) => beatsOf(s).includes(beat));
    const written = slides.filter((s) => !s.empty).length;
    const absent = story.missing.includes(beat) ? 'missing' : story.kind.likely ? `not expected (read as ${kindPhrase(story.kind)})` : `not needed for ${kindPhrase(story.kind)}`;
    const doubt = doubtOf(story, beat);
    const description = doubt ? doubtLine(beat, doubt.words) : slides.length === 0 ? absent : written === 0 ? 'to write' : count(slides.length, 'slide');
    // Whether a beat is expected follows from the kind: when it was guessed, say from what.
    const readAs = slides.length === 0 && story.kind.source === 'guessed' ? ` Read as ${describeKind(story.kind)}.` : '';
    const tooltip = `${BEAT_TITLES[beat]} (${beat}). ${beatReason(story, beat)}${readAs}`;
    return { kind: 'group', beat, label: BEAT_TITLES[beat], description, tooltip, children: slides.map(slide) };
  });
  const none = shown.filter((s) => beatsOf(s).length === 0);
  if (none.length) groups.push({ kind: 'group', label: 'No beat', description: count(none.length, 'slide'), children: none.map(slide) });
  const above = findings.filter((f) => f.line < first);
  if (above.length) groups.unshift({ kind: 'group', label: 'Front matter', description: count(above.length, 'finding'), children: above.map(findingNode) });
  const people = story.stakeholders.stakeholders.map(stakeholderNode);
  if (people.length) {
    const addressed = people.filter((p) => p.addressed).length;
    groups.push({ kind: 'group', label: 'Stakeholders', description: `${addressed} of ${people.length} addressed`, children: people });
  }
  return groups;
}

/** The longest quote a tooltip or hover shows of the words that decided. */
const QUOTE = 140;

const quote = (words: string): string => `“${words.length > QUOTE ? `${words.slice(0, QUOTE - 1).trimEnd()}…` : words}”`;

/**
 * Why the reading says a beat is there — the slide and the words that decided, so a writer can see the
 * reading and correct it — or, when no slide plays it, how to say it.
 */
export function beatReason(story: Story, beat: BeatId): string {
  const { evidence } = story.beats[beat];
  const uncertain = doubtOf(story, beat);
  const mark = `<!-- beat: ${beat} -->`;
  if (uncertain) return `Found on slide ${uncertain.slide}, line ${uncertain.line}, but in doubt. ${doubtQuestion(beat, uncertain.words)}`;
  return evidence
    ? `Read on slide ${evidence.slide}, line ${evidence.line}: ${quote(evidence.words)}. Not what you meant? Mark the slide that plays it with ${mark}.`
    : `No slide plays it as StoryDeck reads the words; a slide marked ${mark} plays it, whatever its words.`;
}

/** A beat a slide plays, with the words that decided when they are on that slide. */
export interface SlideBeat {
  beat: BeatId;
  title: string;
  /** The deciding words and their line, when the reading found the beat on this slide. */
  evidence?: { line: number; words: string };
}

/**
 * The beats the slide whose title is on `line` (1-based) plays, as lint reads them, and the beats in doubt on it (“pain? — …”):
 * what a hover on a slide's title shows. Undefined when `line` is not a slide's title line.
 */
export function slideReading(deck: Deck, story: Story, line: number): { slide: number; beats: SlideBeat[]; doubts: string[] } | undefined {
  const s = deck.slides.find((slide) => slide.titleLine === line && slide.title);
  if (!s) return undefined;
  const beats = (story.slideBeats[s.index - 1] ?? []).map((beat): SlideBeat => {
    const evidence = story.beats[beat].evidence;
    const here = evidence?.slide === s.index ? { evidence: { line: evidence.line, words: quote(evidence.words) } } : {};
    return { beat, title: BEAT_TITLES[beat], ...here };
  });
  const doubts = BEAT_IDS.flatMap((beat) => {
    const u = doubtOf(story, beat);
    return u?.slide === s.index ? [`${doubtLine(beat, u.words)} (line ${u.line})`] : [];
  });
  return { slide: s.index, beats, doubts };
}

function stakeholderNode(s: Stakeholder): StoryStakeholderNode {
  const where = s.slides.length ? `addressed on slide${s.slides.length === 1 ? '' : 's'} ${s.slides.join(', ')}` : 'not addressed';
  const tooltip = s.addressed.length
    ? s.addressed.map((a) => `${a.term}: slide ${a.evidence.slide} — “${a.evidence.words}”`).join('\n')
    : `No slide names ${[...s.concerns, s.name, ...(s.role ? [s.role] : [])].join(', ')}.`;
  return {
    kind: 'stakeholder',
    addressed: s.slides.length > 0,
    label: `${s.slides.length ? '✓' : '✗'} ${s.name}${s.role ? ` (${s.role})` : ''}`,
    description: `${where} · ${s.stance}`,
    line: s.addressed[0]?.evidence.line ?? s.line,
    tooltip,
  };
}

function findingNode(finding: Finding): StoryFindingNode {
  return { kind: 'finding', finding, label: finding.message, description: finding.ruleId, line: finding.line };
}

/** Seconds as m:ss. */
export function clock(seconds: number): string {
  const total = Math.round(seconds);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
