import type { Deck } from '../deck/types';
import { readMarp } from '../deck/marp';
import { escapeHtml } from '../render/escape';
import { deckOf, renderDeck, type ParsedDeck } from '../render/renderDeck';
import { chooseTheme } from '../render/themes';
import type { RenderOptions } from '../render/types';

/** What an exported page inlines besides the deck: the player bundle and the theme style sheets. */
export interface ExportAssets {
  /** dist/player.js */
  playerJs: string;
  /** dist/player.css */
  playerCss: string;
  /** media/themes/<name>.css by name. */
  themes: Record<string, string>;
}

export interface HtmlExportOptions extends RenderOptions {
  /** Overrides the front matter `theme`: a built-in theme's name or a key of `assets.themes`. */
  theme?: string;
  /** Needed: `exportNarrative` (src/node/exporter.ts) passes those esbuild embeds in its bundle. */
  assets?: ExportAssets;
}

/**
 * One self-contained HTML file that presents the deck offline: styles, player and data inlined, local
 * images as the caller's `resolveImage` returns them (data: URIs), and a Content-Security-Policy that
 * lets the page load nothing but its own nonce-tagged style and script and data: images. Pass what
 * `parseForRender` returned to render from its tokens.
 */
export function exportHtml(source: Deck | ParsedDeck, options: HtmlExportOptions = {}): string {
  const { assets } = options;
  if (!assets) throw new Error('exportHtml needs the player bundle: pass options.assets (src/node/exporter.ts passes those esbuild embeds).');
  const rendered = renderDeck(source, options);
  const theme = options.theme ?? chooseTheme(readMarp(deckOf(source)).theme?.name, new Map(Object.entries(assets.themes))).name;
  const themeCss = assets.themes[theme];
  if (themeCss === undefined) throw new Error(`the build has no style sheet for the ${theme} theme.`);
  const nonce = randomNonce();
  const csp = `default-src 'none'; img-src data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(rendered.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="StoryDeck">
<title>${escapeHtml(rendered.title || 'Slides')}</title>
<style nonce="${nonce}">
${inlineStyle(assets.playerCss)}
</style>
<style nonce="${nonce}">
${inlineStyle(themeCss)}
</style>
</head>
<body>
<main id="storydeck" class="sd-player"><noscript>This presentation needs JavaScript to show its slides.</noscript></main>
<script type="application/json" id="storydeck-deck">${scriptJson(rendered)}</script>
<script nonce="${nonce}">
${inlineScript(assets.playerJs)}
</script>
</body>
</html>
`;
}

/** JSON that cannot end its `<script>` element or open a comment in it: `<`, `>` and `&` become \u escapes. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `</script` and `<!--` cannot occur in a script element's text; `\x3C` means `<` wherever they could appear in JavaScript. */
function inlineScript(js: string): string {
  return js.replace(/<(?=\/script|!--)/gi, '\\x3C');
}

/** `</style` cannot occur in a style element's text; `\3C ` means `<` in CSS strings. */
function inlineStyle(css: string): string {
  return css.replace(/<(?=\/style)/gi, '\\3C ');
}

function randomNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
