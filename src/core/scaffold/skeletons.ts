import { BEAT_IDS, type BeatId } from '../deck/types';
import { escapeComment, escapeMarkdown } from './escape';

/**
 * The one source of beat skeletons: templates (`{{beat "pain"}}`), "insert missing beat" quick fixes and
 * the `sd-<beat>` snippets all build their slides from this table.
 *
 * Each heading is one that beat detection reads as its own beat, so a slide keeps its beat if the writer
 * deletes the marker; the placeholder starts with `TODO` so a slide stays empty until it is written.
 */
export interface BeatSkeletonText {
  /** Slide heading (plain text). */
  heading: string;
  /** What the slide must do, shown as `<!-- guide: … -->`. */
  guide: string;
  /** The placeholder body line; always starts with `TODO:`. */
  todo: string;
  /**
   * The slide's layout (docs/layouts.md), written as Marp's `<!-- _class: … -->`: `quote` sets the placeholder
   * as a quotation; `big-number` puts `figure` (a placeholder too) first, to be shown large.
   */
  layout?: 'quote' | 'big-number';
  /** The big number's placeholder, before `todo`; always starts with `TODO`. */
  figure?: string;
}

export const BEAT_SKELETONS: Readonly<Record<BeatId, Readonly<BeatSkeletonText>>> = {
  why: {
    heading: "Why we're doing this",
    guide: 'Say the purpose or belief behind this work in one or two sentences, before any product or plan. What do we believe that the audience can believe too?',
    todo: 'TODO: the belief or purpose behind this work.',
  },
  pain: {
    heading: 'The problem',
    guide: 'Tell the story of one real customer struggling today, by name or role, ideally in their own words: what they do, what goes wrong, what it costs them.',
    todo: 'TODO: one customer, one moment of struggle, in their words.',
    layout: 'quote',
  },
  value: {
    heading: 'What changes for customers',
    guide: 'Show what changes for that same customer when this works: what they no longer have to do, and what they get back.',
    todo: 'TODO: the same customer, after.',
  },
  business: {
    heading: 'Why it matters for the business',
    guide: 'Give the business value and the demand behind it: revenue, cost, retention or market size, with a number and its source.',
    todo: 'TODO: the business value, with a number.',
  },
  strategy: {
    heading: 'Where this fits in our strategy',
    guide: "Name the company strategy, pillar, objective or OKR this serves, in the company's own words, and say how it moves it.",
    todo: 'TODO: the objective this serves.',
  },
  what: {
    heading: "What we're building",
    guide: 'Only now describe the solution, product or feature: what it is and what it does for the customer above, in plain words.',
    todo: 'TODO: the solution in one or two sentences.',
  },
  how: {
    heading: "How we'll get there",
    guide: 'Give the plan: milestones with dates, the team, and the biggest risk and how you will handle it.',
    todo: 'TODO: milestones, dates and team.',
  },
  outcome: {
    heading: "How we'll know it worked",
    guide: 'Say how success is measured: a change in what customers do, with a baseline, a target and a date.',
    todo: 'TODO: metric, from baseline to target, by date.',
    layout: 'big-number',
    figure: 'TODO: target',
  },
  ask: {
    heading: 'What we need from you',
    guide: 'Make the explicit request: the decision, people, budget or next step you need, from whom, and by when.',
    todo: 'TODO: the request, the owner and the date.',
  },
};

/** Per-use changes to a skeleton, e.g. a template's own guidance for its kind of talk. Plain text; escaped on output. */
export type BeatSkeletonOverrides = Partial<BeatSkeletonText>;

/** The parts of a skeleton after escaping, ready to be laid out as Markdown (or as a snippet). */
export interface SkeletonParts {
  heading: string;
  marker: string;
  guide: string;
  todo: string;
  layout?: BeatSkeletonText['layout'];
  figure?: string;
}

/** Lays out one slide skeleton. Shared by {@link beatSkeleton} and the snippet builder so both keep one shape. */
export function layoutSkeleton(parts: SkeletonParts): string[] {
  const layout = parts.layout ? [`<!-- _class: ${parts.layout} -->`, ''] : [];
  const body = parts.layout === 'quote' ? [`> ${parts.todo}`] : parts.layout === 'big-number' && parts.figure ? [parts.figure, '', parts.todo] : [parts.todo];
  return [...layout, `## ${parts.heading}`, '', `<!-- beat: ${parts.marker} -->`, `<!-- guide: ${parts.guide} -->`, '', ...body];
}

/**
 * The Markdown of one slide skeleton for `beat`: heading, beat marker, guidance comment and a `TODO` line,
 * without slide separators and without a final line break. Overrides are plain text and are escaped, so an
 * answer can be passed through them safely.
 */
export function beatSkeleton(beat: BeatId, overrides: BeatSkeletonOverrides = {}): string {
  if (!(BEAT_IDS as readonly string[]).includes(beat)) throw new Error(`Unknown beat "${String(beat)}". Beats: ${BEAT_IDS.join(', ')}.`);
  const text = { ...BEAT_SKELETONS[beat], ...definedOnly(overrides) };
  // A placeholder must stay a placeholder, or the empty slide would count as written.
  const placeholder = (line: string) => {
    const escaped = escapeMarkdown(line);
    return /^TODO\b/.test(escaped) ? escaped : `TODO: ${escaped}`;
  };
  return layoutSkeleton({
    heading: escapeMarkdown(text.heading),
    marker: beat,
    guide: escapeComment(text.guide),
    todo: placeholder(text.todo),
    layout: BEAT_SKELETONS[beat].layout,
    figure: text.figure === undefined ? undefined : placeholder(text.figure),
  }).join('\n');
}

function definedOnly(overrides: BeatSkeletonOverrides): BeatSkeletonOverrides {
  return Object.fromEntries(Object.entries(overrides).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
}
