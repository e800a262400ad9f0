import { parseDuration } from './duration';
import type { BeatId, Deck } from './types';

/** The outline contract of `storydeck outline --format json`. */
export interface Outline {
  title: string;
  /** The kind the narrative is read as (docs/kinds.md) and where that came from, when the caller read it. */
  kind?: { id: string; source: string; evidence?: string };
  frontMatter: Record<string, unknown>;
  estimatedSeconds: number;
  slides: OutlineSlide[];
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

/** What an outline says about the narrative's kind: read by the story layer, which sits above the deck. */
export interface OutlineKind {
  id: string;
  source: string;
  evidence?: string;
  /** One line for people, e.g. "proposal (read from the headings “Motivation”, “Drawbacks”…)". */
  description: string;
}

export function outline(deck: Deck, kind?: OutlineKind): Outline {
  return {
    title: deck.title,
    ...(kind ? { kind: { id: kind.id, source: kind.source, ...(kind.evidence ? { evidence: kind.evidence } : {}) } } : {}),
    frontMatter: deck.frontMatter,
    estimatedSeconds: deck.estimatedSeconds,
    slides: deck.slides.map(({ index, line, endLine, title, beats, notes, words, estimatedSeconds }) => ({
      index,
      line,
      endLine,
      title,
      beats,
      notes,
      words,
      estimatedSeconds,
    })),
  };
}

/** A human-readable outline: one line per slide, with its beats, time and notes marker. */
export function formatOutline(deck: Deck, kind?: OutlineKind): string {
  const rows = deck.slides.map((slide) => {
    const beats = slide.beats.length ? slide.beats.join(', ') : '—';
    const notes = slide.notes.length ? '  [notes]' : '';
    const title = slide.title || (slide.empty ? '(empty)' : '(untitled)');
    return `${String(slide.index).padStart(3)}  L${String(slide.line).padEnd(5)} ${formatDuration(slide.estimatedSeconds).padStart(6)}  ${title}  (${beats})${notes}`;
  });
  const planned = parseDuration(deck.frontMatter.duration);
  const duration = planned ? ` of ${formatDuration(planned)} planned` : '';
  const header = `${deck.title || '(untitled narrative)'} — ${deck.slides.length} slide${deck.slides.length === 1 ? '' : 's'}, about ${formatDuration(deck.estimatedSeconds)}${duration}`;
  return [header, ...(kind ? [`Read as: ${kind.description}`] : []), ...rows].join('\n');
}

export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return m > 0 ? `${m}m${String(s).padStart(2, '0')}s` : `${s}s`;
}
