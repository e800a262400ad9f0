import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { deckUpdate } from '../../src/extension/preview/page';
import { launchBrowser, openDeck, waitForScript, type OpenedDeck } from './harness';
import { posted, renderText, send, writePreviewPage } from './previewPage';

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

describe('overflow in the preview', () => {
  let browser: Browser;
  let preview: OpenedDeck;
  before(async () => (browser = await launchBrowser()));
  after(() => browser?.close());
  afterEach(async () => {
    assert.deepEqual(preview.errors, [], 'no error and no CSP violation');
    await preview.close();
  });

  const overflowMessages = async () => (await posted(preview.page)).flatMap((m) => (m.type === 'overflow' ? [m.overflow] : []));

  it('tells the host which slide does not fit and which lines are cut, measured even when the slide is not on show, and again after an edit', async () => {
    const text = readFileSync(twelve, 'utf8');
    const deck = renderText(text);
    preview = await openDeck(browser, writePreviewPage(deck, { start: 1 }));
    await preview.page.locator('.sd-frame.sd-current').waitFor();
    await waitForScript(preview.page, 'window.__posted.some((m) => m.type === "overflow")');
    const [first] = await overflowMessages();
    assert.equal(first.length, 1);
    assert.equal(first[0].slide, 1);
    const lines = first[0].lines;
    assert.deepEqual(
      lines,
      Array.from({ length: 20 - lines[0] }, (_, i) => lines[0] + i),
      'every bullet from the first cut one to the last',
    );
    assert.ok(lines[0] > 9 && lines[0] < 19, `some bullets fit (first cut line ${lines[0]})`);
    assert.equal(await preview.page.locator('.sd-frame.sd-current').getAttribute('data-measuring'), null);
    assert.equal(await preview.page.locator('#storydeck').getAttribute('data-measuring'), null, 'the measuring layout is gone');

    // Cut down to three bullets: the host hears that everything fits.
    const shorter = text.replace(/^(- .*\n){9}/m, '');
    const update = deckUpdate(deck, renderText(shorter));
    assert.ok(update);
    await send(preview.page, update);
    await waitForScript(preview.page, 'window.__posted.filter((m) => m.type === "overflow").length === 2');
    assert.deepEqual((await overflowMessages())[1], []);
  });

  it('says nothing while every slide fits', async () => {
    preview = await openDeck(browser, writePreviewPage(renderText(readFileSync('examples/town-hall.md', 'utf8'))));
    await preview.page.locator('.sd-frame.sd-current').waitFor();
    await preview.page.evaluate('document.fonts.ready');
    assert.deepEqual(await overflowMessages(), []);
  });
});
