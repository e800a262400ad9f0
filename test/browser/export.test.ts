import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { currentSlide, exportDeck, launchBrowser, openDeck, pdfInfo, type OpenedDeck } from './harness';

describe('exported HTML in chromium, offline from file://', () => {
  let browser: Browser;
  let file: string;
  let deck: OpenedDeck;

  before(async () => {
    browser = await launchBrowser();
    file = exportDeck('examples/town-hall.md');
  });
  after(() => browser?.close());

  beforeEach(async () => {
    deck = await openDeck(browser, file);
  });
  afterEach(async () => {
    assert.deepEqual(deck.requests, [], 'no request leaves the page');
    assert.deepEqual(deck.errors, [], 'no error and no CSP violation');
    await deck.close();
  });

  it('shows the first of its ten slides, scaled to the window', async () => {
    const { page } = deck;
    assert.equal(await page.title(), "Handoffs that don't drop patients");
    assert.equal(await page.locator('.sd-frame').count(), 10);
    assert.equal(await page.locator('.sd-frame:visible').count(), 1);
    assert.equal(await currentSlide(page), "Slide 1: Handoffs that don't drop patients");
    await page.setViewportSize({ width: 640, height: 600 });
    // Locators, not waitForFunction: the page's CSP rightly forbids the eval that a string predicate needs.
    await page.locator('.sd-frame.sd-current[style*="--sd-scale: 0.5"]').waitFor();
    const box = await page.locator('.sd-frame.sd-current .sd-slide').boundingBox();
    assert.deepEqual(box && [box.width, box.height], [640, 360], '1280×720 scaled to fit the width');
  });

  it('navigates with arrows, space, page keys, Home/End and number + Enter, keeping the slide in the URL', async () => {
    const { page } = deck;
    const steps: Array<[string, number]> = [
      ['ArrowRight', 2],
      ['Space', 3],
      ['PageDown', 4],
      ['ArrowLeft', 3],
      ['PageUp', 2],
      ['End', 10],
      ['ArrowRight', 10],
      ['Home', 1],
      ['ArrowLeft', 1],
    ];
    for (const [key, slide] of steps) {
      await page.keyboard.press(key);
      assert.match((await currentSlide(page)) ?? '', new RegExp(`^Slide ${slide}\\b`), key);
    }
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    assert.match((await currentSlide(page)) ?? '', /^Slide 7: What we're building/);
    await page.keyboard.type('99');
    await page.keyboard.press('Enter');
    assert.match((await currentSlide(page)) ?? '', /^Slide 10\b/, 'a number past the end shows the last slide');
    assert.equal(await page.evaluate('location.hash'), '#10');
    await page.keyboard.press('Home');
    await page.goto(`${page.url().replace(/#.*$/, '')}#4`);
    await page.reload();
    assert.match((await currentSlide(page)) ?? '', /^Slide 4\b/, 'a link to #4 opens slide 4');
  });

  it('shows every slide in an overview grid (o) and jumps to the one clicked', async () => {
    const { page } = deck;
    await page.keyboard.press('o');
    assert.equal(await page.locator('#storydeck').getAttribute('data-mode'), 'overview');
    assert.equal(await page.locator('.sd-frame:visible').count(), 10);
    await page.locator('.sd-frame').nth(4).click();
    assert.equal(await page.locator('#storydeck').getAttribute('data-mode'), 'slide');
    assert.match((await currentSlide(page)) ?? '', /^Slide 5: Why it matters for the business/);
    await page.keyboard.press('o');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.sd-frame:visible').count(), 1);
  });

  it('shows the current and next slide, the notes, a timer and the plan in the presenter view (p, in a window of its own)', async () => {
    const opened = deck.page.context().waitForEvent('page');
    await deck.page.keyboard.press('p');
    const page = await opened;
    await page.locator('#storydeck[data-mode="presenter"]').waitFor();
    assert.equal(await deck.page.locator('#storydeck').getAttribute('data-mode'), 'slide', 'the first window keeps showing the slide');
    assert.equal(await page.locator('.sd-frame:visible').count(), 2);
    assert.match((await page.locator('.sd-frame.sd-next .sd-slide').getAttribute('aria-label')) ?? '', /^Slide 2: Why we exist/);
    assert.match(await page.locator('.sd-notes').innerText(), /^Open with a pause\. Ask the room/);
    assert.match(await page.locator('.sd-plan').innerText(), /^This slide ≈ 0:\d\d · by its end ≈ 0:\d\d of 8:00 planned$/);
    await page.locator('.sd-elapsed', { hasText: /^Elapsed 0:0[1-9]$/ }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('.sd-notes').innerText(), 'No speaker notes for this slide.');
    assert.equal(await page.locator('.sd-position').innerText(), 'Slide 4 of 10');
    await page.keyboard.press('p');
    assert.equal(await page.locator('.sd-notes').isVisible(), false);
    await page.close();
  });

  it('prints one 16:9 page per slide', async () => {
    const pdf = `${file}.pdf`;
    writeFileSync(pdf, await deck.page.pdf({ preferCSSPageSize: true, printBackground: true }));
    assert.deepEqual(pdfInfo(pdf), { pages: 10, size: '960 x 540 pts' });
  });

  const looks: Array<[string, string, string]> = [
    ['light', 'rgb(255, 255, 255)', 'rgba(0, 0, 0, 0)'],
    ['dark', 'rgb(17, 22, 29)', 'rgba(0, 0, 0, 0)'],
    ['corporate', 'rgb(255, 255, 255)', 'rgb(18, 53, 91)'],
  ];
  for (const [theme, slideBackground, titleBackground] of looks) {
    it(`styles slides with the ${theme} theme`, async () => {
      const themed = await openDeck(browser, exportDeck('examples/town-hall.md', '--theme', theme));
      try {
        const style = (selector: string) => themed.page.evaluate(`getComputedStyle(document.querySelector(".sd-current ${selector}")).backgroundColor`);
        assert.deepEqual([await style('.sd-slide'), await style('.sd-slide > h1')], [slideBackground, titleBackground]);
        assert.deepEqual([themed.requests, themed.errors], [[], []]);
      } finally {
        await themed.close();
      }
    });
  }
});
