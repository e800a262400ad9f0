import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Marp } from '@marp-team/marp-core';
import { parseDeck } from '../../../src/core/deck';
import { classifyComment } from '../../../src/core/deck/comments';

/**
 * Marp is the oracle for where slides begin and what the speaker notes are: every deck in test/fixtures/marp must
 * split into the same slides, with the same notes in the same order, in StoryDeck and in @marp-team/marp-core
 * (a devDependency used only here, never at run time).
 */

const FIXTURES = 'test/fixtures/marp';

/**
 * Marp Core as Marp CLI runs it: Marp CLI adds the metadata directives (`title`, `description`, `author`, `image`,
 * `keywords`, `url`) and the local `transition` directive, so comments that set them are not notes there. StoryDeck
 * reads decks written for Marp CLI and Marp for VS Code, so it knows these directives too.
 */
function marpOracle(): Marp {
  const marp = new Marp();
  for (const key of ['title', 'description', 'author', 'image', 'keywords', 'url']) {
    marp.customDirectives.global[key] = (value) => ({ [key]: value });
  }
  marp.customDirectives.local.transition = (value) => ({ transition: value });
  return marp;
}

/**
 * StoryDeck's own comments (lint switches and fixture markers, beat markers, writing guidance) are not notes in
 * StoryDeck but are in Marp, which does not know them; they are dropped from Marp's side before comparing.
 */
const STORYDECK_KINDS: readonly ReturnType<typeof classifyComment>[] = ['lint', 'beat', 'guidance'];
const isStoryDeckComment = (text: string) => STORYDECK_KINDS.includes(classifyComment(text));

/** Notes per slide as Marp sees them. */
function marpNotes(text: string): string[][] {
  const { html, comments } = marpOracle().render(text);
  // `comments` has one entry per slide; check that against the slide elements Marp renders (one <section id="N">
  // per slide; inline SVG wraps each in <svg><foreignObject>).
  const sections = html.match(/<section\b[^>]*\sid="\d+"/g)?.length ?? 0;
  assert.equal(comments.length, sections, 'Marp: one comment list per rendered slide');
  return comments.map((notes) => notes.filter((note) => note !== '' && !isStoryDeckComment(note)));
}

function storyDeckNotes(text: string): string[][] {
  return parseDeck(text).slides.map((slide) => slide.notes);
}

/** One line per slide, so that a disagreement shows up in the diff as the slide it happened on. */
function describeSlides(notes: string[][]): string[] {
  return [`${notes.length} slide(s)`, ...notes.map((slideNotes, i) => `slide ${i + 1}: notes ${JSON.stringify(slideNotes)}`)];
}

function assertAgrees(name: string, text: string): void {
  const marp = marpNotes(text);
  const storyDeck = storyDeckNotes(text);
  const first = storyDeck.findIndex((notes, i) => JSON.stringify(notes) !== JSON.stringify(marp[i]));
  const where = marp.length !== storyDeck.length ? `Marp has ${marp.length} slides, StoryDeck ${storyDeck.length}` : `first difference on slide ${first + 1}`;
  assert.deepEqual(describeSlides(storyDeck), describeSlides(marp), `${name}: StoryDeck (actual) disagrees with Marp (expected): ${where}`);
}

describe('parseDeck agrees with Marp (marp-core oracle)', () => {
  const fixtures = readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.md'))
    .sort();

  it('has the fixture decks', () => {
    assert.ok(fixtures.length >= 16, `${fixtures.length} fixtures in ${FIXTURES}`);
    assert.ok(readFileSync(join(FIXTURES, 'crlf.md'), 'utf8').includes('\r\n'), 'crlf.md keeps its CRLF line endings');
  });

  for (const file of fixtures) {
    it(`${file}: same slides and speaker notes`, () => {
      assertAgrees(file, readFileSync(join(FIXTURES, file), 'utf8'));
    });
  }

  it('agrees on comment edge cases', () => {
    const cases: Record<string, string> = {
      'spot prefix on a global directive is a note': '<!-- _theme: gaia -->\n<!-- _headingDivider: 2 -->\n# A\n',
      'marp: true in a comment is a note': '<!-- marp: true -->\n# A\n',
      'loose directive value': '<!-- footer: Acme: Confidential -->\n<!-- _header: Q3: plan -->\n# A\n',
      'invalid YAML is a note': '<!-- header: **Draft** -->\n<!-- class: a\nclass: b -->\n<!-- footer: @acme -->\n',
      'fit only counts inside a heading': '# <!-- fit --> Big\n\n<!-- fit -->\n\nText <!-- fit -->\n',
      'comment right after a paragraph line': 'Text\n<!-- note -->\n---\nNext\n',
      'unclosed comment': '# A\n\n<!-- never closed\n\n---\n\n# B\n',
      'empty comments': '<!---->\n<!-- -->\n# A\n',
      'longer closing front matter fence': '---\ntitle: x\n----\n# A\n<!-- n -->\n',
      'longer opening front matter fence': '----\ntitle: x\n----\n# A\n',
      'headingDivider set in a comment at the end': '# A\ntext\n# B\ntext\n<!-- headingDivider: 1 -->\n',
      'headingDivider turned off by a comment': '---\nheadingDivider: 1\n---\n# A\ntext\n# B\n<!-- headingDivider: false -->\n',
      'invalid headingDivider is ignored': '---\nheadingDivider: 2\n---\n<!-- headingDivider: seven -->\n# A\nx\n## B\n',
      'headingDivider as a list': '---\nheadingDivider: [1, 3]\n---\n# A\nx\n## B\ny\n### C\nz\n',
      'comment-only first slide under headingDivider': '---\nheadingDivider: 2\n---\n<!-- _class: lead -->\n\n## A\ntext\n## B\n',
      'separator inside a list item': '- one\n- ---\n- two\n',
      'separator inside a blockquote': '> one\n>\n> ---\n>\n> two\n',
      'indented separators': '# A\n\n   ---\n\n# B\n\n\t---\n',
    };
    for (const [name, text] of Object.entries(cases)) assertAgrees(name, text);
  });
});

/**
 * Where Marp does something StoryDeck deliberately does not copy. Each case pins both sides, so a change on either
 * side (a Marp upgrade, a StoryDeck fix) shows up here and the decision can be revisited.
 */
describe('known, deliberate differences from Marp', () => {
  const cases: { name: string; why: string; text: string; marp: string[][]; storyDeck: string[][] }[] = [
    {
      name: 'a ruler right before a divider heading',
      why:
        'Marpit inserts a heading break whenever anything visible came before it anywhere in the deck, so `---` ' +
        'followed by a divider heading yields an empty slide between them. StoryDeck breaks at a divider heading only ' +
        'when the current slide already has content, so mixing rulers and headingDivider never makes blank slides.',
      text: '---\nheadingDivider: 2\n---\n\n# Plan\n\nShip in June.\n\n---\n\n## Risks\n\nHiring.\n',
      marp: [[], [], []],
      storyDeck: [[], []],
    },
    {
      name: 'a divider heading inside a blockquote',
      why:
        'Marpit splits at every heading of a divider level, even one nested in a blockquote or list, which cuts the ' +
        'container in two across slides. StoryDeck splits only at top-level headings, as it does for rulers.',
      text: '---\nheadingDivider: 2\n---\n\n# Plan\n\n> ## Quoted heading\n> text\n',
      marp: [[], []],
      storyDeck: [[]],
    },
    {
      name: 'an opening front matter fence that is never closed',
      why:
        'markdown-it-front-matter closes an unclosed block at the end of the file, so Marp reads the whole deck as ' +
        'YAML and shows one empty slide. StoryDeck reads the `---` as a thematic break and keeps the slides.',
      text: '---\n\n# Title\n\n<!-- hello -->\n',
      marp: [[]],
      storyDeck: [[], ['hello']],
    },
    {
      name: 'an indented `---` inside a YAML block scalar',
      why:
        'markdown-it-front-matter ends front matter at a `---` indented by up to three spaces, even inside a block ' +
        'scalar, and shows the rest of the YAML as slides. In YAML that line is text; StoryDeck keeps it in the front ' +
        'matter and only closes at a fence in the first column.',
      text: '---\ndescription: |\n  Part one\n  ---\n  Part two\n\n---\n\n# Deck\n',
      marp: [[], []],
      storyDeck: [[]],
    },
    {
      name: 'front matter that is only valid as loose YAML',
      why:
        'Marp Core quotes directive values in front matter (`footer: Team: Platform`). StoryDeck reads front matter as ' +
        'strict YAML and reports the error with its position (front-matter rule) instead of guessing, so until it is ' +
        'fixed the settings in it, headingDivider included, are ignored. (In comments StoryDeck does read loose values.)',
      text: '---\nheadingDivider: 1\nfooter: Team: Platform\n---\n# A\ntext\n# B\n\n---\n\nC\n',
      marp: [[], [], []],
      storyDeck: [[], []],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(storyDeckNotes(c.text), c.storyDeck, `StoryDeck changed. Why it differs from Marp: ${c.why}`);
      assert.deepEqual(marpNotes(c.text), c.marp, `Marp changed; the difference may be gone. It was: ${c.why}`);
    });
  }
});
