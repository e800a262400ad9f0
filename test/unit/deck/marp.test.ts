import assert from 'node:assert/strict';
import { imageSpec, parseDeck, readMarp } from '../../../src/core/deck';

/** Marp's directives and image keywords as the deck model reads them (src/core/deck/marp.ts). */
describe('readMarp', () => {
  const looks = (text: string) => readMarp(parseDeck(text)).looks;

  it('applies a front matter directive from the first slide, a comment from its slide on, and `_` to one slide', () => {
    const text = [
      '---',
      'paginate: true',
      'footer: Team',
      '_class: lead',
      '---',
      '# One',
      '<!-- _paginate: false -->',
      '---',
      '# Two',
      '<!-- header: Q3 -->',
      '<!-- class: invert -->',
      '---',
      '# Three',
      '<!-- _footer: "" -->',
      '<!-- _header: Only here -->',
      '---',
      '# Four',
    ].join('\n');
    assert.deepEqual(looks(text), [
      { paginate: false, footer: 'Team', className: 'lead' },
      { paginate: true, page: 2, footer: 'Team', header: 'Q3', className: 'invert' },
      { paginate: true, page: 3, header: 'Only here', className: 'invert' },
      { paginate: true, page: 4, footer: 'Team', header: 'Q3', className: 'invert' },
    ]);
  });

  it('numbers pages as Marp Core 4 does: `hold` repeats the number before, `skip` shows none, neither is counted', () => {
    const text = [
      '---',
      'paginate: skip',
      '---',
      '# Cover',
      '---',
      '<!-- paginate: true -->',
      '# One',
      '---',
      '<!-- _paginate: hold -->',
      '# Still one',
      '---',
      '# Two',
      '---',
      '<!-- _paginate: false -->',
      '# Counted, not shown',
      '---',
      '<!-- _paginate: SKIP -->',
      '# Not counted',
      '---',
      '# Four',
    ].join('\n');
    assert.deepEqual(
      looks(text).map((look) => look.page),
      [undefined, 1, 1, 2, undefined, undefined, 4],
    );
    assert.deepEqual(
      looks(text).map((look) => look.paginate),
      [false, true, true, true, false, false, true],
    );
    // A `hold` before any counted slide shows 1.
    assert.deepEqual(
      looks('<!-- paginate: hold -->\n# A\n---\n<!-- paginate: true -->\n# B').map((look) => look.page),
      [1, 1],
    );
  });

  it('reads a directive written anywhere in its slide for the whole slide, and the last theme and size set', () => {
    const reading = readMarp(parseDeck('---\ntheme: gaia\n---\n# One\n\nText\n\n<!-- backgroundColor: "#123" -->\n---\n<!-- theme: uncover -->\n<!-- size: 4:3 -->\n# Two\n'));
    assert.equal(reading.looks[0].backgroundColor, '#123');
    assert.equal(reading.looks[1].backgroundColor, '#123');
    assert.deepEqual(reading.theme, { name: 'uncover', line: 10 });
    assert.equal(reading.size, '4:3');
    assert.equal(readMarp(parseDeck('# x')).size, '16:9');
  });

  it('keeps only colours and picture addresses it can use: nothing that loads or escapes CSS', () => {
    const [look] = looks('---\nbackgroundColor: "red; background: url(//evil)"\ncolor: rgb(1, 2, 3)\nbackgroundImage: "url(\'bg.png\')"\n---\n# x\n');
    assert.deepEqual(look, { paginate: false, color: 'rgb(1, 2, 3)', backgroundImage: 'bg.png' });
    assert.equal(looks('<!-- color: expression(alert(1)) -->\n# x')[0].color, undefined);
    assert.equal(looks('<!-- _class: "a<b>\\"c" -->\n# x')[0].className, 'abc');
  });

  it('reads the deck once: the same result for the same deck', () => {
    const deck = parseDeck('<!-- paginate: true -->\n# x');
    assert.equal(readMarp(deck), readMarp(deck));
  });

  it('is linear on a long line of image keywords', () => {
    const alt = 'bg '.repeat(200_000);
    const started = Date.now();
    assert.equal(imageSpec(alt).bg, true);
    assert.ok(Date.now() - started < 1000);
  });
});

describe('imageSpec', () => {
  it('reads backgrounds, their size, split and direction, and leaves the other words as the alt text', () => {
    assert.deepEqual(imageSpec('bg'), { alt: '', bg: true, size: 'cover', vertical: false, filters: [], badSizes: [] });
    assert.equal(imageSpec('bg contain').size, 'contain');
    assert.equal(imageSpec('bg fit').size, 'contain');
    assert.equal(imageSpec('bg auto').size, 'auto');
    assert.equal(imageSpec('bg 50%').size, '50%');
    assert.deepEqual(imageSpec('bg left').split, { side: 'left', percent: 50 });
    assert.deepEqual(imageSpec('bg right:40%').split, { side: 'right', percent: 40 });
    assert.equal(imageSpec('bg vertical').vertical, true);
    assert.equal(imageSpec('bg A ward at night').alt, 'A ward at night');
  });

  it('reads pixel sizes, and lists filters and sizes it cannot draw', () => {
    assert.deepEqual([imageSpec('w:300').width, imageSpec('width:300px').width, imageSpec('h:200').height, imageSpec('height:20.5px').height], [300, 300, 200, 20.5]);
    assert.deepEqual(imageSpec('w:10em sepia blur:5px chart').badSizes, ['w:10em']);
    assert.deepEqual(imageSpec('w:10em sepia blur:5px chart').filters, ['sepia', 'blur']);
    assert.equal(imageSpec('w:10em sepia blur:5px chart').alt, 'chart');
  });

  it('gives placement keywords meaning only on a background', () => {
    const spec = imageSpec('left contain A chart');
    assert.equal(spec.bg, false);
    assert.equal(spec.split, undefined);
    assert.equal(spec.alt, 'A chart');
  });
});
