import assert from 'node:assert/strict';
import { scoreKinds } from '../../../src/core/story/kindModel';
import { DEFAULT_TRAINING, train, trainNaiveBayes } from '../../../scripts/kinds/train';

/** Talks say "slides" and proposals "alternatives", in documents of four sets; "acme" is one set's word only. */
const DOCS = ['a', 'b', 'c', 'd'].flatMap((set) => [
  { set, kind: 'talk', features: ['w:slides', 'w:today', ...(set === 'a' ? ['w:acme'] : [])] },
  { set, kind: 'proposal', features: ['w:alternatives', 'w:today'] },
  { set, kind: 'pitch', features: ['w:today'] },
]);

describe('training the kind reader (scripts/kinds/train.ts)', () => {
  it('learns which words tell the kinds apart, and keeps no feature fewer than three sets have', () => {
    const model = train(DOCS);
    assert.equal(scoreKinds(['w:slides', 'w:today'], model)[0].kind, 'talk');
    assert.equal(scoreKinds(['w:alternatives', 'w:today'], model)[0].kind, 'proposal');
    assert.equal(scoreKinds(['w:today'], model)[0].kind, 'pitch');
    assert.equal(model.weights['w:acme'], undefined, 'a word of one set does not get in');
    assert.deepEqual(Object.keys(model.weights).sort(), ['w:alternatives', 'w:slides', 'w:today']);
  });

  it('is deterministic: the same documents give the same weights', () => {
    assert.deepEqual(train(DOCS), train([...DOCS]));
    assert.deepEqual(trainNaiveBayes(DOCS), trainNaiveBayes(DOCS));
  });

  it('keeps at most the features asked for, those that tell the kinds apart most', () => {
    const model = train(DOCS, { ...DEFAULT_TRAINING, maxFeatures: 2 });
    assert.deepEqual(Object.keys(model.weights).sort(), ['w:alternatives', 'w:slides']);
  });
});
