/**
 * Feature families the kind reader does not have, measured leave-one-set-out by `scripts/kind-eval.ts --with o,n,e` (docs/judgement.md,
 * session 19; measurement only — the shipped reader and `npm run train:kinds` do not read them). Named before measuring, from where the
 * reader went wrong on the 24 opened sets (80 of the 169 real documents no front matter and no sign names read wrong: 27 of them with
 * the right kind on top but too unsure — prose talks, speaker scripts, grant proposals —, 8 updates read as a pitch, 6 strategy pages as
 * a proposal):
 *
 * - `o:` the opening: the words of the text's first OPENING words ("Thank you and good afternoon", "FOR IMMEDIATE RELEASE", "It's been
 *   another great couple of weeks", "Roadmap of things we want to work on next");
 * - `n:` numbers in the title and headings: a year, a full date, a quarter or half, a version, any other number ("June 2017", "Q3",
 *   "3.14");
 * - `e:` the closing: the words of the last heading and of the text's last OPENING words ("Thank you", "Questions", "Next steps").
 *
 * The fourth candidate is capacity (`--maxFeatures 800`), no new family.
 */
import { wordFeatures, type KindText } from '../../src/core/story/kindModel';

/** How many words of text the opening and the closing read. */
export const OPENING = 60;

const words = (t: KindText) => t.body.join('\n').split(/\s+/).filter(Boolean);

/** `o:` the words of the first OPENING words of the text. */
export function openingFeatures(t: KindText): string[] {
  const out = new Set<string>();
  wordFeatures('o:', words(t).slice(0, OPENING).join(' '), out);
  return [...out];
}

/** `e:` the words of the last heading and of the last OPENING words of the text. */
export function closingFeatures(t: KindText): string[] {
  const out = new Set<string>();
  const hs = t.headings.filter((h) => h.trim() !== '');
  wordFeatures('e:', [hs[hs.length - 1] ?? '', ...words(t).slice(-OPENING)].join('\n'), out);
  return [...out];
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*';
/** `n:` what the numbers of the title and headings say: a year, a date, a quarter or half, a version, a number. */
export function headingNumberFeatures(t: KindText): string[] {
  const text = [t.title, ...t.headings].join('\n').toLowerCase();
  const out: string[] = [];
  if (/\b(?:19|20)\d\d\b/.test(text)) out.push('n:year');
  if (/\b\d{4}-\d\d(?:-\d\d)?\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/.test(text) || new RegExp(`\\b${MONTH}\\.? (?:\\d{1,2},? )?\\d{4}\\b|\\b\\d{1,2} ${MONTH} \\d{4}\\b`).test(text)) out.push('n:date');
  if (/\b(?:q[1-4]|h[12])\b/.test(text)) out.push('n:quarter');
  if (/\bv?\d+\.\d+(?:\.\d+)?\b/.test(text)) out.push('n:version');
  if (/\d/.test(text)) out.push('n:number');
  return out;
}
