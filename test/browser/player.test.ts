import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { currentSlide, exportDeck, launchBrowser, openDeck, waitForScript, type OpenedDeck } from './harness';

// The exported page's player for an audience: keys on `?`, a progress bar, click, tap and swipe, the
// presenter view in a second window kept in step, and a phone's screen.
describe('the exported player', () => {
  let browser: Browser;
  let file: string;
  let deck: OpenedDeck;

  before(async () => {
    browser = await launchBrowser();
    file = exportDeck('examples/town-hall.md');
  });
  after(() => browser?.close());
  afterEach(async () => {
    assert.deepEqual(deck.requests, [], 'no request leaves the page');
    assert.deepEqual(deck.errors, [], 'no error and no CSP violation');
    assert.deepEqual(deck.dialogs, []);
    await deck.close();
  });

  const position = (page: Page) => page.evaluate('location.hash') as Promise<string>;

  it('shows the keys on ? and hides them on ? or Escape', async () => {
    deck = await openDeck(browser, file);
    const { page } = deck;
    const help = page.locator('.sd-help');
    assert.equal(await help.isVisible(), false);
    await page.keyboard.press('?');
    assert.equal(await help.isVisible(), true);
    assert.match(await help.innerText(), /presenter view in a second window/);
    await page.keyboard.press('?');
    assert.equal(await help.isVisible(), false);
    await page.keyboard.press('?');
    await page.keyboard.press('Escape');
    assert.equal(await help.isVisible(), false);
    assert.equal(await position(page), '#1', 'the keys did not move the slide');
  });

  it('draws a thin progress bar that grows with the talk, only in the one-slide view', async () => {
    deck = await openDeck(browser, file);
    const { page } = deck;
    const width = () => page.locator('.sd-progress').evaluate((bar) => bar.getBoundingClientRect().width);
    assert.equal(await width(), 0);
    await page.keyboard.press('End');
    assert.equal(await width(), 1280);
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    assert.ok(Math.abs((await width()) - (1280 * 3) / 9) < 1);
    assert.ok((await page.locator('.sd-progress').evaluate((bar) => bar.getBoundingClientRect().height)) <= 4);
    await page.keyboard.press('o');
    assert.equal(await page.locator('.sd-progress').isVisible(), false);
  });

  it('moves on a click on the right of the slide and back on a click on its left third, but not on a link', async () => {
    deck = await openDeck(browser, file);
    const { page } = deck;
    await page.mouse.click(1000, 360);
    assert.equal(await position(page), '#2');
    await page.mouse.click(1000, 360);
    assert.equal(await position(page), '#3');
    await page.mouse.click(100, 360);
    assert.equal(await position(page), '#2');
    await page.keyboard.press('o');
    await page.locator('.sd-frame').nth(6).click();
    assert.match((await currentSlide(page)) ?? '', /^Slide 7:/, 'the overview still jumps to the slide clicked');
    assert.equal(await position(page), '#7');
  });

  it('moves on a swipe: left for the next slide, right for the previous; a vertical move does nothing', async () => {
    deck = await openDeck(browser, file, { width: 390, height: 844 }, { hasTouch: true, isMobile: true });
    const { page } = deck;
    const cdp = await page.context().newCDPSession(page);
    const swipe = async (from: [number, number], to: [number, number]) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from[0], y: from[1] }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: (from[0] + to[0]) / 2, y: (from[1] + to[1]) / 2 }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: to[0], y: to[1] }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    await swipe([320, 420], [80, 430]);
    assert.equal(await position(page), '#2');
    await swipe([320, 420], [80, 410]);
    assert.equal(await position(page), '#3');
    await swipe([80, 420], [320, 420]);
    assert.equal(await position(page), '#2');
    await swipe([200, 300], [210, 600]);
    assert.equal(await position(page), '#2', 'a vertical move is not a swipe');
    await page.touchscreen.tap(330, 420);
    assert.equal(await position(page), '#3', 'a tap on the right moves on');
  });

  it('fits a phone’s screen: the whole slide in the width, with the viewport set for it', async () => {
    deck = await openDeck(browser, file, { width: 390, height: 844 }, { hasTouch: true, isMobile: true });
    const { page } = deck;
    const box = await page.locator('.sd-frame.sd-current').boundingBox();
    assert.ok(box && box.x >= 0 && Math.abs(box.width - 390) < 1 && Math.abs(box.height - (390 * 9) / 16) < 1, JSON.stringify(box));
    assert.equal(await page.evaluate('document.documentElement.scrollWidth'), 390, 'nothing wider than the screen');
  });

  it('opens the presenter view in a second window on p, and the two stay on the same slide whichever moves', async () => {
    deck = await openDeck(browser, file);
    const audience = deck.page;
    await audience.keyboard.press('ArrowRight');
    const opened = audience.context().waitForEvent('page');
    await audience.keyboard.press('p');
    const presenter = await opened;
    await presenter.locator('#storydeck[data-mode="presenter"]').waitFor();
    assert.equal(new URL(presenter.url()).search, '?presenter');
    assert.equal(await currentSlide(presenter), 'Slide 2: Why we exist', 'it opens on the audience’s slide');
    // The audience window keeps the slide alone: no notes, no presenter bar.
    assert.equal(await audience.locator('#storydeck').getAttribute('data-mode'), 'slide');
    assert.equal(await audience.locator('.sd-notes').isVisible(), false);
    assert.equal(await presenter.locator('.sd-notes').isVisible(), true);

    await presenter.keyboard.press('ArrowRight');
    await waitForScript(audience, "location.hash === '#3'");
    await audience.mouse.click(1000, 360);
    await waitForScript(presenter, "location.hash === '#4'");
    assert.equal(await presenter.locator('.sd-position').innerText(), 'Slide 4 of 10');
    await presenter.keyboard.press('End');
    await waitForScript(audience, "location.hash === '#10'");

    // The timer: pause holds it, reset starts it again from 0:00.
    await presenter.locator('.sd-elapsed', { hasText: /^Elapsed 0:0[1-9]$/ }).waitFor();
    await presenter.keyboard.press('t');
    const paused = await presenter.locator('.sd-elapsed').innerText();
    assert.match(paused, /\(paused\)$/);
    assert.equal(await presenter.locator('.sd-timer-pause').innerText(), 'Resume');
    await presenter.waitForTimeout(1100);
    assert.equal(await presenter.locator('.sd-elapsed').innerText(), paused);
    await presenter.locator('.sd-timer-reset').click();
    assert.equal(await presenter.locator('.sd-elapsed').innerText(), 'Elapsed 0:00 (paused)');
    await presenter.keyboard.press('t');
    assert.equal(await presenter.locator('.sd-elapsed').innerText(), 'Elapsed 0:00');
    assert.equal(await position(audience), '#10', 'the timer keys do not move the slides');
  });

  it('ignores messages from any window but its own presenter', async () => {
    deck = await openDeck(browser, file);
    const { page } = deck;
    await page.evaluate("window.postMessage({ storydeck: 'show', index: 5 }, '*')");
    await page.waitForTimeout(100);
    assert.equal(await position(page), '#1');
    assert.ok(pathToFileURL(file).href.startsWith('file:'));
  });
});
