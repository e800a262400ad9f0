import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { currentSlide, exportDeck, launchBrowser } from './harness';

/**
 * An exported page put on a web site (http://talk.test) and opened by another site (http://evil.test): the two
 * windows of a talk keep in step by postMessage, and a stranger's window must neither drive the slides nor hear
 * where the talk is. The page's own presenter window still follows.
 */
describe('exported HTML on a web site, opened by another site', () => {
  let browser: Browser;
  let context: BrowserContext;
  let evil: Page;

  before(async () => {
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  beforeEach(async () => {
    const html = readFileSync(exportDeck('examples/town-hall.md'), 'utf8');
    context = await browser.newContext();
    await context.route('**/*', (route) => {
      const { host } = new URL(route.request().url());
      if (host === 'talk.test') return route.fulfill({ contentType: 'text/html', body: html });
      if (host === 'evil.test') return route.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><title>Another site</title>' });
      return route.abort('blockedbyclient');
    });
    evil = await context.newPage();
    await evil.goto('http://evil.test/');
    await evil.evaluate("window.heard = []; window.addEventListener('message', (event) => window.heard.push(event.data));");
  });
  afterEach(() => context?.close());

  /** The talk at `url`, opened by the other site's page. */
  const openedByEvil = async (url: string): Promise<Page> => {
    const opened = context.waitForEvent('page');
    await evil.evaluate(`window.talk = window.open(${JSON.stringify(url)})`);
    const talk = await opened;
    await talk.locator('.sd-frame.sd-current').waitFor();
    return talk;
  };
  /** The other site posts a sync message to the talk, and gives the page time to act on it. */
  const evilSays = async (talk: Page, index: number) => {
    await evil.evaluate(`window.talk.postMessage({ storydeck: 'show', index: ${index} }, '*')`);
    await talk.waitForTimeout(300);
  };

  for (const url of ['http://talk.test/deck.html', 'http://talk.test/deck.html?presenter']) {
    it(`${url.endsWith('presenter') ? 'as the presenter view, ' : ''}neither follows the opener's messages nor tells it the slide`, async () => {
      const talk = await openedByEvil(url);
      await evilSays(talk, 5);
      assert.match((await currentSlide(talk)) ?? '', /^Slide 1\b/, "the other site's message moves no slide");
      await talk.keyboard.press('ArrowRight');
      await talk.keyboard.press('ArrowRight');
      assert.match((await currentSlide(talk)) ?? '', /^Slide 3\b/);
      await talk.waitForTimeout(300);
      assert.deepEqual(await evil.evaluate('window.heard'), [], 'the other site hears nothing');
    });
  }

  it('keeps its own presenter window in step, both ways', async () => {
    const talk = await openedByEvil('http://talk.test/deck.html');
    const opened = context.waitForEvent('page');
    await talk.keyboard.press('p');
    const presenter = await opened;
    await presenter.locator('#storydeck[data-mode="presenter"]').waitFor();
    await presenter.keyboard.press('ArrowRight');
    await talk.locator('.sd-frame.sd-current .sd-slide[aria-label^="Slide 2:"]').waitFor();
    await talk.keyboard.press('ArrowRight');
    await presenter.locator('.sd-position', { hasText: 'Slide 3 of 10' }).waitFor();
    await evilSays(talk, 7);
    assert.match((await currentSlide(talk)) ?? '', /^Slide 3\b/);
    assert.deepEqual(await evil.evaluate('window.heard'), []);
  });
});
