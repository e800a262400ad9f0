import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { BEAT_IDS, headingBeat, parseDeck, parseDuration, type BeatId, type Deck } from '../../../src/core/deck';
import { renderDeck } from '../../../src/core/render';
import { outline, readStory } from '../../../src/core/story';
import { BUILTIN_KINDS, readKind } from '../../../src/core/story/kinds';
import { AnswerError, beatSkeleton, BEAT_SKELETONS, buildSnippets, renderTemplate, singleLine, snippetsFileText, type Template } from '../../../src/core/scaffold';
import { listTemplates } from '../../../src/node/templates';
import { HOSTILE } from './hostile';

const BUILTIN_IDS = ['executive-ask', 'launch-announcement', 'product-pitch', 'quarterly-business-update', 'strategy-review', 'town-hall'];

/** The kind of narrative each built-in template writes (docs/kinds.md). */
const KINDS: Record<string, string> = {
  'executive-ask': 'exec-ask',
  'launch-announcement': 'talk',
  'product-pitch': 'pitch',
  'quarterly-business-update': 'update',
  'strategy-review': 'strategy',
  'town-hall': 'town-hall',
};

/** Answers people give: names and roles, with and without an article, dates and periods in several forms. */
const REALISTIC: Record<string, string>[] = [
  {
    title: 'Payroll consolidation',
    decision: 'Approve two engineers for Q3',
    audience: 'Executive team',
    product: 'Payroll Connect',
    launchDate: '3 March 2026',
    quarter: 'Q2 FY26',
    team: 'Payroll team',
    horizon: 'FY27',
    objective: 'Close the books in three days',
    presenter: 'Maria Chen',
    duration: '10m',
  },
  {
    title: 'One payroll for every country',
    audience: 'the board',
    product: 'the new payroll service',
    launchDate: 'next Tuesday',
    quarter: 'the second quarter',
    team: 'Finance operations',
    horizon: 'The next two years',
    presenter: 'the Payroll team',
    duration: '1h 30m',
  },
  { title: 'Why we close faster', audience: 'CFO', product: 'Ledger', quarter: 'Q3', team: 'Finance', horizon: '2027', duration: '12:30' },
];

function builtins(): Template[] {
  const { templates, errors } = listTemplates(['templates']);
  assert.deepEqual(errors, []);
  return templates;
}

/** Every answer the template asks for set to `value`, but the duration, which must be a talk length. */
function allAnswers(template: Template, value: string): Record<string, string> {
  return Object.fromEntries(template.prompts.filter((p) => p.key !== 'duration').map((p) => [p.key, value]));
}

/** The shape of a deck that answers must not change: per slide, its beats and the kinds of its blocks and comments. */
function shape(deck: Deck) {
  return deck.slides.map((s) => ({ beats: s.beats, empty: s.empty, blocks: s.blocks.map((b) => b.kind), comments: s.comments.map((c) => c.kind), notes: s.notes }));
}

describe('built-in templates', () => {
  it('ships the six narrative templates, with well-formed headers', () => {
    const templates = builtins();
    assert.deepEqual(templates.map((t) => t.id).sort(), BUILTIN_IDS);
    for (const t of templates) {
      assert.ok(t.name && t.description, t.id);
      const keys = t.prompts.map((p) => p.key);
      for (const key of ['title', 'audience', 'duration']) assert.ok(keys.includes(key), `${t.id} asks for ${key}`);
      assert.deepEqual(
        t.prompts.filter((p) => p.required).map((p) => p.key),
        ['title'],
        `${t.id}: only the title is required`,
      );
    }
  });

  for (const template of builtins()) {
    describe(template.id, () => {
      const fresh = renderTemplate(template, { title: 'Handoffs that work' });
      const deck = parseDeck(fresh);

      it('renders with default answers into a valid narrative with front matter', () => {
        assert.deepEqual(deck.problems, []);
        assert.equal(deck.frontMatter.title, 'Handoffs that work');
        for (const prompt of template.prompts.filter((p) => ['audience', 'duration'].includes(p.key))) {
          assert.equal(deck.frontMatter[prompt.key], prompt.default);
        }
        assert.equal(deck.frontMatter.storydeck, true);
        assert.ok(fresh.startsWith('---\n') && fresh.endsWith('\n') && !fresh.endsWith('\n\n'));
        assert.equal(deck.slides[0].title, 'Handoffs that work');
      });

      it('uses the layouts where they fit: a title slide, the pain as a quote, the outcome as a big number', () => {
        const rendered = renderDeck(parseDeck(fresh)).slides;
        assert.equal(rendered[0].className, 'title');
        const classOf = (beat: string) => rendered[deck.slides.findIndex((s) => s.beats.includes(beat as BeatId))]?.className;
        assert.deepEqual([classOf('pain'), classOf('outcome'), classOf('ask')], ['quote', 'big-number', undefined]);
      });

      it('has an outline that shows the beats in why-before-what order, one slide each', () => {
        const slides = outline(deck, readStory(deck)).slides;
        assert.equal(slides.length, 1 + BEAT_IDS.length);
        assert.deepEqual(slides[0].beats, [], 'the title slide plays no beat');
        assert.deepEqual(
          slides.slice(1).map((s) => s.beats),
          BEAT_IDS.map((beat) => [beat]),
        );
      });

      it(`writes kind: ${KINDS[template.id]} in its front matter`, () => {
        assert.equal(deck.frontMatter.kind, KINDS[template.id]);
        assert.deepEqual(readKind(deck), { id: KINDS[template.id], profile: BUILTIN_KINDS[KINDS[template.id]], source: 'front-matter' });
      });

      it('never glues an answer into a sentence: each stands on its own, after a label or a ·', () => {
        for (const answers of REALISTIC) {
          const given = Object.fromEntries(template.prompts.filter((p) => answers[p.key] !== undefined).map((p) => [p.key, answers[p.key]]));
          const text = renderTemplate(template, given);
          const body = text.split('\n').slice(parseDeck(text).frontMatterRange!.endLine);
          const uses = Object.entries(given).flatMap(([key, value]) => body.filter((line) => line.includes(value)).map((line) => [key, value, line]));
          assert.ok(uses.length >= 2, 'the title and at least one other answer are on the slides');
          for (const [key, value, line] of uses) {
            const at = line.indexOf(value);
            assert.match(line.slice(0, at), /(^|^# |· |: )$/, `${key} in "${line}"`);
            assert.match(line.slice(at + value.length), /^( · |$)/, `${key} in "${line}"`);
          }
        }
      });

      it('keeps the title slide out of the story whatever the title says', () => {
        for (const title of ['Introducing Handoff View', 'Why we are here', 'The ask: fund the pilot', 'Meet Maria']) {
          const slides = parseDeck(renderTemplate(template, { ...allAnswers(template, title) })).slides;
          assert.deepEqual(slides[0].beats, [], title);
          assert.deepEqual(
            slides.slice(1).map((s) => s.beats[0]),
            [...BEAT_IDS],
          );
        }
      });

      it('gives every slide guidance, never as a speaker note, and leaves every beat slide empty', () => {
        for (const slide of deck.slides) {
          assert.ok(
            slide.comments.some((c) => c.kind === 'guidance'),
            `slide ${slide.index} has guidance`,
          );
          assert.deepEqual(slide.notes, [], `slide ${slide.index} has no notes`);
        }
        for (const slide of deck.slides.slice(1)) {
          assert.equal(slide.empty, true, `slide ${slide.index} (${slide.title}) counts as empty`);
          assert.equal(slide.explicitBeats, true);
          assert.equal(slide.words > 0, true, 'the heading counts');
          assert.equal(headingBeat(slide.title), slide.beats[0], `heading "${slide.title}" reads as ${slide.beats[0]} without its marker`);
        }
      });

      it('keeps hostile answers as plain text: same slides, no markup, exact front matter', () => {
        const expected = shape(deck);
        for (const hostile of [...HOSTILE, HOSTILE.join(' ')]) {
          const text = renderTemplate(template, allAnswers(template, hostile));
          const hostileDeck = parseDeck(text);
          assert.deepEqual(hostileDeck.problems, [], hostile);
          assert.equal(hostileDeck.slides.length, deck.slides.length, hostile);
          assert.deepEqual(shape(hostileDeck), expected, hostile);
          assert.doesNotMatch(text, /<script|<img/i, hostile);
          assert.equal(hostileDeck.frontMatter.title, hostile);
          assert.equal(hostileDeck.frontMatter.audience, hostile);
          assert.equal(hostileDeck.frontMatter.duration, template.prompts.find((p) => p.key === 'duration')!.default);
          if (singleLine(hostile).length <= 80) assert.equal(hostileDeck.slides[0].title, singleLine(hostile), hostile);
          assert.deepEqual(Object.keys(hostileDeck.frontMatter), Object.keys(deck.frontMatter), hostile);
        }
      });

      it('keeps any answers as plain text (property)', () => {
        const text = fc.string({ unit: 'binary', maxLength: 40 });
        fc.assert(
          fc.property(
            text.filter((s) => s.trim() !== ''),
            fc.dictionary(fc.constantFrom(...template.prompts.filter((p) => p.key !== 'duration').map((p) => p.key)), text),
            (title, others) => {
              const answers = { ...others, title };
              const out = parseDeck(renderTemplate(template, answers));
              assert.deepEqual(out.problems, []);
              assert.equal(out.slides.length, deck.slides.length);
              assert.equal(out.frontMatter.title, title);
              assert.deepEqual(
                out.slides.slice(1).map((s) => [s.beats, s.empty, s.notes.length]),
                deck.slides.slice(1).map((s) => [s.beats, s.empty, s.notes.length]),
              );
            },
          ),
          { numRuns: 60 },
        );
      });

      it('takes a duration only as a talk length, and its question says how to write one', () => {
        const prompt = template.prompts.find((p) => p.key === 'duration')!;
        assert.match(prompt.question, /\bminutes, e\.g\. \d+m, 1h 30m or 12:30\b/);
        for (const duration of ['20m', '1h 30m', '12:30', '45'])
          assert.notEqual(parseDuration(parseDeck(renderTemplate(template, { title: 'x', duration })).frontMatter.duration), undefined, duration);
        for (const duration of ['ten minutes', 'soon', '-5', '<b>10</b>']) {
          assert.throws(
            () => renderTemplate(template, { title: 'x', duration }),
            (e: unknown) => e instanceof AnswerError && e.message === `The answer for "duration" will not do: "${duration}" is not a talk length: write minutes, e.g. 15m, 1h 30m, 90s or 12:30.`,
          );
        }
      });

      it('refuses unknown and missing answers', () => {
        assert.throws(
          () => renderTemplate(template, {}),
          (e: unknown) => e instanceof AnswerError && e.missingKeys.join() === 'title',
        );
        assert.throws(() => renderTemplate(template, { title: '   ' }), AnswerError);
        assert.throws(
          () => renderTemplate(template, { title: 'x', colour: 'red' }),
          (e: unknown) => e instanceof AnswerError && e.unknownKeys.join() === 'colour' && /colour/.test(e.message),
        );
      });
    });
  }
});

describe('beat skeletons', () => {
  it('give one empty slide per beat, with its marker, guidance and a heading that reads as the beat', () => {
    for (const beat of BEAT_IDS) {
      const deck = parseDeck(beatSkeleton(beat));
      assert.deepEqual(deck.problems, []);
      assert.equal(deck.slides.length, 1);
      const [slide] = deck.slides;
      assert.deepEqual(slide.beats, [beat]);
      assert.equal(slide.empty, true);
      assert.deepEqual(
        slide.comments.map((c) => c.kind),
        [...(BEAT_SKELETONS[beat].layout ? ['directive'] : []), 'beat', 'guidance'],
      );
      assert.equal(slide.title, BEAT_SKELETONS[beat].heading);
      assert.equal(headingBeat(slide.title), beat);
      assert.match(BEAT_SKELETONS[beat].todo, /^TODO: /);
    }
  });

  it('lay out a pain slide as a quote and an outcome slide as a big number (docs/layouts.md), still empty until written', () => {
    const classOf = (beat: BeatId) => renderDeck(parseDeck(beatSkeleton(beat))).slides[0].className;
    assert.deepEqual(
      BEAT_IDS.map((beat) => [beat, classOf(beat)]),
      BEAT_IDS.map((beat) => [beat, beat === 'pain' ? 'quote' : beat === 'outcome' ? 'big-number' : undefined]),
    );
    assert.match(renderDeck(parseDeck(beatSkeleton('pain'))).slides[0].html, /<blockquote[^>]*>\s*<p[^>]*>TODO: one customer/, 'the placeholder as the quotation');
    const outcome = beatSkeleton('outcome', { figure: '50% fewer', todo: 'Handoff errors by June' });
    assert.match(outcome, /\n\nTODO: 50% fewer\n\nTODO: Handoff errors by June$/, 'the figure first, both kept placeholders');
    assert.equal(parseDeck(outcome).slides[0].empty, true);
  });

  it('escape overrides and keep the placeholder a placeholder', () => {
    const text = beatSkeleton('ask', { heading: '---', guide: '--> <script>alert(1)</script>', todo: 'Approve it <b>now</b>' });
    const deck = parseDeck(text);
    assert.equal(deck.slides.length, 1);
    assert.equal(deck.slides[0].title, '---');
    assert.equal(deck.slides[0].empty, true);
    assert.deepEqual(deck.slides[0].notes, []);
    assert.doesNotMatch(text, /<script|<b>/);
    assert.match(text, /^TODO: Approve it/m);
  });

  it('refuse an unknown beat', () => {
    assert.throws(() => beatSkeleton('nope' as never), /Unknown beat "nope"/);
  });

  it('are the source of the sd-<beat> snippets, and snippets/storydeck.code-snippets.json is in sync (npm run: node scripts/build-snippets.js)', () => {
    const snippets = Object.values(buildSnippets());
    assert.deepEqual(
      snippets.map((s) => s.prefix),
      BEAT_IDS.map((b) => `sd-${b}`),
    );
    for (const [i, beat] of BEAT_IDS.entries()) {
      const body = snippets[i].body.join('\n');
      assert.ok(body.includes(`<!-- beat: ${beat} -->`));
      assert.ok(body.includes(BEAT_SKELETONS[beat].guide));
    }
    assert.equal(readFileSync('snippets/storydeck.code-snippets.json', 'utf8'), snippetsFileText(), 'regenerate with: node scripts/build-snippets.js');
  });
});
