import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { parseDeck } from '../../../src/core/deck';
import { createMarkdownIt } from '../../../src/core/deck/markdown';
import { escapeComment, escapeMarkdown, singleLine, yamlScalar } from '../../../src/core/scaffold';
import { HOSTILE } from './hostile';

const md = createMarkdownIt();

describe('scaffold escaping', () => {
  describe('escapeMarkdown', () => {
    it('keeps hostile text as one line of plain text in a heading and a paragraph', () => {
      for (const input of HOSTILE) {
        const escaped = escapeMarkdown(input);
        const deck = parseDeck(`# ${escaped}\n\nBy ${escaped}\n\n${escaped}\n`);
        assert.equal(deck.slides.length, 1, input);
        assert.deepEqual(
          deck.slides[0].blocks.map((b) => [b.kind, b.text]),
          [
            ['heading', singleLine(input)],
            ['paragraph', `By ${singleLine(input)}`],
            ['paragraph', singleLine(input)],
          ],
          input,
        );
        assert.deepEqual(deck.slides[0].comments, [], input);
        const html = md.render(`# ${escaped}\n\n${escaped}\n`);
        assert.doesNotMatch(html, /<(script|img|a |!--|code|em|strong|s>|blockquote|ul|ol|hr|table)/i, `${input} -> ${html}`);
      }
    });

    it('keeps any text as plain text (property)', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (input) => {
          const text = singleLine(input);
          fc.pre(text !== '');
          const escaped = escapeMarkdown(input);
          assert.ok(!escaped.includes('\n') && !escaped.includes('<'));
          const deck = parseDeck(`# ${escaped}\n\n${escaped}\n`);
          assert.equal(deck.slides.length, 1);
          assert.deepEqual(
            deck.slides[0].blocks.map((b) => [b.kind, b.text]),
            [
              ['heading', text],
              ['paragraph', text],
            ],
          );
        }),
        { numRuns: 300 },
      );
    });

    it('leaves ordinary text readable', () => {
      assert.equal(escapeMarkdown('Q3 update - v2.0, R&D (draft)!'), 'Q3 update - v2.0, R&D (draft)!');
      assert.equal(escapeMarkdown('  two\nlines  '), 'two lines');
    });
  });

  describe('escapeComment', () => {
    it('can never end or nest the comment it is written in (property)', () => {
      fc.assert(
        fc.property(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 60 })), (input) => {
          const escaped = escapeComment(input);
          assert.ok(!/[<>\n]/.test(escaped));
          const deck = parseDeck(`## Slide\n\n<!-- guide: ${escaped} -->\n\nText\n`);
          assert.equal(deck.slides.length, 1);
          assert.deepEqual(
            deck.slides[0].comments.map((c) => c.kind),
            ['guidance'],
          );
          assert.deepEqual(
            deck.slides[0].blocks.map((b) => b.text),
            ['Slide', 'Text'],
          );
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('yamlScalar', () => {
    it('reads back exactly as given, on one line, in front matter (property)', () => {
      fc.assert(
        fc.property(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 60 })), (input) => {
          const scalar = yamlScalar(input);
          assert.ok(!/[\n\r\u2028\u2029]/.test(scalar), JSON.stringify(scalar));
          assert.ok(!scalar.includes('<'));
          assert.equal(parseYaml(`title: ${scalar}`).title, input);
          const deck = parseDeck(`---\ntitle: ${scalar}\naudience: x\n---\n\n# Hi\n`);
          assert.deepEqual(deck.problems, []);
          assert.deepEqual(deck.frontMatter, { title: input, audience: 'x' });
          assert.equal(deck.slides.length, 1);
        }),
        { numRuns: 500 },
      );
    });

    it('writes plain scalars when they are safe, and quotes what YAML 1.1 would misread', () => {
      assert.equal(yamlScalar('Handoffs that work'), 'Handoffs that work');
      assert.equal(yamlScalar('10m'), '10m');
      for (const risky of ['yes', 'No', 'on', 'null', '12', '1:30', '---', '...', '', '#x', 'a: b']) {
        assert.match(yamlScalar(risky), /^["']/, risky);
      }
    });
  });
});
