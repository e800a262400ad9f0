import { oneLine } from '../deck/controls';
import { parseDuration } from '../deck/duration';
import type { BeatId, Deck } from '../deck/types';
import { describeKind, kindPhrase } from './kinds';
import { beatGaps, doubtsOf } from './sectionModel';
import type { Evidence, Story } from './story';

/** The outline contract of `storydeck outline --format json`. */
export interface Outline {
  title: string;
  /** The kind the narrative is read as (docs/kinds.md) and where that came from. */
  kind: { id: string; source: string; evidence?: string };
  /** Beats the kind expects that the narrative does not play: exactly the ones lint reports missing. */
  missing: BeatId[];
  /** For each beat the narrative plays, what decided it: the slide, the line and the words. */
  evidence: Partial<Record<BeatId, Evidence>>;
  /** Beats the reading found but a learned scorer doubts (the rule asks about them), with the words found: they are in `missing`. */
  uncertain: Partial<Record<BeatId, Evidence>>;
  frontMatter: Record<string, unknown>;
  estimatedSeconds: number;
  slides: OutlineSlide[];
  /** The audience profile the narrative is written for (docs/audiences.md), else the front matter's words for the room. */
  audience?: string;
  /** The front matter's stakeholders, each with whether and where the narrative speaks to them. */
  stakeholders: OutlineStakeholder[];
}

export interface OutlineStakeholder {
  name: string;
  role?: string;
  concerns: string[];
  stance: string;
  met?: string;
  addressed: boolean;
  /** The slides that name a concern, the name or the role. */
  slides: number[];
  /** For each of those words, where the narrative first says it. */
  evidence: (Evidence & { term: string })[];
}

/** The audience as the outline shows it: the profile read, else the front matter's own words. */
function audienceOf(deck: Deck, story: Story): string | undefined {
  const words = deck.frontMatter.audience;
  return story.audience?.id ?? (typeof words === 'string' && words.trim() ? words.trim() : undefined);
}

/** The stakeholders as the outline shows them. */
export function outlineStakeholders(story: Story): OutlineStakeholder[] {
  return story.stakeholders.stakeholders.map(({ name, role, concerns, stance, met, addressed, slides }) => ({
    name,
    ...(role ? { role } : {}),
    concerns,
    stance,
    ...(met ? { met } : {}),
    addressed: addressed.length > 0,
    slides,
    evidence: addressed.map(({ term, evidence }) => ({ term, ...evidence })),
  }));
}

export interface OutlineSlide {
  index: number;
  line: number;
  endLine: number;
  title: string;
  beats: BeatId[];
  notes: string[];
  words: number;
  estimatedSeconds: number;
}

/** The outline contract, from the story every rule reads: its beats per slide are the ones lint judges by. */
export function outline(deck: Deck, story: Story): Outline {
  const { id, source, evidence } = story.kind;
  const audience = audienceOf(deck, story);
  return {
    title: deck.title,
    kind: { id, source, ...(evidence ? { evidence } : {}) },
    missing: story.missing,
    evidence: Object.fromEntries(Object.entries(story.beats).flatMap(([beat, reading]) => (reading.evidence ? [[beat, reading.evidence]] : []))),
    uncertain: doubtsOf(story),
    frontMatter: deck.frontMatter,
    estimatedSeconds: deck.estimatedSeconds,
    slides: deck.slides.map(({ index, line, endLine, title, notes, words, estimatedSeconds }, i) => ({
      index,
      line,
      endLine,
      title,
      beats: story.slideBeats[i],
      notes,
      words,
      estimatedSeconds,
    })),
    ...(audience ? { audience } : {}),
    stakeholders: outlineStakeholders(story),
  };
}

/** A human-readable outline: the kind it was read as, one line per slide with its beats, time and notes marker, then the missing beats. */
export function formatOutline(deck: Deck, story: Story): string {
  const rows = deck.slides.map((slide, i) => {
    const beats = story.slideBeats[i].length ? story.slideBeats[i].join(', ') : '—';
    const notes = slide.notes.length ? '  [notes]' : '';
    const title = slide.title || (slide.empty ? '(empty)' : '(untitled)');
    return `${String(slide.index).padStart(3)}  L${String(slide.line).padEnd(5)} ${formatDuration(slide.estimatedSeconds).padStart(6)}  ${title}  (${beats})${notes}`;
  });
  const planned = parseDuration(deck.frontMatter.duration);
  const duration = planned ? ` of ${formatDuration(planned)} planned` : '';
  const header = `${deck.title || '(untitled narrative)'} — ${deck.slides.length} slide${deck.slides.length === 1 ? '' : 's'}, about ${formatDuration(deck.estimatedSeconds)}${duration}`;
  const { absent, doubts } = beatGaps(story.missing, doubtsOf(story));
  const missing = absent.length ? [`Missing for ${kindPhrase(story.kind)}: ${absent.join(', ')}`] : doubts.length ? [] : [`Every beat ${kindPhrase(story.kind)} needs is there.`];
  const audience = audienceOf(deck, story);
  const room = audience ? [`Audience: ${audience}${story.audience ? '' : ' (no audience profile: nothing extra is checked)'}`] : [];
  const people = outlineStakeholders(story).map(
    (s) => `Stakeholder ${s.name} (${s.stance}): ${s.addressed ? `addressed on slide${s.slides.length === 1 ? '' : 's'} ${s.slides.join(', ')}` : 'not addressed'}`,
  );
  // One line each: a line break in a front matter value (the title, a stakeholder's name) is escaped, never a line of its own.
  return [header, `Read as: ${describeKind(story.kind)}`, ...room, ...rows, ...missing, ...doubts, ...people].map(oneLine).join('\n');
}

export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return m > 0 ? `${m}m${String(s).padStart(2, '0')}s` : `${s}s`;
}
