import assert from 'node:assert/strict';
import { parseDeck } from '../../../src/core/deck';
import { lintText } from '../../../src/core/lint';
import { beatArgument, coachPrompt, reviewFromRules } from '../../../src/core/agent/coach';
import { lintResult, outlineResult } from '../../../src/core/agent/tools';
import { beatReason, formatOutline, outline, readStory, slideReading, storyStatusTooltip, storySummary, storyTree } from '../../../src/core/story';
import { bestScore, doubtLine, sections, statsFeatures } from '../../../src/core/story/sectionModel';
import { wallNeedsStory } from '../../../src/core/story/story';
import weights from '../../../src/core/story/sectionWeights.json';

/** Sections that tell no beat a scorer checks: they make a narrative long enough for the scorers to speak on (300 words). */
const BACKGROUND = `## Background

The platform group runs forty services in three regions for the product teams, from the payment gateway to the search index. Each service has its own repository, its own build and its own owners, and most of them release every week. The services differ in size, language and age, and they share the same release steps. The release page would serve all of them, starting with the few services that release most often.

## How the page works

The page reads the change from the tracker, shows the build and its test results, and lists the approvals the change needs according to its risk class. Each approval is given on the page itself, which keeps the record of who approved what and when. When every approval is in, the page opens the deployment window on the change calendar and posts a note in the release channel.

## Scope

The risk classes, the approvers and the deployment windows are kept as they are; the page only gathers them in one place. The checklist is moved into the page, versioned with it and changed through review like any other code, and the old wiki pages are archived with a link to the page.

## Plan

We will build it in two stages. The first stage covers the services of the platform group, which carry most of the traffic and most of the releases; the second covers the rest once the first has run for a month without manual fixes.
`;
/** A sentence beside the problem that says no more about it. */
const CONTEXT = 'However, the information needed to judge a release is available only in pieces.';
const PLAIN_ASK = 'Approve two engineers for the release page, starting March 1; Priya leads it.';
/** A narrative of `kind` long enough for the scorers (`short`: without the background, a short one), ending with `more`. */
const narrative = (kind: string, problem: string, more: string, { marker = '', short = false } = {}) =>
  `---\nkind: ${kind}\n---\n\n# Faster releases\n\n## Motivation\n${marker}\n${problem}\n\n${CONTEXT}\n\n## Proposal\n\nOne release page that collects the approvals.\n\n${short ? '' : BACKGROUND}\n${more}\n`;
const deckOf = (problem: string, marker = '', short = false) => narrative('proposal', problem, `## Decision\n\n${PLAIN_ASK}`, { marker, short });
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

  it('says nothing about a short narrative: its sections have too few words to compare (300 words at least)', () => {
    const text = deckOf(GENERAL, '', true);
    assert.ok((text.match(/\S+/g) ?? []).length < weights.beats.pain.minWords);
    const story = readStory(parseDeck(text));
    assert.equal(story.beats.pain.present, true);
    assert.equal(story.beats.pain.uncertain, undefined);
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

  it('is shown in doubt, not missing, by the status bar tooltip and the coach, in the outline’s words', () => {
    const text = deckOf(GENERAL);
    const deck = parseDeck(text);
    const story = readStory(deck);
    const u = story.beats.pain.uncertain!;
    const line = `${doubtLine('pain', GENERAL)} (slide ${u.slide}, line ${u.line})`;
    assert.ok(formatOutline(deck, story).split('\n').includes(line), 'the outline’s line');
    const tooltip = storyStatusTooltip(storySummary(deck, [], story)).split('\n');
    assert.ok(tooltip.includes(line), tooltip.join('\n'));
    assert.ok(!tooltip.some((l) => /^Missing beats?: .*customer pain/.test(l)), tooltip.join('\n'));
    const input = { text, file: 'p.md', config: {} };
    const ctx = { file: input.file, text, lint: lintResult(input), outline: outlineResult(input) };
    const facts = coachPrompt('review', '', ctx)[1];
    const review = reviewFromRules(ctx);
    for (const said of [facts, review, (beatArgument('nope', text, ctx.outline) as { problem: string }).problem]) {
      assert.ok(said.includes(`In doubt (found, but StoryDeck asks about the words):\n- ${line}`), said);
      assert.doesNotMatch(said, /Missing beats: [^\n]*pain|missing [^\n]*pain|\/beat pain/, said);
    }
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
    assert.deepEqual(Object.keys(weights.beats), ['pain', 'ask', 'outcome']);
    assert.equal(pain.threshold, 0.3);
    for (const m of Object.values(weights.beats)) assert.equal(m.minWords, 300);
    assert.ok(Number.isFinite(pain.bias) && pain.bias < 0, 'most sections tell no pain');
    const entries = Object.entries(pain.weights as Record<string, number>);
    assert.ok(entries.length > 500 && entries.length < 8000, `${entries.length} features`);
    for (const [f, w] of entries) assert.ok(/^(?:[hw]:\S+|r:[a-z+-]+)$/.test(f) && Number.isFinite(w) && Math.abs(w) >= 0.02, f);
    assert.ok((pain.weights as Record<string, number>)['r:found'] > 0.5, 'the reading’s own evidence counts for the beat');
  });
});

describe('a learned doubt about the ask and the outcome the reading found (sectionModel.ts)', () => {
  const TOLD = 'Last Tuesday Ana, a release engineer, waited four hours for approvals in three tools and missed the evening release: "I just sat there refreshing," she said.';
  /** A request the reading takes for the ask, though no section reads as one: no decision, no one asked, no date. */
  const GENERAL_ASK = 'Please review the design notes in the wiki.';
  /** A figure the reading takes for a target, though no section reads as success criteria. */
  const GENERAL_TARGET = 'Here is where we plan to be in the future: 50% of releases on the page by December, and the second stage started.';
  /** How the thing is built, beside a target: a section that describes. */
  const BUILT_ON =
    "The page will be built on the tracker's interface and the change calendar's feed, and it will keep the approvals in the same database as the builds. It is deployed on the same site as the tracker and based on its library of components.";
  const PLAIN_TARGET = 'Releases take a day instead of a week by September, and nine in ten pass without a manual fix.';
  const findings = (text: string, rule: string) => lintText(text, {}, { file: 'a.md' }).findings.filter((f) => f.ruleId === rule);
  /** call-to-action asks no question about the ask the reading found. */
  const assertAskNotDoubted = (text: string): void =>
    assert.doesNotMatch(
      findings(text, 'call-to-action')
        .map((f) => f.message)
        .join('\n'),
      /reads as information/,
    );

  it('asks about a general request: the ask is not there, and call-to-action asks a question quoting it', () => {
    const text = narrative('proposal', TOLD, `## Summary\n\n${GENERAL_ASK}`);
    const story = readStory(parseDeck(text));
    assert.equal(story.beats.ask.present, false);
    assert.equal(story.beats.ask.uncertain?.words, GENERAL_ASK);
    const [finding, ...rest] = findings(text, 'call-to-action');
    assert.deepEqual(rest, []);
    assert.equal(finding.severity, 'info');
    assert.equal(finding.line, story.beats.ask.uncertain?.line);
    assert.equal(
      finding.message,
      'Is this the ask? “Please review the design notes in the wiki.” reads as information, not a request: say what you need, from whom, by when — or mark the slide that plays it with <!-- beat: ask -->.',
    );
    assert.match(formatOutline(parseDeck(text), story), /ask\? — “Please review the design notes in the wiki\.” reads as information, not a request \(slide \d+, line \d+\)/);
  });

  it('does not doubt a plain ask with a decision, an owner and a date', () => {
    const text = narrative('proposal', TOLD, `## Decision\n\n${PLAIN_ASK}`);
    const story = readStory(parseDeck(text));
    assert.equal(story.beats.ask.present, true);
    assert.equal(story.beats.ask.uncertain, undefined);
    assert.deepEqual(findings(text, 'call-to-action'), []);
  });

  it('takes the writer’s word for the ask: <!-- beat: ask --> settles it', () => {
    const text = narrative('proposal', TOLD, `## Summary\n\n<!-- beat: ask -->\n\n${GENERAL_ASK}`);
    assert.equal(readStory(parseDeck(text)).beats.ask.present, true);
    assertAskNotDoubted(text);
  });

  it('leaves a short narrative’s ask alone', () => {
    const text = narrative('proposal', TOLD, `## Summary\n\n${GENERAL_ASK}`, { short: true });
    const story = readStory(parseDeck(text));
    assert.equal(story.beats.ask.present, true);
    assertAskNotDoubted(text);
  });

  it('asks about a figure that reads as a description: outcome-metric asks rather than warns', () => {
    const text = narrative('pitch', TOLD, `## Looking ahead\n\n${GENERAL_TARGET}\n\n${BUILT_ON}`);
    const story = readStory(parseDeck(text));
    assert.equal(story.beats.outcome.present, false);
    assert.equal(story.beats.outcome.uncertain?.words, GENERAL_TARGET);
    const [finding, ...rest] = findings(text, 'outcome-metric');
    assert.deepEqual(rest, []);
    assert.equal(finding.severity, 'info');
    assert.match(
      finding.message,
      /^Is this how you will know it worked\? “Here is where we plan to be .*” reads as a description, not a target: name the outcome, its target and by when — or mark the slide that plays it with <!-- beat: outcome -->\.$/,
    );
    assert.match(beatReason(story, 'outcome'), /^Found on slide \d+, line \d+, but in doubt\. Is this how you will know it worked\?/);
  });

  it('asks rather than warns where an audience needs a doubted beat its kind does not expect (audience-fit)', () => {
    // An update expects no ask; executives need one. The request found reads as information: a question, as call-to-action's.
    const text = narrative('update\naudience: executives', TOLD, `## Summary\n\n${GENERAL_ASK}`);
    const story = readStory(parseDeck(text));
    assert.equal(story.beats.ask.uncertain?.words, GENERAL_ASK);
    const asks = findings(text, 'audience-fit').filter((f) => /ask/.test(f.message));
    assert.equal(asks.length, 1, asks.map((f) => f.message).join('\n'));
    assert.equal(asks[0].severity, 'info');
    assert.equal(asks[0].line, story.beats.ask.uncertain?.line);
    assert.equal(
      asks[0].message,
      'Audience “executives”: Is this the ask? “Please review the design notes in the wiki.” reads as information, not a request: say what you need, from whom, by when — or mark the slide that plays it with <!-- beat: ask -->.',
    );
  });

  it('does not doubt success criteria stated plainly, nor a marked slide, nor a short narrative', () => {
    for (const text of [
      narrative('pitch', TOLD, `## How we will know\n\n${PLAIN_TARGET}`),
      narrative('pitch', TOLD, `## Looking ahead\n\n<!-- beat: outcome -->\n\n${GENERAL_TARGET}\n\n${BUILT_ON}`),
      narrative('pitch', TOLD, `## Looking ahead\n\n${GENERAL_TARGET}\n\n${BUILT_ON}`, { short: true }),
    ]) {
      const story = readStory(parseDeck(text));
      assert.equal(story.beats.outcome.present, true, text);
      assert.deepEqual(
        findings(text, 'outcome-metric').filter((f) => /Is this how/.test(f.message)),
        [],
      );
    }
  });
});

describe('a learned check on the walls of numbers stats-without-story reports (sectionModel.ts, story.ts)', () => {
  /** The rest of a release note, in words: it makes the narrative long enough for the check to speak on (300 words). */
  const NOTES = `
## Upgrading

Upgrading needs no change to your configuration or to the way you run the tool. The old parser stays available behind a setting for one more release, so that anyone who meets a difference can switch back while the problem is looked at. Plugins that read the syntax tree keep working, because the tree has the same shape as before; plugins that patched the old parser's internals will need a new release of their own.

## Known issues

Files that mix tabs and spaces inside a table are read a little differently from before: a cell that was split in the wrong place is now kept whole. If a document relied on the old reading, the table may show one column fewer. A warning names the table, and the documentation explains how to write it so that both parsers agree.

## What comes next

The next release moves the renderer onto the new syntax tree, which removes the last use of the old parser. After that the setting that brings back the old parser is retired. We will also publish the benchmark files, so that anyone can measure the parser on their own machine and compare the results with ours.

## Thanks

Thanks to everyone who tested the early builds, filed reports with sample files, and reviewed the changes to the documentation. The parser was rewritten in the open, and every design note is in the repository for anyone who wants to follow how the decisions were made. Questions about the upgrade are welcome in the discussion forum, where the maintainers answer them in turn.
`;
  /** A release's measurements: figures about the work, not evidence a story must carry. */
  const SHORT_BENCHMARK = `# Release 2.0\n\n## What changed\n\nThe new parser was merged this week: it reads a 40 MB file in 1.2 s, down from 3.4 s.\nPeak memory is now 180 MB, which was 410 MB.\nThe test suite runs in 95 s on one core.\n`;
  const BENCHMARK = SHORT_BENCHMARK + NOTES;
  /** The business case told as figures alone. */
  const BUSINESS = `# Why we need funding\n\n## The business case\n\nRevenue fell 18% last year to $4.2M, while costs rose 11% to $3.9M.\nChurn reached 7.5% a month across 1,200 accounts.\nThe median deal size shrank from $14,000 to $9,500.\nSupport costs per account rose from $310 to $480.\n${NOTES}`;
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

  it('leaves a short narrative’s walls to the hand-written rule', () => {
    assert.ok((SHORT_BENCHMARK.match(/\S+/g) ?? []).length < weights.stats.minWords);
    assert.equal(walls(SHORT_BENCHMARK).length, 1);
    assert.equal(wallNeedsStory(parseDeck(SHORT_BENCHMARK), 2, undefined, 6), true);
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
    assert.equal(stats.threshold, 0.3);
    assert.ok(Number.isFinite(stats.bias) && stats.bias > 0, 'most walls the rule reports are ones the labellers agree with');
    const entries = Object.entries(stats.weights as Record<string, number>);
    assert.ok(entries.length > 100 && entries.length < 4000, `${entries.length} features`);
    for (const [f, w] of entries) assert.ok(/^(?:[hw]:\S+|r:[a-z+-]+|s:[a-z]+(?::[a-z0-9]+)?)$/.test(f) && Number.isFinite(w) && Math.abs(w) >= 0.02, f);
    assert.ok((stats.weights as Record<string, number>)['s:figures:1'] < 0, 'a short wall (four or five figures) needs a story less');
  });
});

describe('sections kept per slide (sectionModel.ts)', () => {
  const deckNaming = (name: string) => parseDeck(`# Triage\n\n---\n\n## Team\n\nMeet ${name}.\n\n---\n\n## Pain\n\nNurses wait an hour for a bed.\n`);

  it('reads an unchanged slide once, and keeps only the readings under the latest names, so a name typed a letter at a time adds none', () => {
    const priya = deckNaming('Priya');
    const maria = deckNaming('Maria');
    assert.equal(priya.slides[2], maria.slides[2], 'the unchanged slide is the same object');
    const pain = (deck: ReturnType<typeof parseDeck>) => sections(deck, 'pain').find((s) => s.slide === 3)!.features;
    const first = pain(priya);
    assert.equal(pain(priya), first, 'read once while the names stay');
    pain(maria);
    const again = pain(priya);
    assert.notEqual(again, first, 'the reading under the earlier names was let go');
    assert.deepEqual(again, first, 'and reads the same');
  });

  it('reads what a section shows once for all beats: another beat adds only its heading features, and runs no pattern', () => {
    const deck = deckNaming('Grace');
    const pain = sections(deck, 'pain');
    const test = RegExp.prototype.test;
    const exec = RegExp.prototype.exec;
    let runs = 0;
    RegExp.prototype.test = function (this: RegExp, text: string) {
      runs++;
      return test.call(this, text);
    };
    RegExp.prototype.exec = function (this: RegExp, text: string) {
      runs++;
      return exec.call(this, text);
    };
    let ask: ReturnType<typeof sections>;
    try {
      ask = sections(deck, 'ask');
    } finally {
      RegExp.prototype.test = test;
      RegExp.prototype.exec = exec;
    }
    assert.equal(runs, 0, 'the second beat reads no text again');
    const painHeaded = pain.find((s) => s.slide === 3)!;
    assert.ok(painHeaded.features.includes('r:beat-heading'), 'the pain section is headed as the pain');
    assert.deepEqual(
      ask.find((s) => s.slide === 3)!.features,
      painHeaded.features.filter((f) => f !== 'r:beat-heading'),
      'and reads the same for the ask but the heading',
    );
    assert.deepEqual(ask.find((s) => s.slide === 2)!.features, pain.find((s) => s.slide === 2)!.features, 'a section under another heading reads the same for both');
  });
});
