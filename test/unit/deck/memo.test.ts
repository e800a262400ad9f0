import assert from 'node:assert/strict';
import { sep } from 'node:path';
import { memoByText, memoTest } from '../../../src/core/deck/memo';
import { parseDeck } from '../../../src/core/deck';
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
    // The same modules loaded afresh: their caches are empty.
    const saved = Object.entries(require.cache).filter(([key]) => key.includes(`${sep}src${sep}core${sep}`));
    for (const [key] of saved) delete require.cache[key];
    let fresh: ReturnType<typeof parseDeck>;
    try {
      fresh = (require('../../../src/core/deck') as typeof import('../../../src/core/deck')).parseDeck(edited);
    } finally {
      for (const [key, module] of saved) require.cache[key] = module; // other tests keep the modules they loaded
    }
    assert.notEqual(fresh.slides[0], again.slides[0]);
    const shape = (d: ReturnType<typeof parseDeck>) => d.slides.map((s) => [s.title, s.beats, s.words, s.noteWords, s.estimatedSeconds]);
    assert.deepEqual(shape(again), shape(fresh));
  });
});
