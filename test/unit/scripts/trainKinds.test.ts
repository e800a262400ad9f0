import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintCacheFile } from '../../../scripts/kinds/cache';
import { scoreKinds } from '../../../src/core/story/kindModel';
import { DEFAULT_TRAINING, foldSigns, KINDS, SECTION_TRAINING, sharedFeatures, train, trainNaiveBayes, trainSections } from '../../../scripts/kinds/train';
import { bestScore } from '../../../src/core/story/sectionModel';
import { trainKinds } from '../../../scripts/train-kinds';
import { realSetsFetched, setFetched } from '../../../scripts/kinds/corpus';
import { pathFeatures } from '../../../scripts/kinds/pathWords';
import { closingFeatures, headingNumberFeatures, openingFeatures, OPENING } from '../../../scripts/kinds/candidates';
import { parseDeck } from '../../../src/core/deck';
import { kindText } from '../../../src/core/story/kinds';

/** Talks say "slides" and proposals "alternatives", in documents of four sets; "acme" is one set's word only. */
const DOCS = ['a', 'b', 'c', 'd'].flatMap((set) => [
  { set, kind: 'talk', features: ['w:slides', 'w:today', ...(set === 'a' ? ['w:acme'] : [])] },
  { set, kind: 'proposal', features: ['w:alternatives', 'w:today'] },
  { set, kind: 'pitch', features: ['w:today'] },
]);

/** Every word kept, however many documents use it, as these few documents need ("today" is in all of them). */
const ALL_WORDS = { ...DEFAULT_TRAINING, maxDocFreq: 1 };

describe('training the kind reader (scripts/kinds/train.ts)', () => {
  it('learns which words tell the kinds apart, and keeps no feature fewer than three sets have', () => {
    const model = train(DOCS, ALL_WORDS);
    assert.equal(scoreKinds(['w:slides', 'w:today'], model)[0].kind, 'talk');
    assert.equal(scoreKinds(['w:alternatives', 'w:today'], model)[0].kind, 'proposal');
    assert.equal(scoreKinds(['w:today'], model)[0].kind, 'pitch');
    assert.equal(model.weights['w:acme'], undefined, 'a word of one set does not get in');
    assert.deepEqual(Object.keys(model.weights).sort(), ['w:alternatives', 'w:slides', 'w:today']);
  });

  it('folds the sign rows away for the product: an unsigned document scores as before, and no `sign:` row is shipped', () => {
    // Talks the signs already read say "sign:talk"; the two unsigned talks per set say only "slides".
    const docs = DOCS.flatMap((d) => [
      { ...d, features: [...d.features, d.kind === 'talk' ? 'sign:talk' : 'sign:none'] },
      ...(d.kind === 'talk' ? [{ ...d, features: [...d.features, 'sign:none'] }] : []),
    ]);
    const full = train(docs, ALL_WORDS);
    assert.ok(full.weights['sign:talk'] && full.weights['sign:none'], 'the training sees the sign');
    const folded = foldSigns(full);
    assert.deepEqual(
      Object.keys(folded.weights).filter((f) => f.startsWith('sign:')),
      [],
    );
    assert.ok(Object.values(folded.telling).every((fs) => fs.every((f) => !f.startsWith('sign:'))));
    for (const words of [['w:slides', 'w:today'], ['w:alternatives', 'w:today'], ['w:today']]) {
      const [a, b] = [scoreKinds([...words, 'sign:none'], full), scoreKinds(words, folded)];
      assert.equal(b[0].kind, a[0].kind, words.join());
      assert.ok(Math.abs(a[0].p - b[0].p) < 0.01, `${words}: ${a[0].p} vs ${b[0].p}`);
    }
  });

  it('is deterministic: the same documents give the same weights', () => {
    assert.deepEqual(train(DOCS), train([...DOCS]));
    assert.deepEqual(trainNaiveBayes(DOCS), trainNaiveBayes(DOCS));
  });

  it('keeps at most the features asked for, those that tell the kinds apart most', () => {
    const model = train(DOCS, { ...ALL_WORDS, maxFeatures: 2 });
    assert.deepEqual(Object.keys(model.weights).sort(), ['w:alternatives', 'w:slides']);
  });

  it('keeps no word that more than `maxDocFreq` of the documents use, in a heading or the text; shape and front matter stay', () => {
    const docs = DOCS.map((d) => ({ ...d, features: [...d.features, 'h:the', 'shape:slides'] }));
    const model = train(docs, { ...DEFAULT_TRAINING, maxDocFreq: 0.5 });
    assert.deepEqual(Object.keys(model.weights).sort(), ['shape:slides', 'w:alternatives', 'w:slides'], 'a third of the documents say “slides”; all say “today” and have “the” in a heading');
    assert.equal(DEFAULT_TRAINING.maxDocFreq, 0.2);
  });

  it('lists for each kind the features that tell of it: its documents have them at least twice as often as all documents do', () => {
    for (const learner of [train, trainNaiveBayes]) {
      const { telling } = learner(DOCS, ALL_WORDS);
      assert.deepEqual(telling.talk, ['w:slides']);
      assert.deepEqual(telling.proposal, ['w:alternatives']);
      assert.deepEqual(telling.pitch, [], '“today” is in every document: it tells of no kind');
    }
  });

  it('never lets a heading’s word tell of a kind when that word in the text is one most documents use (“are” of “Who we are”)', () => {
    // Only talks have "are" and "slides" in a heading; every document says "are" in its text, none says "slides".
    const docs = DOCS.map((d) => ({ ...d, features: [...d.features, 'w:are', ...(d.kind === 'talk' ? ['h:are', 'h:slides'] : [])] }));
    const { telling } = train(docs, { ...DEFAULT_TRAINING, maxDocFreq: 0.5 });
    assert.ok(telling.talk.includes('h:slides'), telling.talk.join());
    assert.ok(!telling.talk.includes('h:are'), telling.talk.join());
  });

  it('chooses between features that tie the same way in every locale (the weights file must not depend on the machine)', () => {
    // "w:aab" and "w:zzz" tell the kinds apart equally well and only one is kept; Danish collation puts "aa" after "z".
    const code = `const { train } = require('./scripts/kinds/train');
      const { kindEvidence } = require('./src/core/story/kindModel');
      const docs = ['a', 'b', 'c'].flatMap((set) => [{ set, kind: 'talk', features: ['w:aab', 'w:zzz'] }, { set, kind: 'pitch', features: [] }]);
      const model = train(docs, { minSets: 3, maxDocFreq: 1, maxFeatures: 1, steps: 1, rate: 1, l2: 0 });
      const tie = { kinds: ['pitch', 'talk'], bias: [0, 0], weights: { 'w:aab': [0, 1], 'w:zzz': [0, 1] }, telling: { pitch: [], talk: ['w:aab', 'w:zzz'] } };
      console.log(JSON.stringify([Object.keys(model.weights), kindEvidence(['w:zzz', 'w:aab'], tie, 'talk', 1)]));`;
    const run = (locale: string) => {
      const child = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', code], { env: { ...process.env, LANG: locale, LC_ALL: locale }, encoding: 'utf8' });
      assert.equal(child.status, 0, child.stderr);
      return JSON.parse(child.stdout) as unknown;
    };
    assert.deepEqual(run('da_DK.UTF-8'), [['w:aab'], ['“aab”']]);
    assert.deepEqual(run('en_US.UTF-8'), [['w:aab'], ['“aab”']]);
  });

  it('fails, training nothing, when the real corpora are not fetched: `--check` never says current without comparing', () => {
    for (const check of [true, false]) {
      const lines: string[] = [];
      assert.equal(trainKinds({ check, fetched: false, log: (line) => lines.push(line) }), 1);
      assert.match(lines.join('\n'), check ? /cannot check .*not all fetched/ : /cannot train .*not all fetched/);
    }
  });
  it('counts a real set as fetched only when every document its manifest names is there, not when a fetch stopped halfway', () => {
    const dir = mkdtempSync(join(tmpdir(), 'storydeck-fetched-'));
    try {
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ 'a.md': {}, 'b.md': {} }));
      mkdirSync(join(dir, 'docs'));
      writeFileSync(join(dir, 'docs', 'a.md'), '# A\n');
      assert.equal(setFetched(dir), false, 'b.md is missing');
      writeFileSync(join(dir, 'docs', 'b.md'), '# B\n');
      assert.equal(setFetched(dir), true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shares its feature filter with other readers: three sets at least, a word in at most `maxDocFreq` of the documents, each counted once per document', () => {
    const docs = [
      { set: 'a', features: ['w:queue', 'w:queue', 'w:the', 'r:found', 'w:acme'] },
      { set: 'b', features: ['w:queue', 'w:the', 'r:found'] },
      { set: 'c', features: ['w:the', 'r:found'] },
      { set: 'd', features: ['w:queue', 'w:the', 'r:found', 'w:acme'] },
    ];
    assert.deepEqual(
      [...sharedFeatures(docs, { minSets: 3, maxDocFreq: 0.75 })].sort(),
      ['r:found', 'w:queue'],
      '“the” is in every document, “acme” in two sets; “queue”, twice in one document, is in three of four',
    );
    assert.deepEqual([...sharedFeatures(docs, { minSets: 2, maxDocFreq: 1 })].sort(), ['r:found', 'w:acme', 'w:queue', 'w:the']);
  });
});

describe('path words, as scripts/kind-eval.ts --paths measures them (scripts/kinds/pathWords.ts)', () => {
  it('reads the directories and the stem of a relative path, lowercased and split on non-letters, short and stop words dropped', () => {
    assert.deepEqual(pathFeatures('docs/Roadmap/2024-12-play-on.md').sort(), ['p:docs', 'p:play', 'p:roadmap']);
    assert.deepEqual(pathFeatures('talks\\GSoC_2021_Final\\slides.md').sort(), ['p:final', 'p:gsoc', 'p:slides', 'p:talks']);
    assert.deepEqual(pathFeatures('the-future-of-our-work.md'), ['p:future', 'p:work']);
    assert.deepEqual(pathFeatures(undefined), []);
    assert.deepEqual(pathFeatures(''), []);
  });

  it('lets the path family learn faster with `pathRate`, and trains exactly as before without it', () => {
    const docs = DOCS.map((d) => ({ ...d, features: [...d.features, ...(d.kind === 'talk' ? ['p:slides'] : [])] }));
    assert.deepEqual(train(docs, { ...ALL_WORDS, pathRate: 1 }), train(docs, ALL_WORDS));
    const slow = train(docs, ALL_WORDS).weights['p:slides'];
    const fast = train(docs, { ...ALL_WORDS, pathRate: 5 }).weights['p:slides'];
    assert.ok(fast[KINDS.indexOf('talk')] > slow[KINDS.indexOf('talk')], `${fast} against ${slow}`);
    assert.deepEqual(train(DOCS, { ...ALL_WORDS, pathRate: 5 }), train(DOCS, ALL_WORDS), 'no path words, nothing changes');
  });
});

describe('the kind evaluation’s lint cache (scripts/kinds/cache.ts)', () => {
  it('is a new file when any file of the lint code changes, and the same file when none does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'storydeck-kind-cache-'));
    try {
      mkdirSync(join(dir, 'core', 'lint'), { recursive: true });
      writeFileSync(join(dir, 'core', 'lint', 'rule.ts'), 'export const fires = true;\n');
      const before = lintCacheFile('/tmp/cache', join(dir, 'core'));
      assert.equal(lintCacheFile('/tmp/cache', join(dir, 'core')), before);
      assert.match(before, /^\/tmp\/cache\/lint-cache-[0-9a-f]{16}\.json$/);
      writeFileSync(join(dir, 'core', 'lint', 'rule.ts'), 'export const fires = false;\n');
      const edited = lintCacheFile('/tmp/cache', join(dir, 'core'));
      assert.notEqual(edited, before);
      writeFileSync(join(dir, 'core', 'lint', 'other.ts'), '');
      assert.notEqual(lintCacheFile('/tmp/cache', join(dir, 'core')), edited, 'a new file is a change too');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('training the section scorers (trainSections, train:kinds)', () => {
  /** Four sets; in each, a told story ("said") where the beat is told and only a general statement ("process") where it is not. */
  const bags = ['a', 'b', 'c', 'd'].flatMap((set) => [
    {
      set,
      y: 1,
      sections: [
        { slide: 1, found: true, features: ['w:said', 'r:found', ...(set === 'a' ? ['w:acme'] : [])] },
        { slide: 2, found: false, features: ['w:process'] },
      ],
    },
    { set, y: 0, sections: [{ slide: 1, found: true, features: ['w:process', 'r:found'] }] },
  ]);
  const options = { ...SECTION_TRAINING, maxDocFreq: 1 };

  it('learns from documents what tells the beat in a section: a document scores as its best section', () => {
    const m = { ...trainSections(bags, options), threshold: 0.5 };
    assert.ok(bestScore(bags[0].sections, m) > 0.5, 'the told story');
    assert.ok(bestScore(bags[1].sections, m) < 0.5, 'the general statement');
    assert.ok(m.weights['w:said'] > 0 && m.weights['w:process'] < 0);
    assert.equal(m.weights['w:acme'], undefined, 'a word of one set does not get in');
  });

  it('is deterministic', () => {
    assert.deepEqual(trainSections(bags, options), trainSections([...bags], options));
  });

  it('`--check` passes on the weights it wrote and fails when either file differs', function () {
    this.timeout(420000); // three trainings: about a minute each with every corpus fetched, more on a busy machine
    const dir = mkdtempSync(join(tmpdir(), 'storydeck-train-'));
    try {
      const out = { kinds: join(dir, 'kinds.json'), sections: join(dir, 'sections.json') };
      const quiet = () => undefined;
      assert.equal(trainKinds({ check: false, fetched: true, log: quiet, out }), 0);
      assert.equal(trainKinds({ check: true, fetched: true, log: quiet, out }), 0);
      if (realSetsFetched()) {
        // With every corpus here the training is the real one: the committed weights must be what it writes.
        for (const [file, committed] of [
          [out.kinds, 'kindWeights.json'],
          [out.sections, 'sectionWeights.json'],
        ]) {
          assert.ok(
            readFileSync(file, 'utf8') === readFileSync(join(__dirname, '../../../src/core/story', committed), 'utf8'),
            `${committed} is out of date: run \`npm run train:kinds\` and commit it`,
          );
        }
      }
      const sections = JSON.parse(readFileSync(out.sections, 'utf8')) as { beats: Record<string, { threshold: number; minWords: number }>; stats: { minWords: number } };
      assert.deepEqual(Object.keys(sections.beats), ['pain', 'ask', 'outcome']);
      for (const m of [...Object.values(sections.beats), sections.stats]) assert.equal(m.minWords, 300, 'the scorers speak on narratives of 300 words or more');
      sections.beats.pain.threshold = 0.31;
      writeFileSync(out.sections, JSON.stringify(sections));
      assert.equal(trainKinds({ check: true, fetched: true, log: quiet, out }), 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("session 19's candidate families, as scripts/kind-eval.ts --with o,n,e measures them (scripts/kinds/candidates.ts)", () => {
  const filler = Array.from({ length: OPENING }, (_, i) => `filler${String.fromCharCode(97 + (i % 26))}`).join(' ');
  const deck = kindText(parseDeck(`# Community update, June 2017 (v1.2, Q3)\n\nThank you all and good afternoon.\n\n${filler}\n\n## Questions\n\n${filler}\n\nAsk me anything.\n`));

  it('reads the opening from the first words of the text and the closing from the last heading and the last words', () => {
    const opening = openingFeatures(deck);
    assert.ok(
      ['o:thank', 'o:afternoon'].every((f) => opening.includes(f)),
      opening.join(' '),
    );
    assert.ok(!opening.includes('o:anything'), 'the last words are not the opening');
    const closing = closingFeatures(deck);
    assert.ok(
      ['e:questions', 'e:anything'].every((f) => closing.includes(f)),
      closing.join(' '),
    );
    assert.ok(!closing.includes('e:afternoon'), 'the first words are not the closing');
  });

  it('names the numbers of the title and headings: a year, a date, a quarter, a version, a number; none in a heading without digits', () => {
    assert.deepEqual(headingNumberFeatures(deck), ['n:year', 'n:date', 'n:quarter', 'n:version', 'n:number']);
    assert.deepEqual(headingNumberFeatures(kindText(parseDeck('# Step 3\n\nText.\n'))), ['n:number']);
    assert.deepEqual(headingNumberFeatures(kindText(parseDeck('# Why now\n\nIn 2024 we grew.\n'))), [], 'a year in the text is not one in a heading');
  });

  it('drops an opening or closing word most documents have, as it does a word of the text (maxDocFreq)', () => {
    const docs = ['a', 'b', 'c'].flatMap((set) => [
      { set, features: ['o:the', 'e:the', 'o:today'] },
      { set, features: ['o:the', 'e:the'] },
    ]);
    assert.deepEqual([...sharedFeatures(docs, { minSets: 3, maxDocFreq: 0.6 })], ['o:today']);
  });
});
