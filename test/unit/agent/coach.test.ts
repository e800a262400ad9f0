import assert from 'node:assert/strict';
import { beatArgument, beatDraftEdit, coachPrompt, describeChange, fencedMarkdown, NO_MODEL, replaceAllEdit, reviewFromRules, type CoachContext } from '../../../src/core/agent/coach';
import { lintResult, outlineResult } from '../../../src/core/agent/tools';
import { applyEdits } from '../../../src/core/lint';

const TEXT = `---
title: Handoff Board
audience: Nursing leadership
duration: 2m
---

# Introducing the shiftboard

The shiftboard is a shared screen that shows every patient's changes since the last shift.

---

## Why now

Night nurses lose twenty minutes a shift rebuilding what the day shift already knew.
`;

function context(text = TEXT): CoachContext {
  const input = { text, file: 'talks/handoff.md', config: {} };
  return { file: input.file, text, lint: lintResult(input), outline: outlineResult(input) };
}

describe('the @storydeck coach', () => {
  describe('prompts', () => {
    it('/review: the rules as facts, the narrative, its audience and every finding with its line', () => {
      const ctx = context();
      const [instructions, facts] = coachPrompt('review', '', ctx);
      assert.match(instructions, /StoryDeck's deterministic rules are the source of truth/);
      assert.match(instructions, /this audience \(Nursing leadership\)/);
      assert.match(facts, /^Narrative: talks\/handoff\.md, read as pitch \(default\), for Nursing leadership; talk time about \d+s of 2m00s planned\./);
      for (const f of ctx.lint.findings) assert.ok(facts.includes(`- line ${f.range.line}, ${f.severity}, ${f.ruleId}: ${f.message}`), f.ruleId);
      assert.ok(facts.includes(TEXT), 'the whole narrative, as the editor has it');
      assert.match(facts, /Missing beats: value, business, strategy, outcome, ask\./);
      assert.match(facts, /1\. Introducing the shiftboard — beats: what;/);
    });

    it('/beat, /audience and /tighten ask for what each does, with the argument', () => {
      const ctx = context();
      assert.match(
        coachPrompt('beat', 'value', ctx)[0],
        /Draft the missing 'value' beat \(what changes for the customer\)[\s\S]*```markdown fenced block: a "## " heading, then the line <!-- beat: value -->/,
      );
      assert.match(coachPrompt('audience', 'the CFO', ctx)[0], /The room: the CFO\./);
      assert.match(coachPrompt('tighten', '', ctx)[0], /cut it to its planned duration of 2m00s[\s\S]*complete revised narrative in one ```markdown fenced block/);
    });
  });

  it("/review without a model: the findings in the rules' own words", () => {
    const ctx = context();
    const review = reviewFromRules(ctx);
    assert.match(review, /^\*\*talks\/handoff\.md\*\* is read as pitch \(default\)\. \d+ error\(s\), \d+ warning\(s\), \d+ info\./);
    assert.match(review, /Missing beats: `value`, `business`, .*`\/beat value` drafts one once a model is available\./);
    assert.equal(review.split('\n').filter((l) => l.startsWith('- Line ')).length, ctx.lint.findings.length);
    assert.match(NO_MODEL, /Install an extension that provides one/);
  });

  it('/review without a model shows the file name and what a finding quotes from the narrative as text: no picture, no link', () => {
    const text = TEXT.replace('audience: Nursing leadership', 'theme: "![x](https://evil.example/t.png) [go](https://evil.example)"');
    const input = { text, file: 'talks/[a](https://evil.example).md', config: {} };
    const review = reviewFromRules({ file: input.file, text, lint: lintResult(input), outline: outlineResult(input) });
    assert.ok(review.includes('theme: !\\[x\\](https://evil.example/t.png) \\[go\\](https://evil.example)'), review);
    assert.doesNotMatch(review, /(?<!\\)\[(?:x|go|a)(?<!\\)\]\(/, 'no Markdown link or picture');
    assert.match(review, /^\*\*talks\/\\\[a\\\]\(https:\/\/evil\.example\)\.md\*\*/);
  });

  it('/review without a model shows the kind it read and the words in doubt as text too: a `kind:` nobody defined is no picture', () => {
    const text = TEXT.replace('audience: Nursing leadership', 'kind: "![k](https://evil.example/k.png)"');
    const input = { text, file: 'talks/handoff.md', config: {} };
    const outline = { ...outlineResult(input), missing: ['pain' as const], uncertain: { pain: { slide: 2, line: 17, words: 'See ![p](https://evil.example/p.png) [go](https://evil.example)' } } };
    const review = reviewFromRules({ file: input.file, text, lint: lintResult(input), outline });
    assert.match(review, /is read as pitch \(the kind “!\\\[k\\\]\(https:\/\/evil\.example\/k\.png\)” is not defined\)\./, review);
    assert.ok(review.includes('“See !\\[p\\](https://evil.example/p.png) \\[go\\](https://evil.example)”'), review);
    assert.doesNotMatch(review, /(?<!\\)\[(?:k|p|go)(?<!\\)\]\(/, 'no Markdown link or picture');
  });

  describe('answers become edits', () => {
    it('finds the ```markdown block of an answer', () => {
      assert.equal(fencedMarkdown('Here it is:\n\n```markdown\n## Pain\n\nText.\n```\n\nCheck the number.'), '## Pain\n\nText.');
      assert.equal(fencedMarkdown('~~~md\nx\n~~~'), 'x');
      assert.equal(fencedMarkdown('```ts\nconst x = 1;\n```'), undefined);
      assert.equal(fencedMarkdown('no block at all'), undefined);
    });

    it('/beat: the draft goes where the quick fix puts the skeleton, with its beat marker, and the rules read it', () => {
      const draft = '## Nurses start informed\n\nEvery night nurse starts the shift knowing what changed for each patient, in one glance.';
      const edit = beatDraftEdit(TEXT, 'value', draft)!;
      const after = applyEdits(TEXT, [edit]).text;
      assert.match(after, /## Nurses start informed\n\n<!-- beat: value -->\n\nEvery night nurse/);
      assert.ok(!after.includes('TODO'), 'the draft replaces the skeleton');
      const slides = outlineResult({ text: after, file: 'x.md', config: {} }).slides;
      assert.ok(
        slides.some((s) => s.title === 'Nurses start informed' && s.beats.includes('value')),
        JSON.stringify(slides),
      );
      assert.equal(beatDraftEdit(after, 'value', draft), undefined, 'never a second slide for a beat');
      assert.equal(beatDraftEdit(TEXT, 'pain', draft), undefined, 'nor for a beat a slide already plays');
    });

    it('/tighten: one edit that replaces the whole narrative', () => {
      const revision = TEXT.replace(' a shared screen that', '');
      assert.equal(applyEdits(TEXT, [replaceAllEdit(TEXT, revision.trimEnd())]).text, revision);
    });

    it('/beat names a beat the narrative lacks, or hears which it can draft', () => {
      const { outline } = context();
      assert.deepEqual(beatArgument(' Value ', TEXT, outline), { beat: 'value' });
      assert.deepEqual(beatArgument('purpose', TEXT, outline), {
        problem: 'Name a beat: `/beat value`. Beats: why, pain, value, business, strategy, what, how, outcome, ask. This narrative is missing value, business, strategy, outcome, ask.',
      });
      assert.match((beatArgument('pain', TEXT, outline) as { problem: string }).problem, /^A slide already plays the 'pain' beat; edit that slide\./);
    });
  });

  it('says what a re-lint changed', () => {
    const before = context().lint;
    const after = context(applyEdits(TEXT, [beatDraftEdit(TEXT, 'value', '## Nurses start informed\n\nEvery night nurse starts the shift knowing what changed for each patient.')!]).text).lint;
    const change = describeChange(before, after);
    assert.match(change, /^resolved [^;]*customer-value/);
    assert.match(change, new RegExp(`${after.findings.length} findings remain \\(${after.counts.error} error\\(s\\), ${after.counts.warning} warning\\(s\\)\\)\\.$`));
    assert.equal(describeChange(before, before), `resolved nothing; ${before.findings.length} findings remain (${before.counts.error} error(s), ${before.counts.warning} warning(s)).`);
  });
});
