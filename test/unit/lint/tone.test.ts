import assert from 'node:assert/strict';
import { lintText, type StoryDeckConfig } from '../../../src/core/lint';
import { PhraseMatcher } from '../../../src/core/lint/phrases';

const tone = (text: string, config: StoryDeckConfig = {}) =>
  lintText(text, config)
    .findings.filter((f) => f.ruleId === 'tone')
    .map((f) => `${f.line}:${f.column} ${f.message.slice(0, f.message.indexOf('”') + 1)}`);

describe('tone', () => {
  const text =
    '# Checkout\n\nThis is a disaster, and we are doomed!!\n\n> “A total nightmare!!” said one shopper.\n\nShe called it “a disaster” twice.\n\n## WHY WE MUST ACT NOW\n\nWE MUST ACT NOW. It is not a DR plan.\n';

  it('reports alarm words, shouting and runs of !, and leaves quotes, capital headings and acronyms alone', () => {
    assert.deepEqual(tone(text), ['3:11 “disaster”', '3:25 “we are doomed”', '3:38 “!!”', '11:1 “WE MUST ACT NOW”']);
  });

  it('the ignore option drops a phrase, and the same lines read again with other options give their own findings', () => {
    assert.deepEqual(tone(text, { rules: { tone: { ignore: ['disaster'] } } }), ['3:25 “we are doomed”', '3:38 “!!”', '11:1 “WE MUST ACT NOW”']);
    assert.deepEqual(tone(text), ['3:11 “disaster”', '3:25 “we are doomed”', '3:38 “!!”', '11:1 “WE MUST ACT NOW”']);
  });

  it('reports a hedge only in the ask', () => {
    const hedged = '# Plan\n\nMaybe the cause is the card vault.\n\n---\n\n## The ask\n\nMaybe we could borrow two engineers until June?\n';
    assert.deepEqual(tone(hedged), ['9:1 “Maybe we could”']);
  });

  it('PhraseMatcher.lineHits finds on a line what hits finds in a deck', () => {
    const matcher = new PhraseMatcher([{ phrases: ['we are doomed', 'doomed', 'disaster'], ignorecase: true }], { gap: /[\s-]/, word: /[\p{L}\p{N}_]/u });
    assert.deepEqual(matcher.lineHits('We are  doomed: a DISASTER, doomed-ish'), [
      [
        [0, 14],
        [18, 26],
        [28, 34],
      ],
    ]);
  });
});
