import { slidePassages } from '../deck/beats';
import type { Deck } from '../deck';
import type { Evidence } from './story';
import { objectivesNamed } from './strategy';

/**
 * The people or groups whose support the idea needs (front matter `stakeholders:`), and where the narrative
 * speaks to each: by the words of their concerns (`cares`), their name or their role. `stakeholder-coverage`,
 * the outline and the Story view read this; the front-matter rule reports the problems.
 */
export const STANCES = ['supporter', 'neutral', 'skeptic', 'unknown'] as const;
export type Stance = (typeof STANCES)[number];

export interface Stakeholder {
  name: string;
  role?: string;
  /** The words of what they care about, as written under `cares`. */
  concerns: string[];
  stance: Stance;
  /** When they were last met one to one, as written (`met:`). */
  met?: string;
  /** 1-based front matter line of their entry. */
  line: number;
  /** Each concern, name or role the narrative speaks to, with where it first does. */
  addressed: { term: string; evidence: Evidence }[];
  /** The slides that speak to them, in order. */
  slides: number[];
}

export interface StakeholderProblem {
  message: string;
  line: number;
}

export interface StakeholderReading {
  stakeholders: Stakeholder[];
  problems: StakeholderProblem[];
}

const KEY = 'stakeholders';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);

/** The front matter lines of the `stakeholders:` key and of each item of its list, in order (a flow list's items share the key's line). */
export function stakeholderLines(deck: Deck): { key?: number; items: number[] } {
  const fm = deck.frontMatterRange;
  if (!fm) return { items: [] };
  let key: number | undefined;
  let indent: number | undefined;
  const items: number[] = [];
  for (let line = fm.line + 1; line < fm.endLine && line <= deck.lines.length; line++) {
    const source = deck.lines[line - 1] ?? '';
    if (key === undefined) {
      if (/^stakeholders\s*:/.test(source)) key = line;
      continue;
    }
    if (/^[^\s#-]/.test(source)) break;
    const item = /^(\s*)- /.exec(source) ?? /^(\s*)-$/.exec(source);
    if (!item) continue;
    indent ??= item[1].length;
    if (item[1].length === indent) items.push(line);
  }
  return { key, items };
}

/** Reads `stakeholders:`: each entry with where the narrative speaks to them, and one problem per entry it cannot read. */
export function readStakeholders(deck: Deck): StakeholderReading {
  const raw = deck.frontMatter[KEY];
  if (raw === undefined || raw === null) return { stakeholders: [], problems: [] };
  const lines = stakeholderLines(deck);
  const keyLine = lines.key ?? deck.frontMatterRange?.line ?? 1;
  if (!Array.isArray(raw)) return { stakeholders: [], problems: [{ message: '`stakeholders` should be a list: one `- { name: …, cares: […], stance: … }` per person or group.', line: keyLine }] };
  const stakeholders: Stakeholder[] = [];
  const problems: StakeholderProblem[] = [];
  raw.forEach((entry: unknown, i) => {
    const line = lines.items[i] ?? keyLine;
    const problem = (message: string) => problems.push({ message: `Stakeholder ${i + 1}: ${message}`, line });
    const fields = isObject(entry) ? entry : { name: entry };
    const name = text(fields.name);
    if (!name) {
      problem('give a `name` (a person or a group), e.g. `- { name: Dana Park, role: VP Sales, cares: [pipeline] }`.');
      return;
    }
    const cares = fields.cares ?? fields.concerns;
    const concerns = cares === undefined ? [] : (Array.isArray(cares) ? cares : [cares]).map(text).filter((c): c is string => c !== undefined);
    if (cares !== undefined && concerns.length !== (Array.isArray(cares) ? cares.length : 1)) problem('`cares` should be a list of words, e.g. `cares: [pipeline, quota]`.');
    const stanceText = text(fields.stance)?.toLowerCase();
    const stance = (STANCES as readonly string[]).includes(stanceText ?? '') ? (stanceText as Stance) : 'unknown';
    if (stanceText !== undefined && stance !== stanceText) problem(`\`stance\` should be one of ${STANCES.join(', ')} (got "${stanceText}"); read as unknown.`);
    const role = text(fields.role);
    const met = text(fields.met);
    stakeholders.push({ name, ...(role ? { role } : {}), concerns, stance, ...(met ? { met } : {}), line, addressed: [], slides: [] });
  });
  where(deck, stakeholders);
  return { stakeholders, problems };
}

/**
 * Where the narrative first names each stakeholder's terms (their concerns, name and role; word-aligned, any case), and the slides
 * it does so on. Every term of every stakeholder is looked for in one reading of each passage (`objectivesNamed`): a reading per
 * term took time proportional to the number of terms times the narrative's length.
 */
function where(deck: Deck, stakeholders: Stakeholder[]): void {
  const terms = stakeholders.flatMap((s, owner) => [...s.concerns, s.name, ...(s.role ? [s.role] : [])].map((term) => ({ term, owner })));
  const firsts: (Evidence | undefined)[] = terms.map(() => undefined);
  const slides = stakeholders.map(() => new Set<number>());
  const named = objectivesNamed(terms.map((t) => t.term));
  for (const slide of deck.slides) {
    for (const p of slidePassages(slide)) {
      for (const i of named(p.text)) {
        firsts[i] ??= { slide: slide.index, line: p.block.line, words: p.text };
        slides[terms[i].owner].add(slide.index);
      }
    }
  }
  terms.forEach(({ term, owner }, i) => {
    const evidence = firsts[i];
    if (evidence) stakeholders[owner].addressed.push({ term, evidence });
  });
  stakeholders.forEach((s, i) => (s.slides = [...slides[i]].sort((a, b) => a - b)));
}
