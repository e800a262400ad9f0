import assert from 'node:assert/strict';
import { parseDeck } from '../../../src/core/deck';
import { formatOverflow, lint, notReadyMessage, parseOverflow, readiness } from '../../../src/core/lint';

describe('readiness: what is not ready before an export', () => {
  it('counts the open findings by severity and the TODOs the audience would see, slide by slide', () => {
    const deck = parseDeck(
      '# Why\n\nTODO: the belief behind it. TODO: a second one.\n\n<!-- TODO in a note -->\n\n---\n\n## Ask\n\n```\nTODO in code\n```\n\nTODO the owner\n\n---\n\n## Fine\n\nTodo lists and TODOS are words.\n',
    );
    const findings = lint(deck);
    const ready = readiness(deck, findings);
    assert.deepEqual(ready.todos, [
      { slide: 1, line: 3 },
      { slide: 1, line: 3 },
      { slide: 2, line: 15 },
    ]);
    assert.equal(ready.errors + ready.warnings + ready.infos, findings.length);
    assert.equal(ready.warnings, findings.filter((f) => f.severity === 'warning').length);
  });

  it('says it in one sentence, and nothing when all is ready', () => {
    assert.equal(
      notReadyMessage({
        errors: 1,
        warnings: 2,
        infos: 0,
        todos: [
          { slide: 4, line: 9 },
          { slide: 7, line: 30 },
        ],
      }),
      'Not ready yet: 3 open findings (1 error, 2 warnings) and 2 TODO placeholders (slides 4 and 7). Exporting anyway.',
    );
    assert.equal(notReadyMessage({ errors: 0, warnings: 0, infos: 1, todos: [] }), 'Not ready yet: 1 open finding (1 suggestion). Exporting anyway.');
    assert.equal(notReadyMessage({ errors: 0, warnings: 0, infos: 0, todos: [{ slide: 2, line: 5 }] }), 'Not ready yet: 1 TODO placeholder (slide 2). Exporting anyway.');
    assert.equal(notReadyMessage({ errors: 0, warnings: 0, infos: 0, todos: [] }), undefined);
  });

  it('counts TODOs in linear time on a huge line', () => {
    const deck = parseDeck(`# Big\n\n${'TODO '.repeat(200_000)}\n`);
    const started = Date.now();
    assert.equal(readiness(deck, []).todos.length, 200_000);
    assert.ok(Date.now() - started < 2000);
  });
});

describe('overflow as an attribute value (what an exported page hands the PDF export)', () => {
  it('round-trips', () => {
    const overflow = [
      { slide: 1, lines: [12, 13] },
      { slide: 4, lines: [] },
    ];
    assert.equal(formatOverflow(overflow), '1:12 13;4:');
    assert.deepEqual(parseOverflow(formatOverflow(overflow)), overflow);
    assert.deepEqual(parseOverflow(''), []);
  });

  it('leaves out a malformed slide instead of failing', () => {
    assert.deepEqual(parseOverflow('x;2:5 y 6;:3;3:-1;4:7;5:8  9'), [
      { slide: 4, lines: [7] },
      { slide: 5, lines: [8, 9] },
    ]);
  });
});
