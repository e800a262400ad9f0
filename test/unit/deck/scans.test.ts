import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDeck, parseDuration } from '../../../src/core/deck';
import { isPlaceholder } from '../../../src/core/deck/beats';
import { commentText } from '../../../src/core/deck/comments';

// The patterns these scans replaced (they take super-linear time on some inputs): the scans must read every short
// input exactly as they did. test/unit/lint/pathological.test.ts times the long ones.
const OLD_COMMENT = /<!--+\s*([\s\S]*?)\s*--+>/;
const OLD_PLACEHOLDER = /^\s*(?:(?:TODO|TBD|TK|FIXME|XXX)\b.*|\[[^\]]*\]|[.…\-–—_*\s]*|lorem ipsum.*)$/is;
const OLD_DURATION_UNIT = /(\d+(?:\.\d+)?)\s*(h|hours?|hrs?|m|mins?|minutes?|s|secs?|seconds?)\b/g;

const from = (...units: string[]) => fc.array(fc.constantFrom(...units), { maxLength: 14 }).map((parts) => parts.join(''));

describe('linear scans', () => {
  it('reads the first comment as the pattern did: extra dashes, a comment left open, one inside another', () => {
    fc.assert(
      fc.property(from('<', '!', '-', '>', ' ', '\n', 'x', '<!--', '-->'), (html) => {
        assert.equal(commentText(html), OLD_COMMENT.exec(html)?.[1].trim());
      }),
      { numRuns: 3000 },
    );
    assert.equal(commentText('<!-- note -->'), 'note');
    assert.equal(commentText('<!--- dashes --->'), 'dashes');
    assert.equal(commentText('<!---->'), '');
    assert.equal(commentText('<!--->'), undefined);
    assert.equal(commentText('<!-- a <!-- b --> c -->'), 'a <!-- b');
    assert.equal(commentText('<!-- never closed'), undefined);
  });

  it('keeps notes as before: at the end of the text, inline, and none from a comment left open', () => {
    assert.deepEqual(parseDeck('# A\n\nText <!-- last -->').slides[0].notes, ['last']);
    assert.deepEqual(parseDeck('# A\n\n<!-- a <!-- b --> c -->\n').slides[0].notes, ['a <!-- b']);
    const open = parseDeck('# Roadmap\n\n<!-- draft\n\nmore text\n');
    assert.deepEqual(
      open.slides.map((s) => [s.title, s.notes]),
      [['Roadmap', []]],
    );
  });

  it('tells placeholder text as the pattern did', () => {
    fc.assert(
      fc.property(from('TODO', 'todo', 'TBD', 'TK', 'XXX', 'lorem ipsum', 'Lorem', '[', ']', '.', '…', '-', '—', '_', '*', ' ', '\n', '\u00a0', 'a', ':'), (text) => {
        assert.equal(isPlaceholder(text), OLD_PLACEHOLDER.test(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts a long code block as content, and one of dashes and spaces as a placeholder', () => {
    assert.equal(parseDeck('# Roadmap\n\n```\n' + ' '.repeat(5000) + 'a\n```\n').slides[0].empty, false);
    assert.equal(parseDeck('# Roadmap\n\n```\n' + ' - '.repeat(5000) + '\n```\n').slides[0].empty, true);
    assert.equal(parseDeck('# Roadmap\n\n[to be written] \n').slides[0].empty, true);
  });

  it('strips tags from an HTML block, and keeps a "<" that never closes', () => {
    const texts = (md: string) => parseDeck(md).slides[0].blocks.map((b) => b.text);
    assert.deepEqual(texts('<div>Hi <b>there</b>\n1 < 2\n'), ['Hi there 1 < 2']);
    assert.deepEqual(texts('<div>a < b > c\n'), ['a c']);
  });

  it('reads a duration as the pattern did', () => {
    const old = (value: string): number | undefined => {
      const text = value.trim().toLowerCase();
      if (/^(\d{1,3}):([0-5]\d)$/.test(text) || /^\d+(\.\d+)?$/.test(text)) return parseDuration(value);
      let total = 0;
      let matched = '';
      for (const m of text.matchAll(OLD_DURATION_UNIT)) {
        total += Number(m[1]) * (m[2].startsWith('h') ? 3600 : m[2].startsWith('m') ? 60 : 1);
        matched += m[0];
      }
      if (!matched || text.replace(OLD_DURATION_UNIT, '').trim() !== '') return undefined;
      return total > 0 ? Math.round(total) : undefined;
    };
    fc.assert(
      fc.property(from('1', '2', '0', '.', ' ', 'h', 'm', 's', 'min', 'hours', 'x', ':'), (value) => {
        assert.equal(parseDuration(value), old(value));
      }),
      { numRuns: 3000 },
    );
    assert.equal(parseDuration('1h 30m'), 5400);
    assert.equal(parseDuration('1.5 hours'), 5400);
    assert.equal(parseDuration('1111x'), undefined);
  });
});
