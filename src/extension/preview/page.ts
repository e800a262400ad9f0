// The preview's pure parts, with no `vscode` import: the page the webview loads, the diff that turns
// a new rendering into an update message, and the slide under a source line. The browser tests and
// the benchmark drive the webview through these same functions.
import { escapeHtml } from '../../core/render/escape';
import type { RenderedDeck, RenderedSlide } from '../../core/render/types';
import type { DeckSummary, HostToWebview, PreviewStartup } from '../../shared/protocol';

export interface PageResources {
  /** `webview.cspSource`: where the page may load its script, styles and local images from. */
  cspSource: string;
  /** dist/webview.js, dist/webview.css and the theme's style sheet, as URLs the page can load. */
  script: string;
  style: string;
  theme: string;
  /** A fresh random value for every page. */
  nonce: string;
}

/**
 * The webview's HTML: a strict Content-Security-Policy (nothing inline runs; scripts only with the
 * nonce; images only from the extension's and the workspace's files, https and data:), the startup data
 * as escaped JSON in an attribute, and the bundle.
 */
export function previewHtml(startup: PreviewStartup, r: PageResources): string {
  const csp = [
    "default-src 'none'",
    `img-src ${r.cspSource} https: data:`,
    `style-src ${r.cspSource} 'nonce-${r.nonce}'`,
    `script-src 'nonce-${r.nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(startup.deck.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="stylesheet" href="${escapeHtml(r.style)}">
<link rel="stylesheet" href="${escapeHtml(r.theme)}" id="storydeck-theme">
<title>${escapeHtml(startup.deck.title || 'Slides')}</title>
</head>
<body>
<main id="storydeck" class="sd-player" data-state="${escapeHtml(JSON.stringify(startup))}"></main>
<script nonce="${r.nonce}" src="${escapeHtml(r.script)}"></script>
</body>
</html>
`;
}

export function randomNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The message that brings a webview showing `before` to `after`: the deck's summary and only the slides
 * whose rendering changed (or that are new). `undefined` when nothing changed.
 */
export function deckUpdate(before: RenderedDeck, after: RenderedDeck): Extract<HostToWebview, { type: 'update' }> | undefined {
  const slides: Array<{ index: number; slide: RenderedSlide }> = [];
  after.slides.forEach((slide, index) => {
    if (!sameSlide(before.slides[index], slide)) slides.push({ index, slide });
  });
  const deck = summary(after);
  if (slides.length === 0 && after.slides.length === before.slides.length && JSON.stringify(summary(before)) === JSON.stringify(deck)) return undefined;
  return { type: 'update', deck, slides };
}

function summary({ slides, ...rest }: RenderedDeck): DeckSummary {
  return { ...rest, slideCount: slides.length };
}

function sameSlide(a: RenderedSlide | undefined, b: RenderedSlide): boolean {
  return (
    a !== undefined &&
    a.html === b.html &&
    a.notesHtml === b.notesHtml &&
    a.line === b.line &&
    a.endLine === b.endLine &&
    a.title === b.title &&
    a.className === b.className &&
    JSON.stringify(a.look) === JSON.stringify(b.look) &&
    a.estimatedSeconds === b.estimatedSeconds
  );
}
