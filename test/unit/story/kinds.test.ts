import assert from 'node:assert/strict';
import { parseDeck } from '../../../src/core/deck';
import { lintText, type Finding, type StoryDeckConfig } from '../../../src/core/lint';
import { BUILTIN_KINDS, inferKind, readKind } from '../../../src/core/story/kinds';

const MISSING_BEAT_RULES = ['why-before-what', 'customer-pain', 'customer-value', 'business-value', 'strategic-tie-in', 'outcome-metric', 'call-to-action'];
const missing = (findings: Finding[]) => findings.filter((f) => f.missingBeat).map((f) => f.missingBeat);

/** A narrative that plays only an outcome beat: what a quarterly update is. */
const UPDATE_BODY =
  '## On-time delivery\n\nOn-time delivery rose from 81% to 93% this quarter; the target was 90% by the end of Q3.\n\n---\n\n## Leeds\n\nWe move the same checks to the Leeds depot.\n';

describe('document kinds', () => {
  it('a narrative with no kind is a pitch and gets every missing beat of a pitch reported', () => {
    const { deck, findings } = lintText(`---\ntitle: Depot checks\n---\n\n${UPDATE_BODY}`);
    assert.equal(readKind(deck).id, 'pitch');
    assert.deepEqual(new Set(missing(findings)), new Set(['why', 'pain', 'value', 'business', 'strategy', 'ask']));
  });

  it('a beat missing from a narrative read as a pitch only because nothing names its kind is a question, saying how to set it', () => {
    const guessed = lintText(`---\ntitle: Depot checks\n---\n\n${UPDATE_BODY}`).findings.filter((f) => f.missingBeat);
    assert.ok(guessed.length > 0);
    for (const f of guessed) {
      assert.equal(f.severity, 'info', f.message);
      assert.match(f.message, /\(Read as a pitch: nothing names its kind\. If it is a proposal, a talk, an update or another kind, set `kind:`\.\)/);
    }
    const declared = lintText(`---\ntitle: Depot checks\nkind: pitch\n---\n\n${UPDATE_BODY}`).findings.filter((f) => f.missingBeat);
    assert.deepEqual(
      declared.map((f) => [f.missingBeat, f.severity]),
      guessed.map((f) => [f.missingBeat, 'warning']),
      'a declared pitch: the same beats, as warnings',
    );
    const configured = lintText(`---\ntitle: Depot checks\n---\n\n${UPDATE_BODY}`, { rules: { 'business-value': 'error' } }).findings.find((f) => f.ruleId === 'business-value');
    assert.equal(configured?.severity, 'error', 'a severity the user set stands');
  });

  it('an update expects only an outcome: no why, pain, value, business, strategy or ask reported missing', () => {
    const { findings } = lintText(`---\ntitle: Depot checks\nkind: update\n---\n\n${UPDATE_BODY}`);
    assert.deepEqual(missing(findings), []);
    assert.deepEqual(
      findings.filter((f) => MISSING_BEAT_RULES.includes(f.ruleId)).map((f) => f.message),
      [],
    );
  });

  it('reports exactly the beats each built-in kind expects when a narrative has none of them', () => {
    for (const [kind, profile] of Object.entries(BUILTIN_KINDS)) {
      const { findings } = lintText(`---\ntitle: Empty\nkind: ${kind}\n---\n\n## Notes\n\nThe depot opens at six.\n`);
      // why-before-what reports a missing why only; pain, when also expected, is customer-pain's.
      assert.deepEqual(new Set(missing(findings)), new Set(profile.expects), kind);
    }
  });

  it('judges the order by the kind: an exec ask may open with the business case', () => {
    const text = (kind: string) =>
      `---\ntitle: Close faster\nkind: ${kind}\n---\n\n## Why it matters for the business\n\nMonth-end close costs us £400k a year in overtime.\n\n---\n\n## What we're building\n\nWe're building a reconciliation tool that matches invoices automatically.\n\n---\n\n## The problem\n\nPriya spends three days every month copying invoices by hand.\n`;
    const order = (kind: string) => lintText(text(kind)).findings.filter((f) => f.ruleId === 'why-before-what' && !f.missingBeat);
    assert.equal(order('pitch').length, 1, 'a pitch needs a why or pain before the solution');
    assert.match(order('pitch')[0].message, /before the why or pain on slide 3/);
    assert.deepEqual(order('exec-ask'), []);
  });

  it('takes the kind from the configuration when the front matter names none, and a configured kind can be changed or added', () => {
    const config: StoryDeckConfig = { kind: 'review', kinds: { review: { expects: ['ask'], beforeWhat: [] }, update: { expects: ['outcome', 'ask'], beforeWhat: [] } } };
    const reviewed = lintText(`---\ntitle: Depot checks\n---\n\n${UPDATE_BODY}`, config);
    assert.equal(readKind(reviewed.deck, config).source, 'config');
    assert.deepEqual(missing(reviewed.findings), ['ask']);
    const update = lintText(`---\ntitle: Depot checks\nkind: update\n---\n\n${UPDATE_BODY}`, config);
    assert.deepEqual(missing(update.findings), ['ask']);
  });

  it('an unknown kind is read as a pitch and reported once by front-matter', () => {
    const { deck, findings } = lintText(`---\ntitle: Depot checks\nkind: updat\n---\n\n${UPDATE_BODY}`);
    const kind = readKind(deck);
    assert.equal(kind.id, 'pitch');
    assert.equal(kind.unknown, 'updat');
    assert.equal(findings.filter((f) => f.ruleId === 'front-matter').length, 1);
  });

  describe('reading the kind from the title and headings', () => {
    const kindOf = (text: string) => inferKind(parseDeck(text))?.id;
    it('reads RFCs, updates, town halls, exec asks, talks and strategy pages', () => {
      assert.equal(kindOf('# RFC 42: Shared calibration store\n\n## Summary\n\nA store.\n'), 'proposal');
      assert.equal(kindOf('# Typecheck cache\n\n## Motivation\n\nSlow builds.\n\n## Alternatives considered\n\nNone.\n'), 'proposal');
      assert.equal(kindOf('# Platform squad — Q3 update\n\nWe shipped.\n'), 'update');
      assert.equal(kindOf('# Depot\n\n## What we shipped\n\nChecks.\n\n## What slipped\n\nLeeds.\n'), 'update');
      assert.equal(kindOf('# October all-hands\n\nHello.\n'), 'town-hall');
      assert.equal(kindOf('# Budget request: two engineers\n\nWe need them.\n'), 'exec-ask');
      assert.equal(kindOf('# Keynote: the picker’s day\n\nHello.\n'), 'talk');
      assert.equal(kindOf('# Product strategy 2027\n\nWhere we go.\n'), 'strategy');
    });
    it('reads direction pages, memos, all-staff meetings and talks the way their readers do', () => {
      assert.equal(kindOf('# Customer Service Direction 2026–2028\n\nFive workstreams.\n'), 'strategy');
      assert.equal(kindOf('# The library as a living room — our strategic direction\n\nRooms.\n'), 'strategy');
      assert.equal(kindOf('# MEMORANDUM\n\nTo: the board.\n'), 'exec-ask');
      assert.equal(kindOf('# Subject: Request: extend the reminder pilot\n\nDear Ana.\n'), 'exec-ask');
      assert.equal(kindOf('# All-staff convocation\n\nWelcome back.\n'), 'town-hall');
      assert.equal(kindOf('# Rebuilding holds — a CivicTech Night talk\n\nHello.\n'), 'talk');
      assert.equal(kindOf('# Harvest Rewards is changing\n\nStore town hall · January 2027\n\n---\n\n## Why\n\nHi.\n'), 'town-hall');
      assert.equal(kindOf('---\ninfo: Hallam & Booth quarterly all-hands, Q2\n---\n\n# SiteLog\n\nThe site diary goes digital\n'), 'town-hall');
      assert.equal(kindOf('# Herd sensors\n\nKeynote, DairyTech 2026\n'), 'talk');
      assert.equal(kindOf('# Flaky tests\n\n## Who am I\n\nAna.\n\n## The bug\n\nIt.\n\n## Questions?\n\nAsk.\n'), 'talk');
    });
    it('reads roadmaps, numbered updates, consultations and papers for a board the way their readers do', () => {
      assert.equal(kindOf('# Geodata toolkit roadmap 2026\n\nThemes.\n'), 'strategy');
      assert.equal(kindOf('# Text reminders project — update #4 (October)\n\nLive in 11 practices.\n'), 'update');
      assert.equal(kindOf('# Consultation: changes to household waste collections\n\nWe propose.\n'), 'proposal');
      assert.equal(kindOf('# Lecture capture replacement — paper for the University Executive Board\n\nSummary.\n'), 'exec-ask');
      assert.equal(kindOf('# Guest lecture: how tides are measured\n\nHello.\n'), 'talk');
      assert.equal(kindOf('# Math tutoring pilot\n\n**Prepared for:** Superintendent’s Cabinet, Cedar Valley\n**Prepared by:** Ana\n'), 'exec-ask');
      assert.equal(kindOf('# Paying claims in days\n\n*A six-page narrative for the Commercial Lines leadership review, 16 November.*\n'), 'exec-ask');
      assert.equal(kindOf('# Client reporting: what we are changing\n\n**To:** Everyone at Ashby & Co\n**From:** the managing partner\n'), 'town-hall');
      assert.equal(kindOf('---\ninfo: DevConf Lisbon 2026, track A, 30 min\n---\n\n# Flaky tests\n\nHow we stopped retrying.\n'), 'talk');
    });
    it('reads board updates, shareholder letters, change proposals, board papers and webinars', () => {
      assert.equal(kindOf('# Harvest app — board update\n\nRevenue.\n'), 'update');
      assert.equal(kindOf('# Letter to our shareholders\n\nDear shareholders.\n'), 'update');
      assert.equal(kindOf('# Engineering proposal: one build cache\n\nSlow builds.\n'), 'proposal');
      assert.equal(kindOf('# Options paper: replacing lecture capture\n\nThree options.\n'), 'exec-ask');
      assert.equal(kindOf('# Webinar: accessible forms in practice\n\nHello.\n'), 'talk');
      assert.equal(kindOf('# Session proposal: flaky tests at scale\n\nAbstract.\n'), 'talk');
    });
    it('reads a post’s tags, a first speaker note and a speech the way their readers do', () => {
      assert.equal(kindOf('---\ntags: [roadmap, product, bookshops]\n---\n\n# What we’re building next year\n\nHi friends!\n'), 'strategy');
      assert.equal(kindOf('---\ncategories: speeches, local-government\n---\n\n# Nobody should have to tell us twice\n\nGood morning.\n'), 'talk');
      assert.equal(kindOf('---\ntags: [product-direction, stores]\n---\n\n# Order online, pick up in store\n\nWhere we go.\n'), 'strategy');
      assert.equal(kindOf('<!-- Lightning talk, PyData meetup, 5 minutes -->\n\nFive minutes. One library.\n\n---\n\nThis is Kofi.\n'), 'talk');
      assert.equal(kindOf('# Transcript: opening address, Local Services Conference\n\nGood morning.\n'), 'talk');
      assert.equal(kindOf('---\ntags: [accessibility, forms]\n---\n\n# Accessible forms\n\nHi.\n'), undefined, 'tags that name no kind');
    });
    it('reads a paper that asks its readers to decide as an exec-ask, unless its title names another kind', () => {
      assert.equal(kindOf('# Antibiotics within the hour\n\nPrepared for: Quality and Safety Committee\n\n## Why\n\nDelays.\n\n## Recommendation\n\nApprove.\n'), 'exec-ask');
      assert.equal(kindOf('# Reading partners: FY27 Q4 review and FY28 plan\n\n## The year\n\nGood.\n\n## Decisions for the Board\n\nApprove.\n'), 'exec-ask');
      assert.equal(kindOf('# Customer service direction 2027\n\n## Five workstreams\n\nX.\n\n## Decisions for the Leadership Team\n\nAgree.\n'), 'strategy');
      assert.equal(kindOf('# Depot\n\n## What we shipped\n\nChecks.\n\n## What slipped\n\nLeeds.\n\n## Decision needed\n\nX.\n'), 'update', 'an update told by its headings');
      assert.equal(kindOf('# Faster handovers\n\n## The problem\n\nMaria waits.\n\n## Decision log\n\nNone.\n'), undefined);
    });
    it('lets the title decide over a meeting the line under it mentions in passing', () => {
      assert.equal(kindOf('# Product direction: order online, pick up in store\n\nPlease read it before Thursday’s all-hands, and come with questions.\n'), 'strategy');
    });
    it('does not read a kind into a pitch about lectures, consultations or a conference', () => {
      assert.equal(kindOf('# Lecture theatre booking\n\n## The problem\n\nRooms sit empty.\n'), undefined);
      assert.equal(kindOf('# Video consultations for rural patients\n\n## The problem\n\nA two-hour drive.\n'), undefined);
      assert.equal(kindOf('# Conference room booking\n\nRooms for every team, booked in one tap.\n'), undefined);
    });
    it('reads nothing into an ordinary pitch, and says what decided a kind', () => {
      assert.equal(kindOf('# Faster handovers\n\n## The problem\n\nMaria waits.\n\n## What we are building\n\nA screen.\n'), undefined);
      const reading = inferKind(parseDeck('# Typecheck cache\n\n## Motivation\n\nSlow.\n\n## Drawbacks\n\nNone.\n'));
      assert.equal(reading?.source, 'inferred');
      assert.match(reading?.evidence ?? '', /“Motivation”, “Drawbacks”/);
    });
    it('reads the RFC template real projects use: a summary with a motivation or a proposal, the header lines, a proposal’s title', () => {
      assert.equal(kindOf('# Logs for crashes\n\n## Summary\n\nLogs are lost.\n\n## Motivation\n\nThey matter.\n'), 'proposal');
      assert.equal(kindOf('# Remove the backup CDN\n\n## Summary\n\nIt costs.\n\n## Problem\n\nIt is broken.\n\n## Proposal\n\nRemove it.\n'), 'proposal');
      assert.equal(kindOf('- Start Date: 2021-04-02\n- Target Major Version: 3.x\n\n# Summary\n\nDrop it.\n'), 'proposal');
      assert.equal(kindOf('# Proposal for the Python Software Foundation: a project scaffolder\n\n## Form\n\nName.\n'), 'proposal');
      assert.equal(kindOf('# Overnight cover\n\n## Summary\n\nWe ask for two nurses.\n\n## Background\n\nMaria waits.\n'), undefined, 'a summary alone is any document’s');
    });
    it('reads a log of dated meetings or months as an update', () => {
      assert.equal(kindOf('# Council meeting summary\n\n## 2022-08-01\n\nWe met.\n\n## 2022-08-08\n\nWe voted.\n\n## 2022-08-15\n\nWe met.\n'), 'update');
      assert.equal(kindOf('# Community news\n\n## January recap:\n\nA release.\n\n## February recap\n\nA sprint.\n\n## March recap:\n\nA fix.\n'), 'update');
      assert.equal(
        kindOf('# Rollout\n\n## Why\n\nSlow.\n\n## Users\n\nAna.\n\n## Plan\n\nSteps.\n\n## March\n\nPilot.\n\n## April\n\nTwo depots.\n\n## May\n\nAll.\n\n## Costs\n\nSome.\n\n## Ask\n\nYes.\n'),
        undefined,
        'a plan by month is not a log',
      );
    });
    describe('a talk, from how a deck of slides behaves whatever its words', () => {
      const deck = (...slides: string[]) => slides.join('\n\n---\n\n');
      const code = '```js\nawait load();\n```';
      it('two signs make a talk: the speaker introduced, an agenda, thanks at the end, code on several slides, research cited', () => {
        assert.equal(kindOf(deck('# Async in Rust', '## $ whoami', '## Futures', '## Executors', '## Pinning', '## thank you')), 'talk');
        assert.equal(kindOf(deck('# Guitar chords in Elm', '## My name is Ju', `## Parsing\n\n${code}`, `## Rendering\n\n${code}`, '## Demo', '## Fin')), 'talk');
        assert.equal(kindOf(deck('# Self-hosting Next.js', 'Ana Lima Senior Software Engineer', '## Dev mode', `## Build\n\n${code}`, `## Run\n\n${code}`, '## Deploy')), 'talk');
        assert.equal(
          kindOf(
            '# Pitcher plants\n\n## Networks\n\nLayers.\n\n## A reproducibility crisis (Baker 2015)\n\nMost fail.\n\n## Open process (Pasquier et al. 2017)\n\nRecord it.\n\n## Tools\n\nR.\n\n## Policy\n\nOpen.\n\n## Thank you\n\nEmail me.\n',
          ),
          'talk',
          'a research talk written as headings',
        );
      });
      it('one sign is not enough, and code in a post or an RFC is not a sign', () => {
        assert.equal(
          kindOf(deck('# Faster handovers', '## The problem\n\nMaria waits.', '## The fix', '## The plan', '## The cost', '## The ask', '## Thank you!')),
          undefined,
          'a pitch deck that thanks the room',
        );
        assert.equal(
          kindOf(`# DriftCheck 2.0 is out\n\n## What’s new\n\n${code}\n\n## Install\n\n${code}\n\n## Docs\n\nRead.\n\n## Roadmap\n\nMore.\n\n## Stars\n\nMany.\n\n## Thanks\n\nTo all.\n`),
          undefined,
          'a release post',
        );
      });
    });
    describe('what real documents show by their shape: a header’s fields, a work plan, a direction’s statements, a long deck', () => {
      const deck = (...slides: string[]) => slides.join('\n\n---\n\n');
      const code = '```js\nawait load();\n```';
      it('a header that names who proposes, reviews or decides makes a proposal, in lines under the title or in the front matter', () => {
        assert.equal(kindOf('# Nix × IPFS\n\nName of Project: Nix × IPFS\n\nProposer: Ana Lima (@ana)\n\n## Project Description\n\nIt.\n'), 'proposal');
        assert.equal(kindOf('# Route events\n\nAuthors · Mei Lin Tan\nReviewers · Routing, SRE\n\n## Background\n\nIt.\n'), 'proposal');
        assert.equal(kindOf('---\nstage: recommended\nstart-date: 2015-10-02\nteams: [framework]\n---\n\n# Refining the release process\n\nWe ship.\n'), 'proposal');
        assert.match(inferKind(parseDeck('---\nstart-date: 2015-10-02\n---\n\n# Releases\n\nX.\n'))?.evidence ?? '', /`start-date`/);
        assert.equal(kindOf('# Lockers\n\nOwner: Sofia Lindqvist · Status: Draft · Author: Ana\n\n## The problem\n\nQueues.\n'), undefined, 'an owner, an author or a status is any document’s');
      });
      it('a work plan of deliverables or milestones makes a proposal; one milestone heading does not, and a title that names a kind decides', () => {
        assert.equal(kindOf('# Defluencer\n\n## Project Description\n\nA protocol.\n\n## Deliverables\n\nA library.\n\n## Total Budget Requested\n\n$30,000.\n'), 'proposal');
        assert.equal(kindOf('# Polkadart\n\n## Overview\n\nIt.\n\n## Milestone 1: typed metadata\n\nX.\n\n## Milestone 2: transactions\n\nY.\n'), 'proposal');
        assert.equal(kindOf('# Faster handovers\n\n## The problem\n\nMaria waits.\n\n## Milestones\n\nMay.\n\n## The ask\n\nTwo engineers.\n'), undefined, 'a pitch’s milestones');
        assert.equal(kindOf('# Ground operations direction 2027\n\n## Deliverables\n\nX.\n\n## Milestones\n\nY.\n'), 'strategy');
      });
      it('a funder’s form makes a proposal: two of its sections, or one with a budget; a charity’s appeal with a budget does not', () => {
        assert.equal(kindOf('# Pose statistics\n\n## Overview\n\nA course.\n\n## Intellectual Merit\n\nIt.\n\n## Broader Impacts\n\nThem.\n'), 'proposal');
        assert.equal(kindOf('# KelpWatch\n\n## Project summary\n\nSensors.\n\n## Technical approach\n\nBuoys.\n'), 'proposal');
        assert.equal(kindOf('# Plotwise\n\n## Why this matters\n\nIt.\n\n## 8. Work plan\n\nX.\n\n## 9. Budget\n\n$40,000.\n'), 'proposal');
        assert.match(inferKind(parseDeck('# Samplers\n\n## 1. Project summary\n\nX.\n\n## 6. Expected outcomes and broader impacts\n\nY.\n'))?.evidence ?? '', /funder's sections/);
        assert.equal(kindOf('# Story bags\n\n## About us\n\nVolunteers.\n\n## The need\n\nBooks.\n\n## Budget\n\n£4,800.\n\n## What we are asking for\n\n£4,800.\n'), undefined, 'a charity’s appeal');
        assert.equal(kindOf('# Soil probes\n\n## Project plan\n\nX.\n\n## Budget requested\n\n£9,000.\n'), undefined, 'a plan and a budget are any application’s');
        assert.equal(kindOf('# Typed metadata\n\n## Overview\n\nA library.\n\n## Ecosystem Fit\n\nWallets.\n\n## Development Status :open_book:\n\nReleased.\n'), 'proposal');
        assert.equal(kindOf('# Geo web\n\n## Value\n\nMaps.\n\n## Maintenance and Upgrade Plans\n\nWe will.\n\n## Total Budget Requested\n\n$50,000.\n'), 'proposal');
        assert.equal(kindOf('# Shelf scanning\n\n## The problem\n\nMilk.\n\n## Development status\n\nDrinks work.\n'), undefined, 'one section without a budget');
      });
      it('a design document’s non-goals make a proposal; goals alone do not', () => {
        assert.equal(kindOf('# Price updates\n\n## Goals\n\nFast.\n\n## Non-goals\n\nLabels.\n\n## Design\n\nA queue.\n'), 'proposal');
        assert.equal(kindOf('# Build cache\n\n## Goals / non-goals\n\nFast.\n\n## Design\n\nA cache.\n'), 'proposal');
        assert.equal(kindOf('# Refill reminders\n\n## The problem\n\nPatients run out.\n\n## Our goals for launch\n\nHalf.\n'), undefined, 'a pitch’s goals');
      });
      it('a mission with a vision, or values with priorities, make a direction page; a mission alone does not', () => {
        assert.equal(kindOf('# OpenTelemetry mission, vision, and values\n\n## Mission\n\nTo enable.\n\n## Vision\n\nEasy.\n\n## Engineering values\n\nStability.\n'), 'strategy');
        assert.equal(kindOf('# Values and Priorities\n\n## Context\n\nTradeoffs.\n\n## Values and priority level\n\n1. Stability.\n'), 'strategy');
        assert.equal(kindOf('# Night school\n\n## Our mission\n\nEvery adult.\n\n## The problem\n\nCosts.\n'), undefined, 'an investor deck’s mission');
      });
      it('a deck of twenty slides or more is a sign of a talk, and thanking the room for its attention is one too', () => {
        const slides = Array.from({ length: 19 }, (_, i) => `## Point ${i + 1}\n\nA line.`);
        assert.equal(kindOf(deck('# Support at a cloud service', '## Agenda\n\n- Team\n- Tools', ...slides)), 'talk');
        assert.equal(kindOf(deck('# Support at a cloud service', '## Team', ...slides)), undefined, 'one sign is not enough');
        assert.equal(kindOf(slides.join('\n\n').replace('## Point 1', '# Support\n\n## Agenda\n\n- Team\n\n## Point 1')), undefined, 'twenty sections of a prose page are not slides');
        assert.equal(
          kindOf(deck('# Top-down programming', `## Example\n\n${code}`, `## The code\n\n${code}`, '## Bugs', '## Retest', 'Thank you for your attention! Please share it with your friends.')),
          'talk',
        );
      });
      it('a header that names the speaker, or a subtitle heading that names the occasion, makes a talk; a town hall keeps its title', () => {
        assert.equal(kindOf('# The quiet hours\n\nSpeaker: Dr. Helen Achterberg, Chief Nursing Information Officer\n\n## Night one\n\nIt was late.\n'), 'talk');
        assert.equal(kindOf('---\nspeaker: Ana Lima\n---\n\n# Flaky tests\n\nHello.\n'), 'talk');
        assert.equal(
          kindOf(deck('# Building for all\n\n<!-- Speaker: Arthur Gousset\nDate: 19 July 2023 -->', '## Part 1: fee currencies\n\nGas in stablecoins.')),
          'talk',
          'in the first speaker note',
        );
        assert.equal(kindOf(deck('# The quiet hours\n\n## Opening keynote — Northern Clinical Informatics Forum, 14 March\n\nHello.', '## Night one\n\nIt was late.')), 'talk');
        assert.equal(kindOf('# October all-hands\n\nSpeaker: the CEO\n\n## Where we are\n\nGood.\n'), 'town-hall');
      });
      it('a script that opens by greeting the room is a talk; a letter’s greeting is not, and a title that names a town hall decides', () => {
        assert.equal(kindOf('# The quiet hours\n\nGood morning. I want to start somewhere most of you have never been: a ward at 3 a.m.\n'), 'talk');
        assert.equal(kindOf('# Night shifts\n\n---\n\nThank you for having me. Night shifts are where care is quietest.\n'), 'talk');
        assert.equal(kindOf('# Expenses are moving\n\nHi everyone,\n\nFrom May we claim expenses in the app.\n'), undefined);
        assert.equal(kindOf('# Town hall: home by noon\n\nGood afternoon, everyone.\n'), 'town-hall');
      });
      it('a project kickoff is not an all-hands: nothing names its kind', () => {
        assert.equal(kindOf('# Project kickoff: Archive Search v2\n\nWelcome, everyone.\n'), undefined);
        assert.equal(kindOf('# Harvest app\n\nField kickoff · Q2 · Internal only\n'), undefined);
      });
      it('reads a template’s headings under their emoji and joined to another section', () => {
        assert.equal(kindOf('# Offline sync\n\n## :memo: Summary\n\nSync edits.\n\n## :checkered_flag: Motivation\n\nEdits are lost.\n'), 'proposal');
        assert.equal(kindOf('# Offline sync\n\n## 🤔 Drawbacks\n\nSize.\n\n## 🧭 Alternatives considered\n\nPolling.\n'), 'proposal');
        assert.equal(kindOf('# Offline sync\n\n## Motivation and scope\n\nEdits are lost.\n\n## Alternatives\n\nPolling.\n'), 'proposal');
        assert.equal(kindOf('# Offline sync\n\n## Rationale and alternatives\n\nPolling.\n\n## Unresolved questions\n\nSize.\n'), 'proposal');
        assert.equal(kindOf('# Offline sync\n\n## 🎯 The problem\n\nEdits are lost.\n\n## 🚀 What we are building\n\nA queue.\n'), undefined, 'a pitch’s emoji headings');
        assert.equal(kindOf('# Offline sync\n\n## The problem\n\nLost.\n\n## Rationale and costs\n\nCheap.\n'), undefined, 'one such heading is not a template');
      });
      it('a report that looks back at the period just past and ahead to the next is an update; one of the two is not', () => {
        assert.equal(kindOf('# Editor team\n\n## Highlights from the past week\n\n- Shipped tabs.\n\n## Focus for the week ahead\n\n- Docs.\n'), 'update');
        assert.equal(kindOf('# Grants desk\n\n## Last month\n\nTwo awards.\n\n## Next month\n\nThree reviews.\n'), 'update');
        assert.equal(kindOf('# Faster handovers\n\n## The problem\n\nMaria waits.\n\n## Next quarter\n\nA pilot.\n'), undefined, 'a pitch’s plan for next quarter');
        assert.equal(kindOf('# Faster handovers\n\n## What we learned last year\n\nMaria waits.\n\n## The fix\n\nA screen.\n'), undefined, 'a pitch’s look back');
      });
      it('a report’s title may name its period after the word: “Pricing update for 2022”; an update without a period is not a report', () => {
        assert.equal(kindOf('# Pricing update for 2022\n\nPrices change.\n'), 'update');
        assert.equal(kindOf('# Membership report for Q3\n\nMembers.\n'), 'update');
        assert.equal(kindOf('# Firmware update for older scanners\n\n## The problem\n\nScanners crash.\n'), undefined);
      });
      it('a deck that ends on “The end” and questions is a talk; a heading about the end of something is not', () => {
        assert.equal(kindOf('# The paradox\n\n## A puzzle\n\nX.\n\n# The end\n\n## Questions?\n\nAsk.\n'), 'talk');
        assert.equal(kindOf('# Paper forms\n\n## The end of paper forms\n\nX.\n\n## Questions?\n\nAsk.\n'), undefined);
      });
      it('a speaker named one level down in the front matter makes a talk; another field there does not', () => {
        assert.equal(kindOf('---\ntheme: dark\ndefaults:\n  speaker: Ana Lima\n  eventName: OpsDays\n---\n\n# Least privilege\n\nHello.\n'), 'talk');
        assert.equal(kindOf('---\ntheme: dark\ndefaults:\n  owner: Ana Lima\n---\n\n# Least privilege\n\nHello.\n'), undefined);
      });
      it('reads a long-term vision as a direction and a research or project proposal as a proposal by their titles', () => {
        assert.equal(kindOf('# Long-term vision\n\nWhere the package goes.\n'), 'strategy');
        assert.equal(kindOf('# Validator health tracking research proposal\n\nWe propose.\n'), 'proposal');
        assert.equal(kindOf('# Vision screening for care homes\n\n## The problem\n\nMissed.\n'), undefined);
      });
      it('a title that ends by naming itself a proposal makes one, after the other kinds’ titles; a talk’s, a budget’s or a grant’s proposal does not', () => {
        assert.equal(kindOf('# Docs programme 2024 proposal\n\n## About the project\n\nGuides.\n'), 'proposal');
        assert.equal(kindOf('# Food waste collections: pilot proposal\n\n## Background\n\nBins.\n\n## 2. Recommendations\n\nApprove.\n'), 'proposal');
        assert.equal(kindOf('# Subject: crew routing for meter exchanges — proposal\n\nDear Ana.\n'), 'exec-ask');
        assert.equal(kindOf('# Flaky tests at scale — session proposal\n\nAbstract.\n'), 'talk');
        assert.equal(kindOf('# Two more engineers: budget proposal\n\nWe need them.\n'), 'exec-ask');
        assert.equal(kindOf('# Permits for every town: a partnership proposal\n\n## The problem\n\nQueues.\n'), undefined, 'a partner’s pitch');
        assert.equal(kindOf('# SMS reminders for health volunteers — grant proposal\n\n## The problem\n\nMissed visits.\n'), undefined);
        assert.equal(kindOf('# Why the proposal failed\n\n## The problem\n\nNobody read it.\n'), undefined, 'a proposal named mid-title');
      });
      it('reads the title a reader sees: a TOML front matter’s title, or the first heading after a notice', () => {
        assert.equal(kindOf('+++\ntitle = "Weekly Update"\ndate = "2022-12-09"\n+++\n\n## Faster builds\n\nShipped.\n'), 'update');
        assert.equal(kindOf("+++\ntitle = 'Field app: weekly update' # the team's\n+++\n\n## Faster builds\n\nShipped.\n"), 'update', 'with a comment after it');
        assert.equal(kindOf('+++\ntitle = "Offline edits"\n+++\n\n## Weekly update\n\nX.\n'), undefined, 'a heading under another title');
        assert.equal(kindOf('> [!IMPORTANT]\n> Applications are open.\n\n# Docs programme 2024 proposal\n\nGuides.\n'), 'proposal');
        assert.equal(kindOf('> [!NOTE]\n> Read me first.\n\n# Offline edits\n\n## The problem\n\nLost.\n'), undefined);
        assert.equal(kindOf('---\ntitle: Offline edits\n---\n\n> Read me first.\n\n# Docs programme 2024 proposal\n\nGuides.\n'), undefined, 'the front matter’s title decides');
      });
      it('reads a design proposal with its motivation as a proposal; a pitch’s design proposal alone is not one', () => {
        assert.equal(kindOf('# Sunset the plugin API\n\n## Objective\n\nOne path.\n\n## Motivation\n\nTwo paths.\n\n## Design proposal\n\nMove it.\n'), 'proposal');
        assert.equal(kindOf('# Faster handovers\n\n## The problem\n\nMaria waits.\n\n## Design proposal\n\nA screen.\n'), undefined);
      });
      it('reads an update whose title names its period after a colon; an update of a thing is not one', () => {
        assert.equal(kindOf('+++\ntitle = "Platform team update: March 2024"\n+++\n\n## Builds\n\nFaster.\n'), 'update');
        assert.equal(kindOf('# Field report — Q3\n\n## Depots\n\nTwo.\n'), 'update');
        assert.equal(kindOf('# Firmware update: faster scans\n\n## The problem\n\nSlow.\n'), undefined);
        assert.equal(kindOf('# Update: 2021 prices for the field app\n\n## The problem\n\nSlow.\n'), undefined, 'a year inside the title');
      });
      it('reads strategic goals or objectives as a direction, not a strategic partnership', () => {
        assert.equal(kindOf('---\ntitle: Strategic goals\n---\n\n## Current OKRs\n\nThree.\n'), 'strategy');
        assert.equal(kindOf('# Strategic partnerships for rural clinics\n\n## The problem\n\nQueues.\n'), undefined);
      });
      it('reads an ecosystem grant’s project description with its development roadmap as a proposal; a roadmap alone is not one', () => {
        assert.equal(kindOf('# Tidepool\n\n## Project Description\n\nA light client.\n\n## Team members\n\nAna.\n\n## Development Roadmap\n\nTwo milestones.\n'), 'proposal');
        assert.equal(kindOf('# Faster handovers\n\n## The problem\n\nMaria waits.\n\n## Development roadmap\n\nTwo steps.\n'), undefined);
      });
      it('reads a work plan as proposed work; a plan is not one', () => {
        assert.equal(kindOf('# Work plan\n\nWe will do three things.\n\n1. Port.\n2. Document.\n3. Release.\n'), 'proposal');
        assert.equal(kindOf('# Faster handovers\n\n## The problem\n\nMaria waits.\n\n## Plan\n\nTwo steps.\n'), undefined);
      });
      it('reads a live workshop or a thesis defence under the title as a talk; a workshop a pitch mentions is not one', () => {
        assert.equal(kindOf('---\ntitle: Shipping with feature flags\ninfo: Hands-on workshop, Leeds\n---\n\n# Tonight\n\nBuild.\n'), 'talk');
        assert.equal(kindOf('# Soil moisture from radar\n\n## PhD defence\n\nAna Lima.\n\n---\n\n## Results\n\nBetter.\n'), 'talk');
        assert.equal(kindOf('# Offline edits\n\nWe ran a design workshop with nurses.\n\n## The problem\n\nLost.\n'), undefined);
      });
      it('reads a deck whose cover names a conference as a talk; a word that ends in “con” is not one', () => {
        assert.equal(kindOf('---\nlayout: cover\n---\n\n# Faster builds\n\n<div>Ana Lima · ParcelConf, May 2026</div>\n\n---\n\n## Caching\n\nHits.\n'), 'talk');
        assert.equal(kindOf('# Sharing the load\n\n- About\n  - DepotCon Lisbon sponsors\n- Queues\n'), 'talk');
        assert.equal(kindOf('# Falcon\n\nSilicon sensors for every depot.\n\n---\n\n## The problem\n\nLost parcels.\n'), undefined);
      });
      it('reads a speaker’s “core team member of” in the first slides as their introduction', () => {
        const slides = ['# Faster builds', '# Ana Lima\n\nCore team member of Parcel.', '## Caching\n\nHits.', '## Bundles\n\nSmaller.', '## Watchers\n\nFewer.', '## Thank you!'];
        assert.equal(kindOf(slides.join('\n\n---\n\n')), 'talk');
        assert.equal(kindOf(slides.map((s) => s.replace('Core team member of', 'Ana leads')).join('\n\n---\n\n')), undefined);
      });
      it('reads a title that opens on its quarter, or reports progress, as an update; a quarter’s roadmap is not one', () => {
        assert.equal(kindOf('# 2025 Q1 Depot Checks\n\n## Overview\n\nThree depots.\n'), 'update');
        assert.equal(kindOf('# Progress towards the 2025-2030 strategic plan\n\n## Goal 1\n\nMet.\n'), 'update');
        assert.equal(kindOf('# Q3 2026 roadmap\n\n## Depots\n\nThree.\n'), 'strategy');
        assert.equal(kindOf('# 2025 Q1 budget for depot checks\n\n## The problem\n\nSlow.\n'), undefined);
      });
      it('reads a header that names the speaker’s institute or the event as a talk’s; an author alone is any document’s', () => {
        assert.equal(kindOf('---\ntitle: Faster depot science\nauthor: Ana Lima\ninstitute: Leeds Institute of Depots\n---\n\n# Version control\n\nGit.\n'), 'talk');
        assert.equal(kindOf('# Faster builds\n\nEvent: DepotCamp Leeds\n\n## Caching\n\nHits.\n'), 'talk');
        assert.equal(kindOf('---\ntitle: Faster depot science\nauthor: Ana Lima\n---\n\n# Version control\n\nGit.\n'), undefined);
      });
      it('a deck whose speaker introduces themselves is a talk though it ends on recommendations; agenda and thanks alone leave it a paper for deciders', () => {
        const slides = ['# Build a better depot', '# Hi!\n\nMy name is Ana.', '## Agenda\n\nThree parts.', '## Queues\n\nLong.', '## Recommendations\n\nShorter queues.', '## Thank you!'];
        assert.equal(kindOf(slides.join('\n\n---\n\n')), 'talk');
        assert.equal(kindOf(slides.map((s) => s.replace('# Hi!\n\nMy name is Ana.', '## Depots\n\nThree.')).join('\n\n---\n\n')), 'exec-ask');
      });
      it('reads an enhancement proposal’s header keys for its pull request, issue and start date as a proposal’s; a date alone is not one', () => {
        assert.equal(kindOf('---\ntitle: Share the kiosk parts\nissue-number: 78\npr-number: 79\ndate-started: 2021-11-12\n---\n\n# Build it\n\nWhy.\n'), 'proposal');
        assert.equal(kindOf('---\ntitle: Share the kiosk parts\ndate: 2021-11-12\n---\n\n# Build it\n\nWhy.\n'), undefined);
      });
      it('reads a road map and a team’s priorities as a direction; priorities a pitch names in its title are not one', () => {
        assert.equal(kindOf('## Road Map\n\n### 2027 commitments\n\nSearch.\n'), 'strategy');
        assert.equal(kindOf('# Depot Team Priorities\n\n## June to August\n\nSearch.\n'), 'strategy');
        assert.equal(kindOf('# Priorities in the queue: triage for depots\n\n## The problem\n\nSlow.\n'), undefined);
      });
      it('reads a line set in bold alone as a heading its writer meant; a bold label that runs into its text is not one', () => {
        assert.equal(kindOf('**Soil moisture from radar**  \n**Project description**\n\nA gap.\n\n**Broader impacts**  \nTraining.\n'), 'proposal');
        assert.equal(kindOf('# Soil moisture from radar\n\n**Project description.** A gap.\n\n**Broader impacts:** training.\n'), undefined);
      });
      it('reads slides given their own layout by a slide tool as a talk’s, with its thanks; a blog post’s layout is its front matter’s', () => {
        const body = ['# Shorter queues', 'layout: intro\n\n# Ana Lima', 'layout: center\n\n## Ideas', 'layout: center\n\n## Projects', '## Community', '## Thank you!'];
        assert.equal(kindOf(body.join('\n\n---\n\n')), 'talk');
        assert.equal(kindOf(`---\nlayout: post\n---\n\n${body.map((s) => s.replace(/^layout: \w+\n\n/, '')).join('\n\n---\n\n')}`), undefined);
      });
      it('reads thanks in another language at a deck’s end as a talk’s', () => {
        const slides = [
          '# Queues in depots\n\nMy name is Ana Lima',
          '## Queues',
          '## Kinds\n\nThree.',
          '## Detection\n\nTests.',
          '## Remedies\n\nRetrain.',
          '# See you soon!\n\n谢谢！幻灯片在网站上可以找到',
        ];
        assert.equal(kindOf(slides.join('\n\n---\n\n')), 'talk');
        assert.equal(kindOf(slides.map((s) => s.replace('谢谢！', '')).join('\n\n---\n\n')), undefined);
      });
      it('reads headings that weigh a change, whatever they are called, as a proposal’s; one such heading is any document’s', () => {
        const faq = '# Kiosk alerts\n\n## Why do it?\n\nLost alerts.\n\n## Why not do it?\n\nNoise.\n\n## Which alternatives did we weigh?\n\nEmail.\n';
        assert.equal(kindOf(faq), 'proposal');
        assert.equal(kindOf('# Kiosk alerts\n\n## The problem\n\nLost alerts.\n\n## Compatibility\n\nOld kiosks keep working.\n\n## Open questions\n\nWho owns it?\n'), 'proposal');
        assert.equal(kindOf(faq.replace('Why not do it?', 'Who asked for it?')), undefined);
        assert.equal(kindOf('# Kiosk alerts\n\n## The problem\n\nLost alerts.\n\n## Migration\n\nOne weekend.\n'), undefined);
      });
      it('reads a document that calls itself an RFC or a design document as a proposal, and one that speaks of “this talk” as a talk', () => {
        assert.equal(kindOf('# Kiosk telemetry\n\n## Data collected\n\nThis RFC describes what the kiosk sends and how to opt out.\n'), 'proposal');
        assert.equal(kindOf('# Kiosk telemetry\n\n## Data collected\n\nThis page describes what the kiosk sends and how to opt out.\n'), undefined);
        assert.equal(kindOf('# Queues in depots\n\n## Abstract\n\nIn this talk we look at how depots queue.\n\n## Outline\n\n- Queues\n'), 'talk');
        assert.equal(kindOf('# Queues in depots\n\n## Abstract\n\nThis presentation is for investors only.\n'), undefined);
        assert.equal(kindOf('# Depot notes, May\n\n## Links\n\n- Slides of my talk at the meetup are online.\n'), undefined);
        assert.equal(kindOf('# Queues in depots\n\n> In this talk she looked at how depots queue.\n\n## Outline\n\n- Queues\n'), undefined);
      });
      it('reads a page that says what it will not do as a direction; a pitch’s “What we learned” is not one', () => {
        assert.equal(kindOf('# Depot tools in 2027\n\n## Faster scans\n\nSoon.\n\n## What’s not in scope?\n\nDrones.\n'), 'strategy');
        assert.equal(kindOf('# Depot tools in 2027\n\n## Faster scans\n\nSoon.\n\n## What we learned\n\nDrones.\n'), undefined);
      });
      it('reads a section that names whose strategy it sets out as a direction’s; a change’s adoption strategy or a pitch’s fit with one is not', () => {
        assert.equal(kindOf('# Depot volunteers\n\n## Volunteer strategy\n\nMeet monthly.\n\n## Next steps\n\nThree.\n'), 'strategy');
        assert.equal(kindOf('# Depot volunteers\n\n## Adoption strategy\n\nMeet monthly.\n\n## Next steps\n\nThree.\n'), undefined);
        assert.equal(kindOf('# Depot volunteers\n\n## Fit with our strategy\n\nMeet monthly.\n\n## Next steps\n\nThree.\n'), undefined);
      });
      it('reads a title that tells of an ending as an update’s; an ending a pitch promises is not one', () => {
        assert.equal(kindOf('# Saying farewell to our depot leads\n\nAna, Kofi and Mei move on.\n\n## Thanks\n\nFor years of work.\n'), 'update');
        assert.equal(kindOf('+++\ntitle = "Shutting down Kioskly"\n+++\n\nKioskly stops in May.\n\n## What I got wrong\n\nToo early.\n'), 'update');
        assert.equal(kindOf('# An end to depot queues\n\nKioskly stops the wait.\n\n## The problem\n\nQueues.\n'), undefined);
      });
      it('reads a title that names the speaker’s or presenter’s notes as a talk’s; notes alone are any document’s', () => {
        assert.equal(kindOf('# Presenter notes\n\n## What queues cost\n\nTime.\n\n## Shorter queues\n\nTwo fixes.\n'), 'talk');
        assert.equal(kindOf('# Release notes\n\n## What queues cost\n\nTime.\n\n## Shorter queues\n\nTwo fixes.\n'), undefined);
      });
      it('reads graduation, incubation, governance and feature proposals by their titles', () => {
        assert.equal(kindOf('# Event-driven Autoscaling (KEDA) Graduation Proposal\n\nBelow.\n'), 'proposal');
        assert.equal(kindOf('# Governance proposal: from a BDFL to a steering council\n\nWhy.\n'), 'proposal');
      });
    });
    it('lets the front matter decide over the title', () => {
      assert.equal(readKind(parseDeck('---\ntitle: Q3 update\nkind: pitch\n---\n\n# Q3 update\n')).id, 'pitch');
    });
  });
});
