import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { knowsInterruptBudget } from '../../../src/cli/v8Version';

describe('the CLI’s V8 flags', () => {
  it('sets --interrupt-budget only on a V8 that has it: Node 20’s, not Node 24’s (which printed an error on every run)', () => {
    assert.equal(knowsInterruptBudget('11.3.244.8-node.38'), true); // Node 20
    assert.equal(knowsInterruptBudget('13.6.233.17-node.63'), false); // Node 24: "Error: unrecognized flag --interrupt-budget"
    assert.equal(knowsInterruptBudget('12.4.254.21-node.33'), false);
    assert.equal(knowsInterruptBudget('not a version'), false);
  });

  it('agrees with the V8 of the Node running the tests', () => {
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    if (knowsInterruptBudget(process.versions.v8)) assert.match(options, /^\s*--interrupt-budget \(/m);
  });
});
