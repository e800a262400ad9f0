import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';

/** The readings a new user met (issue: "Read real writing"), each a sentence a writer really wrote. */
const of = (rule: string, text: string) => lintText(`---\ntitle: ShiftSync\n---\n\n${text}`).findings.filter((f) => f.ruleId === rule);

describe('readings a new user met', () => {
  it('“How we will know” with “NPS above 50 by June.” is a measurable success criterion', () => {
    assert.deepEqual(of('outcome-metric', '## How we will know\n\nNPS above 50 by June.\n'), []);
  });

  it('pain told as bullets is pain', () => {
    assert.deepEqual(of('customer-pain', '## Tonight on ward 7\n\n- Two nurses call in sick at 5 pm\n- Maria phones 23 people to fill the gaps\n- She gets home at 9\n'), []);
  });

  it('value stated as what the customer can now see or do is value', () => {
    assert.deepEqual(of('customer-value', '## With ShiftSync\n\nAna sees her whole week of shifts on one screen and swaps one in two taps.\n'), []);
  });

  it('“Tell us what you need: open a request” and “reply in the tracking thread” are asks', () => {
    assert.deepEqual(of('call-to-action', '## Get started\n\nTell us what you need: open a request in the platform tracker.\n'), []);
    assert.deepEqual(of('call-to-action', '## Join the pilot\n\nWe are looking for pilot teams — reply in the tracking thread.\n'), []);
  });

  it('an aside is not the ask, and implementation numbers are not a target', () => {
    assert.equal(of('call-to-action', '## Picture this\n\nLet me ask you to imagine for a moment a build that takes ten seconds.\n').length, 1);
    assert.equal(of('outcome-metric', '## How it works\n\nWe sample the last 30 days of logs and predict the next week.\n').length, 1);
  });

  it('reads the vocabulary real writers use, not only pitch-coach phrasing', () => {
    assert.deepEqual(of('business-value', '## Where the market is\n\nOffline mode is table stakes in field service, and our key differentiator against the two incumbents.\n'), []);
    assert.deepEqual(of('business-value', '## Why now\n\nSetup time is the main barrier to adoption in mid-size hospitals.\n'), []);
    assert.deepEqual(of('customer-pain', '## Today\n\nOur users put up with slow builds because nothing better exists.\n'), []);
    assert.deepEqual(of('customer-pain', '## Today\n\nFor small clinics the current scanners are cost-prohibitive.\n'), []);
    assert.deepEqual(of('why-before-what', '## Our aim\n\nWe aim to help you spend your evenings at home.\n\n---\n\n## What we are building\n\nA rota app.\n'), []);
  });

  it('a verb or a plain noun is not a vanity metric: “likes”, “impressions” count attention only when counted', () => {
    const text = (sentence: string) => `## How we will know\n\n${sentence}\n`;
    assert.deepEqual(of('vanity-metric', text('We ship the design my manager likes best, and first impressions of the team were good.')), []);
    assert.equal(of('vanity-metric', text('Success is 10,000 likes and 2 million impressions by June.')).length, 2);
  });

  it('a budget request naming the funded people and a week-by-week plan has an owner and a date', () => {
    const text =
      '## The ask\n\nWe need £400k to fund two engineers, Dana Okafor and Luis Prieto, for a twelve-week build.\n\n- Weeks 1–2: discovery with the finance team\n- Weeks 3–10: build the matcher\n';
    assert.deepEqual(of('call-to-action', text), []);
    const vague = of('call-to-action', '## The ask\n\nWe need your support for the new matcher.\n');
    assert.equal(vague.length, 1);
    assert.equal(vague[0].severity, 'info');
    assert.match(vague[0].message, /^Is this the ask\? “We need your support for the new matcher\.” names no owner and no date/);
  });
});
