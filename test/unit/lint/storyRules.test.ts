import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { lintText, type Finding, type StoryDeckConfig } from '../../../src/core/lint';
import { readStory } from '../../../src/core/story';
import { namesObjective } from '../../../src/core/story/strategy';
import { hasDate } from '../../../src/core/story/ask';
import { VANITY } from '../../../src/core/story/vanity';
import { headingBeat, introducedNames, sentences, slidePassages } from '../../../src/core/deck/beats';
import { parseDeck } from '../../../src/core/deck';

/** Options, configuration and edge cases of the story rules that fixture files cannot express. */
const STORY_RULES = ['customer-pain', 'customer-value', 'business-value', 'strategic-tie-in', 'outcome-metric', 'vanity-metric', 'call-to-action'];

const of = (ruleId: string, text: string, config: StoryDeckConfig = {}): Finding[] => lintText(text, config).findings.filter((f) => f.ruleId === ruleId);
/** customer-value finds what changes for the customer in `text` (it says nothing). */
const value = (text: string): boolean => of('customer-value', text).length === 0;
/** The rule says nothing about `text` (its messages listed when it does); `label` names the case. */
const assertQuiet = (ruleId: string, text: string, label: string): void =>
  assert.deepEqual(
    of(ruleId, text).map((f) => f.message),
    [],
    label,
  );

describe('story rules', () => {
  it('find nothing to say about examples/town-hall.md', () => {
    const findings = lintText(readFileSync('examples/town-hall.md', 'utf8')).findings.filter((f) => STORY_RULES.includes(f.ruleId));
    assert.deepEqual(
      findings.map((f) => `${f.ruleId} ${f.line}: ${f.message}`),
      [],
    );
  });

  it('all fire on an empty-headed skeleton, once each, and stay inside the document', () => {
    const text = '# Title\n\n---\n\n## The problem\n\nTODO\n\n---\n\n## The ask\n\nTBD\n';
    const { deck, findings } = lintText(text);
    for (const id of STORY_RULES.filter((r) => r !== 'vanity-metric')) {
      const own = findings.filter((f) => f.ruleId === id);
      assert.equal(own.length, 1, id);
      assert.ok(own[0].line >= 1 && own[0].line <= deck.lines.length, id);
    }
    assert.equal(findings.find((f) => f.ruleId === 'customer-pain')?.line, 5, 'reported at the empty "The problem" heading');
    assert.equal(findings.find((f) => f.ruleId === 'call-to-action')?.line, 11, 'reported at the empty "The ask" heading');
  });

  it('never report past the end of the document', () => {
    for (const text of ['', '---\n---', '---\n', '\n---', '# x\n---']) {
      const { deck, findings } = lintText(text);
      for (const f of findings.filter((x) => STORY_RULES.includes(x.ruleId))) {
        assert.ok(f.line >= 1 && f.endLine <= deck.lines.length, `${f.ruleId} at ${f.line} of ${deck.lines.length} in ${JSON.stringify(text)}`);
      }
    }
  });

  describe('strategic-tie-in and strategy.objectives', () => {
    const generic = '## Where this fits\n\nThis supports our strategy of delighting customers.\n';
    const named = '## Plan\n\nThis helps us **win the mid market** this year.\n';
    const objectives: StoryDeckConfig = { strategy: { objectives: ['Win the mid-market', 'Halve support contacts per customer'] } };

    it('without objectives, any tie to strategy is enough', () => {
      assert.equal(of('strategic-tie-in', generic).length, 0);
      assert.equal(of('strategic-tie-in', named).length, 1, 'a phrase alone, with no strategy word, is not a tie-in');
    });

    it('with objectives configured, the narrative must name one of them', () => {
      const [finding] = of('strategic-tie-in', generic, objectives);
      assert.ok(finding);
      assert.match(finding.message, /“Win the mid-market”, “Halve support contacts per customer”/);
      assert.equal(finding.line, 3, 'reported at the generic tie-in');
      assert.equal(of('strategic-tie-in', named, objectives).length, 0);
    });

    it('reads objectives from front matter, as the engine applies it', () => {
      const fm = '---\nstorydeck:\n  strategy:\n    objectives: [Safer care at every handoff]\n---\n';
      assert.equal(of('strategic-tie-in', fm + generic).length, 1);
      assert.equal(of('strategic-tie-in', fm + '## Fit\n\nFirst project under SAFER CARE at every hand-off.\n').length, 0);
    });

    it('ignores objectives that are blank', () => {
      assert.equal(of('strategic-tie-in', generic, { strategy: { objectives: ['  ', ''] } }).length, 0);
    });

    it('matches objectives whatever the case, punctuation and spacing, but only on word boundaries', () => {
      assert.ok(namesObjective('Our bet for WIN THE MID MARKET!', 'Win the mid-market'));
      assert.ok(namesObjective('win the midmarket', 'Win the mid-market'));
      assert.ok(namesObjective('Handoffs that don’t drop patients', "Handoffs that don't drop patients"));
      assert.ok(!namesObjective('regrowth in hospitals', 'Growth'));
      assert.ok(!namesObjective('anything', '—'));
    });
  });

  describe('outcome-metric', () => {
    it('does not ask a kind that expects no success criteria to date the ones it has', () => {
      const text = '---\nkind: proposal\n---\n\n## Success criteria\n\nCheck time falls from 4 minutes to under 30 seconds.\n';
      assert.deepEqual(of('outcome-metric', text), []);
      assert.equal(of('outcome-metric', text.replace('kind: proposal', 'kind: pitch')).length, 1);
    });

    it('takes neither a numbered goal, a reported result nor a vanity count as the measure of success', () => {
      const missing = (text: string) => of('outcome-metric', text).some((f) => f.missingBeat === 'outcome');
      assert.ok(missing('## Why\n\nThe Board puts literacy as Goal 1 for the next three years.\n'), 'Goal 1');
      assert.ok(missing('## What we learned\n\nWe posted more often (from 9 to 14 posts a week) and reach still fell.\n'), 'a result');
      for (const line of ['Top 5 in the store’s trending list during launch week', '500,000 recommendations generated', '100% of room attendants trained by July']) {
        assert.ok(missing(`## Success\n\n- ${line}\n`), line);
      }
      assert.ok(!missing('## Results\n\nRepeat purchase rose from 22% to 30%, against a target of 28% by June.\n'), 'a result against its target');
      assert.ok(missing('# Grant\n\nRequested amount: $48,500 over 12 months\n'), 'a byline');
      assert.ok(missing('# Branches\n\nHi.\n\n---\n\n## Digital in numbers\n\n- 71% of payments are made in the app\n- Branch footfall down 22% in two years\n'), 'history');
      for (const line of ['410 devices deployed and enrolled', '10,000 newsletter subscribers', '50,000 parent portal visits a term']) {
        assert.ok(missing(`## Success\n\n- ${line}\n`), line);
      }
    });

    it('finds a dated target wherever the narrative states it, and a target labelled with a colon', () => {
      const found = (text: string) => !of('outcome-metric', text).some((f) => f.missingBeat === 'outcome');
      assert.ok(found('# Tideline\n\nHi.\n\n---\n\n## What this round gets us\n\n- Water loss down from 31% to under 20% within 18 months of install\n'));
      assert.ok(found('# Meridian\n\nHi.\n\n---\n\n## The money\n\n- Subscription revenue target: £4M by December 2027, from £2.9M\n'));
    });

    it('reports a target without a timeframe at severity info, unless requireTimeframe is false', () => {
      const text = '## Success\n\nAverage handle time falls from 11 to 7 minutes.\n';
      const [finding] = of('outcome-metric', text);
      assert.equal(finding.severity, 'info');
      assert.match(finding.message, /no timeframe/);
      const [configured] = of('outcome-metric', text, { rules: { 'outcome-metric': 'error' } });
      assert.equal(configured.severity, 'error', "a configured severity wins over the rule's grading");
      assert.equal(finding.line, 3);
      assert.equal(of('outcome-metric', text, { rules: { 'outcome-metric': { requireTimeframe: false } } }).length, 0);
      assert.equal(of('outcome-metric', text.replace('minutes.', 'minutes by June.')).length, 0);
    });

    it('accepts the target forms product people write', () => {
      for (const line of [
        'Handover time drops from 12 to 5 minutes by June.',
        'Time to first invite under 1 hour in Q3.',
        'Incidents fall by 30% within two quarters.',
        'Nine in ten nurses use it on every shift by the end of the year.',
        'We aim to halve wait times by March.',
        'NPS 50+ by Q4.',
      ]) {
        assertQuiet('outcome-metric', `## How we'll know it worked\n\n${line}\n`, line);
      }
    });

    it('takes a bare count among success criteria that count activity, output or reach as one more output (session 19)', () => {
      const missing = (text: string) => of('outcome-metric', text).some((f) => f.missingBeat === 'outcome');
      const section = (...lines: string[]) => `## How we'll know we're on track\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`;
      for (const count of ['200 plugins on the registry', '800 members by year end', 'Close 100 issues from the backlog.', 'Featured in Trade Shelf magazine and at least two trade shows']) {
        assert.ok(missing(section('10,000 GitHub stars by December', count)), count);
        // vanity-metric names the same count as output, one claim read by both rules.
        assert.ok(of('vanity-metric', section('10,000 GitHub stars by December', count)).length >= 2, `vanity-metric: ${count}`);
        // Alone, or beside a change in a measure, a count of people or things still stands as a target.
        assert.ok(!missing(section(count)), `alone: ${count}`);
        assert.ok(!missing(section('10,000 GitHub stars by December', count, 'Median setup time down from 2 hours to 20 minutes')), `beside a change: ${count}`);
      }
      // A level, a count per period, who pays and a bad thing brought to zero measure a change, not activity.
      for (const line of ['an app store rating of 4.5 stars', '300 families borrowing a sack every month', '300 paying companies', 'Zero Sev-1 incidents']) {
        assert.ok(!missing(section('50,000 app downloads by June', line)), line);
      }
    });

    it('takes what a survey or study found as evidence, even under a results heading (session 19)', () => {
      const missing = (text: string) => of('outcome-metric', text).some((f) => f.missingBeat === 'outcome');
      const text =
        '---\nkind: update\n---\n\n# Funding update\n\n## Survey results show the need is real\n\nIn our survey we found that 35% of maintainers are paid. A similar number (about 35%) have never been paid.\n';
      assert.ok(missing(text));
      assert.ok(!missing(text.replace('have never been paid.', 'have never been paid. We aim to raise the paid share to 50% by 2027.')), 'a target beside the finding');
    });

    it('does not take numbers on the pain or plan slides, or vanity numbers, as targets', () => {
      assert.equal(of('outcome-metric', '## The problem\n\nAgents spend 40% of their time searching.\n').length, 1);
      assert.equal(of('outcome-metric', '## Plan\n\n- Pilot with 2 wards in Q1\n- 4 engineers\n').length, 1);
      assert.equal(of('outcome-metric', '## Success\n\n- 50,000 downloads in the first month\n').length, 1);
    });
  });

  describe('vanity-metric', () => {
    it('reports each vanity measure where it is written', () => {
      const text = '## Success\n\n- 1M page views and 50k downloads by Q3\n- Launch by June\n';
      assert.deepEqual(
        of('vanity-metric', text).map((f) => [f.line, f.column, f.endColumn]),
        [
          [3, 6, 16],
          [3, 25, 34],
          [4, 3, 17],
        ],
      );
    });

    it('leaves dates on plan slides and qualified counts alone', () => {
      assert.equal(of('vanity-metric', '## Plan\n\nLaunch by June, ship to everyone in Q3.\n').length, 0);
      assert.equal(of('vanity-metric', '## Success\n\nSign-ups who stay active for 30 days rise to 40% by Q3.\n').length, 0);
      assert.equal(of('vanity-metric', '## Success\n\nWe will not count downloads; we track weekly use.\n').length, 0);
    });

    it('reports vanity numbers on any slide that talks about measuring success', () => {
      assert.equal(of('vanity-metric', 'We will measure success by the number of features shipped this year.\n').length, 1);
    });

    it('reads output counts and go-live dates as vanity, and a real target beside them does not hide them', () => {
      for (const line of ['1,000 pharmacies onboarded', '400 people trained', '50,000 screenshots shared', 'Press in at least 5 national titles', 'Tablets live in all 14 hotels by the end of June']) {
        assert.equal(of('vanity-metric', `## Success\n\n- ${line}\n`).length, 1, line);
      }
      const mixed = '## How we will know\n\nReturned prescriptions drop by 30% by August, and the app reaches 100,000 downloads.\n';
      assert.deepEqual(
        of('vanity-metric', mixed).map((f) => f.message.slice(0, 12)),
        ['“downloads” '],
      );
    });

    it('in a block over 2,000 characters, reads each match with the words around it on its own line', () => {
      const filler = Array.from({ length: 40 }, (_, i) => `Teams met on day ${i + 1} and agreed the plan for the week ahead.`);
      filler[10] = 'We want 50,000 downloads by June.';
      filler[20] = 'We will not count page views, only repeat visits.';
      filler[30] = 'Reach **100,000 people** in the first year.';
      const text = `## Success metrics\n\n${filler.join('\n')}\n`;
      assert.ok(text.length > 2200);
      assert.deepEqual(
        of('vanity-metric', text).map((f) => [f.line, f.message.slice(0, 12)]),
        [
          [13, '“downloads” '],
          [33, '“Reach 100,0'],
        ],
      );
    });

    it('in a hard-wrapped block over 2,000 characters, reads a sentence broken over two lines whole, as in a short block', () => {
      const lines = Array.from({ length: 40 }, (_, i) => `Teams met on day ${i + 1} and agreed the plan for the week ahead.`);
      lines[20] = 'Teams met again and agreed the plan. Impressions';
      lines[21] = 'hit 1.2 million in May. Teams met and agreed the plan for the week.';
      const long = `## Success metrics\n\n${lines.join('\n')}\n`;
      assert.ok(long.length > 2200);
      const short = `## Success metrics\n\n${lines.slice(15, 25).join('\n')}\n`;
      for (const [text, line] of [
        [long, 23],
        [short, 8],
      ] as const) {
        assert.deepEqual(
          of('vanity-metric', text).map((f) => [f.line, f.message.slice(0, 14)]),
          [[line, '“Impressions” ']],
        );
      }
    });

    it('reads no words inside a web address: a link is reported once, for its text', () => {
      for (const line of [
        '<https://example.com/downloads> 50,000 downloads by June',
        '50,000 [downloads](https://example.com/downloads) by June',
        'See https://example.com/downloads-report: 50,000 downloads by June',
      ]) {
        assert.equal(of('vanity-metric', `## Success\n\n${line}\n`).length, 1, line);
      }
      assert.deepEqual(of('vanity-metric', '## Success\n\nWeekly active nurses reach 40% by June: <https://example.com/page-views>\n'), []);
    });

    it('reads work counted as done, people put through a programme, a head count to grow and a date before the delivery as vanity', () => {
      for (const line of [
        'The total number of issues that have been reported as true positives',
        'At least 1 maintainer added to the owners file',
        'Onboarded 19 new developers into the project',
        'Train at least 100 Brazilian researchers in open tools',
        'Triplicate the number of certified instructors in the region',
        'Increase the number of merged PRs per month',
        'At least 40 home visits done',
        'More than 50 tracked deliverables',
        'Changesets merged is our key success metric',
        'By 7:00 pm, each table should have at least one working demo shipped',
        'Mainframe exited by 31 August 2028',
      ]) {
        assert.equal(of('vanity-metric', `## Success\n\n- ${line}\n`).length, 1, line);
      }
    });

    it('does not count a sum of money beside people, nor a step of a plan that retires a system', () => {
      assert.deepEqual(of('vanity-metric', '## Goals\n\n€3750 - Pay contributors €18.75/hour for code submitted to the project.\n'), []);
      assert.deepEqual(of('vanity-metric', '## Rollout\n\nThe target is a 95% acknowledgement rate.\n\n1. Decommission the old scheduler by end of March 2027.\n'), []);
    });

    it('does not read a delivery told in the past as a delivery date offered as success', () => {
      assert.deepEqual(of('vanity-metric', '## Success\n\n- The old scheduler was retired in 2019, and since then waits fell.\n'), []);
      assert.deepEqual(of('vanity-metric', '## Success\n\n- By March the app was released to every ward.\n'), []);
      assert.equal(of('vanity-metric', '## Success\n\n- By March the app will be released to every ward.\n').length, 1, 'the same delivery to come');
      assert.equal(of('vanity-metric', '## Success\n\n- Old scheduler retired by March.\n').length, 1, 'a system left by a date');
    });

    it('does not count as output a count the team means to bring down', () => {
      // Issues reported by customers are not the team's work: fewer of them is what the customer gets.
      assert.deepEqual(of('vanity-metric', '## Success\n\n- Halve the number of issues reported by customers each month\n'), []);
      assert.deepEqual(of('vanity-metric', '## Success\n\n- Reduce the number of vulnerabilities reported in production\n'), []);
      assert.equal(of('vanity-metric', '## Success\n\n- Double the number of issues reported and fixed each month\n').length, 1, 'a count to grow is still output');
    });

    it('reads "train 3 models" as a machine-learning team’s work, not people put through a programme', () => {
      const output = VANITY.find((v) => v.kind === 'output')!.re;
      const found = (text: string) => [...text.matchAll(output)].map((m) => m[0]);
      assert.deepEqual(found('We train 3 models across regions and keep the best.'), []);
      assert.deepEqual(found('We train 3 days across sites.'), []);
      assert.deepEqual(found('Train at least 100 Brazilian researchers.'), ['Train at least 100 Brazilian researchers']);
    });

    it('leaves alone counts it says it will not track, shares of a group and revenue that follows a launch', () => {
      assert.equal(of('vanity-metric', '## Measures\n\nWe are deliberately not tracking features shipped, page views or installs.\n').length, 0);
      assert.equal(of('vanity-metric', '## Measures\n\n- Share of new accounts finished without re-keying: from 0 to 25% by December\n').length, 0);
      assert.equal(of('vanity-metric', '## Targets\n\nGrow post-launch revenue to 35% of total by 2027.\n').length, 0);
    });
  });

  describe('call-to-action', () => {
    it('hears “we need more reviewers”, and not a question to the room or a byline', () => {
      const [more] = of('call-to-action', '# Quarry, November\n\nWe merged 40 PRs.\n\nWe need more reviewers. Anyone who can spare some time is welcome.\n');
      assert.equal(more?.severity, 'info', 'an ask with no owner or date');
      for (const aside of ['Keep your hands up if you found out from a review.', 'What I want you to hold onto is that there is a kid behind every number.']) {
        assert.equal(of('call-to-action', `# Beacon\n\nWe build games.\n\n---\n\n${aside}\n`)[0]?.missingBeat, 'ask', aside);
      }
      const byline = '# Live-ops team\n\nDecision needed · Studio leadership review · Prepared by Nadia Okonkwo, Producer\n\n## The decision\n\nApprove a six-person team.\n';
      assert.equal(of('call-to-action', byline)[0]?.severity, 'info', 'the byline is not the ask, so the real one has no owner or date');
    });

    it('hears “we are seeking £250,000”, not an aim: “we seek to provide…”', () => {
      const update = (line: string) => of('call-to-action', `# Research software engineers, this year\n\nWe merged the two chapters.\n\n${line}\n`);
      for (const aim of ['We seek to provide a home for everyone who writes research software.', 'This is the future we seek to create in two to five years.']) {
        assert.equal(update(aim)[0]?.missingBeat, 'ask', aim);
      }
      for (const ask of ['We are seeking £250,000 to fund the pilot.', 'We seek your support to fund the core team.']) {
        assert.match(update(ask)[0]?.message ?? '', /no owner and no date/, ask);
      }
    });

    it('fires with a weaker message for an ask without owner or date', () => {
      const [finding] = of('call-to-action', '## The ask\n\nWe need your support and more engineers.\n');
      assert.match(finding.message, /no owner and no date/);
      assert.equal(finding.line, 1);
    });

    it('asks who does it by when only where the kind expects an ask, as outcome-metric asks a timeframe (session 22)', () => {
      const config: StoryDeckConfig = { kinds: { retro: { expects: ['ask'], beforeWhat: [] }, newsletter: { expects: [], beforeWhat: [] } } };
      const said = (kind: string, ask: string) =>
        of('call-to-action', `---\nkind: ${kind}\n---\n\n# Tools for science\n\nWe believe a thesis should not be lost to a crashed laptop.\n\n${ask}\n`, config).map((f) => f.message);
      for (const [ask, quoted] of [
        ['## Now it is your turn!\n\n- Try one of these tools (or a few)\n- Let me know how it goes', 'Try one of these tools (or a few)'],
        ["## Join us\n\nJoin us on the journey to 2.0 by volunteering in the forum's moderation team.", 'Join us on the journey'],
        ['## One more thing\n\nPlease fill in the survey about the new build tools.', 'Please fill in the survey'],
      ]) {
        for (const kind of ['talk', 'strategy', 'update', 'newsletter']) assert.deepEqual(said(kind, ask), [], `${kind}: ${quoted}`);
        for (const kind of ['pitch', 'town-hall', 'exec-ask', 'proposal', 'retro']) {
          const [message, ...more] = said(kind, ask);
          assert.ok(message?.startsWith(`Is this the ask? “${quoted}`) && /no owner and no date/.test(message), `${kind}: ${message}`);
          assert.deepEqual(more, [], kind);
        }
      }
    });

    it('is satisfied by an owner or a date in the same section as the ask', () => {
      for (const ask of [
        'We need two engineers. Please tell Priya.',
        'We need two engineers by Friday.',
        'We need two engineers; owner: the VP of Engineering.',
        'We need a decision at the next steering committee.',
        '- **Engineering leads:** lend us one engineer each.',
        'Approve the budget. Sam will send the plan.',
      ]) {
        assertQuiet('call-to-action', `## The ask\n\n${ask}\n`, ask);
      }
    });

    it('reads a year as a date by its role: a step dated by it, not the budget it names', () => {
      for (const dated of ['Open-source the pipeline (Apache-2.0), Q1 2028', 'Prospective trial in 12 wards, 2028', 'Extend to a second site (2028)', 'Approve it by FY28.', 'We start in 2027.']) {
        assert.equal(hasDate(dated), true, dated);
      }
      for (const named of ['We would be grateful for your support for the £1.19M in the FY28 budget.', 'Approve £96,000 from the 2027 technology budget line.', 'This is in our 2027 plan.']) {
        assert.equal(hasDate(named), false, named);
      }
    });

    it('does not borrow a date from another section', () => {
      const text = '## Success\n\nTime falls from 2 to 1 minute by June.\n\n## The ask\n\nWe need your support.\n';
      assert.match(of('call-to-action', text)[0]?.message ?? '', /no owner and no date/);
    });

    it('reads no ask heading in a compound ("Decision-Making") and no ask in "what each one asks" (session 18)', () => {
      assert.notEqual(headingBeat('Governance and Decision-Making'), 'ask');
      assert.notEqual(headingBeat('Request-response model'), 'ask');
      assert.equal(headingBeat('Decision - fund the pilot'), 'ask', 'a spaced dash still names the decision asked for');
      // A proposal expects an ask: no section read as one says "No explicit ask yet", one read without owner or date is asked about.
      const proposal = (body: string) => of('call-to-action', `---\nkind: proposal\n---\n\n# An open source programme\n\n${body}\n`);
      const noAsk = (body: string) =>
        assert.deepEqual(
          proposal(body).map((f) => f.missingBeat),
          ['ask'],
          body,
        );
      noAsk('## Governance and Decision-Making\n\nWe follow a transparent governance model that lets the community take part in the decision making process.');
      noAsk('## Indicators\n\nThis section describes what each one asks and why it matters.');
      assert.match(proposal('## Indicators\n\nOne ask: lend us a reviewer.')[0]?.message ?? '', /no owner and no date/, '"one ask" is still the ask');
    });

    it('hears a proposal put in the active voice, a resolution made by one member, a memo that asks, and a "Need from you" heading', () => {
      const proposal = (body: string) => of('call-to-action', `---\nkind: proposal\n---\n\n# A rules-authors SIG\n\nRule authors duplicate each other's work.\n\n${body}\n`);
      for (const asks of [
        'We propose that the first SIG meeting take place on 19 November.',
        '## 2. Recommendations\n\n2.1 That the Cabinet Member approves the pathway by 31 March 2027.',
        "## 2. Recommendations\n\n2.1 That Cabinet:\n\na) approves the procurement of a booking service;\n\nb) delegates authority to the Director of Children's Services to award the contract; and\n\nc) notes the intention to report progress in March 2028.",
        'This memo asks the Cabinet Member to decide whether to open on Sundays from 1 February 2027.',
        '## Need from you\n\n- **Ops director (R. Castell):** sign-off of £182k capex by 15 Dec.',
      ]) {
        assert.deepEqual(
          proposal(asks).map((f) => f.message),
          [],
          asks,
        );
      }
      assert.equal(proposal('We propose that the natural home of this project is the r-lib organisation.')[0]?.missingBeat, 'ask', 'a claim, not a proposal put to the reader');
    });

    it('takes a team leader or a body that will decide as an owner, and a request to each reader with its channel as specific', () => {
      for (const ask of [
        'We need volunteers for the SMED workshop. If you are interested, talk to your team leader.',
        'We hope the Committee will consider this proposal at a future meeting.',
        'Join us on Zoom for the feedback sessions.',
        'If you can help, reply in the thread.',
        'Open an issue in the tracker if you can test on ARM.',
      ]) {
        assertQuiet('call-to-action', `## Next steps\n\n${ask}\n`, ask);
      }
      for (const weak of [
        'Please send us your ideas.',
        'We need your support.',
        'Join the conversation on our chat channel.',
        'Please comment in the linked issues.',
        'Approve a pilot in your repository.',
      ]) {
        assert.match(of('call-to-action', `## Next steps\n\n${weak}\n`)[0]?.message ?? '', /no owner and no date/, weak);
      }
    });

    it('takes no team task under "Next steps" for a request to each reader because it names a channel (review of session 18)', () => {
      for (const task of ['Send the final numbers to finance through the tracker.', 'Submit the budget via the form.', 'Start the migration in the repository.']) {
        assert.match(of('call-to-action', `## Next steps\n\n${task}\n`)[0]?.message ?? '', /no owner and no date/, task);
      }
      for (const ask of ['Send us your numbers through the form.', 'Send your feedback in the thread.']) {
        assertQuiet('call-to-action', `## Next steps\n\n${ask}\n`, ask);
      }
    });

    it('reads no proposal in a claim, no resolution in a clause that is a subject, no channel in a name (second review of session 18)', () => {
      const proposal = (body: string) => of('call-to-action', `---\nkind: proposal\n---\n\n# Faster builds\n\nOur builds take forty minutes.\n\n${body}\n`);
      assert.equal(proposal('We propose that most cache misses come from keys that ignore the compiler version.')[0]?.missingBeat, 'ask', 'a claim in the plain present, not a proposal');
      assert.equal(
        proposal('That the Cabinet Member for Finance approves every grant over £10k is a rule we inherited.')[0]?.missingBeat,
        'ask',
        'the clause is the sentence’s subject: a rule described',
      );
      assert.deepEqual(proposal('We propose that the first meeting take place on 19 November.'), [], 'the proposal still asks');
      assert.deepEqual(proposal('We propose that most reviews should happen in the open from 1 March.'), [], 'a counted subject with "should" still proposes');
      assert.deepEqual(
        proposal('## 2. Recommendations\n\n2.1 That Cabinet agrees that the strategy is the basis for the 2027 budget, by 31 March 2027.'),
        [],
        'an "is" in a clause of its own inside a resolution',
      );
      assert.deepEqual(proposal('## 2. Recommendations\n\n2.1 That the Cabinet Member approves the pathway, which is attached, by 31 March 2027.'), [], 'a "which is" in a resolution');
      const weak = "Join us on the journey to 2.0 by volunteering in the forum's moderation team.";
      assert.match(of('call-to-action', `## Next steps\n\n${weak}\n`)[0]?.message ?? '', /no owner and no date/, 'the forum names the team, not where to act');
      assert.deepEqual(of('call-to-action', `## Next steps\n\nJoin us in the forum to plan 2.0.\n`), [], 'the forum is the channel');
    });

    it('fires the main message when there is no ask at all, or an explicit "no asks"', () => {
      assert.match(of('call-to-action', '## Thanks\n\nQuestions welcome.\n')[0].message, /No explicit ask/);
      assert.match(of('call-to-action', 'Status: all green. No asks this week.\n')[0].message, /No explicit ask/);
    });
  });

  describe('why-before-what on proposals and memos', () => {
    const wbw = (text: string) => of('why-before-what', text).length;
    it('reads a document label in the title as the kind of document, not the solution', () => {
      assert.equal(
        wbw('# Change proposal: bedside barcode checks\n\n## Background\n\nNurses wait twelve minutes for a second checker, every night.\n\n## Proposed design\n\nScan the wristband.\n'),
        0,
      );
    });
    it('hears the solution in a summary that proposes it before the motivation', () => {
      const rfc = (summary: string) => `# Type-check cache\n\n## Summary\n\n${summary}\n\n## Motivation\n\nDevelopers wait four minutes for every check.\n`;
      assert.equal(wbw(rfc('Add an on-disk cache of type-check results, so that only changed modules are checked.')), 1);
      assert.equal(wbw(rfc('This RFC proposes an on-disk cache of type-check results.')), 1);
      assert.equal(wbw(rfc('Checks are slow, and developers wait hours later for results or not at all. This RFC proposes a cache.')), 0, 'the pain comes first');
    });
    it('takes the writer’s own later "Why …" heading as saying the opening before the solution was not the why', () => {
      const pitch = (text: string) => of('why-before-what', text, { kind: 'pitch' });
      const memo = (opening: string, why: string) =>
        `# Changes to how support is organised\n\n${opening}\n\n---\n\n## What is changing\n\nWe're merging the two regional teams into one support desk, with one rota and one queue.\n\n---\n\n## ${why}\n\nStore managers wait two days for an answer because each question is passed between teams.\n`;
      const greeting = "I want to share some changes to how our support office is organised, which take effect in May. I'd rather you hear it from me.";
      const fired = pitch(memo(greeting, "Why we're doing this"));
      assert.equal(fired.length, 1, 'a purpose read in the greeting, then the change, then the writer’s “Why”');
      assert.equal(fired[0].line, 7, 'reported at the solution');
      // One reading: the story model itself sets the greeting aside, so the outline and the Story view say the same as the rule.
      const story = readStory(parseDeck(memo(greeting, "Why we're doing this")));
      assert.deepEqual(story.slideBeats[0], [], 'the greeting plays no beat');
      assert.equal(story.beats.why.evidence?.slide, 3, 'the why is read where the writer put it');
      assert.equal(pitch(memo(greeting, 'Background')).length, 0, 'no “Why” heading after it: the greeting still reads as the why');
      assert.equal(pitch(memo(greeting, 'Why now')).length, 0, '“Why now” names no beat');
      assert.equal(pitch(memo(greeting, 'Why not a plugin?')).length, 0, 'an alternative turned down, “Why not …?”, is no “Why” heading');
      assert.equal(pitch(memo(`## The problem\n\nStore managers wait two days for every answer.`, "Why we're doing this")).length, 0, 'a heading of its own told the problem first');
      const purpose = 'The purpose of this change is to answer every store the same day, whoever picks up the phone.';
      assert.equal(pitch(memo(purpose, "Why we're doing this")).length, 0, 'a purpose stated outright is the why, whatever heading follows');
      assert.equal(pitch(memo(purpose, 'Why not a single national team?')).length, 0, 'nor does an alternative’s “Why not …?” undo it');
      assert.equal(readStory(parseDeck(memo(purpose, "Why we're doing this"))).beats.why.evidence?.slide, 1, 'the story reads the why where it was stated');
    });
    it('reads a section headed as the change before a later "Why" in the same slide as the solution first', () => {
      const pitch = (text: string) => of('why-before-what', text, { kind: 'pitch' });
      const post = (first: string) =>
        `# Release schedule\n\nPosted to the project blog.\n\n---\n\n${first}## What's changing\n\nFrom 5.0 we ship a feature release every six months, each supported for 18 months.\n\n## Why\n\nPackagers who ship an old minor version have had to backport the same security patch by hand three times.\n`;
      const fired = pitch(post(''));
      assert.equal(fired.length, 1);
      assert.equal(fired[0].line, 7, 'reported at the “What’s changing” heading');
      assert.equal(pitch(post('## The problem\n\nPackagers backport the same patch by hand, again and again.\n\n')).length, 0, 'the problem under a heading of its own comes first');
      assert.equal(pitch(post('Our goal is to spare packagers from backporting the same patch by hand.\n\n')).length, 0, 'a purpose stated outright comes first');
      assert.equal(
        pitch(
          `# A proposal to the housing association: warm homes\n\nWe are a small energy co-operative.\n\n## Why we're writing\n\nTenants on the estate sit in one cold room all winter to save on the meter.\n\n## What we propose\n\nA pilot of heat pumps in forty homes.\n\n---\n\n## About us\n\nWe have run three pilots.\n`,
        ).length,
        0,
        'the narrative’s own title names it and is no solution’s section',
      );
    });
  });

  describe('customer-pain and customer-value', () => {
    it('need a person and a struggle, not a heading', () => {
      assert.equal(of('customer-pain', '## The problem\n\nThe platform is old and expensive to maintain.\n').length, 1);
      assert.equal(of('customer-pain', '## The problem\n\nOur dispatchers retype every order by hand.\n').length, 0);
      assert.equal(of('customer-pain', 'Finance teams reconcile 300 invoices by hand at month-end.\n').length, 0);
    });

    it('do not read the future as pain, or the pain as value', () => {
      assert.equal(of('customer-pain', 'With the new view, nurses no longer copy anything by hand.\n').length, 1);
      assert.equal(of('customer-pain', "# Why\n\nWe believe nurses shouldn't have to copy vitals by hand.\n").length, 1, 'a belief is not a story');
      assert.equal(of('customer-value', 'Nurses spend an hour of every shift on paperwork instead of patients.\n').length, 1);
      assert.equal(of('customer-value', 'Nurses will no longer spend an hour on paperwork.\n').length, 0);
    });

    it('know the same people when beats are detected as when the story is read', () => {
      for (const text of ['Residents wait three weeks for a repair.\n', 'Volunteers chase the same forms every week.\n']) {
        assert.deepEqual(parseDeck(text).slides[0].beats, ['pain'], text);
        assert.equal(of('customer-pain', text).length, 0, text);
      }
    });

    it('hear a struggle in signed quotes, repeated calls and incidents, not in hypotheticals, rates or a group’s mood', () => {
      const pain = (text: string) => of('customer-pain', text).length === 0;
      assert.ok(pain('## Meet Jade\n\n- Runs a two-chair salon\n\n> "I\'m a good colourist. I shouldn\'t have to be a marketer too." — Jade\n'), 'a signed quote');
      assert.ok(pain('## Situation\n\n- Front desk teams make an average of 60 radio calls a day to ask about rooms\n'), 'repeated calls');
      assert.ok(!pain('## Staffing\n\nAdjusters would be relieved of recovery work and return an estimated 3.5 hours a week each to their claims.\n'), 'a hypothetical');
      assert.ok(!pain('## Background\n\nOver the past two school years parents are frustrated and complaints have increased.\n'), 'a group’s mood');
      assert.ok(!pain('## Background\n\nOur customers start online, and our digital abandonment rate is 38%.\n'), 'a rate');
      assert.ok(
        pain('## Meet Yusuf\n\nYusuf was a civil engineer for eleven years. He works nights at a car wash.\n\n> "Nobody tells you which door to knock on."\n'),
        'one person in their own words',
      );
      assert.ok(pain('## Why now\n\nNight nurses lose twenty minutes a shift rebuilding what the day shift knew.\n'), '“Why now” told as pain');
      assert.ok(!pain('## How it works\n\nThe hub reads tickets from the helpdesk every night, so customers never have to chase.\n'), 'the solution');
      assert.ok(!pain('## Background\n\nReturned claims cost us about £140,000 a year in rework, and staff re-enter every claim by hand.\n'), 'the business case');
    });

    it('see a better day told as what someone now does, gets back or does once', () => {
      assert.ok(value('Now patients get a text two days before the appointment and can reply to move it.\n'));
      assert.ok(value('Janelle has her Friday afternoons back for clinic work.\n'));
      assert.ok(value('The health worker records the vaccination once, at the door of the house.\n'));
      assert.ok(value('## What we want to change\n\n- Operators get a warning on the line screen two days before a bearing fails\n'));
      assert.ok(!value('The health worker records the vaccination once a week.\n'), 'a frequency, not a change');
    });

    it('hear no change in a trend, a wish, the team’s own news, a pointer to the text or an idiom', () => {
      assert.ok(!value('The way people bank has changed faster in the last five years than in the previous fifty.\n'), 'a trend');
      assert.ok(!value('Patients want to be seen sooner.\n'), 'a wish');
      assert.ok(!value("We've been heads-down for a year, and we're finally ready to show you what we built.\n"), 'the team’s news');
      assert.ok(!value('You’ll find some answers below.\n'), 'a pointer to the text');
      assert.ok(!value('Maintainers carry more burnout than I can imagine.\n'), 'an idiom');
      assert.ok(value('Patients will be seen sooner, and no longer phone at 8 am for a slot.\n'), 'the change itself');
      assert.ok(value('Imagine a nurse who no longer copies vitals by hand.\n'), 'imagine, told as a change');
    });

    it('hear the change told beside a wish or a "finally": those words are left out, not held against the sentence', () => {
      const quoted = (text: string) => of('customer-value', `## The new check-in\n\nThe app reads the referral letter.\n\n> ${text}\n`).length === 0;
      assert.ok(quoted('I can finally leave on time instead of staying an hour late, says a ward nurse.'), 'a customer’s “finally”');
      assert.ok(quoted('Patients want to be seen sooner, and now they are seen within a day instead of a week.'), 'a wish, then the change');
      assert.ok(!quoted('Patients want to be seen sooner.'), 'the wish alone');
    });

    it('see value told as a benefit for a named group, or as what the customer will be able to do, even in a plan (session 18)', () => {
      assert.ok(value('For merchants, it means a card that works at 7 a.m. on a Saturday.\n'), 'a benefit for a named group');
      assert.ok(value('For the engineers on the rotation, this means being paged perhaps twice a month instead of every night.\n'), 'the before it names is not today’s struggle');
      assert.ok(!value('For customers, what does this mean?\n'), 'a question');
      assert.ok(
        value('## Outline\n\nParticipants will leave with a few ideas that they should be able to try out within their own teams.\n'),
        'what the customer will be able to do, in a plan section',
      );
      assert.ok(value('## Roadmap\n\nA library of tested strategies by building type, so that owners opt in to a strategy rather than engineer one.\n'), 'a purpose clause that tells a change');
      assert.ok(!value('## Outline\n\nBy the end of this talk you will be able to configure the store in one file.\n'), '“you” in a how-to is the reader learning a feature');
      assert.ok(!value('## Roadmap\n\nThe team will be able to ship the store in March.\n'), 'the team’s plan');
      assert.ok(!value('## Why it matters\n\nWe believe every student should be able to follow a lecture.\n'), 'a belief, a norm for everyone');
    });

    it('see what the new thing lets the people served do, or lets them do with ease, in any section but the business case (session 20)', () => {
      assert.ok(value("## Why it matters\n\nThe shared catalogue allows researchers to build on each other's data.\n"), 'what it allows a customer to do, under the why');
      assert.ok(value('## Our vision\n\nThe open editor will allow more people to collaborate on one map.\n'), 'more people, allowed');
      assert.ok(value('## Strategy\n\nThe first release will enable the hospital pharmacy team to start using the dashboard.\n'), 'a team the writers serve');
      assert.ok(value('## Outcomes\n\n- The public can easily find the forecast for their own town\n'), 'the public, with ease');
      assert.ok(value('## Goals\n\nService teams have what they need to more easily build an accessible form.\n'), 'more easily, after “to”');
      assert.ok(!value('## Outline\n\nThe plugin allows you to configure the store in one file.\n'), '“you” in a how-to is the reader learning a feature');
      assert.ok(!value('## Roadmap\n\nThe new pipeline will enable the team to ship in March.\n'), 'the writers’ team');
      assert.ok(!value('## Roadmap\n\nThe new pipeline lets our team ship in March.\n'), 'our team');
      assert.ok(!value('## Business case\n\nThe portal allows customers to buy priority support.\n'), 'the business case');
      assert.ok(!value('## Why it matters\n\nWe believe every student should be able to easily follow a lecture.\n'), 'a belief, a norm for everyone');
    });

    it('see what is made easier or possible for the people served, or the opportunities they are given, in any section but the business case (session 23)', () => {
      assert.ok(value('## Goals\n\n- We will provide opportunities for patrons to ask and share sensitive information.\n'), 'opportunities for patrons');
      assert.ok(value('## Why it matters\n\nThe summaries make it easier for new contributors to get up to speed.\n'), 'easier for new contributors, under the why');
      assert.ok(value('## Vision\n\nThe open data makes it possible for the public to check every figure.\n'), 'possible for the public');
      assert.ok(!value('## Roadmap\n\nThe new pipeline makes it easier for the team to ship in March.\n'), 'the writers’ team');
      assert.ok(!value('## Roadmap\n\nThe plugin makes it easier for you to configure the store.\n'), '“you” in a how-to');
      assert.ok(!value('## Business case\n\nThe portal makes it easier for customers to buy priority support.\n'), 'the business case');
    });

    it('hear no change in the speaker walking the audience through a talk ("as we’ll see") or in the writers’ own ease ("we can easily fix it") (session 20)', () => {
      assert.ok(!value("## The release\n\nAs we'll see in a minute, folks can migrate the old sites.\n"), 'as we’ll see');
      assert.ok(!value('## The release\n\nWe will see how the old sites move over.\n'), 'we will see');
      assert.ok(value("## The release\n\nYou'll see the new sites load in a second.\n"), 'what the customer will see is still a change');
      assert.ok(!value('## Delivery\n\nWe can easily fix a bug once the release reaches customers.\n'), 'the writers’ own ease');
      assert.ok(value('## Delivery\n\nCustomers can easily fix a typo in their own order.\n'), 'the customer’s ease is still a change');
    });

    it('read a talk’s speaker notes for the value the speaker tells, but not the speaker’s own directions nor the teams it lets focus (session 23)', () => {
      const talk = (notes: string) => `## Python Enhancement Proposals\n\n- One page per proposal\n\nNote:\n\n${notes}\n`;
      assert.ok(value(talk('* These summaries make it easier for new contributors to get\n  up to speed on past design decisions')), 'a reveal.js note, wrapped');
      assert.ok(value('## PEPs\n\nOne page per proposal.\n\n<!-- Readers will be able to follow one page instead of the whole list. -->\n'), 'a note in a comment');
      assert.ok(!value(talk('Pause here. Let people react.')), 'the speaker’s own direction');
      assert.ok(!value(talk('We combine tools to enable teams to focus on innovation.')), 'teams let focus are the writers’ own');
      assert.ok(!value(talk('Thanks for coming.')), 'notes with no change');
      assert.ok(value('## Lessons\n\n- Let pickers choose their language\n'), 'on the slide, “Let pickers choose” still counts');
    });

    it('hear no value in a customer who will no longer trust, qualify, afford or have access: a loss, not a better day (review of session 18)', () => {
      assert.ok(!value('## Roadmap\n\nCustomers will no longer trust us if the outage repeats.\n'), 'trust lost');
      assert.ok(!value('## Roadmap\n\nMembers will no longer be eligible for the discount after June.\n'), 'eligibility lost');
      assert.ok(!value('## Roadmap\n\nSmall merchants will no longer afford the card fee.\n'), 'a price they cannot pay');
      assert.ok(!value('## Roadmap\n\nPatients will no longer have access to the walk-in clinic.\n'), 'access lost');
      assert.ok(value('## Roadmap\n\nNurses will no longer have to retype vitals into the chart.\n'), 'a burden gone is still value');
    });

    it('hear no value in "this means" nothing, a limit or a team’s new step, nor in a price a seller will be able to raise (second review of session 18)', () => {
      for (const heading of ['# Plan changes\n\n', '# Plan changes\n\n## Roadmap\n\n']) {
        assert.ok(!value(`${heading}For users on the free plan, this means a hard cap of 100 requests a day.\n`), 'a limit');
        assert.ok(!value(`${heading}For patients, this means nothing yet.\n`), 'nothing');
        assert.ok(!value(`${heading}For the finance team, this means a new approval step.\n`), 'the team’s own step');
        assert.ok(!value(`${heading}They will be able to raise their prices.\n`), 'a price rise');
        assert.ok(!value(`${heading}Suppliers will be able to raise their prices.\n`), 'a supplier’s price rise');
      }
      assert.ok(value('## Roadmap\n\nFor merchants, it means a card that works at 7 a.m. on a Saturday.\n'), 'a benefit for a named group');
      assert.ok(value('## Roadmap\n\nSuppliers will be able to see their orders a week ahead.\n'), 'a supplier’s better day');
      assert.ok(value('## Roadmap\n\nFor nurses, this means no more retyping vitals at the end of a shift.\n'), '“no more” is the benefit');
    });

    it('see the customer’s after told in their own words, or done without help; a patient “who is getting worse” is no worse day', () => {
      assert.ok(value('“Now he asks me to do the voices,” she told us.\n'), 'the customer’s own words');
      assert.ok(value('In September she sent her first text message to her daughter without help.\n'), 'without help');
      assert.ok(value('She reads the short pages by herself.\n'), 'by herself');
      assert.ok(!value('Volunteers arm themselves with flash cards.\n'), 'a reflexive is not a change');
      assert.ok(value('A nurse on a night shift would see half as many alerts, about patients who are actually getting worse.\n'), 'a patient getting worse describes who');
      assert.ok(!value('Nurses would see the alerts, and the backlog is getting worse.\n'), 'a change for the worse');
    });

    it('recognise people the narrative introduces by name', () => {
      assert.deepEqual(introducedNames(['Meet Maria.', 'Priya, a dispatcher in Rotterdam, waits.', '— Grace, who sells ceramics', 'Today, a nurse']), ['Maria', 'Priya', 'Grace']);
      assert.deepEqual(introducedNames(['She said it was broken.', 'He calls the fitter.', 'Over the past two school years parents wait.']), [], 'pronouns and sentence openers are not names');
      assert.equal(of('customer-value', '## Meet Tom\n\nTom queues for lunch.\n\n---\n\nTom pays on his phone and is back at his desk in a minute, finally.\n').length, 0);
    });
  });

  describe('passages', () => {
    it('skip empty and TODO sections and code, and split sentences', () => {
      const deck = parseDeck('## The problem\n\nTODO\n\n## Meet Maria\n\nMaria waits. She copies vitals.\n\n```\nwaits by hand\n```\n');
      const passages = deck.slides.flatMap((slide) => slidePassages(slide));
      assert.deepEqual(
        passages.map((p) => [p.text, p.context.join()]),
        [
          ['Meet Maria', 'pain'],
          ['Maria waits.', 'pain'],
          ['She copies vitals.', 'pain'],
        ],
      );
      assert.deepEqual(sentences("At 7 a.m. she has twelve minutes. St. Anne's is busy!"), ['At 7 a.m. she has twelve minutes.', 'St.', "Anne's is busy!"]);
    });
  });

  it('never throw and stay linear on long, hostile input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const { findings, deck } = lintText(text);
        for (const f of findings.filter((x) => STORY_RULES.includes(x.ruleId))) assert.ok(f.line >= 1 && f.line <= deck.lines.length);
      }),
      { numRuns: 200 },
    );
    const hostile = [
      '1'.repeat(200_000),
      '1,'.repeat(100_000),
      'from 1 '.repeat(30_000),
      'Meet Maria, a '.repeat(20_000),
      'spend '.repeat(40_000),
      '## Success\n\n' + 'launch '.repeat(40_000),
      '## The ask\n\n' + 'tell '.repeat(40_000),
      '“'.repeat(60_000),
      'A. '.repeat(20_000),
      '## Success\n\n' + 'page views '.repeat(6_000),
      '## Success\n\n' + 'downloads. '.repeat(6_000),
      '## The ask\n\n' + 'We need you. '.repeat(5_000),
    ];
    for (const text of hostile) {
      const start = Date.now();
      lintText(text);
      assert.ok(Date.now() - start < 3000, `linted ${text.slice(0, 20)}… in ${Date.now() - start} ms`);
    }
  });
});
