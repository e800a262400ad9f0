import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDeck } from '../../../src/core/deck';
import { escapeRegExp } from '../../../src/core/deck/regexp';
import { createContext } from '../../../src/core/lint/context';
import { foldText, PhraseMatcher, type PhraseSyntax } from '../../../src/core/lint/phrases';
import { kindTable } from '../../../src/core/story/kinds';
import { readStory } from '../../../src/core/story/story';

/** What phrases matched as before the matcher: one alternation per list, longest phrase first. */
function asRegExp(phrases: readonly string[], ignorecase: boolean, { gap, word }: PhraseSyntax): RegExp {
  const words = (p: string) => p.split(new RegExp(`${gap.source}+`, 'u')).filter(Boolean);
  const alternatives = phrases
    .map(words)
    .sort((a, b) => b.join(' ').length - a.join(' ').length)
    .map((w) => w.map(escapeRegExp).join(`${gap.source}+`));
  return new RegExp(`(?<!${word.source})(?:${alternatives.join('|')})(?!${word.source})`, ignorecase ? 'giu' : 'gu');
}

const SYNTAXES: [string, PhraseSyntax][] = [
  ['declarative tokens', { gap: /\s/, word: /[\p{L}\p{N}]/u }],
  ['jargon phrases', { gap: /[\s-]/, word: /[\p{L}\p{N}_]/u }],
  ['tone phrases', { gap: /[\s-]/, word: /[\p{L}\p{N}_'’]/u }],
];

describe('phrase matcher', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'é', 'É', 'ſ', 's', '1', '_', '.', '+', "'", '’', '𝐀'), minLength: 1, maxLength: 3 });
  const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
  const lists = fc.array(fc.record({ phrases: fc.array(phrase, { minLength: 1, maxLength: 5 }), ignorecase: fc.boolean() }), { minLength: 1, maxLength: 3 });
  /** Lines made of the phrases' own words (in any case) and a few others, so that phrases are found, and found overlapping. */
  const linesFor = (phraseLists: { phrases: string[] }[]) => {
    const vocabulary = [...new Set(phraseLists.flatMap((l) => l.phrases.flatMap((p) => p.split(' '))))];
    const piece = fc.oneof(
      fc.constantFrom(...vocabulary),
      fc.constantFrom(...vocabulary).map((w) => w.toUpperCase()),
      word,
      fc.constantFrom(' ', '  ', '\t', '-', ' - ', ', '),
    );
    return fc.array(
      fc.array(piece, { maxLength: 24 }).map((parts) => parts.join('')),
      { minLength: 1, maxLength: 4 },
    );
  };
  const cases = lists.chain((phraseLists) => fc.tuple(fc.constant(phraseLists), linesFor(phraseLists)));

  for (const [name, syntax] of SYNTAXES) {
    it(`finds in visible text what a regular expression per list finds: ${name}`, () => {
      fc.assert(
        fc.property(cases, ([phraseLists, lines]) => {
          const deck = parseDeck(`# Why\n\n${lines.map((l) => `x ${l}`).join('\n')}\n\n    code ${lines[0]}\n`);
          const ctx = createContext(deck, {}, { objectives: [], story: readStory(deck), kinds: kindTable() });
          const hits = new PhraseMatcher(phraseLists, syntax).hits(deck);
          phraseLists.forEach(({ phrases, ignorecase }, i) => {
            const expected = ctx.matches(asRegExp(phrases, ignorecase, syntax)).map((m) => [m.line, m.column, m.endColumn, m.match[0]]);
            assert.deepEqual(
              hits[i].map((h) => [h.range.line, h.range.column, h.range.endColumn, h.text]),
              expected,
            );
          });
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('foldText', () => {
  /** The fold, one character at a time: upper then lower case, unless that changes the character's length. */
  const foldEach = (text: string) =>
    [...text]
      .map((ch) => {
        const upper = ch.toUpperCase();
        const lower = (upper.length === ch.length ? upper : ch).toLowerCase();
        return lower.length === ch.length ? lower : ch;
      })
      .join('');

  it('folds ASCII and any other text as it folds each character, keeping the length', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('A', 'z', 'ß', 'İ', 'ſ', 'Σ', 'ς', '1', ' ') })), (text) => {
        assert.equal(foldText(text), foldEach(text));
        assert.equal(foldText(text).length, text.length);
      }),
      { numRuns: 500 },
    );
  });
});
