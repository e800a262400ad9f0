import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDeck } from '../../../src/core/deck';
import { renderDeck } from '../../../src/core/render';
import { deckUpdate, previewHtml, randomNonce } from '../../../src/extension/preview/page';
import { slideAtLine } from '../../../src/shared/lines';
import type { PreviewStartup } from '../../../src/shared/protocol';

const render = (text: string) => renderDeck(parseDeck(text));
const resources = {
  cspSource: 'https://webview.test',
  script: 'https://webview.test/dist/webview.js',
  style: 'https://webview.test/dist/webview.css',
  theme: 'https://webview.test/media/themes/light.css',
  nonce: 'abc123',
};

describe('preview page', () => {
  const deck = render(readFileSync('test/fixtures/xss.md', 'utf8'));
  const startup: PreviewStartup = { page: 'p1', uri: 'file:///talk.md', locked: false, deck, findings: [], start: 0 };
  const html = previewHtml(startup, resources);

  it('has a strict Content-Security-Policy: nothing inline, scripts only with the nonce, no eval', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1].replaceAll('&#39;', "'");
    assert.equal(csp, "default-src 'none'; img-src https://webview.test https: data:; style-src https://webview.test 'nonce-abc123'; script-src 'nonce-abc123'; base-uri 'none'; form-action 'none'");
    assert.doesNotMatch(csp!, /unsafe-(inline|eval)/);
    assert.deepEqual(html.match(/<script[^>]*>/g), ['<script nonce="abc123" src="https://webview.test/dist/webview.js">']);
    assert.doesNotMatch(html, /<style/);
  });

  it('carries the startup data as escaped JSON in one attribute, whatever the Markdown holds', () => {
    const attribute = /<main id="storydeck" class="sd-player" data-state="([^"]*)"><\/main>/.exec(html)?.[1];
    assert.ok(attribute, 'the attribute ends where it should');
    assert.doesNotMatch(attribute, /[<>"']/);
    const unescaped = attribute.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);
    assert.deepEqual(JSON.parse(unescaped), startup);
    assert.match(html, /<title>&quot;&gt;&lt;\/title&gt;&lt;script&gt;/, 'the hostile title is text');
  });

  it('makes a fresh nonce each time', () => {
    assert.match(randomNonce(), /^[0-9a-f]{32}$/);
    assert.notEqual(randomNonce(), randomNonce());
  });
});

describe('preview updates', () => {
  const text = readFileSync('examples/town-hall.md', 'utf8');
  const before = render(text);

  it('send nothing when nothing changed', () => {
    assert.equal(deckUpdate(before, render(text)), undefined);
  });

  it('send only the slide whose text changed, with the deck summary', () => {
    const update = deckUpdate(before, render(text.replace('## Meet Maria', '## Meet Maria, night nurse')));
    assert.deepEqual(
      update?.slides.map((s) => [s.index, s.slide.title]),
      [[2, 'Meet Maria, night nurse']],
    );
    assert.equal(update?.deck.slideCount, 10);
    assert.equal(update?.deck.title, before.title);
  });

  it('send the summary alone when only the front matter changed', () => {
    const update = deckUpdate(before, render(text.replace('duration: 8m', 'duration: 10m')));
    assert.deepEqual(update?.slides, []);
    assert.equal(update?.deck.durationSeconds, 600);
  });

  it('send new slides and the shorter count when slides come and go', () => {
    const longer = render(`${text}\n---\n\n## One more thing\n`);
    assert.deepEqual(
      deckUpdate(before, longer)?.slides.map((s) => s.index),
      [10],
    );
    const shorter = deckUpdate(longer, before);
    assert.equal(shorter?.deck.slideCount, 10);
  });
});

describe('slideAtLine', () => {
  const slides = [{ line: 12 }, { line: 22 }, { line: 32 }];
  it('finds the slide holding a line, the first one above every slide', () => {
    assert.deepEqual(
      [1, 12, 21, 22, 31, 32, 500].map((line) => slideAtLine(slides, line)),
      [0, 0, 0, 1, 1, 2, 2],
    );
  });
});
