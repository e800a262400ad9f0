import * as assert from 'node:assert/strict';
import { benchArgs, UsageError } from '../../../bench/args';

describe('bench options (bench/args.ts)', () => {
  const FORMATS = ['html', 'pptx', 'pdf'] as const;

  it('reads values, lists and flags, and falls back to the defaults when absent', () => {
    const given = benchArgs(['--sizes', '10,100', '--reps', '3', '--formats', 'pdf', '--keep'], ['sizes', 'reps', 'formats', 'budget', 'cli'], ['keep']);
    assert.deepEqual(given.counts('sizes', [1]), [10, 100]);
    assert.equal(given.count('reps', 15), 3);
    assert.deepEqual(given.choices('formats', FORMATS), ['pdf']);
    assert.equal(given.flag('keep'), true);
    assert.equal(given.count('budget', 4, 0), 4);
    assert.equal(given.count('budget', undefined), undefined);
    assert.equal(given.text('cli'), undefined);

    const none = benchArgs([], ['sizes', 'formats'], ['keep']);
    assert.deepEqual(none.counts('sizes', [10, 100, 300]), [10, 100, 300]);
    assert.deepEqual(none.choices('formats', FORMATS), ['html', 'pptx', 'pdf']);
    assert.equal(none.flag('keep'), false);
  });

  it('accepts 0 only where the option allows it', () => {
    assert.equal(benchArgs(['--budget', '0'], ['budget']).count('budget', 4, 0), 0);
    assert.throws(() => benchArgs(['--reps', '0'], ['reps']).count('reps', 15), UsageError);
  });

  for (const [argv, message] of [
    [['--bogus'], /Unknown option '--bogus'/],
    [['--reps'], /--reps/],
    [['--reps', 'x'], /^--reps needs a whole number of at least 1, not "x"$/],
    [['--reps', '2.5'], /not "2\.5"/],
    [['--sizes', '10,,20'], /^--sizes needs a whole number of at least 1, not ""$/],
    [['--formats', 'html,svg'], /^--formats takes html, pptx, pdf; not svg$/],
  ] as const) {
    it(`stops with one line on ${argv.join(' ')}`, () => {
      assert.throws(
        () => {
          const args = benchArgs(argv, ['reps', 'sizes', 'formats']);
          args.count('reps', 15);
          args.counts('sizes', [10]);
          args.choices('formats', FORMATS);
        },
        (e: unknown) => e instanceof UsageError && message.test(e.message) && !e.message.includes('\n'),
      );
    });
  }
});
