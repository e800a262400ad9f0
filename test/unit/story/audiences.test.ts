import assert from 'node:assert/strict';
import { cutForAudience, isForAudience, parseDeck, slideAudiences } from '../../../src/core/deck';
import { lintText, validateConfig } from '../../../src/core/lint';
import { parseForRender, renderDeck, renderedForAudience, withoutNotes } from '../../../src/core/render';
import { audienceChoices, audienceTable, formatOutline, outline, readAudience, readStory, storyStatusText, storySummary, storyTree } from '../../../src/core/story';
import { findFeedback, findPartnerBenefit, findTeamPart, findTradeOff } from '../../../src/core/story/cues';
import { readingContext } from '../../../src/core/story/reading';
import { stakeholderLines } from '../../../src/core/story/stakeholders';

const ctxOf = (text: string) => readingContext(parseDeck(text), []);
const said = (finder: (ctx: ReturnType<typeof ctxOf>) => { text: string } | undefined, text: string) => finder(ctxOf(text))?.text;

describe('audiences', () => {
  it('reads the front matter audience by its id, in any case, singular or plural', () => {
    for (const written of ['executives', 'Executives', 'executive', ' EXECUTIVE ']) {
      assert.equal(readAudience(parseDeck(`---\naudience: ${written}\n---\n\n# T\n`))?.id, 'executives', written);
    }
    assert.equal(readAudience(parseDeck('---\naudience: teams\n---\n\n# T\n'))?.id, 'team');
  });

  it('free words for the room name no profile, even with a configured default, and nothing extra is checked', () => {
    const deck = parseDeck('---\naudience: Product leadership\n---\n\n# T\n\n## The ask\n\nApprove it.\n');
    assert.equal(readAudience(deck, { audience: 'executives' }), undefined);
    assert.deepEqual(
      lintText('---\naudience: Product leadership\nkind: update\n---\n\n# T\n\nRevenue grew.\n').findings.filter((f) => f.ruleId === 'audience-fit'),
      [],
    );
  });

  it('takes the configuration audience when the front matter names none, and configured profiles replace or add', () => {
    const deck = parseDeck('# T\n\nText.\n');
    assert.deepEqual(readAudience(deck, { audience: 'board' }), { id: 'board', profile: audienceTable().board, source: 'config' });
    const custom = { needs: [], checks: ['feedback' as const] };
    assert.deepEqual(readAudience(deck, { audience: 'steering', audiences: { steering: custom } })?.profile, custom);
    assert.deepEqual(audienceTable({ audiences: { executives: custom } }).executives, custom);
  });

  it('validates audiences in configuration: one problem per mistake, the rest kept', () => {
    const { config, problems } = validateConfig(
      { audience: 'Exec Team', audiences: { good: { needs: ['ask'], checks: ['ask-early'], slotMinutes: 5 }, bad: { needs: ['money'] }, worse: { checks: ['dance'] }, slow: { slotMinutes: 0 } } },
      'test',
    );
    assert.deepEqual(config.audiences, { good: { needs: ['ask'], checks: ['ask-early'], slotMinutes: 5 } });
    assert.equal(config.audience, undefined);
    assert.equal(problems.length, 4, problems.map((p) => p.message).join('\n'));
  });

  it('reads the configuration audience through lint (front matter storydeck: settings included)', () => {
    const text = '---\nkind: update\nstorydeck:\n  audience: partners\n---\n\n# T\n\n## Results\n\nOn-time delivery rose from 81% to 93% by June.\n';
    const rules = lintText(text).findings.filter((f) => f.ruleId === 'audience-fit');
    assert.ok(rules.length >= 3, rules.map((f) => f.message).join('\n'));
  });
});

describe('the story finders an audience reads', () => {
  it('the ask’s cost or trade-off', () => {
    assert.match(said(findTradeOff, '## The ask\n\nApprove two engineers for Q3, which pauses the reporting revamp.\n') ?? '', /pauses/);
    assert.match(said(findTradeOff, '## The ask\n\nPlease approve $120k for the pilot.\n') ?? '', /\$120k/);
    assert.equal(said(findTradeOff, '## The ask\n\nPlease approve the pilot at Friday’s review.\n'), undefined);
    // A cost outside the ask is not the ask's trade-off.
    assert.equal(said(findTradeOff, '## Why it matters\n\nIt costs us $400k a year.\n\n---\n\n## The ask\n\nPlease approve the pilot.\n'), undefined);
  });

  it('the team’s part', () => {
    assert.ok(said(findTeamPart, '## What this means for you\n\nShorter branches.\n') === undefined, 'a heading alone is not the part');
    assert.match(said(findTeamPart, '## Next\n\nYour part: keep branches under a day old.\n') ?? '', /Your part/);
    assert.equal(said(findTeamPart, '## Next\n\nWe move to trunk-based development in June.\n'), undefined);
  });

  it('what a partner gets, and an invitation to give feedback', () => {
    assert.match(said(findPartnerBenefit, '## Why you\n\nFor your team, this means no more reset tickets.\n') ?? '', /this means/);
    assert.equal(said(findPartnerBenefit, '## Why\n\nWe need the login library.\n'), undefined);
    assert.match(said(findFeedback, '## Next\n\nQuestions? Reply to this deck.\n') ?? '', /Questions\?/);
    assert.match(said(findFeedback, '## Next\n\nSend us your feedback by Friday.\n') ?? '', /feedback/);
    assert.equal(said(findFeedback, '## Next\n\nWe ship in June.\n'), undefined);
  });

  it('are read only for the checks of the narrative’s audience', () => {
    const body = '# T\n\nQuestions? Reply to this deck.\n';
    assert.deepEqual(readStory(parseDeck(body)).cues, {});
    assert.equal(readStory(parseDeck(`---\naudience: customers\n---\n\n${body}`)).cues.feedback?.slide, 1);
  });
});

describe('stakeholders', () => {
  const text = [
    '---',
    'title: Refunds',
    'stakeholders:',
    '  - { name: Dana Park, role: VP Sales, cares: [pipeline, quota], stance: supporter, met: 2026-11-30 }',
    '  - name: Support',
    '    cares: [ticket volume]',
    '  - Finance',
    'duration: 5 min',
    '---',
    '',
    '# Refunds',
    '',
    'Faster refunds keep renewals in the Pipeline.',
    '',
    '---',
    '',
    '## Cost',
    '',
    'Finance sees cost to serve fall 8%.',
    '',
  ].join('\n');

  it('finds each entry’s line in block and flow lists', () => {
    const deck = parseDeck(text);
    assert.deepEqual(stakeholderLines(deck), { key: 3, items: [4, 5, 7] });
    assert.deepEqual(stakeholderLines(parseDeck('---\nstakeholders: [Dana, Finance]\n---\n\n# T\n')), { key: 2, items: [] });
  });

  it('reads name, role, concerns, stance and met, and where the narrative speaks to each (the evidence)', () => {
    const { stakeholders, problems } = readStory(parseDeck(text)).stakeholders;
    assert.deepEqual(problems, []);
    assert.deepEqual(
      stakeholders.map(({ name, role, concerns, stance, met, line, slides }) => ({ name, role, concerns, stance, met, line, slides })),
      [
        { name: 'Dana Park', role: 'VP Sales', concerns: ['pipeline', 'quota'], stance: 'supporter', met: '2026-11-30', line: 4, slides: [1] },
        { name: 'Support', role: undefined, concerns: ['ticket volume'], stance: 'unknown', met: undefined, line: 5, slides: [] },
        { name: 'Finance', role: undefined, concerns: [], stance: 'unknown', met: undefined, line: 7, slides: [2] },
      ],
    );
    assert.deepEqual(stakeholders[0].addressed, [{ term: 'pipeline', evidence: { slide: 1, line: 13, words: 'Faster refunds keep renewals in the Pipeline.' } }]);
  });

  it('reports what it cannot read, never throws', () => {
    for (const value of ['5', 'yes', '{ a: 1 }', '[null, 3, { name: "" }]', '[{ name: X, cares: { a: 1 } }]']) {
      const { problems } = readStory(parseDeck(`---\nstakeholders: ${value}\n---\n\n# T\n`)).stakeholders;
      assert.ok(problems.length > 0, value);
    }
  });

  it('the outline gives audience and stakeholders: [{ name, role, concerns, stance, addressed, slides }]', () => {
    const deck = parseDeck(text.replace('title: Refunds', 'title: Refunds\naudience: executives'));
    const o = outline(deck, readStory(deck));
    assert.equal(o.audience, 'executives');
    assert.deepEqual(
      o.stakeholders.map(({ name, addressed, slides }) => ({ name, addressed, slides })),
      [
        { name: 'Dana Park', addressed: true, slides: [1] },
        { name: 'Support', addressed: false, slides: [] },
        { name: 'Finance', addressed: true, slides: [2] },
      ],
    );
    assert.deepEqual(o.stakeholders[0].evidence[0], { term: 'pipeline', slide: 1, line: 14, words: 'Faster refunds keep renewals in the Pipeline.' });
    assert.match(formatOutline(deck, readStory(deck)), /^Audience: executives$/m);
    assert.match(formatOutline(deck, readStory(deck)), /^Stakeholder Support \(unknown\): not addressed$/m);
  });

  it('the Story view gets a Stakeholders section: ✓ addressed on slide N or ✗ not addressed, with the stance', () => {
    const deck = parseDeck(text);
    const group = storyTree(deck, [], readStory(deck)).at(-1)!;
    assert.equal(group.label, 'Stakeholders');
    assert.equal(group.description, '2 of 3 addressed');
    assert.deepEqual(
      group.children.map((c) => `${c.label} — ${c.description}`),
      ['✓ Dana Park (VP Sales) — addressed on slide 1 · supporter', '✗ Support — not addressed · unknown', '✓ Finance — addressed on slide 2 · unknown'],
    );
    assert.equal(
      storyTree(parseDeck('# T\n\nText.\n'), [], readStory(parseDeck('# T\n\nText.\n'))).some((g) => g.label === 'Stakeholders'),
      false,
    );
  });
});

describe('cuts for an audience', () => {
  const text = [
    '---',
    'title: Refunds',
    '---',
    '',
    '# Refunds',
    '',
    'For everyone.',
    '',
    '---',
    '',
    '## Budget',
    '<!-- audience: executives, board -->',
    '',
    'Two engineers, $180k.',
    '',
    '<!-- Say it slowly. -->',
    '',
    '---',
    '',
    '## Your part',
    '<!-- audience: team -->',
    '',
    'Keep branches short.',
    '',
  ].join('\n');

  it('an audience marker is neither a note nor words, and names its audiences', () => {
    const deck = parseDeck(text);
    assert.deepEqual(deck.slides[1].notes, ['Say it slowly.']);
    assert.deepEqual(slideAudiences(deck.slides[1]), ['executives', 'board']);
    assert.deepEqual(slideAudiences(deck.slides[0]), []);
    assert.equal(isForAudience(deck.slides[1], 'Executive'), true);
    assert.equal(isForAudience(deck.slides[2], 'executives'), false);
    assert.equal(isForAudience(deck.slides[0], 'anyone'), true);
  });

  it('keeps the front matter, the unmarked slides and those marked for the audience', () => {
    const cut = cutForAudience(text, 'executives');
    assert.equal(cut.kept, 2);
    assert.equal(cut.total, 3);
    const deck = parseDeck(cut.text);
    assert.equal(deck.title, 'Refunds');
    assert.deepEqual(
      deck.slides.map((s) => s.title),
      ['Refunds', 'Budget'],
    );
    assert.deepEqual(
      parseDeck(cutForAudience(text, 'team').text).slides.map((s) => s.title),
      ['Refunds', 'Your part'],
    );
    assert.equal(cutForAudience(text, 'partners').kept, 1);
  });

  it('cuts a GitPitch deck without an empty slide: a kept slide that starts at `---?…` brings its own break', () => {
    const gitpitch = '# One\n\nIntro.\n---?image=a.png\n## Two\n\n<!-- audience: team -->\n\nTeam only.\n---?color=red\n## Three\n\nFor all.\n\n+++\n\n## Four\n\nAlso all.\n';
    const deck = parseDeck(cutForAudience(gitpitch, 'executives').text);
    assert.deepEqual(
      deck.slides.map((s) => [s.title, s.directives]),
      [
        ['One', {}],
        ['Three', { _backgroundColor: 'red' }],
        ['Four', {}],
      ],
    );
  });

  it('keeps one slide left of a slide deck whole: its headings do not become sections', () => {
    const deck = parseDeck(
      cutForAudience(text.replace('For everyone.', 'For everyone.\n\n## Details\n\nMore.').replace('## Budget\n<!-- audience: executives, board -->', '## Budget\n<!-- audience: board -->'), 'team')
        .text,
    );
    assert.equal(deck.prose, false);
    assert.deepEqual(
      deck.slides.map((s) => s.title),
      ['Refunds', 'Your part'],
    );
    const one = parseDeck(cutForAudience('# A\n\n## B\n\nText.\n\n---\n\n## C\n<!-- audience: board -->\n\nMore.\n', 'team').text);
    assert.deepEqual(
      one.slides.map((s) => s.title),
      ['A'],
    );
  });

  it('leaves a narrative with no marker as it is', () => {
    const plain = '# A\n\nText.\n\n---\n\n## B\n\nMore.\n';
    assert.equal(cutForAudience(plain, 'executives').text, plain);
  });

  it('leaves speaker notes out when asked', () => {
    const parsed = withoutNotes(parseForRender(text));
    assert.deepEqual(
      parsed.deck.slides.map((s) => s.notes),
      [[], [], []],
    );
    assert.ok(parsed.tokens, 'the tokens go with it');
    const kept = parseForRender(text);
    assert.equal(withoutNotes(kept, false), kept);
  });
  it('the preview, the Story view and the status item show the cut: its slides, with their source lines, and its talk time', () => {
    const parsed = parseForRender(text);
    const deck = parsed.deck;
    const rendered = renderDeck(parsed);
    const team = renderedForAudience(rendered, deck, 'team');
    assert.deepEqual(
      team.slides.map((s) => [s.title, s.line]),
      [
        ['Refunds', 4],
        ['Your part', 19],
      ],
    );
    assert.equal(team.estimatedSeconds, deck.slides[0].estimatedSeconds + deck.slides[2].estimatedSeconds);
    assert.equal(renderedForAudience(rendered, deck, undefined), rendered);

    const story = readStory(deck);
    const listed = (cut?: string) => [...new Set(storyTree(deck, [], story, cut).flatMap((g) => g.children.map((c) => c.label)))].sort();
    assert.deepEqual(listed(), ['1. Refunds', '2. Budget', '3. Your part']);
    assert.deepEqual(listed('executives'), ['1. Refunds', '2. Budget']);
    const summary = storySummary(deck, [], story, 'team');
    assert.equal(summary.estimatedSeconds, team.estimatedSeconds);
    assert.match(storyStatusText(summary), / for team · /);
    assert.doesNotMatch(storyStatusText(storySummary(deck, [], story)), / for /);
  });

  it('offers the audiences the markers name, then the narrative’s own, then every profile, each once', () => {
    assert.deepEqual(audienceChoices(parseDeck(text)), ['executives', 'board', 'team', 'partners', 'customers']);
    assert.deepEqual(audienceChoices(parseDeck('---\naudience: Partner\n---\n\n# A\n<!-- audience: Steering -->\n')).slice(0, 2), ['Steering', 'partners']);
  });

  it('takes from a marker or a config only words that can name an audience: a cut’s name becomes part of an export’s file name', () => {
    const deck = parseDeck('# A\n<!-- audience: ../../../tmp/evil, board, a/b -->\n');
    assert.deepEqual(slideAudiences(deck.slides[0]), ['board']);
    assert.deepEqual(audienceChoices(deck, { audiences: { '../up': { needs: ['ask'], checks: [] } } }).includes('../up'), false);
  });
});
