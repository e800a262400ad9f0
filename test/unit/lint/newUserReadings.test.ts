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
});
