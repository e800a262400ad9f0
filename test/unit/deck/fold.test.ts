import assert from 'node:assert/strict';
import '../../../src/core/lint';
import '../../../src/core/story';
import { CASELESS, caseless, caselessAll, lowerText, unfoldable } from '../../../src/core/deck/fold';

/** Texts where a lowered test could part from a case-insensitive one: capitals, cased letters beyond ASCII, and the two that fold to ASCII. */
const TEXTS = [
  'We will NO LONGER wait',
  'no longer',
  'No Longer Waiting',
  'É no longer',
  'Ü-Bahn users',
  'ſtruggle to', // ſ folds to s under `iu`
  '\u212Aeep', // the Kelvin sign folds to k under `iu`
  'kelvin \u212A',
  'İstanbul ılık',
  'STRASSE straße',
  '',
];

describe('caseless', () => {
  it('answers test as the case-insensitive expression does, with and without the u flag', () => {
    const patterns: [string, string][] = [
      [String.raw`\bno longer\b`, 'i'],
      [String.raw`\bno longer\b`, 'iu'],
      [String.raw`\bkeep\b|\bstruggle to\b`, 'iu'],
      [String.raw`\bkeep\b|\bstruggle to\b`, 'i'],
      [String.raw`(?<![\p{L}-])users?\b`, 'iu'],
      [String.raw`[^a-z\s]`, 'iu'],
      [String.raw`\w{5}`, 'iu'],
      [String.raw`\bi\w+`, 'i'],
      [String.raw`\bk\w+|\bi\b`, 'i'],
      [String.raw`(?<!\p{L})\p{L}{2}\b`, 'iu'],
    ];
    for (const [source, flags] of patterns) {
      const plain = new RegExp(source, flags);
      const folded = caseless(new RegExp(source, flags));
      for (const text of TEXTS) assert.equal(folded.test(text), plain.test(text), `/${source}/${flags} on ${JSON.stringify(text)}`);
    }
  });

  it('answers alike when one text goes through many patterns in a row, as a passage does, and when the texts alternate', () => {
    const sources: [string, string][] = [
      [String.raw`\bkeep\b|\bstruggle to\b`, 'iu'],
      [String.raw`\bkeep\b|\bstruggle to\b`, 'i'],
      [String.raw`\bno longer\b`, 'iu'],
      [String.raw`\bno (?:more|longer) \w+`, 'i'],
    ];
    const pairs = sources.map(([source, flags]) => [new RegExp(source, flags), caseless(new RegExp(source, flags))] as const);
    // Each text read by every pattern before the next text; then the texts that fold to ASCII between the others, twice over.
    const folding = TEXTS.filter((t) => /[\u017f\u212a]/.test(t));
    const order = [...TEXTS, ...TEXTS.flatMap((t) => [t, ...folding, t])];
    for (const text of order)
      for (const [plain, folded] of pairs) {
        assert.equal(folded.test(text), plain.test(text), `test /${plain.source}/${plain.flags} on ${JSON.stringify(text)}`);
        assert.equal(folded.exec(text)?.[0], plain.exec(text)?.[0], `exec /${plain.source}/${plain.flags} on ${JSON.stringify(text)}`);
      }
  });

  it('answers exec with the words as the text gives them, where the pattern captures nothing', () => {
    const folded = caseless(/\bno (?:more|longer) \w+/i);
    const found = folded.exec('We will No Longer WAIT for it');
    assert.equal(found?.[0], 'No Longer WAIT');
    assert.equal(found?.index, 8);
    assert.equal(folded.exec('nothing here'), null);
    assert.equal('We will No Longer WAIT.'.replace(folded, '…'), 'We will ….');
    // A pattern that captures keeps its own exec.
    const capturing = caseless(/\b(no) longer/i);
    assert.equal(capturing.exec('NO LONGER')?.[1], 'NO');
  });

  it('finds the patterns whose lowered twin would find something else', () => {
    assert.match(unfoldable(String.raw`\bNo longer`) ?? '', /the letter "N"/);
    assert.match(unfoldable(String.raw`\p{Lu}\p{Ll}+ said`) ?? '', /\\p\{Lu\}/);
    assert.match(unfoldable('straße') ?? '', /the letter "ß"/);
    assert.match(unfoldable(String.raw`(no) \1`) ?? '', /\\1/);
    assert.match(unfoldable(String.raw`\x41`) ?? '', /\\x/);
    assert.equal(unfoldable(String.raw`(?<![\p{L}\p{N}-])users?\b[^.;\n]{0,40}?\S—’`), undefined);
    // A range that holds capitals, a letter escape that names a letter, a property read as letters without `u`.
    assert.match(unfoldable('[!-_]') ?? '', /the range !-_/);
    assert.match(unfoldable('x[@-\\[]') ?? '', /the range/);
    assert.match(unfoldable(String.raw`\K`, false) ?? '', /\\K/);
    assert.match(unfoldable(String.raw`\p{L}+`, false) ?? '', /\\p\{L\}/);
    assert.equal(unfoldable(String.raw`[a-z0-9 -]\d\s\.\(`, false), undefined);
  });

  it('wraps the case-insensitive patterns of a list or a record and leaves the others as they are', () => {
    const [plain, folded] = caselessAll([/\bMeet \p{Lu}/u, /\bmeet \w+/i]);
    assert.ok(!CASELESS.includes(plain));
    assert.ok(CASELESS.includes(folded));
    assert.equal(folded.exec('We MEET Maria')?.[0], 'MEET Maria');
    const { heading } = caselessAll({ heading: /^agenda\b/i });
    assert.ok(CASELESS.includes(heading) && heading.test('AGENDA for today'));
  });

  it('is given, by every story reading and lint rule, only patterns its lowered twin reads alike', () => {
    assert.ok(CASELESS.length > 50, `${CASELESS.length} patterns`);
    for (const re of CASELESS) {
      assert.ok(re.ignoreCase && !re.global && !re.sticky, `/${re.source}/${re.flags}: needs the i flag and no g or y`);
      assert.equal(unfoldable(re.source, re.unicode), undefined, `/${re.source}/${re.flags}`);
    }
  });

  it('lowers a text at once, but only the ASCII capitals of one holding a character that lowers to ASCII', () => {
    assert.equal(lowerText('ÉCOLE École ABC ſ'), 'école école abc ſ');
    assert.equal(lowerText('ABC \u212A İ É'), 'abc \u212A İ É');
    assert.equal(lowerText('already lower'), 'already lower');
  });
});
