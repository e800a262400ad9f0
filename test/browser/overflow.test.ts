import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Content that does not fit, measured where the slides are laid out: the PDF export's browser.
const cli = resolve('dist/cli.js');
const twelve = resolve('test/fixtures/overflow/twelve-bullets.md');

describe('overflow in the PDF export', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'storydeck-overflow-test-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('warns naming the slide and the lines the page cuts off, which are exactly the bullets missing from the PDF', () => {
    const result = spawnSync(process.execPath, [cli, 'export', twelve, '--to', 'pdf', '-o', 'talk.pdf'], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const warning = /twelve-bullets\.md:(\d+):1: Slide 1 does not fit on its page: lines (\d+)–(\d+) are cut off/.exec(result.stderr);
    assert.ok(warning, `a warning naming slide 1 and its cut lines, got:\n${result.stderr}`);
    const [first, last] = [Number(warning[2]), Number(warning[3])];
    assert.equal(Number(warning[1]), first, 'placed on the first cut line');
    assert.equal(last, 19, 'down to the last bullet');

    // The PDF agrees: the bullets before the first line named are on the page, those after it are not (the
    // first one named may show in part: its box reaches past the edge).
    const page = spawnSync('pdftotext', ['-f', '1', '-l', '1', join(dir, 'talk.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    const lines = readFileSync(twelve, 'utf8').split('\n');
    for (let line = 8; line <= 19; line++) {
      const words = lines[line - 1].replace(/^- /, '').split(' ').slice(0, 4).join(' ');
      if (line !== first) assert.equal(page.includes(words), line < first, `line ${line} (“${words}”) ${line < first ? 'is' : 'is not'} on the page`);
    }
    assert.ok(first > 9 && first < 19, `some bullets fit and some do not (first cut line ${first})`);
  });

  it('says nothing about a deck that fits', () => {
    const result = spawnSync(process.execPath, [cli, 'export', resolve('examples/town-hall.md'), '--to', 'pdf', '-o', 'talk.pdf'], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /does not fit/);
  });
});
