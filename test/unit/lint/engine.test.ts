import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, fixText, lint, lintText, type Rule } from '../../../src/core/lint';
import { parseDeck } from '../../../src/core/deck';

const solutionFirst = '# Introducing X\n\nWe are building a new app.\n';

describe('lint engine', () => {
  it('silences findings with inline comments: region, next line, own line, by id or for all rules', () => {
    const ids = (text: string) => lintText(text).findings.filter((f) => f.ruleId === 'why-before-what').length;
    assert.equal(ids(solutionFirst), 1);
    assert.equal(ids(`<!-- storydeck-disable why-before-what -->\n${solutionFirst}`), 0);
    assert.equal(ids(`<!-- storydeck-disable -->\n${solutionFirst}`), 0);
    assert.equal(ids(`<!-- storydeck-disable jargon -->\n${solutionFirst}`), 1, 'other ids do not silence it');
    assert.equal(ids(`<!-- storydeck-disable-next-line why-before-what -->\n${solutionFirst}`), 0);
    assert.equal(ids(`<!-- storydeck-disable -->\n<!-- storydeck-enable why-before-what -->\n${solutionFirst}`), 1);
    assert.equal(ids(`${solutionFirst}\n<!-- storydeck-disable -->\n`), 1, 'a disable after the finding does not reach back');
  });

  it('turns a rule off, changes its severity and passes its options from config', () => {
    const seen: unknown[] = [];
    const probe: Rule = {
      id: 'probe',
      description: 'test',
      tags: [],
      defaultSeverity: 'info',
      docs: '',
      defaultOptions: { a: 1, b: 2 },
      check(ctx, report) {
        seen.push(ctx.options);
        report({ message: 'probe finding', range: ctx.documentRange() });
      },
    };
    const deck = parseDeck('# Hello\n');
    assert.equal(lint(deck, { rules: { probe: false } }, { plugins: [probe] }).filter((f) => f.ruleId === 'probe').length, 0);
    const [finding] = lint(deck, { rules: { probe: { severity: 'error', b: 3 } } }, { plugins: [probe], file: 'x.md' }).filter((f) => f.ruleId === 'probe');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.file, 'x.md');
    assert.deepEqual(seen.at(-1), { a: 1, b: 3 });
  });

  it('reports ranges 1-based with the end column exclusive, as Range says: a finding covers exactly its words', () => {
    const text = '# Why\n\nWe will leverage synergies with ARR.\n';
    const lines = text.split('\n');
    const jargon = lintText(text).findings.filter((f) => f.ruleId === 'jargon');
    assert.deepEqual(
      jargon.map((f) => (f.line === f.endLine ? lines[f.line - 1].slice(f.column - 1, f.endColumn - 1) : undefined)),
      ['leverage', 'synergies', 'ARR'],
    );
  });

  it('reports a rule that throws as a finding instead of crashing', () => {
    const broken: Rule = {
      id: 'broken',
      description: 'x',
      tags: [],
      defaultSeverity: 'error',
      docs: '',
      check: () => {
        throw new Error('boom');
      },
    };
    const findings = lint(parseDeck('# Hi\n'), {}, { plugins: [broken] }).filter((f) => f.ruleId === 'broken');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /failed.*boom/);
  });

  describe('declarative rules', () => {
    const config = {
      declarative: [
        { id: 'no-synergy', type: 'existence' as const, tokens: ['synergy', 'move the needle'], message: 'Say what you mean instead of "{match}".' },
        { id: 'name-the-customer', type: 'occurrence' as const, tokens: ['Maria'], min: 2 },
        { id: 'say-customers', type: 'substitution' as const, swap: { 'end users': 'customers' } },
      ],
    };
    const text = '# Why\n\nThis synergy will Move  the needle for End users.\n\nMaria agrees.\n';

    it('existence finds each phrase at its position, whatever the case and spacing', () => {
      const found = lintText(text, config).findings.filter((f) => f.ruleId === 'no-synergy');
      assert.deepEqual(
        found.map((f) => [f.line, f.column, f.endColumn]),
        [
          [3, 6, 13],
          [3, 19, 35],
        ],
      );
      assert.equal(found[0].message, 'Say what you mean instead of "synergy".');
    });

    it('occurrence needs the minimum count', () => {
      assert.equal(lintText(text, config).findings.filter((f) => f.ruleId === 'name-the-customer').length, 1);
      assert.equal(lintText(text + '\nMaria again.\n', config).findings.filter((f) => f.ruleId === 'name-the-customer').length, 0);
    });

    it('substitution offers a fix, and the fixed text lints clean for it', () => {
      const fixed = fixText(text, config);
      assert.match(fixed.text, /for customers\./);
      assert.equal(lintText(fixed.text, config).findings.filter((f) => f.ruleId === 'say-customers').length, 0);
    });

    it('does not match inside words or code', () => {
      const quiet = '# Why\n\nSynergyX is a name.\n\n```\nsynergy\n```\n';
      assert.equal(lintText(quiet, config).findings.filter((f) => f.ruleId === 'no-synergy').length, 0);
    });

    it('takes the longest token at each place, each rule on its own', () => {
      const rules = {
        declarative: [
          { id: 'long', type: 'existence' as const, tokens: ['move', 'move the needle', 'the'] },
          { id: 'short', type: 'existence' as const, tokens: ['needle'], ignorecase: false },
          { id: 'swap', type: 'substitution' as const, swap: { ' Move   THE ': 'shift the' } },
        ],
      };
      const found = lintText('# Why\n\nMove the\tneedle, move the Needle and the needles.\n', rules).findings.filter((f) => ['long', 'short', 'swap'].includes(f.ruleId));
      assert.deepEqual(
        found.map((f) => [f.ruleId, f.column, f.endColumn, f.message]),
        [
          ['long', 1, 16, 'Avoid "Move the\tneedle".'],
          ['swap', 1, 9, 'Prefer "shift the" over "Move the".'],
          ['short', 10, 16, 'Avoid "needle".'],
          ['long', 18, 33, 'Avoid "move the Needle".'],
          ['swap', 18, 26, 'Prefer "shift the" over "move the".'],
          ['long', 38, 41, 'Avoid "the".'],
        ],
      );
    });
  });

  it('applies non-overlapping edits in one pass and keeps line endings', () => {
    const text = 'one two\r\nthree\r\n';
    const { text: out, applied } = applyEdits(text, [
      { line: 2, column: 1, endLine: 2, endColumn: 6, text: 'THREE' },
      { line: 1, column: 5, endLine: 1, endColumn: 8, text: '2' },
      { line: 1, column: 6, endLine: 1, endColumn: 7, text: 'overlap' },
    ]);
    assert.equal(out, 'one 2\r\nTHREE\r\n');
    assert.equal(applied, 2);
  });

  describe('properties', () => {
    const markdownish = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            '---',
            '# Why',
            '## The ask',
            '```',
            '<!--',
            '-->',
            '<!-- storydeck-disable -->',
            '- item 42%',
            '> "quote"',
            '| a | b |',
            '***',
            '\t',
            '',
            'TODO',
            'Maria spends 2 hours a day',
            '$3M revenue',
          ),
          fc.string(),
        ),
        { maxLength: 40 },
      )
      .map((parts) => parts.join('\n'));

    it('any text in: no exception out, every finding inside the document', () => {
      fc.assert(
        fc.property(fc.oneof(markdownish, fc.string({ maxLength: 400 })), (text) => {
          const { deck, findings } = lintText(text);
          const lines = deck.lines;
          for (const f of findings) {
            assert.ok(f.line >= 1 && f.line <= lines.length, `line ${f.line} of ${lines.length} (${f.ruleId})`);
            assert.ok(f.endLine >= f.line && f.endLine <= lines.length, `endLine ${f.endLine} (${f.ruleId})`);
            assert.ok(f.column >= 1 && f.column <= lines[f.line - 1].length + 1, `column ${f.column} (${f.ruleId})`);
            assert.ok(f.endColumn >= 1 && f.endColumn <= lines[f.endLine - 1].length + 1, `endColumn ${f.endColumn} (${f.ruleId})`);
            assert.ok(f.endLine > f.line || f.endColumn >= f.column, `range ends before it starts (${f.ruleId})`);
          }
        }),
        { numRuns: 400 },
      );
    });

    it('fixing converges and never throws', () => {
      fc.assert(
        fc.property(markdownish, (text) => {
          const once = fixText(text);
          assert.equal(fixText(once.text).fixed, 0, 'a second --fix finds nothing left to fix');
        }),
        { numRuns: 150 },
      );
    });
  });

  it('lints a 5 MB narrative', () => {
    const slide = '## Meet Priya\n\nPriya, a dispatcher, spends 2 hours every morning copying orders by hand. Revenue grew 12% and churn fell.\n\n';
    let big = '';
    while (big.length < 5 * 1024 * 1024) big += slide + '---\n\n';
    const { deck, findings } = lintText(big);
    assert.ok(deck.slides.length > 20000);
    assert.ok(Array.isArray(findings));
  });
});
