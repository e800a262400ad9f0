import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDeck } from '../../../src/core/deck';
import { lintText } from '../../../src/core/lint';
import { kindChoices } from '../../../src/core/lint/kindFix';
import { formatOutline, outline, readStory, storyStatusTooltip, storySummary, storyTree } from '../../../src/core/story';
import { describeFeature, kindEvidence, kindFeatures, scoreKinds, styleMeasures, type KindModel } from '../../../src/core/story/kindModel';
import { BUILTIN_KINDS, expectedProfile, guessable, guessedFor, guessKind, GUESS_MIN_WORDS, inferKind, KIND_MODEL, kindTable, kindText, readKind } from '../../../src/core/story/kinds';

/** A design proposal that names no kind and has none of the RFC template's headings or header lines. */
const RFC = `# Retry queue for outbound webhooks

## Background

Webhook deliveries that fail are dropped after one attempt today. Integrators asked in the comments on the earlier RFC for retries, including those whose endpoint restarts every week.

## Design

We propose a retry queue with exponential backoff, up to 24 hours. Each attempt is written to the delivery log, which is updated on every try; the mode is opt-in per subscription.

## Implementation plan

The implementation should ship behind a flag, only for new subscriptions at first; the cost is one small worker.

## Open questions

Should the backoff be configurable per subscription?
`;

/**
 * A conference talk's deck with no speaker introduction, agenda, thanks or questions; its speaker notes talk to the room (without
 * them, five slides of "What we built" and "What changed" are as much a team's pitch or update as a talk).
 */
const TALK = `---
marp: true
theme: default
---

# You can't fix what you can't see

---

## The problem

You ship something. It breaks in a way nobody has seen before.

<!-- Ask the room: who has been paged for a bug nobody could reproduce? -->

---

## What we built

A separate trace for each request, built from logs you already have.

---

## What changed

Things got quieter: not fewer bugs, but fewer surprises.

---

## Something to try

Pick one slow request and follow it through every service.

<!-- Slow down here. Leave them with the one thing to try. -->
`;

/** A pitch, written as a pitch is, that names no kind. */
const PITCH = `---
title: Shift swaps in two taps
---

# Shift swaps in two taps

## Why

Nurses lose an hour a week arranging shift swaps by phone.

## The pain

Maria phones 23 people when two nurses call in sick at 5 pm.

## What changes

Ana sees her whole week on one screen and swaps a shift in two taps.

## Business value

Agency staff cost us £1.2m last year; a third of that is last-minute cover.

## The ask

Approve £80k and two engineers for a six-month pilot on two wards, decision by 30 June.
`;

describe('the learned kind reader', () => {
  it('reads a design proposal that no shape sign names as a proposal, and a talk as a talk', () => {
    for (const [text, kind] of [
      [RFC, 'proposal'],
      [TALK, 'talk'],
    ] as const) {
      const deck = parseDeck(text);
      assert.equal(inferKind(deck), undefined, `no shape sign names the ${kind}: the learned reader decides`);
      const read = readKind(deck);
      assert.equal(read.id, kind);
      assert.equal(read.source, 'guessed');
      assert.equal(read.likely, undefined, `sure enough to be read as one kind: ${read.confidence}`);
      assert.deepEqual(read.profile, BUILTIN_KINDS[kind]);
    }
  });

  it('leaves an unnamed pitch a pitch', () => {
    const read = readKind(parseDeck(PITCH));
    assert.equal(read.id, 'pitch');
    assert.equal(read.source, 'default');
  });

  it('says why: the evidence names words of the text, and the outline and the Story view show it', () => {
    const deck = parseDeck(RFC);
    const read = readKind(deck);
    const words = (read.evidence ?? '').match(/“([^”]+)”/g)?.map((q) => q.slice(1, -1)) ?? [];
    assert.ok(words.length >= 2, read.evidence);
    for (const w of words) assert.match(RFC.toLowerCase(), new RegExp(`\\b${w}\\b`), `“${w}” is in the text`);
    const story = readStory(deck);
    assert.equal(outline(deck, story).kind.source, 'guessed');
    assert.match(formatOutline(deck, story), /Read as: proposal \(guessed from “[^”]+”.*; set `kind:` to change\)/);
    const { findings } = lintText(RFC);
    assert.match(storyStatusTooltip(storySummary(deck, findings, story)), /\nRead as proposal \(guessed from “/);
    const ask = storyTree(deck, findings, story).find((g) => g.beat === 'ask');
    assert.match(ask?.tooltip ?? '', /Read as proposal \(guessed from/);
  });

  it('a guessed kind’s missing beats are questions that say what was guessed, with the Set kind choices', () => {
    const guessed = lintText(RFC).findings.filter((f) => f.missingBeat);
    assert.ok(guessed.length > 0, 'a proposal with no ask is asked for one');
    for (const f of guessed) {
      assert.equal(f.severity, 'info', f.message);
      assert.equal(f.guessedKind, 'proposal');
      assert.match(f.message, /\(Read as a proposal, guessed from “[^”]+”.*: nothing names its kind\. If it is another kind, set `kind:`\.\)/);
      const choices = kindChoices(f, kindTable());
      assert.equal(choices.at(-1), 'proposal', 'keeping the guess is offered last');
      assert.ok(choices.every((k) => k === 'proposal' || !BUILTIN_KINDS[k].expects.includes(f.missingBeat!)));
    }
  });

  it('names a guessed kind with its article: “an update”, in the question and in the Story view', () => {
    const update = `# Payments team, July\n\n## Where we are\n\nWe shipped the new checkout and merged the refund fixes. Revenue improved this quarter; we closed two deals and completed the audit. We updated the dashboards too.\n\n## What we learned\n\nSmaller releases went out faster and broke less.\n\n## Team\n\nWe welcomed two new engineers this month.\n\n## Next\n\nThe migration slipped a week; booked for August. Thanks to everyone who helped, upcoming work is prepared. Progress on the ledger work was steady. We will report again in September.\n`;
    const deck = parseDeck(update);
    const story = readStory(deck);
    assert.deepEqual([story.kind.id, story.kind.source], ['update', 'guessed']);
    const { findings } = lintText(update);
    const outcome = findings.find((f) => f.missingBeat === 'outcome');
    assert.match(outcome?.message ?? '', /\(Read as an update, guessed from “/);
    assert.equal(storyTree(deck, findings, story).find((g) => g.beat === 'why')?.description, 'not needed for an update');
  });

  it('never overrides a kind the front matter or the configuration names, nor a shape sign', () => {
    assert.equal(readKind(parseDeck(`---\nkind: pitch\n---\n\n${RFC}`)).source, 'front-matter');
    const configured = readKind(parseDeck(RFC), { kind: 'update' });
    assert.deepEqual([configured.id, configured.source], ['update', 'config']);
    const signed = readKind(parseDeck(`${RFC}\n## Alternatives\n\nPolling.\n\n## Drawbacks\n\nOne more service.\n`));
    assert.equal(signed.source, 'inferred');
  });

  it(`guesses no kind for a narrative under ${GUESS_MIN_WORDS} words, whatever the reader would make of it: a draft is the default pitch until it says more`, () => {
    // A reader that calls everything a talk: what it learned of kinds in general, which alone would decide a draft of two sentences.
    const talky: KindModel = { kinds: ['pitch', 'talk'], bias: [0, 3], weights: {}, telling: { pitch: [], talk: [] } };
    const model = { ...talky, unsure: KIND_MODEL.unsure };
    const talk = "# Ten years of shipping maps\n\nThank you all for coming. I'm going to tell you three stories from ten years of shipping maps.\n";
    const short = parseDeck(talk);
    assert.ok(!guessable(short));
    assert.equal(guessKind(short, BUILTIN_KINDS, model), undefined);
    const longer = parseDeck(`${talk}\n---\n\n## The first story\n\n${'We drew the coast again every spring, by hand, from the ferry. '.repeat(3)}\n`);
    assert.ok(guessable(longer));
    assert.equal(guessKind(longer, BUILTIN_KINDS, model)?.id, 'talk');
    // The product's reader too: a two-slide draft is read as the default pitch, and may still name its kind.
    const draft = parseDeck("# Introducing the shiftboard\n\nA shared screen with every patient's changes.\n\n---\n\n## Why now\n\nNight nurses lose twenty minutes a shift.\n");
    assert.deepEqual(readKind(draft), { id: 'pitch', profile: BUILTIN_KINDS.pitch, source: 'default' });
    assert.equal(readKind(parseDeck(`---\nkind: talk\n---\n\n${talk}`)).source, 'front-matter');
  });

  it('stays with the default when the pitch’s prior outweighs the reader, and weighs only the kinds the table has', () => {
    const deck = parseDeck(RFC);
    assert.equal(guessKind(deck, BUILTIN_KINDS, { ...KIND_MODEL, unsure: { threshold: 0.5, pitchPrior: 100 } }), undefined);
    const { proposal: _, ...withoutProposal } = BUILTIN_KINDS;
    const other = guessKind(deck, withoutProposal);
    assert.notEqual(other?.id, 'proposal');
    assert.ok(!other?.likely?.includes('proposal'), other?.likely?.join());
  });

  it('scores by the weights: a feature present adds its row, and evidence is the features that favour the kind most', () => {
    const model: KindModel = {
      kinds: ['pitch', 'talk'],
      bias: [0, 0],
      weights: { 'w:slides': [0, 2], 'h:thanks': [0, 1], 'w:budget': [1, 0], 'w:the': [0, 3] },
      telling: { pitch: ['w:budget'], talk: ['w:slides', 'h:thanks'] },
    };
    const [top] = scoreKinds(['w:slides', 'h:thanks', 'w:other'], model);
    assert.equal(top.kind, 'talk');
    assert.ok(Math.abs(top.p - 1 / (1 + Math.exp(-3))) < 1e-9);
    assert.deepEqual(kindEvidence(['w:budget', 'h:thanks', 'w:slides'], model, 'talk'), ['“slides”', '“thanks” in a heading']);
    assert.deepEqual(kindEvidence(['w:the', 'w:slides'], model, 'talk'), ['“slides”'], 'a feature that weighs but does not tell of the kind is never shown');
    assert.deepEqual(kindEvidence(['w:slides'], model, 'pitch'), [], 'nor one that weighs against it');
  });

  it('never gives a word every kind uses as evidence: “which”, “should”, “including”, “the” in a heading', () => {
    const common = ['the', 'which', 'should', 'would', 'including', 'are', 'not', 'new', 'use', 'below', 'year', 'this', 'that', 'with'];
    for (const text of [RFC, TALK]) {
      const read = readKind(parseDeck(text));
      assert.equal(read.source, 'guessed');
      const words = (read.evidence ?? '').match(/“([^”]+)”/g)?.map((q) => q.slice(1, -1)) ?? [];
      assert.ok(read.evidence, 'it says why');
      for (const w of words) assert.ok(!common.includes(w), `“${w}” in ${read.evidence}`);
    }
    for (const [kind, features] of Object.entries(KIND_MODEL.telling)) {
      for (const w of common) assert.ok(!features.includes(`w:${w}`) && !features.includes(`h:${w}`), `${w} tells of ${kind}`);
    }
  });

  it('names each kind of feature in words', () => {
    assert.deepEqual(['h:motivation', 'w:rfc', 'fm:speaker', 'shape:slides', 'shape:prose', 'slides:<2', 'slides:20+', 'headings:5-9'].map(describeFeature), [
      '“motivation” in a heading',
      '“rfc”',
      "the front matter's `speaker`",
      'slides',
      'prose with headings',
      'fewer than 2 slides',
      '20 or more slides',
      '5-9 headings',
    ]);
  });

  it('reads features once each, from the title, headings, text, front matter keys and shape, never the kind key', () => {
    const f = kindFeatures(kindText(parseDeck(`---\ntitle: Road notes\nkind: talk\nspeaker: Ana\n---\n\n# Road notes\n\nThe road, the road.\n`)));
    assert.ok(f.includes('h:road') && f.includes('w:road') && f.includes('fm:speaker') && f.some((x) => x.startsWith('shape:')));
    assert.ok(!f.includes('fm:kind'));
    assert.ok(!f.some((x) => x.startsWith('sign:')), 'the reader is asked only where no sign names a kind: the sign is no feature of it');
    assert.equal(f.length, new Set(f).size);
  });

  it('reads how a document is written, not only which words it has: pronouns, tense, questions, notes, lists, money (`s:`, docs/judgement.md, session 15)', () => {
    const slide = `## What I do now\n\nI was wrong about this for years. I wrote the test, then the code, and I was proud of it. Have you ever deleted a test you loved?\n\n<!-- Pause here. Ask the room who has. -->\n\n- Try the change\n- Write the test\n- Keep it if it fails once\n`;
    const talk = (n: number) => `# Why I stopped writing tests first\n\n---\n\n${Array(n).fill(slide).join('\n---\n\n')}`;
    const style = (text: string) => kindFeatures(kindText(parseDeck(text))).filter((f) => f.startsWith('s:'));
    const t = style(talk(6));
    for (const f of ['s:i>=1.5', 's:you>=0.6', 's:past>=1.1', 's:question>=0.06', 's:notes>=0.75', 's:imperative>=0.08', 's:list>=0.67', 's:hwh>=0.5', 's:hwe>=0.33'])
      assert.ok(t.includes(f), `${f} in ${t.join(' ')}`);
    assert.ok(!t.some((f) => /^s:(?:money|percent|year|month|should|code|tables|sentence)/.test(f)), t.join(' '));
    assert.deepEqual(style(talk(2)), [], 'under 150 words of text a rate is noise: no style is read');
    const para = `We ask for $240,000 to run the pilot in March 2026; it should cut call waits by 30% and must report to the board by June 2026.`;
    const a = style(`# Budget for the 2026 pilot\n\n${Array(8).fill(para).join('\n\n')}\n\n| Item | Cost |\n|---|---|\n| Staff | $180,000 |\n`);
    for (const f of ['s:money>=1.2', 's:percent>=0.6', 's:year>=1.2', 's:month>=1.5', 's:should>=0.45', 's:we>=3.4', 's:number>=10', 's:tables>=1', 's:sentence>=18.5'])
      assert.ok(a.includes(f), `${f} in ${a.join(' ')}`);
    assert.ok(!a.some((f) => /^s:(?:i|you|past|question|notes|imperative)>/.test(f)), a.join(' '));
    assert.ok(
      Object.keys(KIND_MODEL.weights).some((f) => f.startsWith('s:')),
      'the shipped reader weighs style',
    );
    for (const fs of Object.values(KIND_MODEL.telling)) assert.ok(!fs.some((f) => f.startsWith('s:')), 'what a writer is shown as evidence is what the document says, not its style');
    assert.equal(describeFeature('s:we>=1.4'), 'its style (we at least 1.4)');
  });

  it('reads the style of a long run of `?` or `.` that no space ends in time linear in its length (the sentence-end scan, not quadratic)', () => {
    const features = (n: number) => kindFeatures(kindText(parseDeck(`# Notes\n\n${'?'.repeat(n)}x and ${'.'.repeat(n)}y\n`)));
    features(1000);
    const started = performance.now();
    features(100_000);
    const ms = performance.now() - started;
    assert.ok(ms < 1000, `${Math.round(ms)} ms for 200,000 marks (a scan from each one took over ten seconds)`);
    const s = styleMeasures({
      title: '',
      headings: [],
      body: ['Why? Really?! It ends... here?x No.'],
      frontMatterKeys: [],
      slides: 1,
      prose: true,
      counts: { paragraphs: 1, listItems: 0, quotes: 0, tables: 0, code: 0, images: 0, links: 0, notes: 0 },
    });
    assert.equal(s.sentence, 7 / 4, 'four ends: "?", "?!", "..." and "."; "?x" is none');
    assert.equal(s.question, 2 / 4);
  });

  it('counts a year before a stop or a comma, a question inside quotes, and a link with an address once (the style measures)', () => {
    const none = { paragraphs: 1, listItems: 0, quotes: 0, tables: 0, code: 0, images: 0, links: 0, notes: 0 };
    const measure = (body: string) => styleMeasures({ title: '', headings: [], body: [body], frontMatterKeys: [], slides: 1, prose: true, counts: none });
    const y = measure('We shipped it in 2024. It was 2025, and then 2026; the 1,000th user came at 3.5 weeks.');
    assert.equal(y.year, (100 * 3) / y.words, 'three years, whatever follows them');
    assert.equal(y.number, (100 * 5) / y.words);
    const q = measure('“Why?” she asked. Then: “really?” (Yes!)');
    assert.equal(q.question, 2 / 4, 'four sentences, two of them ask');
    assert.equal(q.exclaim, 1 / 4);
    const links = (text: string) => kindText(parseDeck(text)).counts.links;
    assert.equal(links('# T\n\nSee [the RFC](https://example.com/rfc), [notes](./notes.md) and https://example.org.\n'), 3);
  });

  it('counts what a report says happened and the period it reports on (the style measures `did` and `period`)', () => {
    const none = { paragraphs: 1, listItems: 0, quotes: 0, tables: 0, code: 0, images: 0, links: 0, notes: 0 };
    const measure = (body: string) => styleMeasures({ title: '', headings: [], body: [body], frontMatterKeys: [], slides: 1, prose: true, counts: none });
    const report = measure('This year we shipped the checkout, we’ve hired two people and they grew the team. Over the past months it became stable, and it has held so far.');
    assert.equal(report.did, (100 * 5) / report.words, '"we shipped", "we’ve hired", "they grew", "it became", "has held"');
    assert.equal(report.period, (100 * 3) / report.words, '"this year", "over the past", "so far"');
    const plan = measure('The proposed change is expected to land; we need the shared index, which will be deprecated next year.');
    assert.equal(plan.did, 0, 'participles and adjectives after no subject, and "we need", are no report');
    assert.equal(plan.period, 0, '"next year" is a plan, not a period reported on');
  });

  it('takes a run of letters over 31 long as no word, whole, never as two words split at the 31st letter', () => {
    const run = 'abcdefghijklmnopqrstuvwxyzabcdefghijklmn'; // 40 letters: a token, a hash, words run together
    const f = kindFeatures(kindText(parseDeck(`# Notes\n\nThe key ${run} is rotated, ${run.slice(0, 31)} kept.\n`)));
    assert.deepEqual(
      f.filter((x) => x.startsWith('w:')).sort(),
      ['w:abcdefghijklmnopqrstuvwxyzabcde', 'w:kept', 'w:key', 'w:rotated', 'w:the'],
      'the 31-letter word counts; nothing of the 40-letter run does',
    );
  });

  it('ships no `sign:` row: the rows of a feature only documents no sign names could never have are folded away', () => {
    assert.ok(!Object.keys(KIND_MODEL.weights).some((f) => f.startsWith('sign:')));
    for (const fs of Object.values(KIND_MODEL.telling)) assert.ok(!fs.some((f) => f.startsWith('sign:')));
  });

  it('keeps its weights small and well formed: one row per feature, one weight per built-in kind', () => {
    const size = statSync(join(__dirname, '../../../src/core/story/kindWeights.json')).size;
    assert.ok(size <= 60 * 1024, `${size} bytes`);
    assert.deepEqual([...KIND_MODEL.kinds].sort(), Object.keys(BUILTIN_KINDS).sort());
    assert.equal(KIND_MODEL.bias.length, KIND_MODEL.kinds.length);
    assert.ok(KIND_MODEL.unsure.threshold > 0 && KIND_MODEL.unsure.threshold < 1 && KIND_MODEL.unsure.pitchPrior >= 0);
    for (const kind of KIND_MODEL.kinds) assert.ok(KIND_MODEL.telling[kind].length > 0 && KIND_MODEL.telling[kind].every((f) => f in KIND_MODEL.weights), kind);
    const rows = Object.entries(KIND_MODEL.weights);
    assert.ok(rows.length >= 100, `${rows.length} features`);
    for (const [feature, row] of rows) {
      assert.match(feature, /^(?:h|w|fm|shape|slides|headings|s):./);
      assert.equal(row.length, KIND_MODEL.kinds.length, feature);
      assert.ok(row.every(Number.isFinite), feature);
    }
  });

  describe('an unsure reading: each beat expected as likely as the kinds that expect it (docs/judgement.md, session 13)', () => {
    const SHIPPED = { threshold: 0.5, pitchPrior: 0.3 };
    const p = (scores: Record<string, number>) => Object.entries(scores).map(([kind, prob]) => ({ kind, p: prob }));
    /** A report that leans to an update and a proposal, with a pitch not far behind, that no sign names. */
    const UNSURE = `# Where search goes next\n\n## Where we are\n\nSearch shipped its ranking rewrite last quarter and progress on latency has been steady. We shipped two more releases since the last update.\n\n## What we propose\n\nWe propose to move the index to a columnar store. This proposal changes the write path; comments welcome.\n\n## Open questions\n\nWho owns the migration?\n\n## Rollout\n\nBehind a flag, one region at a time.\n`;

    it('ships the measured settings', () => {
      assert.deepEqual(KIND_MODEL.unsure, SHIPPED);
    });

    it('a reader split between an update and a proposal expects what either expects and a pitch does too, not the beats only a pitch wants', () => {
      assert.deepEqual(expectedProfile(p({ update: 0.5, proposal: 0.5 }), BUILTIN_KINDS, SHIPPED), { expects: ['why', 'pain', 'outcome', 'ask'], beforeWhat: ['why', 'pain'] });
      // Without the pitch's prior and above an even split, only what both expect: an update and a proposal share no beat.
      assert.deepEqual(expectedProfile(p({ update: 0.5, proposal: 0.5 }), BUILTIN_KINDS, { threshold: 0.6, pitchPrior: 0 }), { expects: [], beforeWhat: [] });
      assert.deepEqual(expectedProfile(p({ strategy: 0.5, proposal: 0.5 }), BUILTIN_KINDS, { threshold: 0.6, pitchPrior: 0 }).expects, ['why']);
    });

    it('a sure reading gives that kind’s expectations, and a beat is left out only when the kinds that do not expect it are 65% likely', () => {
      assert.deepEqual(expectedProfile(p({ proposal: 0.8, pitch: 0.1, talk: 0.1 }), BUILTIN_KINDS, SHIPPED), BUILTIN_KINDS.proposal);
      assert.deepEqual(expectedProfile(p({ update: 0.66, pitch: 0.34 }), BUILTIN_KINDS, SHIPPED), BUILTIN_KINDS.update);
      assert.deepEqual(expectedProfile(p({ update: 0.64, pitch: 0.36 }), BUILTIN_KINDS, SHIPPED), BUILTIN_KINDS.pitch);
      assert.deepEqual(expectedProfile(p({ pitch: 0.4, talk: 0.3, update: 0.3 }), BUILTIN_KINDS, SHIPPED), BUILTIN_KINDS.pitch);
      assert.deepEqual(expectedProfile(p({ pitch: 0.3, talk: 0.3, update: 0.4 }), BUILTIN_KINDS, SHIPPED).expects, ['why', 'pain', 'value', 'outcome']);
      // An exec ask's order (the business case may come first) only when it is likely enough.
      assert.deepEqual(expectedProfile(p({ 'exec-ask': 0.7, pitch: 0.3 }), BUILTIN_KINDS, SHIPPED).beforeWhat, ['why', 'pain', 'business']);
      assert.deepEqual(expectedProfile(p({ 'exec-ask': 0.2, pitch: 0.8 }), BUILTIN_KINDS, SHIPPED).beforeWhat, ['why', 'pain']);
    });

    it('a narrative the reader is unsure of gets the beats its likely kinds expect, and says which kinds and why', () => {
      const deck = parseDeck(UNSURE);
      assert.equal(inferKind(deck), undefined, 'no sign names it');
      const kind = readKind(deck);
      // The proposal and the update are about as likely (their order moves with each retrain): only the leader's place is fixed.
      assert.deepEqual([kind.id, kind.source, kind.likely?.[0], [...(kind.likely ?? [])].sort()], ['pitch', 'guessed', 'pitch', ['pitch', 'proposal', 'update']]);
      const [, second, third] = kind.likely ?? [];
      // Whatever their order after a retrain, it is the reader's: the likelier of the two is named first.
      const p = new Map(scoreKinds(kindFeatures(kindText(deck)), KIND_MODEL).map((s) => [s.kind, s.p]));
      assert.ok((p.get(second) ?? 0) >= (p.get(third) ?? 0), `${second} (${p.get(second)}) is named before ${third} (${p.get(third)})`);
      const a = (k: string) => `${/^[aeiou]/.test(k) ? 'an' : 'a'} ${k}`;
      const likelyNames = `a pitch, ${a(second)} or ${a(third)}`;
      // What the likely kinds expect is the reader's guess. The strategic tie-in sits on the line (its kinds just over half likely
      // with session 16's 20-set reader, 0.49 after session 17's 21-set retrain, 0.51 after its `did`/`period` retrain), so the
      // test takes it from the reading; the business case, which only a pitch and an exec ask expect, is far from it: read as a
      // pitch, as before, the report was asked for it too.
      const { expects, beforeWhat } = kind.profile;
      for (const beat of ['why', 'pain', 'value', 'outcome', 'ask'] as const) assert.ok(expects.includes(beat), beat);
      assert.ok(!expects.includes('business'));
      assert.deepEqual(beforeWhat, ['why', 'pain']);
      const { findings } = lintText(UNSURE);
      const missing = findings.filter((f) => f.missingBeat);
      // It tells no beat but the solution, so it is asked for exactly what its likely kinds expect.
      assert.deepEqual(missing.map((f) => f.missingBeat).sort(), [...expects].sort());
      for (const f of missing) {
        assert.equal(f.severity, 'info');
        assert.match(f.message, new RegExp(`\\(Read as ${likelyNames}, guessed from “[^”]+”.*: nothing names its kind\\. If it is another kind, set \`kind:\`\\.\\)`));
      }
      // Keeping the beat is naming the most likely of those kinds that expects it.
      assert.equal(missing.find((f) => f.missingBeat === 'outcome')?.guessedKind, 'pitch');
      assert.equal(
        kindChoices(
          missing.find((f) => f.missingBeat === 'outcome')!,
          kindTable(),
        ).at(-1),
        'pitch',
      );
      const story = readStory(deck);
      assert.match(
        formatOutline(deck, story),
        new RegExp(`Read as: pitch, ${second} or ${third} \\(unsure, guessed from “[^”]+”.*: expects the beats these are likely to expect; set \`kind:\` to change\\)`),
      );
      assert.ok(formatOutline(deck, story).includes(`Missing for ${likelyNames}: `));
      assert.equal(storyTree(deck, findings, story).find((g) => g.beat === 'business')?.description, `not expected (read as ${likelyNames})`);
    });

    it('a missing beat of an unsure reading names, for keeping it, the most likely of its kinds that expects it', () => {
      // Update 0.63, proposal 0.23, pitch 0.14; with the pitch's prior 0.48, 0.18 and 0.34.
      const model: KindModel = { kinds: ['pitch', 'update', 'proposal'], bias: [0, 1.5, 0.5], weights: {}, telling: { pitch: [], update: [], proposal: [] } };
      const kind = guessKind(parseDeck(`# Notes\n\n${'Some text of the notes, long enough to be read. '.repeat(6)}\n`), BUILTIN_KINDS, { ...model, unsure: SHIPPED });
      assert.ok(kind);
      assert.deepEqual([kind.id, kind.likely], ['update', ['update', 'pitch', 'proposal']]);
      assert.deepEqual(kind.profile.expects, ['why', 'pain', 'outcome', 'ask']);
      assert.equal(kind.evidence, '', 'nothing tells of a kind: the messages say “its words”');
      assert.equal(guessedFor(kind, 'outcome', BUILTIN_KINDS), 'update');
      assert.equal(guessedFor(kind, 'ask', BUILTIN_KINDS), 'pitch');
    });
  });
});
