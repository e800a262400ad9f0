import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maskLine } from '../../../src/core/lint/mask';

describe('maskLine', () => {
  it('blanks inline code, HTML, link destinations and web addresses, keeping the length', () => {
    const line = 'Run `npm ci`, see <b>this</b> [docs](https://x.test/a) or www.example.com now';
    const masked = maskLine(line);
    assert.equal(masked.length, line.length);
    assert.equal(masked, 'Run         , see    this     [docs                    or                 now');
  });

  it('returns a line with nothing to blank as it is, as the full passes would', () => {
    // Prose without a backtick, `<`, `](` or a web address: the shortcut keeps it; followed by inline code, the passes run
    // over the same prose and must keep it too.
    const prose = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '.', ']', '(', ')', '>', '/', ':', 'h', 't', 'p', 's', 'w', 'é', '’'), maxLength: 40 });
    fc.assert(
      fc.property(
        prose.filter((text) => !/\]\(|https?:\/\/|www\./i.test(text)),
        (text) => {
          assert.equal(maskLine(text), text);
          assert.equal(maskLine(`${text} \`x\``), `${text}    `);
        },
      ),
      { numRuns: 300 },
    );
  });
});
