import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { deckUpdate } from '../../src/extension/preview/page';
import { launchBrowser, openDeck, waitForScript } from './harness';
import { renderText, send, writePreviewPage } from './previewPage';

/** Marp's directives in the preview webview: drawn under its CSP, and redrawn when only a directive changes. */
describe("Marp's directives in the preview webview", () => {
  let browser: Browser;
  before(async () => (browser = await launchBrowser()));
  after(() => browser?.close());

  const source = readFileSync('test/fixtures/marp/feature-directives.md', 'utf8');
  const look = (i: number) => `(() => {
    const slide = document.querySelectorAll('.sd-slide')[${i}];
    const style = getComputedStyle(slide);
    return [style.backgroundColor, style.color, slide.querySelector('.sd-marp-header')?.textContent ?? '', slide.querySelector('.sd-marp-page')?.textContent ?? ''];
  })()`;

  it('draws colours, header and page number with no CSP violation, and redraws a slide whose only change is a directive', async () => {
    const before = renderText(source);
    const opened = await openDeck(browser, writePreviewPage(before));
    try {
      assert.deepEqual(await opened.page.evaluate(look(2)), ['rgb(30, 58, 95)', 'rgb(255, 255, 255)', 'Quarterly review', '3']);
      assert.deepEqual(await opened.page.evaluate(look(1)), ['rgb(253, 246, 227)', 'rgb(31, 35, 40)', 'Quarterly review', '2']);

      // Only slide 3's colour changes: its HTML and classes stay the same, so the update must carry its look.
      const after = renderText(source.replace('_backgroundColor: "#1e3a5f"', '_backgroundColor: "#004400"'));
      const update = deckUpdate(before, after);
      assert.ok(update, 'the host sends an update');
      await send(opened.page, update);
      await waitForScript(opened.page, "getComputedStyle(document.querySelectorAll('.sd-slide')[2]).backgroundColor === 'rgb(0, 68, 0)'", 5000);
      assert.deepEqual(opened.errors, []);
    } finally {
      await opened.close();
    }
  });
});
