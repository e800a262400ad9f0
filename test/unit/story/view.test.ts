import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BEAT_IDS, parseDeck } from '../../../src/core/deck';
import { lint } from '../../../src/core/lint';
import { beatReason, clock, readStory, slideReading, storyStatusText, storyStatusTooltip, storySummary, storyTree } from '../../../src/core/story';
import { beatSkeleton } from '../../../src/core/scaffold';

const TOWN_HALL = readFileSync('examples/town-hall.md', 'utf8');

describe('story status', () => {
  it('counts the beats, the time against the duration and the findings', () => {
    const deck = parseDeck(TOWN_HALL);
    const summary = storySummary(deck, lint(deck), readStory(deck));
    assert.equal(summary.kind, 'town-hall');
    assert.deepEqual(summary.present, ['why', 'pain', 'value', 'strategy', 'outcome', 'ask'], 'the beats a town hall needs');
    assert.equal(summary.plannedSeconds, 8 * 60);
    assert.equal(storyStatusText(summary), `6/6 beats · ${clock(deck.estimatedSeconds)} of 8:00 · 0 findings`);
    assert.match(storyStatusTooltip(summary), /^Every beat a town-hall needs is there\.\nAbout \d+:\d\d of speaking for a 8:00 slot\.$/);
  });

  it('leaves out beats whose slide is still a skeleton, and lists them as missing', () => {
    const text = `---\nstorydeck: true\n---\n\n# Handover\n\n---\n\n${beatSkeleton('pain')}\n\n---\n\n## Why we exist\n\nWe believe every nurse deserves a calm handover.\n`;
    const deck = parseDeck(text);
    const findings = lint(deck);
    const summary = storySummary(deck, findings, readStory(deck));
    assert.deepEqual(summary.present, ['why']);
    assert.deepEqual(summary.missing, ['pain', 'value', 'business', 'strategy', 'outcome', 'ask']);
    assert.deepEqual(
      summary.missing,
      findings.flatMap((f) => f.missingBeat ?? []).sort((a, b) => BEAT_IDS.indexOf(a) - BEAT_IDS.indexOf(b)),
      'the beats lint reports missing, no more and no fewer',
    );
    assert.equal(summary.plannedSeconds, undefined);
    assert.equal(storyStatusText(summary), `1/7 beats · ${clock(deck.estimatedSeconds)} · ${findings.length} findings`);
    assert.match(storyStatusTooltip(summary), /^Missing beats: customer pain, what changes for them, business value, strategic fit, how we’ll know, the ask\.\n.*set `duration`/);
  });

  it('says when the talk runs over', () => {
    const deck = parseDeck(TOWN_HALL.replace('duration: 8m', 'duration: 1m'));
    const summary = storySummary(deck, lint(deck), readStory(deck));
    assert.match(storyStatusText(summary), / of 1:00 · 1 finding$/);
    assert.match(storyStatusTooltip(summary), /for a 1:00 slot: too long\.$/);
  });

  it('formats times as m:ss', () => {
    assert.deepEqual([0, 9, 60, 390, 3599.6].map(clock), ['0:00', '0:09', '1:00', '6:30', '60:00']);
  });
});

describe('story tree', () => {
  it('groups slides by beat in why-before-what order, then the slides without one', () => {
    const deck = parseDeck(TOWN_HALL);
    const tree = storyTree(deck, [], readStory(deck));
    assert.deepEqual(
      tree.map((g) => g.label),
      ['Why', 'Customer pain', 'What changes for them', 'Business value', 'Strategic fit', 'The solution', 'The plan', 'How we’ll know', 'The ask', 'No beat'],
    );
    assert.deepEqual(
      tree.map((g) => g.beat),
      [...BEAT_IDS, undefined],
    );
    assert.match(tree[1].tooltip ?? '', /<!-- beat: pain -->/);
    assert.deepEqual(
      tree.map((g) => g.children.map((c) => c.label)),
      [
        ['2. Why we exist'],
        ['3. Meet Maria'],
        ['4. What changes for Maria'],
        ['5. Why it matters for the business'],
        ['6. Where this fits'],
        ["7. What we're building"],
        ["8. How we'll get there"],
        ["9. How we'll know it worked"],
        ['10. What we need from you'],
        ["1. Handoffs that don't drop patients"],
      ],
    );
    const why = tree[0].children[0];
    assert.equal(why.kind, 'slide');
    assert.equal(why.line, deck.slides[1].titleLine);
    assert.equal(why.description, clock(deck.slides[1].estimatedSeconds));
  });

  it('puts each finding under the slide it is on, and front matter findings first', () => {
    const text = TOWN_HALL.replace('theme: light', 'theem: light').replace('## What we need from you', '## What we need from you\n\nWe need to leverage synergy.');
    const deck = parseDeck(text);
    const findings = lint(deck);
    assert.ok(findings.length >= 2);
    const tree = storyTree(deck, findings, readStory(deck));
    assert.equal(tree[0].label, 'Front matter');
    assert.deepEqual(
      tree[0].children.map((c) => c.kind === 'finding' && c.finding.ruleId),
      ['front-matter'],
    );
    const ask = tree.find((g) => g.beat === 'ask')!.children[0];
    assert.equal(ask.kind, 'slide');
    const onAsk = findings.filter((f) => f.line >= deck.slides[9].line);
    assert.ok(onAsk.length > 0);
    assert.deepEqual(
      ask.children.map((c) => c.finding),
      onAsk,
    );
    assert.match(ask.description, new RegExp(`· ${onAsk.length} findings?$`));
    // Every finding is in the tree.
    const listed = tree.flatMap((g) => g.children.flatMap((c) => (c.kind === 'finding' ? [c.finding] : c.kind === 'slide' ? c.children.map((f) => f.finding) : [])));
    for (const f of findings) assert.ok(listed.includes(f), `${f.ruleId} on line ${f.line}`);
  });

  it('marks missing beats and beats whose slide is still to write; a slide playing two beats is under both', () => {
    const text = `# Handover\n\n---\n\n${beatSkeleton('pain')}\n\n---\n\n<!-- beat: why ask -->\n## Why, and our ask\n\nWe believe in calm handovers. Approve the pilot by Friday, Priya.\n`;
    const deck = parseDeck(text);
    const tree = storyTree(deck, [], readStory(deck));
    const by = Object.fromEntries(tree.map((g) => [g.beat ?? g.label, g]));
    assert.equal(by.pain.description, 'to write');
    assert.equal(by.pain.children[0].description, 'to write');
    assert.equal(by.value.description, 'missing');
    assert.equal(by.how.description, 'not needed for a pitch');
    assert.deepEqual(by.value.children, []);
    assert.deepEqual([by.why.children[0].label, by.ask.children[0].label], ['3. Why, and our ask', '3. Why, and our ask']);
    assert.deepEqual(
      by['No beat'].children.map((c) => c.label),
      ['1. Handover'],
    );
  });
});

describe('why the reading says so (tooltips and hovers)', () => {
  const deck = parseDeck(TOWN_HALL);
  const story = readStory(deck);

  it('gives a beat that is there its slide, line and the words that decided, in the Story view too', () => {
    const pain = story.beats.pain.evidence!;
    assert.equal(pain.slide, 3);
    assert.equal(beatReason(story, 'pain'), `Read on slide 3, line ${pain.line}: “${pain.words}”. Not what you meant? Mark the slide that plays it with <!-- beat: pain -->.`);
    assert.equal(storyTree(deck, [], story)[1].tooltip, `Customer pain (pain). ${beatReason(story, 'pain')}`);
  });

  it('says how to mark a beat no slide plays', () => {
    const bare = parseDeck('---\nstorydeck: true\n---\n\n# Handover\n\n---\n\n## Why we exist\n\nWe believe every nurse deserves a calm handover.\n');
    assert.match(beatReason(readStory(bare), 'pain'), /^No slide plays it as StoryDeck reads the words; a slide marked <!-- beat: pain --> plays it/);
  });

  it('reads a slide from its title line: the beats it plays, with the deciding words when they are on it', () => {
    const slide = deck.slides[2];
    const reading = slideReading(deck, story, slide.titleLine);
    assert.deepEqual(reading, {
      slide: 3,
      beats: [{ beat: 'pain', title: 'Customer pain', evidence: { line: story.beats.pain.evidence!.line, words: `“${story.beats.pain.evidence!.words}”` } }],
      doubts: [],
    });
    assert.deepEqual(slideReading(deck, story, deck.slides[0].titleLine), { slide: 1, beats: [], doubts: [] }, 'the title slide plays no beat');
    assert.equal(slideReading(deck, story, slide.titleLine + 1), undefined, 'only a title line');
  });

  it('shortens long deciding words', () => {
    const long = `## The problem\n\nMaria, a night nurse, ${'copies vitals from three screens by hand and '.repeat(6)}loses an hour every shift.\n`;
    const d = parseDeck(`---\nstorydeck: true\n---\n\n${long}`);
    const words = slideReading(d, readStory(d), d.slides[0].titleLine)?.beats.find((b) => b.beat === 'pain')?.evidence?.words ?? '';
    assert.ok(words.length <= 142 && words.endsWith('…”'), words);
  });
});
