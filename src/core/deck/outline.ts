import { parseDuration } from './duration';
import type { BeatId, Deck } from './types';

/** The outline contract of `storydeck outline --format json`. */
export interface Outline {
  title: string;
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

export function outline(deck: Deck): Outline {
  return {
    title: deck.title,
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
export function formatOutline(deck: Deck): string {
  const rows = deck.slides.map((slide) => {
    const beats = slide.beats.length ? slide.beats.join(', ') : '—';
    const notes = slide.notes.length ? '  [notes]' : '';
    const title = slide.title || (slide.empty ? '(empty)' : '(untitled)');
    return `${String(slide.index).padStart(3)}  L${String(slide.line).padEnd(5)} ${formatDuration(slide.estimatedSeconds).padStart(6)}  ${title}  (${beats})${notes}`;
  });
  const planned = parseDuration(deck.frontMatter.duration);
  const duration = planned ? ` of ${formatDuration(planned)} planned` : '';
  const header = `${deck.title || '(untitled narrative)'} — ${deck.slides.length} slide${deck.slides.length === 1 ? '' : 's'}, about ${formatDuration(deck.estimatedSeconds)}${duration}`;
  return [header, ...rows].join('\n');
}

export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return m > 0 ? `${m}m${String(s).padStart(2, '0')}s` : `${s}s`;
}
