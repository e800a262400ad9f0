import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { parseDeck } from '../../src/core/deck';
import { renderDeck, type RenderedDeck, type RenderOptions } from '../../src/core/render';
import { previewHtml, randomNonce } from '../../src/extension/preview/page';
import type { HostToWebview, PresentRole, PreviewFinding, WebviewToHost } from '../../src/shared/protocol';

/** Renders Markdown as the preview host does (images kept as written: there is no webview to map them). */
export function renderText(markdown: string, rawHtml: RenderOptions['rawHtml'] = 'escape'): RenderedDeck {
  return renderDeck(parseDeck(markdown), { rawHtml });
}

/**
 * Writes the preview's page, built by the host's own `previewHtml` around the built bundle (`npm run
 * build` first), into a fresh folder, and returns the file. A test harness stands in for VS Code: a
 * nonce-tagged script before the bundle defines `acquireVsCodeApi`, recording what the webview posts in
 * `window.__posted` and keeping its state, as VS Code does, across a reload of the page (sessionStorage).
 */
export function writePreviewPage(deck: RenderedDeck, options: { findings?: PreviewFinding[]; start?: number; present?: PresentRole } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'storydeck-preview-'));
  const nonce = randomNonce();
  const url = (path: string) => pathToFileURL(resolve(path)).href;
  const html = previewHtml(
    { page: randomNonce(), uri: 'file:///talk.md', locked: false, deck, findings: options.findings ?? [], start: options.start ?? 0, ...(options.present ? { present: options.present } : {}) },
    { cspSource: 'file:', script: url('dist/webview.js'), style: url('dist/webview.css'), theme: url(`media/themes/${deck.theme}.css`), nonce },
  );
  writeFileSync(
    join(dir, 'fake-vscode-api.js'),
    `window.__posted = [];
window.acquireVsCodeApi = () => ({
  postMessage: (message) => window.__posted.push(message),
  getState: () => JSON.parse(sessionStorage.getItem('state') ?? 'null') ?? undefined,
  setState: (state) => sessionStorage.setItem('state', JSON.stringify(state)),
});
`,
  );
  const file = join(dir, 'preview.html');
  const bundle = `<script nonce="${nonce}" src="`;
  if (!html.includes(bundle)) throw new Error('previewHtml no longer loads its bundle with a nonce-tagged script');
  writeFileSync(file, html.replace(bundle, `<script nonce="${nonce}" src="fake-vscode-api.js"></script>\n${bundle}`));
  return file;
}

/**
 * Posts a message to the webview the way VS Code delivers the host's `postMessage`, and resolves once the
 * webview has handled it: a window’s messages arrive in order, so a second one, a token, marks the first as
 * done (without it, a check right after `send` races the message's own task).
 */
export async function send(page: Page, message: HostToWebview): Promise<void> {
  await page.evaluate(
    // No named functions in here: the test runner's transform would wrap them in a helper the page lacks.
    (m) =>
      new Promise<void>((done) => {
        const self = globalThis as unknown as {
          addEventListener(type: 'message', listener: (event: { data: unknown }) => void, options: { signal: AbortSignal }): void;
          postMessage(message: unknown, targetOrigin: string): void;
        };
        const token = `storydeck-test-flush-${Math.random()}`;
        const listening = new AbortController();
        self.addEventListener('message', (event) => event.data === token && (listening.abort(), done()), { signal: listening.signal });
        self.postMessage(m, '*');
        self.postMessage(token, '*');
      }),
    message,
  );
}

/** Everything the webview has posted to the host so far. */
export function posted(page: Page): Promise<WebviewToHost[]> {
  return page.evaluate('window.__posted') as Promise<WebviewToHost[]>;
}
