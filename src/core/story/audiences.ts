import { audienceKey, isAudienceName, slideAudiences } from '../deck/cut';
import type { BeatId, Deck } from '../deck';

/**
 * Audiences as data, like the kinds (kinds.ts): what a room needs the story to do for it. docs/audiences.md
 * documents this table; configuration can change an audience or add one (`audiences:`), so no rule branches
 * on an audience. `audience-fit` reports what a narrative for that room lacks.
 */
export const AUDIENCE_CHECKS = ['ask-early', 'ask-trade-off', 'short-slot', 'why-before-plan', 'team-part', 'partner-need', 'partner-benefit', 'feedback'] as const;
export type AudienceCheck = (typeof AUDIENCE_CHECKS)[number];

export function isAudienceCheck(value: unknown): value is AudienceCheck {
  return typeof value === 'string' && (AUDIENCE_CHECKS as readonly string[]).includes(value);
}

export interface AudienceProfile {
  /** Beats this room must hear; reported by `audience-fit` when the narrative's kind does not already expect them. */
  needs: readonly BeatId[];
  /** What else the story must do for this room (docs/audiences.md). */
  checks: readonly AudienceCheck[];
  /** With no `duration` in the front matter, the talk should fit this many minutes (`short-slot`). */
  slotMinutes?: number;
}

export const BUILTIN_AUDIENCES: Readonly<Record<string, AudienceProfile>> = {
  executives: { needs: ['business', 'strategy', 'ask'], checks: ['ask-early', 'ask-trade-off', 'short-slot'], slotMinutes: 10 },
  board: { needs: ['business', 'strategy', 'outcome', 'ask'], checks: ['ask-early', 'ask-trade-off', 'short-slot'], slotMinutes: 15 },
  team: { needs: ['why', 'pain'], checks: ['why-before-plan', 'team-part'] },
  partners: { needs: ['value', 'ask'], checks: ['partner-need', 'partner-benefit', 'feedback'] },
  customers: { needs: ['pain', 'value'], checks: ['feedback'] },
};

export interface AudienceConfig {
  audience?: string;
  audiences?: Record<string, AudienceProfile>;
}

/** The audience a narrative is written for, when it names one of the profiles. */
export interface AudienceReading {
  id: string;
  profile: AudienceProfile;
  /** The front matter's `audience:` or, when it names none, the configuration's `audience`. */
  source: 'front-matter' | 'config';
}

/** The audiences in force: the built-in table with the configuration's changes and additions on top. */
export function audienceTable(config: AudienceConfig = {}): Record<string, AudienceProfile> {
  return { ...BUILTIN_AUDIENCES, ...config.audiences };
}

/** The profile a name means: its id in any case, singular or plural ("Executive", "partner"). */
export function audienceId(name: string, table: Readonly<Record<string, AudienceProfile>>): string | undefined {
  const wanted = name.trim().toLowerCase();
  if (!wanted) return undefined;
  return Object.keys(table).find((id) => id === wanted || id === `${wanted}s` || `${id}s` === wanted);
}

/**
 * Reads the audience: front matter `audience:` when it names a profile, else the configuration's `audience`.
 * Free words ("Product leadership") name no profile: they stay the room's description, and nothing is checked.
 */
export function readAudience(deck: Deck, config: AudienceConfig = {}): AudienceReading | undefined {
  const table = audienceTable(config);
  const named = (value: unknown, source: AudienceReading['source']): AudienceReading | undefined => {
    const id = typeof value === 'string' ? audienceId(value, table) : undefined;
    return id ? { id, profile: table[id], source } : undefined;
  };
  const front = deck.frontMatter.audience;
  if (typeof front === 'string' && front.trim()) return named(front, 'front-matter');
  return named(config.audience, 'config');
}

/**
 * The audiences a narrative can be cut for, for a picker: those its `<!-- audience: … -->` markers name, then its
 * own audience, then every profile; each once, whatever its case or plural.
 */
export function audienceChoices(deck: Deck, config: AudienceConfig = {}): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const marked = deck.slides.flatMap(slideAudiences);
  for (const name of [...marked, readAudience(deck, config)?.id, ...Object.keys(audienceTable(config))]) {
    if (!name || !isAudienceName(name)) continue;
    const key = audienceKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}
