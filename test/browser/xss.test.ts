import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { parseDeck } from '../../src/core/deck';
import { exportDeck, launchBrowser, openDeck, pokeEverything, type OpenedDeck } from './harness';

// Every payload in the fixture sets window.__pwned, changes document.title, opens a dialog or loads
// something from example.com. None of that may happen, whatever the reader does with the page.
describe('the XSS fixture, exported and opened in chromium', () => {
  const fixture = 'test/fixtures/xss.md';
  const source = parseDeck(readFileSync(fixture, 'utf8'));
  let browser: Browser;
  let deck: OpenedDeck;

  before(async () => {
    browser = await launchBrowser();
    deck = await openDeck(browser, exportDeck(fixture));
  });
  after(async () => {
    await deck?.close();
    await browser?.close();
  });

  it('executes nothing and requests nothing while the reader goes through every slide and mode', async () => {
    const { page } = deck;
    assert.equal(await page.locator('.sd-frame').count(), source.slides.length);
    await pokeEverything(page, source.slides.length);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate('typeof window.__pwned'), 'undefined');
    assert.equal(await page.title(), source.title, 'the hostile title is shown as text');
    assert.deepEqual(deck.dialogs, []);
    assert.deepEqual(deck.requests, []);
    assert.deepEqual(deck.errors, [], 'not even a CSP violation: nothing tried');
  });

  it('leaves no active element from the Markdown in the page, only escaped text', async () => {
    const { page } = deck;
    assert.equal(await page.locator('script').count(), 2, 'the JSON data block and the player');
    const active =
      'iframe, object, embed, svg, math, form, input, base, link, style:not([nonce]), details, meta[http-equiv="refresh"], [srcdoc], [onerror], [onload], [onmouseover], [ontoggle], [onfocus], .sd-slide a';
    assert.equal(await page.locator(active).count(), 0);
    assert.deepEqual(await page.locator('.sd-slide img').evaluateAll((images) => images.map((image) => image.getAttribute('src')?.slice(0, 15))), ['data:image/gif;']);
    await page.keyboard.press('Home');
    const first = await page.locator('.sd-frame.sd-current .sd-slide').innerText();
    assert.match(first, /<script>window\.__pwned = 1; document\.title = 'pwned'<\/script>Raw HTML everywhere/);
    assert.match(first, /<iframe srcdoc=/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await page.locator('.sd-frame.sd-current .sd-slide').getAttribute('class'), 'sd-slide x onmouseoverwindow__pwned 1');
  });

  it('shows the notes as text and never the guidance or lint comments', async () => {
    const { page } = deck;
    await page.keyboard.press('Home');
    await page.keyboard.press('p');
    assert.match(await page.locator('.sd-notes').innerText(), /A note that tries to close the JSON block: <\/script><script>window\.__pwned = 1/);
    const everything = await page.content();
    assert.doesNotMatch(everything, /SECRET-GUIDANCE|storydeck-disable/);
    await page.keyboard.press('p');
  });
});
