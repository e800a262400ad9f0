import assert from 'node:assert/strict';
import { sep } from 'node:path';
import { keyedCache, memoByText, memoTest } from '../../../src/core/deck/memo';
import { parseDeck } from '../../../src/core/deck';
import { lintText } from '../../../src/core/lint';
import type { StoryDeckConfig } from '../../../src/core/lint/config';
import { readStory } from '../../../src/core/story';
import { generateDeck } from '../../../bench/generate';

describe('memoTest', () => {
  it("answers as the expression's test, running it once per text", () => {
    let runs = 0;
    const re = /\bwill\s\w+/i;
    const exec = re.exec.bind(re);
    re.exec = (text: string) => (runs++, exec(text));
    const willDo = memoTest(re);
    assert.deepEqual([willDo('We will drop it'), willDo('We will drop it'), willDo('We dropped it')], [true, true, false]);
    assert.equal(runs, 2);
  });

  it('refuses an expression that keeps its lastIndex between calls', () => {
    assert.throws(() => memoTest(/x/g), /lastIndex/);
    assert.throws(() => memoTest(/x/y), /lastIndex/);
  });
});

describe('keyedCache', () => {
  it('hands make the key, so that a memo of a function needs no closure per call', () => {
    const remember = keyedCache<string>();
    const made: string[] = [];
    const shout = (key: string) => (made.push(key), `${key}!`);
    assert.deepEqual([remember('a', shout), remember('a', shout), remember('b', shout)], ['a!', 'a!', 'b!']);
    assert.deepEqual(made, ['a', 'b']);
  });
});

describe('memoByText', () => {
  it('computes each text once, undefined results included, and starts over when full', () => {
    const calls: string[] = [];
    const length = memoByText((text) => {
      calls.push(text);
      return text === 'none' ? undefined : text.length;
    }, 3);
    assert.deepEqual([length('ab'), length('ab'), length('none'), length('none'), length('abc')], [2, 2, undefined, undefined, 3]);
    assert.deepEqual(calls, ['ab', 'none', 'abc']);
    length('abcd'); // a fourth text: the cache starts over with it
    length('ab');
    assert.deepEqual(calls, ['ab', 'none', 'abc', 'abcd', 'ab']);
  });

  it('gives a re-parse after a one-character edit the same slides as a parse with empty caches', () => {
    const text = generateDeck(30);
    const at = text.indexOf('\n\n', text.length >> 1);
    const edited = text.slice(0, at) + ' And then the shift ends.' + text.slice(at);
    parseDeck(text); // fills the caches with every slide but the edited one
    const again = parseDeck(edited);
    const fresh = withEmptyCaches(() => (require('../../../src/core/deck') as typeof import('../../../src/core/deck')).parseDeck(edited));
    assert.notEqual(fresh.slides[0], again.slides[0]);
    const shape = (d: ReturnType<typeof parseDeck>) => d.slides.map((s) => [s.title, s.beats, s.words, s.noteWords, s.estimatedSeconds]);
    assert.deepEqual(shape(again), shape(fresh));
  });
});

describe('re-reading only what changed', () => {
  it('gives back an unchanged slide at the same place as the same object, and reads an edited or moved one afresh', () => {
    const text = generateDeck(12);
    const before = parseDeck(text);
    const at = before.slides.findIndex((s, i) => i >= 5 && s.blocks.some((b) => b.kind === 'paragraph'));
    const line = before.slides[at].blocks.find((b) => b.kind === 'paragraph')!.line;
    const lines = text.split('\n');
    const typed = parseDeck([...lines.slice(0, line - 1), lines[line - 1] + ' Then it rained.', ...lines.slice(line)].join('\n'));
    typed.slides.forEach((slide, i) => (i === at ? assert.notEqual(slide, before.slides[i]) : assert.equal(slide, before.slides[i], `slide ${i + 1}`)));
    assert.ok(typed.slides[at].blocks.find((b) => b.line === line)?.text.endsWith('Then it rained.'));
    // A line added before the slides after it moves them: they are read again, at their new lines.
    const moved = parseDeck([...lines.slice(0, line), 'One more line.', ...lines.slice(line)].join('\n'));
    assert.equal(moved.slides[at - 1], before.slides[at - 1]);
    for (let i = at; i < moved.slides.length; i++) assert.notEqual(moved.slides[i], before.slides[i]);
    assert.equal(moved.slides[at + 1].line, before.slides[at + 1].line + 1);
  });

  it('gives a re-lint after each of a series of edits, of a second document sharing slides with the first, and under a config, the same findings and story as a lint with empty caches', () => {
    const first = generateDeck(40);
    let text = first;
    const edits: ((t: string) => string)[] = [
      // Typing in a paragraph, a character at a time.
      (t) => typeAt(t, t.indexOf('\n\n', t.length >> 1), ' We will cut'),
      (t) => typeAt(t, t.indexOf('\n\n', t.length >> 1), ' handover time from 40 to 15 minutes by June.'),
      // A new line, which moves every slide after it.
      (t) => typeAt(t, t.indexOf('\n\n', t.length >> 2), '\n\nPlease approve two engineers by Friday; Priya owns the rollout.'),
      // A heading renamed, which changes the beat its slide plays.
      (t) => t.replace(/\n## [^\n]+/, '\n## The ask'),
      // The same words with and without a code span: the slide's text is the same, its source lines are not.
      (t) => typeAt(t, t.indexOf('\n---\n', (t.length * 3) >> 2), '\n---\n\n## Latency\n\nLatency fell from `40` to `12` ms in `4` regions. Errors fell by `35` in `9` teams.\n'),
      (t) => t.replace('from `40` to `12` ms in `4` regions. Errors fell by `35` in `9` teams', 'from 40 to 12 ms in 4 regions. Errors fell by 35 in 9 teams'),
      // A slide break taken out, which joins two slides.
      (t) => t.replace('\n---\n', '\n'),
    ];
    const reads: [string, StoryDeckConfig][] = [];
    const warm: string[] = [];
    const lint = (t: string, config: StoryDeckConfig) => (reads.push([t, config]), warm.push(readOf(lintText, readStory, t, config)));
    lintText(text, {}, { file: 'deck.md' });
    for (const edit of edits) lint((text = edit(text)), {});
    // A second document, from the first before the edits: its kind in the front matter (in place of a line, so the
    // slides keep their lines and are shared), and in its first half other people, so that the people its shared slides name
    // are not the same.
    const half = first.length >> 1;
    const renamed = first
      .replace(/^duration: .*$/m, 'kind: update')
      .slice(0, half)
      .replace(/Aiko/g, 'Priya')
      .replace(/Grace/g, 'Wanjiru');
    const second = renamed + first.slice(half);
    const before = lintText(first, {}, { file: 'deck.md' }).deck.slides;
    const slides = lintText(second, {}, { file: 'deck.md' }).deck.slides;
    const shared = slides.filter((s) => before.includes(s)).length;
    assert.ok(shared > 5 && shared < slides.length, `${shared} of ${slides.length} slides shared`);
    lint(second, {});
    // A config with a rule switched off and a built-in kind changed (an update whose solution must follow the ask).
    const config: StoryDeckConfig = { rules: { jargon: false }, kinds: { update: { expects: ['outcome'], beforeWhat: ['ask'] } } };
    lint(second, config);
    lint(first, config);
    const fresh = reads.map(([t, c]) =>
      withEmptyCaches(() =>
        readOf(
          (require('../../../src/core/lint') as typeof import('../../../src/core/lint')).lintText,
          (require('../../../src/core/story') as typeof import('../../../src/core/story')).readStory,
          t,
          c,
        ),
      ),
    );
    // Figures in code spans are code: without them, the same words are a wall of numbers.
    const walls = (reading: string) => reading.match(/wall of numbers/g)?.length ?? 0;
    assert.equal(walls(warm[5]), walls(warm[4]) + 1);
    const [second0, secondC, firstC] = warm.slice(-3).map((r) => JSON.parse(r) as { story: { kind: { id: string } }; findings: { ruleId: string }[] });
    assert.deepEqual([second0.story.kind.id, secondC.story.kind.id, firstC.story.kind.id], ['update', 'update', 'town-hall']);
    const fired = (r: { findings: { ruleId: string }[] }) => [...new Set(r.findings.map((f) => f.ruleId))].sort();
    assert.deepEqual([fired(second0), fired(secondC), fired(firstC)], [['jargon', 'stats-without-story'], ['stats-without-story', 'why-before-what'], ['stats-without-story']]);
    assert.equal(new Set(warm).size, reads.length, 'every edit, document and config changes what is read');
    warm.forEach((reading, i) => assert.equal(reading, fresh[i], `read ${i + 1}`));
  });
});

/** One character at a time, linting after each, as an editor does after each pause in typing. */
function typeAt(text: string, at: number, typed: string): string {
  let out = text;
  for (let i = 0; i < typed.length; i++) {
    out = out.slice(0, at + i) + typed[i] + out.slice(at + i);
    lintText(out, {}, { file: 'deck.md' });
  }
  return out;
}

/** The findings and the story of a narrative under a config, as JSON. */
function readOf(lint: typeof lintText, story: typeof readStory, text: string, config: StoryDeckConfig): string {
  const { deck, findings } = lint(text, config, { file: 'deck.md' });
  return JSON.stringify({ findings, story: story(deck, config) });
}

/** Runs `read` with every module of src/core loaded afresh, so that their caches are empty; the modules other tests loaded stay. */
function withEmptyCaches<T>(read: () => T): T {
  const saved = Object.entries(require.cache).filter(([key]) => key.includes(`${sep}src${sep}core${sep}`));
  for (const [key] of saved) delete require.cache[key];
  try {
    return read();
  } finally {
    for (const [key, module] of saved) require.cache[key] = module;
  }
}
