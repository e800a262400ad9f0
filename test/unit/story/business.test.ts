import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';

/** business-value on one section of a pitch: how many times it fires. */
const fires = (text: string) => lintText(text, { kind: 'pitch' }).findings.filter((f) => f.ruleId === 'business-value').length;

describe('the business reading on real writing (session 19)', () => {
  it('what a gift buys is the appeal, not a return: “Every £35 puts a story sack into a home”', () => {
    assert.equal(fires('## Please give today\n\nEvery £35 puts a story sack into a home like Carys’s.\n'), 1);
    assert.equal(fires('## Why it matters\n\nEach repeat call costs about £4.60 to handle.\n'), 0);
  });

  it('costs a sum covers are the work’s cost: “Covers essential infrastructure costs … community growth”', () => {
    assert.equal(fires('## Core operations\n\nCovers essential infrastructure costs and expands support through events, enhancing community growth and outreach.\n'), 1);
    assert.equal(fires('## Why it matters\n\nOur infrastructure costs doubled last year.\n'), 0);
  });

  it('acquisition is a business hint only as the customers’: not “Acquisition and security compliance work streams”', () => {
    assert.equal(fires('## Roadmap\n\nAcquisition and security compliance work streams are coordinated against this roadmap.\n'), 1);
    assert.equal(fires('## Roadmap\n\nCustomer acquisition and retention both slipped in the spring.\n'), 0);
  });

  it('a growing cost is one hint: “the growing energy cost of models”', () => {
    assert.equal(fires('## Monitoring\n\nWith the growing energy cost of models, it matters more than ever to catch a failing run early.\n'), 1);
    assert.equal(fires('## Monitoring\n\nOur costs grow faster than our sales.\n'), 0);
  });

  it('demand as buyers paying: “Agencies are going to buy something for this in the next two years”', () => {
    assert.equal(fires('## Why now, and why us\n\nAgencies are going to buy something for this in the next two years.\n'), 0);
    assert.equal(fires('## Why now\n\nAgencies would love to have this one day.\n'), 1);
  });
});
