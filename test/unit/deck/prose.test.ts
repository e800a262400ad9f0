import assert from 'node:assert/strict';
import { parseDeck } from '../../../src/core/deck';
import { lintText } from '../../../src/core/lint';

/** Written as a document: a title, sections under `##` headings, no slide breaks. */
const PROSE = `# ShiftSync

## ShiftSync features

- One screen for the week
- Swap a shift in two taps
- Alerts when a ward is short
- Manager approval in the app
- Works offline
- Payroll export

## Why this matters

Every nurse deserves an evening at home instead of on the phone. Maria, a charge nurse, phones 23 people when two colleagues call in sick at 5 pm.
`;

describe('prose documents: no slide breaks, read as sections', () => {
  it('divides a document with no slide break at its headings, as Marp’s headingDivider would', () => {
    const deck = parseDeck(PROSE);
    assert.equal(deck.prose, true);
    assert.deepEqual(
      deck.slides.map((s) => s.title),
      ['ShiftSync', 'ShiftSync features', 'Why this matters'],
    );
    assert.deepEqual(
      deck.slides.map((s) => s.line),
      [1, 3, 12],
    );
  });

  it('sees the order of its sections: features before the why fire why-before-what', () => {
    const order = lintText(PROSE).findings.filter((f) => f.ruleId === 'why-before-what');
    assert.equal(order.length, 1);
    assert.equal(order[0].line, 3);
    assert.deepEqual(parseDeck(PROSE).slides[1].beats, ['what']);
  });

  it('is written to be read, so slide-density stays quiet on a long section', () => {
    const long = `# Direction\n\n## Where we are\n\n${'We serve riders across the region every day. '.repeat(30)}\n\n## Where we go\n\nFewer missed buses.\n`;
    assert.equal(parseDeck(long).prose, true);
    assert.deepEqual(
      lintText(long).findings.filter((f) => f.ruleId === 'slide-density'),
      [],
    );
    assert.equal(lintText(long.replace('## Where we go', '---\n\n## Where we go')).findings.filter((f) => f.ruleId === 'slide-density').length, 1);
  });

  it('leaves slide decks, Marp decks and an explicit headingDivider as they are', () => {
    assert.equal(parseDeck('# A\n\ntext\n\n---\n\n## B\n\n## C\n').slides.length, 2);
    assert.equal(parseDeck('---\nmarp: true\n---\n\n# A\n\n## B\n\n## C\n').slides.length, 1);
    assert.equal(parseDeck('---\nheadingDivider: false\n---\n\n# A\n\n## B\n\n## C\n').slides.length, 1);
    assert.equal(parseDeck('---\nheadingDivider: 1\n---\n\n# A\n\n## B\n\n# C\n').slides.length, 2);
    assert.equal(parseDeck('Just a paragraph.\n\n## One heading\n').prose, false);
  });
});

describe('what is not the narrative’s own words', () => {
  it('a section whose only content is a link is empty, and a bare address is not read', () => {
    const deck = parseDeck('## The ask\n\n[Read the funding ask](https://example.com/ask/revenue)\n\n---\n\n## Pricing\n\nSee https://example.com/pricing-ask-revenue for the table.\n');
    assert.equal(deck.slides[0].empty, true);
    assert.deepEqual(deck.slides[0].beats, []);
    assert.equal(deck.slides[0].blocks[1].linkOnly, true);
    assert.equal(deck.slides[1].blocks[1].text, 'See  for the table.');
    assert.equal(
      lintText('## Why\n\nWe believe in calm wards.\n\n---\n\n## Links\n\n<https://example.com/ask>\n').findings.filter((f) => f.ruleId === 'call-to-action').length,
      1,
      'a link named "ask" is not the ask',
    );
  });

  it('reads a Slidev slide’s own front matter as settings, not as its title', () => {
    const deck = parseDeck('---\ntitle: Herd sensors\n---\n\n# Herd sensors\n\n---\nlayout: center\nclass: text-center\n---\n\n# Meet Aoife\n\nAoife walks the herd at 5 am.\n');
    assert.deepEqual(
      deck.slides.map((s) => s.title),
      ['Herd sensors', 'Meet Aoife'],
    );
    assert.equal(
      deck.slides[1].blocks.some((b) => /layout/.test(b.text)),
      false,
    );
  });

  it('reads what follows a reveal.js `Note:` line as speaker notes, not slide text', () => {
    const deck = parseDeck('## Line 3\n\nVibration sensors on every press.\n\nNotes:\nMention the night shift and the 40-minute stoppage on Tuesday.\n\n---\n\n## Next\n\nPilot in March.\n');
    assert.deepEqual(
      deck.slides[0].blocks.map((b) => b.text),
      ['Line 3', 'Vibration sensors on every press.'],
    );
    assert.deepEqual(deck.slides[0].notes, ['Mention the night shift and the 40-minute stoppage on Tuesday.']);
    assert.equal(parseDeck('## Plan\n\nNote: the pilot excludes ward 7.\n').slides[0].notes.length, 0, 'a sentence that starts with “Note:” stays on the slide');
  });
});
