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
    assert.deepEqual(deck.slides.map((s) => s.title), ['ShiftSync', 'ShiftSync features', 'Why this matters']);
    assert.deepEqual(deck.slides.map((s) => s.line), [1, 3, 12]);
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
    assert.deepEqual(lintText(long).findings.filter((f) => f.ruleId === 'slide-density'), []);
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
