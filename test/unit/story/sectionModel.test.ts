import assert from 'node:assert/strict';
import { parseDeck } from '../../../src/core/deck';
import { lintText } from '../../../src/core/lint';
import { beatReason, formatOutline, outline, readStory, slideReading, storyTree } from '../../../src/core/story';
import { bestScore, doubtLine, sections } from '../../../src/core/story/sectionModel';
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
