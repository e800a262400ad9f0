import assert from 'node:assert/strict';
import { parseDeck } from '../../../src/core/deck';
import { lintText } from '../../../src/core/lint';
import { beatReason, formatOutline, outline, readStory, slideReading, storyTree } from '../../../src/core/story';
import { bestScore, doubtLine, sections, statsFeatures } from '../../../src/core/story/sectionModel';
import { wallNeedsStory } from '../../../src/core/story/story';
import weights from '../../../src/core/story/sectionWeights.json';

const deckOf = (problem: string, marker = '') =>
  `---\nkind: proposal\n---\n\n# Faster releases\n\n## Motivation\n${marker}\n${problem}\n\n## Proposal\n\nOne release page that collects the approvals.\n\n## Decision\n\nApprove two engineers for the release page, starting March 1; Priya leads it.\n`;
const GENERAL = 'Teams lose time to a manual release process: it requires approvals in several tools, and feedback on issues is slow.';
const TOLD = 'Last Tuesday Ana, a release engineer, waited four hours for approvals in three tools and missed the evening release: "I just sat there refreshing," she said.';
const painFindings = (text: string) => lintText(text, {}, { file: 'p.md' }).findings.filter((f) => f.ruleId === 'customer-pain');

describe('a learned doubt about the pain the reading found (sectionModel.ts)', () => {
  it('asks about a general statement of a problem: the beat is not there, and the rule asks a question quoting it', () => {
    const text = deckOf(GENERAL);
    const story = readStory(parseDeck(text));
    assert.equal(story.beats.pain.present, false);
    assert.equal(story.beats.pain.uncertain?.words, GENERAL);
    assert.ok(story.missing.includes('pain'));
    const [finding, ...rest] = painFindings(text);
    assert.deepEqual(rest, []);
    assert.equal(finding.severity, 'info');
    assert.equal(finding.line, story.beats.pain.uncertain?.line);
    assert.match(
      finding.message,
      /^Is this a customer’s struggle\? “Teams lose time to a manual release process.*” reads as a general statement: tell one person’s story \(who, what happened, what it cost them\)/,
    );
  });

  it('does not doubt a told story: one person, what happened, what it cost', () => {
    const text = deckOf(TOLD);
    const story = readStory(parseDeck(text));
    assert.equal(story.beats.pain.present, true);
    assert.equal(story.beats.pain.uncertain, undefined);
    assert.deepEqual(painFindings(text), []);
  });

  it('takes the writer’s word: a slide marked <!-- beat: pain --> settles it', () => {
    const text = deckOf(GENERAL, '\n<!-- beat: pain -->\n');
    const story = readStory(parseDeck(text));
    assert.equal(story.beats.pain.present, true);
    assert.equal(story.beats.pain.evidence?.words, GENERAL, 'the words the reading found stay its evidence');
    assert.deepEqual(painFindings(text), []);
  });

  it('scores the sections: the general statement’s best section is below the threshold, the told story’s above', () => {
    const model = weights.beats.pain;
    for (const [problem, doubted] of [
      [GENERAL, true],
      [TOLD, false],
    ] as const) {
      const deck = parseDeck(deckOf(problem));
      const found = readStory(deck).beats.pain;
      assert.equal(bestScore(sections(deck, 'pain', found.evidence ?? found.uncertain), model) < model.threshold, doubted, problem);
    }
  });

  it('is shown alike by the outline, the Story view and the slide hover', () => {
    const deck = parseDeck(deckOf(GENERAL));
    const story = readStory(deck);
    const u = story.beats.pain.uncertain!;
    const line = doubtLine('pain', GENERAL);
    assert.match(line, /^pain\? — “Teams lose time .*” reads as a general statement$/);
    assert.deepEqual(outline(deck, story).uncertain, { pain: u });
    assert.ok(!('pain' in outline(deck, story).evidence));
    const text = formatOutline(deck, story);
    assert.ok(text.includes(`${line} (slide ${u.slide}, line ${u.line})`), text);
    assert.doesNotMatch(text, /Missing for a proposal: .*pain/);
    const group = storyTree(deck, [], story).find((g) => g.beat === 'pain')!;
    assert.equal(group.description, line);
    assert.match(beatReason(story, 'pain'), /^Found on slide \d+, line \d+, but in doubt\. Is this a customer’s struggle\?/);
    const slide = deck.slides[u.slide - 1];
    assert.deepEqual(slideReading(deck, story, slide.titleLine)?.doubts, [`${line} (line ${u.line})`]);
    // The preview's badge sits on the slide that holds the rule's finding: the slide the doubt names.
    const [finding] = painFindings(deck.text);
    assert.ok(finding.line >= slide.line && finding.line <= slide.endLine);
  });

  it('shows no doubt where the kind does not expect the beat: the outline, the Story view and the hover agree with lint', () => {
    const config = { kind: 'memo', kinds: { memo: { expects: ['what' as const], beforeWhat: [] } } };
    const text = deckOf(GENERAL).replace('kind: proposal', 'kind: memo');
    const deck = parseDeck(text);
    const story = readStory(deck, config);
    assert.ok(story.beats.pain.uncertain, 'the reading still doubts the pain');
    assert.deepEqual(story.missing, []);
    assert.deepEqual(
      lintText(text, config, { file: 'p.md' }).findings.filter((f) => f.ruleId === 'customer-pain'),
      [],
      'lint asks nothing',
    );
    assert.deepEqual(outline(deck, story).uncertain, {});
    assert.match(formatOutline(deck, story), /Every beat a memo needs is there\.$/);
    assert.doesNotMatch(formatOutline(deck, story), /pain\?/);
    const group = storyTree(deck, [], story).find((g) => g.beat === 'pain')!;
    assert.doesNotMatch(String(group.description), /pain\?/);
    assert.doesNotMatch(beatReason(story, 'pain'), /in doubt/);
    assert.deepEqual(slideReading(deck, story, deck.slides[story.beats.pain.uncertain!.slide - 1].titleLine)?.doubts, []);
  });

  it('has weights of the expected shape: a bias, a threshold, and a few thousand features of words and readings', () => {
    const { pain } = weights.beats;
    assert.deepEqual(Object.keys(weights.beats), ['pain']);
    assert.equal(pain.threshold, 0.3);
    assert.ok(Number.isFinite(pain.bias) && pain.bias < 0, 'most sections tell no pain');
    const entries = Object.entries(pain.weights as Record<string, number>);
    assert.ok(entries.length > 500 && entries.length < 8000, `${entries.length} features`);
    for (const [f, w] of entries) assert.ok(/^(?:[hw]:\S+|r:[a-z+-]+)$/.test(f) && Number.isFinite(w) && w !== 0, f);
    assert.ok((pain.weights as Record<string, number>)['r:found'] > 0.5, 'the reading’s own evidence counts for the beat');
  });
});

describe('a learned check on the walls of numbers stats-without-story reports (sectionModel.ts, story.ts)', () => {
  /** A release's measurements: figures about the work, not evidence a story must carry. */
  const BENCHMARK = `# Release 2.0\n\n## What changed\n\nThe new parser was merged this week: it reads a 40 MB file in 1.2 s, down from 3.4 s.\nPeak memory is now 180 MB, which was 410 MB.\nThe test suite runs in 95 s on one core.\n`;
  /** The business case told as figures alone. */
  const BUSINESS = `# Why we need funding\n\n## The business case\n\nRevenue fell 18% last year to $4.2M, while costs rose 11% to $3.9M.\nChurn reached 7.5% a month across 1,200 accounts.\nThe median deal size shrank from $14,000 to $9,500.\nSupport costs per account rose from $310 to $480.\n`;
  const walls = (text: string, learned?: boolean) =>
    lintText(text, { kind: 'proposal', ...(learned === undefined ? {} : { rules: { 'stats-without-story': { learned } } }) }, { file: 'w.md' }).findings.filter(
      (f) => f.ruleId === 'stats-without-story',
    );

  it('holds back a benchmark-like wall that the rule with its check off reports', () => {
    const [reported, ...rest] = walls(BENCHMARK, false);
    assert.deepEqual(rest, []);
    assert.match(reported.message, /^Slide 2 is a wall of numbers \(6 figures\)/, 'the hand-written rule reports it');
    assert.deepEqual(walls(BENCHMARK), []);
    assert.equal(wallNeedsStory(parseDeck(BENCHMARK), 2, undefined, 6), false);
  });

  it('keeps a wall of business figures', () => {
    const [finding, ...rest] = walls(BUSINESS);
    assert.deepEqual(rest, []);
    assert.match(finding.message, /^Slide 2 is a wall of numbers \(10 figures\)/);
    assert.equal(wallNeedsStory(parseDeck(BUSINESS), 2, undefined, 10), true);
  });

  it('reads what the rule sees there: the figures binned, a table or a list, a slide or a section, the beats its heading names', () => {
    const f = statsFeatures(parseDeck(BUSINESS), 2, undefined, 10);
    for (const x of ['s:figures:3', 's:slide', 's:beat:business', 'w:revenue', 'h:business']) assert.ok(f.includes(x), x);
    assert.ok(!f.includes('s:table') && !f.includes('s:list'));
    assert.deepEqual(statsFeatures(parseDeck(BUSINESS), 9, undefined, 10), [], 'no such slide: nothing to read');
  });

  it('has weights of the expected shape: a bias, the threshold chosen, features of words, readings and the rule’s view', () => {
    const { stats } = weights;
    assert.equal(stats.threshold, 0.4);
    assert.ok(Number.isFinite(stats.bias) && stats.bias > 0, 'most walls the rule reports are ones the labellers agree with');
    const entries = Object.entries(stats.weights as Record<string, number>);
    assert.ok(entries.length > 100 && entries.length < 4000, `${entries.length} features`);
    for (const [f, w] of entries) assert.ok(/^(?:[hw]:\S+|r:[a-z+-]+|s:[a-z]+(?::[a-z0-9]+)?)$/.test(f) && Number.isFinite(w) && w !== 0, f);
    assert.ok((stats.weights as Record<string, number>)['s:figures:1'] < 0, 'a short wall (four or five figures) needs a story less');
  });
});
