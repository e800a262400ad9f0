import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { currentSlide, exportDeck, launchBrowser, openDeck } from './harness';

/**
 * The README's pictures of the deck, taken from the exported example as a viewer sees it. They go to a
 * temporary folder, or to the folder STORYDECK_SCREENSHOTS names (`npm run screenshots` writes docs/images).
 */
const OUT = process.env.STORYDECK_SCREENSHOTS ? resolve(process.env.STORYDECK_SCREENSHOTS) : mkdtempSync(join(tmpdir(), 'storydeck-shots-'));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is not a PNG`);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('screenshots of the exported example', () => {
  let browser: Browser;
  let file: string;

  before(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchBrowser();
    file = exportDeck('examples/town-hall.md');
  });
  after(() => browser?.close());

  for (const [name, keys, mode, slide] of [
    ['slide', ['ArrowRight', 'ArrowRight'], 'slide', 3],
    ['presenter', ['ArrowRight', 'ArrowRight', 'p'], 'presenter', 3],
    ['overview', ['o'], 'overview', 1],
  ] as const) {
    it(`${name}.png shows the ${mode} view`, async () => {
      const deck = await openDeck(browser, file, { width: 1280, height: 720 });
      try {
        // `p` opens the presenter view in a window of its own, the one to take.
        const opening = mode === 'presenter' ? deck.page.context().waitForEvent('page') : undefined;
        for (const key of keys) await deck.page.keyboard.press(key);
        const page = (await opening) ?? deck.page;
        if (opening) await page.setViewportSize({ width: 1280, height: 720 });
        await page.locator(`#storydeck[data-mode="${mode}"]`).waitFor();
        assert.match((await currentSlide(page)) ?? '', new RegExp(`^Slide ${slide}\\b`));
        if (mode === 'presenter') assert.ok((await page.locator('.sd-notes').innerText()).length > 20, 'the notes are shown');
        const png = join(OUT, `${name}.png`);
        await page.screenshot({ path: png });
        assert.deepEqual(pngSize(png), [1280, 720]);
        assert.deepEqual(deck.errors, []);
      } finally {
        await deck.close();
      }
    });
  }
});

describe('screenshots of a Marp deck, exported', () => {
  let browser: Browser;
  before(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  for (const [name, deck, slide] of [
    ['marp-split', 'feature-backgrounds', 3],
    ['marp-directives', 'feature-directives', 3],
  ] as const) {
    it(`${name}.png shows slide ${slide} of test/fixtures/marp/${deck}.md`, async () => {
      const opened = await openDeck(browser, exportDeck(`test/fixtures/marp/${deck}.md`), { width: 1280, height: 720 });
      try {
        for (let i = 1; i < slide; i++) await opened.page.keyboard.press('ArrowRight');
        assert.match((await currentSlide(opened.page)) ?? '', new RegExp(`^Slide ${slide}\\b`));
        const png = join(OUT, `${name}.png`);
        await opened.page.screenshot({ path: png });
        assert.deepEqual(pngSize(png), [1280, 720]);
        assert.deepEqual(opened.errors, []);
      } finally {
        await opened.close();
      }
    });
  }
});
