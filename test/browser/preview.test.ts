import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { deckUpdate } from '../../src/extension/preview/page';
import type { PreviewFinding } from '../../src/shared/protocol';
import { currentSlide, exportDeck, launchBrowser, openDeck, waitForScript, pokeEverything, type OpenedDeck } from './harness';
import { posted, renderText, send, writePreviewPage } from './previewPage';

// The preview webview (dist/webview.js) in the page the host builds, with a harness in VS Code's place.
describe('the preview webview in chromium', () => {
  const source = readFileSync('examples/town-hall.md', 'utf8');
  const deck = renderText(source);
  let browser: Browser;
  let preview: OpenedDeck;

  before(async () => {
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  async function open(options: Parameters<typeof writePreviewPage>[1] = {}, rendered = deck): Promise<OpenedDeck> {
    preview = await openDeck(browser, writePreviewPage(rendered, options));
    await preview.page.locator('.sd-frame.sd-current').waitFor();
    return preview;
  }
  afterEach(async () => {
    assert.deepEqual(preview.requests, [], 'no request leaves the page');
    assert.deepEqual(preview.errors, [], 'no error and no CSP violation');
    assert.deepEqual(preview.dialogs, []);
    await preview.close();
  });

  it('shows every slide from the startup data and tells the host it is ready on the first one', async () => {
    const { page } = await open();
    assert.equal(deck.slides.length, 10);
    assert.equal(await page.locator('.sd-frame').count(), 10);
    assert.equal(await page.locator('.sd-frame:visible').count(), 1);
    assert.equal(await currentSlide(page), "Slide 1: Handoffs that don't drop patients");
    assert.equal(await page.locator('#storydeck').getAttribute('data-state'), null, 'the startup data is read once and removed');
    const { page: id, ...state } = (await page.evaluate("JSON.parse(sessionStorage.getItem('state'))")) as { page: string };
    assert.deepEqual(state, { uri: 'file:///talk.md', locked: false, current: 0 });
    assert.match(id, /^[0-9a-f]{32}$/);
    assert.deepEqual(await posted(page), [
      { type: 'shown', index: 0 },
      { type: 'ready', page: id },
    ]);
  });

  it('goes back to the slide it showed when VS Code loads the same page again (a hidden preview shown again)', async () => {
    const { page } = await open({ start: 1 });
    await page.keyboard.press('End');
    await page.reload();
    await page.locator('.sd-frame.sd-current').waitFor();
    assert.equal(await currentSlide(page), 'Slide 10: What we need from you');
  });

  it('starts at the slide the host asks for', async () => {
    const { page } = await open({ start: 3 });
    assert.equal(await currentSlide(page), 'Slide 4: What changes for Maria');
  });

  it('navigates with arrows, space, page keys, Home/End and number + Enter, telling the host each slide shown', async () => {
    const { page } = await open();
    const steps: Array<[string[], number]> = [
      [['ArrowRight'], 2],
      [[' '], 3],
      [['PageDown'], 4],
      [['ArrowDown'], 5],
      [['ArrowLeft'], 4],
      [['PageUp'], 3],
      [['ArrowUp'], 2],
      [['End'], 10],
      [['Home'], 1],
      [['7', 'Enter'], 7],
      [['1', '2', 'Enter'], 10],
    ];
    for (const [keys, slide] of steps) {
      for (const key of keys) await page.keyboard.press(key);
      assert.match((await currentSlide(page)) ?? '', new RegExp(`^Slide ${slide}: `), keys.join(' '));
    }
    const shown = (await posted(page)).filter((m) => m.type === 'shown').map((m) => m.type === 'shown' && m.index);
    assert.deepEqual(shown.slice(-3), [0, 6, 9]);
  });

  it('shows an overview grid (o) and the clicked slide', async () => {
    const { page } = await open();
    await page.keyboard.press('o');
    assert.equal(await page.locator('#storydeck').getAttribute('data-mode'), 'overview');
    assert.equal(await page.locator('.sd-frame:visible').count(), 10);
    await page.locator('.sd-frame').nth(4).click();
    assert.equal(await page.locator('#storydeck').getAttribute('data-mode'), 'slide');
    assert.equal(await currentSlide(page), 'Slide 5: Why it matters for the business');
  });

  it('shows the presenter view (p): current and next slide, notes, a running timer, the plan against the duration', async () => {
    const { page } = await open();
    await page.keyboard.press('p');
    assert.equal(await page.locator('#storydeck').getAttribute('data-mode'), 'presenter');
    assert.equal(await page.locator('.sd-frame:visible').count(), 2);
    assert.match((await page.locator('.sd-frame.sd-next .sd-slide').getAttribute('aria-label')) ?? '', /^Slide 2: Why we exist/);
    assert.match(await page.locator('.sd-notes').innerText(), /^Open with a pause\. Ask the room/);
    assert.match(await page.locator('.sd-plan').innerText(), / of 8:00 planned$/);
    await page.locator('.sd-elapsed', { hasText: /^Elapsed 0:0[1-9]$/ }).waitFor();
    // Each pane under its label: Now over this slide, Next over the next, Notes over the notes.
    assert.deepEqual(await page.locator('.sd-label:visible').allInnerTexts(), ['NOW', 'NEXT', 'NOTES']);
    for (const [label, pane] of [
      ['.sd-label-now', '.sd-frame.sd-current'],
      ['.sd-label-next', '.sd-frame.sd-next'],
      ['.sd-label-notes', '.sd-notes'],
    ]) {
      const above = (await page.locator(label).boundingBox())!;
      const below = (await page.locator(pane).boundingBox())!;
      assert.equal(above.x, below.x, label);
      assert.ok(above.y + above.height <= below.y && below.y - (above.y + above.height) < 30, `${label} sits right above ${pane}`);
    }
    assert.ok(parseFloat(await page.locator('.sd-notes').evaluate((notes) => notes.ownerDocument.defaultView!.getComputedStyle(notes).fontSize)) >= 24, 'notes readable at a glance');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.sd-label:visible').count(), 0, 'printed from the presenter view: slides only');
    await page.emulateMedia({ media: 'screen' });
    await page.keyboard.press('p');
    assert.equal(await page.locator('.sd-label:visible').count(), 0, 'no labels outside the presenter view');
  });

  it('takes an update of one slide in place: same slide on show, only that slide rebuilt', async () => {
    const { page } = await open();
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    const frames = await page.locator('.sd-frame').elementHandles();
    const edited = renderText(source.replace('She finishes handover in five minutes', 'She finishes handover in four minutes'));
    const update = deckUpdate(deck, edited);
    assert.deepEqual(
      update?.slides.map((s) => s.index),
      [3],
      'the host sends only the edited slide',
    );
    await send(page, update!);
    await page.locator('.sd-frame').nth(3).getByText('in four minutes').waitFor({ state: 'attached' });
    assert.equal(await currentSlide(page), 'Slide 3: Meet Maria');
    const same = await page.locator('.sd-frame').evaluateAll((now, old) => old.map((frame, i) => frame === now[i]), frames);
    assert.deepEqual(same, [true, true, true, false, true, true, true, true, true, true]);
    assert.equal(deckUpdate(edited, edited), undefined, 'nothing to send when nothing changed');
  });

  it('grows and shrinks with the deck, keeping the slide on show or the last one', async () => {
    const { page } = await open({ start: 9 });
    const longer = renderText(`${source}\n---\n\n## One more thing\n`);
    await send(page, deckUpdate(deck, longer)!);
    assert.equal(await page.locator('.sd-frame').count(), 11);
    assert.equal(await currentSlide(page), 'Slide 10: What we need from you');
    await page.keyboard.press('End');
    assert.equal(await currentSlide(page), 'Slide 11: One more thing');
    const shorter = renderText(source.split('\n---\n').slice(0, 4).join('\n---\n'));
    await send(page, deckUpdate(longer, shorter)!);
    assert.equal(await page.locator('.sd-frame').count(), 3);
    assert.equal(await currentSlide(page), 'Slide 3: Meet Maria');
  });

  it('swaps its theme in place when the host sends a new one, keeping the slide and its nodes', async () => {
    const { page } = await open({ start: 4 });
    const background = 'getComputedStyle(document.querySelector(".sd-frame.sd-current .sd-slide")).backgroundColor';
    const light = await page.evaluate(background);
    const frames = await page.locator('.sd-frame').elementHandles();
    await send(page, { type: 'theme', href: pathToFileURL(resolve('media/themes/dark.css')).href });
    for (let i = 0; i < 50 && (await page.evaluate(background)) === light; i++) await page.waitForTimeout(100);
    assert.notEqual(await page.evaluate(background), light, 'the dark theme applies');
    assert.equal(await page.locator('link').count(), 2, 'the same link, pointing elsewhere');
    assert.equal(await currentSlide(page), `Slide 5: ${deck.slides[4].title}`);
    const same = await page.locator('.sd-frame').evaluateAll((now, old) => old.every((frame, i) => frame === now[i]), frames);
    assert.equal(same, true, 'no slide rebuilt');
  });

  it('draws the layouts (docs/layouts.md) as the exports do, in the theme it is given', async () => {
    const { page } = await open({ start: 1 }, renderText(readFileSync('examples/layouts.md', 'utf8')));
    const style = (property: string) => page.evaluate(`getComputedStyle(document.querySelector(".sd-frame.sd-current .sd-slide")).${property}`);
    assert.equal(await currentSlide(page), 'Slide 2: Part one: the problem');
    assert.equal(await style('backgroundColor'), 'rgb(37, 99, 235)', 'the divider on the light theme’s accent');
    await send(page, { type: 'show', index: 4 });
    const figure = 'getComputedStyle(document.querySelector(".sd-frame.sd-current .sd-slide > h2 + p")).fontSize';
    assert.equal(await page.evaluate(figure), '168px', 'the big number');
  });

  it('follows the editor (show) and asks the editor to reveal a slide that is double-clicked', async () => {
    const { page } = await open();
    await send(page, { type: 'show', index: 5 });
    assert.equal(await currentSlide(page), 'Slide 6: Where this fits');
    await page.locator('.sd-frame.sd-current .sd-slide').dblclick();
    const reveals = (await posted(page)).filter((m) => m.type === 'reveal');
    assert.deepEqual(reveals, [{ type: 'reveal', line: deck.slides[5].line }]);
  });

  it('shows a badge on each slide with findings, lists them on click, and reveals the line of the one clicked', async () => {
    const findings: PreviewFinding[] = [
      { line: deck.slides[2].line + 2, ruleId: 'jargon', severity: 'warning', message: 'Say it plainly.' },
      { line: deck.slides[2].line + 4, ruleId: 'slide-density', severity: 'error', message: 'Too many words.' },
      { line: deck.slides[7].line, ruleId: 'outcome-metric', severity: 'info', message: 'Add a date.' },
    ];
    const { page } = await open({ findings: findings.slice(2) });
    assert.deepEqual(await page.locator('.sd-frame').evaluateAll((fs) => fs.map((f) => f.querySelector('.sd-badge')?.textContent ?? '')), ['', '', '', '', '', '', '', '1', '', '']);
    await send(page, { type: 'findings', findings });
    const badges = await page.locator('.sd-frame').evaluateAll((fs) => fs.map((f) => f.querySelector('.sd-badge')?.className ?? ''));
    assert.deepEqual(
      badges.map((b, i) => (b ? i : -1)).filter((i) => i >= 0),
      [2, 7],
    );
    assert.equal(badges[2], 'sd-badge sd-error', 'coloured by the worst finding');
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    await page.locator('.sd-frame.sd-current .sd-badge').click();
    const items = page.locator('.sd-findings .sd-finding');
    assert.deepEqual(await items.allInnerTexts(), [`Line ${findings[1].line}: Too many words. (slide-density)`, `Line ${findings[0].line}: Say it plainly. (jargon)`]);
    await items.nth(1).click();
    assert.equal(await page.locator('.sd-findings').isVisible(), false);
    assert.equal(await currentSlide(page), 'Slide 3: Meet Maria', 'a badge click is not a slide click');
    const reveals = (await posted(page)).filter((m) => m.type === 'reveal');
    assert.deepEqual(reveals, [{ type: 'reveal', line: findings[0].line }]);
    const edited = renderText(source.replace('Maria is a night-shift nurse', 'Maria is a day-shift nurse'));
    await send(page, deckUpdate(deck, edited)!);
    assert.equal(await page.locator('.sd-frame').nth(2).locator('.sd-badge').innerText(), '2', 'a rebuilt slide keeps its badge');
  });

  it('shows the audience of StoryDeck: Present the slide alone: no badges, no notes, no other view, and asks for full screen', async () => {
    const findings = [{ line: deck.slides[0].line, ruleId: 'jargon', severity: 'warning' as const, message: 'Explain ARR.' }];
    const { page } = await open({ present: 'audience', findings });
    assert.equal(await page.locator('.sd-badge').count(), 0, 'no lint badge');
    await send(page, { type: 'findings', findings });
    assert.equal(await page.locator('.sd-badge').count(), 0, 'not even after new findings');
    for (const key of ['p', 'o', 'Escape']) {
      await page.keyboard.press(key);
      assert.equal(await page.locator('#storydeck').getAttribute('data-mode'), 'slide', `${key} shows no other view`);
    }
    assert.equal(await page.locator('.sd-notes').isVisible(), false);
    assert.equal(await page.locator('.sd-presenter-bar').isVisible(), false);
    assert.equal(await page.locator('.sd-frame:visible').count(), 1);
    await send(page, { type: 'show', index: 2 });
    assert.equal(await currentSlide(page), 'Slide 3: Meet Maria', 'the presenter view drives it through the host');
    await page.keyboard.press('f');
    const messages = await posted(page);
    assert.ok(messages.some((m) => m.type === 'presenting'));
    assert.ok(messages.some((m) => m.type === 'fullScreen'));
    assert.equal(messages.filter((m) => m.type === 'overflow').length, 0);
  });

  it('shows the presenter of StoryDeck: Present the presenter view, which stays so, and asks for a window of its own', async () => {
    const findings = [{ line: deck.slides[0].line, ruleId: 'jargon', severity: 'warning' as const, message: 'Explain ARR.' }];
    const { page } = await open({ present: 'presenter', findings });
    assert.equal(await page.locator('#storydeck').getAttribute('data-mode'), 'presenter');
    assert.equal(await page.locator('.sd-badge').count(), 0, 'no lint badge');
    assert.match(await page.locator('.sd-notes').innerText(), /^Open with a pause/);
    await page.keyboard.press('p');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#storydeck').getAttribute('data-mode'), 'presenter');
    await page.keyboard.press('ArrowRight');
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'shown').pop(), { type: 'shown', index: 1 });
    await page.locator('.sd-action', { hasText: 'New window' }).click();
    assert.deepEqual(
      (await posted(page)).filter((m) => m.type === 'newWindow'),
      [{ type: 'newWindow' }],
    );
  });

  it('asks the host for full screen on f, and leaves its presenter view on p', async () => {
    const { page } = await open({ start: 2 });
    await page.keyboard.press('p');
    assert.equal(await page.locator('#storydeck').getAttribute('data-mode'), 'presenter');
    assert.equal(await page.locator('.sd-badge:visible').count(), 0, 'no lint badge in the presenter view');
    await page.keyboard.press('f');
    await page.keyboard.press('f');
    assert.deepEqual(
      (await posted(page)).filter((m) => m.type === 'fullScreen'),
      [{ type: 'fullScreen' }, { type: 'fullScreen' }],
    );
    assert.equal(await page.evaluate('document.fullscreenElement'), null, 'the webview leaves full screen to VS Code');
    await page.keyboard.press('p');
    assert.equal(await page.locator('#storydeck').getAttribute('data-mode'), 'slide');
  });

  it('hands links to the host instead of following them', async () => {
    const rendered = renderText('# Links\n\n[the site](https://example.com/x) and [a file](other.md)\n');
    const { page } = await open({}, rendered);
    await page.getByRole('link', { name: 'the site' }).click();
    await page.getByRole('link', { name: 'a file' }).click({ button: 'middle' });
    await page.getByRole('link', { name: 'a file' }).click();
    assert.match(page.url(), /preview\.html$/);
    assert.equal(page.context().pages().length, 1, 'no window opened');
    const links = (await posted(page)).filter((m) => m.type === 'openLink');
    assert.deepEqual(links, [
      { type: 'openLink', href: 'https://example.com/x' },
      { type: 'openLink', href: 'other.md' },
      { type: 'openLink', href: 'other.md' },
    ]);
  });
});

// The player of an exported deck has no host to ask: `f` uses the Fullscreen API itself.
describe('the f key in an exported deck', () => {
  let browser: Browser;
  let deck: OpenedDeck;

  before(async () => {
    browser = await launchBrowser();
    deck = await openDeck(browser, exportDeck('examples/town-hall.md'));
  });
  after(async () => {
    await deck?.close();
    await browser?.close();
  });

  it('toggles full screen for the whole page, in the presenter window too', async () => {
    // `p` opens the presenter view in a window of its own.
    const opened = deck.page.context().waitForEvent('page');
    await deck.page.keyboard.press('p');
    const page = await opened;
    await page.locator('#storydeck[data-mode="presenter"]').waitFor();
    const fullScreen = () => page.evaluate('document.fullscreenElement === document.documentElement');
    await page.keyboard.press('f');
    await waitForScript(page, 'document.fullscreenElement === document.documentElement');
    assert.equal(await page.locator('#storydeck').getAttribute('data-mode'), 'presenter');
    await page.keyboard.press('f');
    await waitForScript(page, 'document.fullscreenElement === null');
    assert.equal(await fullScreen(), false);
    assert.deepEqual(deck.errors, []);
  });
});

// Every payload in the fixture sets window.__pwned, changes document.title, opens a dialog or loads
// something from example.com. Through the preview's renderer, page and bundle, none of that may happen.
describe('the XSS fixture in the preview webview', () => {
  const source = readFileSync('test/fixtures/xss.md', 'utf8');
  const deck = renderText(source);
  let browser: Browser;
  let preview: OpenedDeck;

  before(async () => {
    browser = await launchBrowser();
    preview = await openDeck(browser, writePreviewPage(deck));
    await preview.page.locator('.sd-frame.sd-current').waitFor();
  });
  after(async () => {
    await preview?.close();
    await browser?.close();
  });

  it('executes nothing and loads nothing but the one remote image written as an image, whatever the reader does', async () => {
    const { page } = preview;
    assert.equal(await page.locator('.sd-frame').count(), deck.slides.length);
    await pokeEverything(page, deck.slides.length, { click: true });
    await page.locator('.sd-frame.sd-current').dblclick();
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate('typeof window.__pwned'), 'undefined');
    assert.equal(await page.title(), deck.title, 'the hostile title is shown as text');
    assert.deepEqual(preview.dialogs, []);
    // img-src allows https: in the preview, as in VS Code's Markdown preview; nothing else may leave.
    assert.deepEqual([...new Set(preview.requests)], ['https://example.com/track.png']);
    // The test's own network block, which failed that image, is the only error: no CSP violation, nothing tried.
    assert.deepEqual(preview.errors, ['Failed to load resource: net::ERR_BLOCKED_BY_CLIENT.Inspector']);
    assert.deepEqual(
      (await posted(page)).filter((m) => m.type === 'openLink'),
      [],
      'no link from the fixture is live',
    );
  });

  it('leaves no active element from the Markdown in the page, only escaped text', async () => {
    const { page } = preview;
    assert.equal(await page.locator('script').count(), 2, 'the test harness and the bundle');
    const active = 'iframe, object, embed, svg, math, form, input, base, style, details, meta[http-equiv="refresh"], [srcdoc], [onerror], [onload], [onmouseover], [ontoggle], [onfocus], .sd-slide a';
    assert.equal(await page.locator(active).count(), 0);
    assert.equal(await page.locator('link').count(), 2, 'the bundle style sheet and the theme');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.keyboard.press('Home');
    const first = await page.locator('.sd-frame.sd-current .sd-slide').innerText();
    assert.match(first, /<script>window\.__pwned = 1; document\.title = 'pwned'<\/script>Raw HTML everywhere/);
    assert.doesNotMatch(await page.content(), /SECRET-GUIDANCE|storydeck-disable/);
  });
});

// With `storydeck.preview.html` on in a trusted workspace the host renders with rawHtml: 'keep', and the
// webview sanitizes: the same payloads stay inert, while plain formatting shows as elements.
describe('raw HTML in the preview webview, sanitized (storydeck.preview.html)', () => {
  const source = readFileSync('test/fixtures/xss.md', 'utf8');
  const deck = renderText(source, 'keep');
  let browser: Browser;
  let preview: OpenedDeck;

  before(async () => {
    browser = await launchBrowser();
  });
  after(() => browser?.close());
  afterEach(() => preview?.close());

  it('runs nothing from the XSS fixture and loads nothing but https images, whatever the reader does', async () => {
    preview = await openDeck(browser, writePreviewPage(deck));
    const { page } = preview;
    await page.locator('.sd-frame.sd-current').waitFor();
    assert.equal(await page.locator('.sd-frame').count(), deck.slides.length);
    await pokeEverything(page, deck.slides.length, { click: true });
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate('typeof window.__pwned'), 'undefined');
    assert.equal(await page.title(), deck.title);
    assert.deepEqual(preview.dialogs, []);
    assert.deepEqual([...new Set(preview.requests)], ['https://example.com/track.png'], 'the Markdown image the existing test documents; the raw <img src=x> lost its source');
    // DOMPurify parses with the browser's DOMParser, whose inert document shares the page's CSP: Chrome
    // reports the handlers, <style> and <base> it reads there, though nothing from them reaches the page.
    const reports = preview.errors.filter((error) => /violates the following Content Security Policy directive/.test(error));
    assert.ok(reports.length > 0);
    assert.deepEqual(
      preview.errors.filter((error) => !reports.includes(error)),
      ['Failed to load resource: net::ERR_BLOCKED_BY_CLIENT.Inspector'],
    );
    assert.deepEqual(
      (await posted(page)).filter((m) => m.type === 'openLink'),
      [],
      'the raw javascript: link is not live',
    );
    const active =
      'script:not([nonce]), iframe, object, embed, svg, math, form, input, base, style, meta[http-equiv="refresh"], [srcdoc], [onerror], [onload], [onmouseover], [ontoggle], [onfocus], .sd-slide [style], .sd-slide a[href], [data-sd-html]';
    assert.deepEqual(await page.locator(active).evaluateAll((found) => found.map((element) => element.outerHTML)), []);
    assert.equal(await page.locator('link').count(), 2, 'the bundle style sheet and the theme');
    // What the allow-list keeps: <b> without its handler, <details>/<summary> without ontoggle (the clicks toggled it).
    assert.equal(await page.locator('.sd-slide .sd-html b').first().innerText(), 'bold');
    assert.equal(await page.locator('.sd-slide details > summary').innerText(), 'x');
    assert.doesNotMatch(await page.content(), /SECRET-GUIDANCE|storydeck-disable/);
  });

  it('shows allowed markup as elements, mixed with the Markdown around it, and keeps links going through the host', async () => {
    const rendered = renderText('# H<sub>2</sub>O\n\nPress <kbd>Ctrl</kbd>+<kbd>S</kbd>, **<mark>now</mark>** and [read](https://example.com/a)\n\n<table><tr><td>cell</td></tr></table>\n', 'keep');
    preview = await openDeck(browser, writePreviewPage(rendered));
    const { page } = preview;
    const slide = page.locator('.sd-frame.sd-current .sd-slide');
    await slide.waitFor();
    assert.equal(await slide.locator('h1 sub').innerText(), '2');
    assert.deepEqual(await slide.locator('p kbd').allInnerTexts(), ['Ctrl', 'S']);
    assert.equal(await slide.locator('p strong > mark').innerText(), 'now');
    assert.equal(await slide.locator('table td').innerText(), 'cell');
    assert.equal(await slide.locator('h1').getAttribute('data-line'), '1', "the renderer's block keeps its source line");
    await slide.getByRole('link', { name: 'read' }).click();
    assert.deepEqual(
      (await posted(page)).filter((m) => m.type === 'openLink'),
      [{ type: 'openLink', href: 'https://example.com/a' }],
    );
    assert.deepEqual(preview.requests, []);
    assert.deepEqual(preview.errors, []);
  });

  it('sanitizes a slide the host updates', async () => {
    const before = renderText('# One\n\nplain\n', 'keep');
    preview = await openDeck(browser, writePreviewPage(before));
    const { page } = preview;
    await page.locator('.sd-frame.sd-current').waitFor();
    await send(page, deckUpdate(before, renderText('# One\n\n<kbd>K</kbd> <img src=x onerror="window.__pwned = 1">\n', 'keep'))!);
    await page.locator('.sd-frame.sd-current kbd').waitFor();
    assert.equal(await page.locator('.sd-frame.sd-current img').count(), 1);
    assert.equal(await page.locator('.sd-frame.sd-current img').getAttribute('src'), null);
    assert.equal(await page.locator('[onerror]').count(), 0);
    assert.equal(await page.evaluate('typeof window.__pwned'), 'undefined');
  });
});
