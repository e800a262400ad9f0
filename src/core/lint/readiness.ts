import type { Deck } from '../deck';
import { visibleLines } from './context';
import type { Finding } from './types';

/** `TODO` as a word, upper case: what a skeleton leaves on a slide (`TODO: the ask…`) and a writer types as a reminder. */
const TODO = /\bTODO\b/g;

/** What is not ready in a narrative about to be exported. */
export interface Readiness {
  /** Open lint findings by severity. */
  errors: number;
  warnings: number;
  infos: number;
  /** `TODO` placeholders the audience would see: the 1-based slide and line of each. */
  todos: Array<{ slide: number; line: number }>;
}

/** Counts the open findings and the `TODO`s left in the slides' visible text (not in notes, guidance or code). Linear in the text. */
export function readiness(deck: Deck, findings: readonly Finding[]): Readiness {
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  const todos: Readiness['todos'] = [];
  for (const { slide, line, text } of visibleLines(deck, deck.slides)) for (TODO.lastIndex = 0; TODO.test(text);) todos.push({ slide: slide.index, line });
  return { errors: count('error'), warnings: count('warning'), infos: count('info'), todos };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * One sentence saying what is not ready, or undefined when nothing is: "Not ready yet: 3 open findings
 * (1 error, 2 warnings) and 2 TODO placeholders (slides 4 and 7). Exporting anyway."
 */
export function notReadyMessage({ errors, warnings, infos, todos }: Readiness): string | undefined {
  const open = errors + warnings + infos;
  const parts: string[] = [];
  if (open > 0) {
    const kinds = [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning'), infos && plural(infos, 'suggestion')].filter(Boolean);
    parts.push(`${plural(open, 'open finding')} (${kinds.join(', ')})`);
  }
  if (todos.length > 0) {
    const slides = [...new Set(todos.map((t) => t.slide))];
    const named = slides.length > 1 ? `slides ${slides.slice(0, -1).join(', ')} and ${slides[slides.length - 1]}` : `slide ${slides[0]}`;
    parts.push(`${plural(todos.length, 'TODO placeholder')} (${named})`);
  }
  return parts.length ? `Not ready yet: ${parts.join(' and ')}. Exporting anyway.` : undefined;
}
