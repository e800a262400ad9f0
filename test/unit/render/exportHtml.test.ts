import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { parseDeck } from '../../../src/core/deck';
import { exportHtml, type ExportAssets } from '../../../src/core/export/html';
import { renderDeck, THEME_NAMES } from '../../../src/core/render';

const assets: ExportAssets = {
  playerJs: 'console.log("</script><!-- player")',
  playerCss: '.player { content: "</style>" }',
  themes: { light: '.light {}', dark: '.dark {}', corporate: '.corporate {}' },
};

function page(markdown: string, options: Parameters<typeof exportHtml>[1] = {}) {
  return exportHtml(parseDeck(markdown), { assets, ...options });
}

describe('exportHtml', () => {
  it('has a theme style sheet for every theme name', () => {
    for (const name of THEME_NAMES) assert.ok(existsSync(`media/themes/${name}.css`), name);
  });

  it('sets a strict CSP whose nonce is the one on every style and script element', () => {
    const html = page('# Hi');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp);
    const nonce = /script-src 'nonce-([0-9a-f]{32})'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.equal(csp, `default-src 'none'; img-src data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`);
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<style'), 'the policy comes before anything it governs');
    for (const [tag] of html.matchAll(/<(style|script)\b[^>]*>/g)) {
      if (tag.includes('application/json')) continue;
      assert.ok(tag.includes(`nonce="${nonce}"`), tag);
    }
    assert.notEqual(nonce, /nonce-([0-9a-f]+)/.exec(page('# Hi'))?.[1], 'a new nonce for every export');
  });

  it('embeds the rendered deck as JSON that cannot end its script element', () => {
    const markdown = '---\ntitle: "</script><script>alert(1)</script><!--"\n---\n# One\n\n<!-- note </script> -->\n\n---\n\nTwo & \u2028 more\n';
    const html = page(markdown);
    const json = /<script type="application\/json" id="storydeck-deck">([^]*?)<\/script>/.exec(html)?.[1];
    assert.ok(json);
    assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(renderDeck(parseDeck(markdown)))));
    assert.equal(html.match(/<\/script>/g)?.length, 2, 'only the two script elements close');
    assert.match(html, /<title>&lt;\/script&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;&lt;!--<\/title>/);
  });

  it('inlines the player and styles so that they cannot end their elements either', () => {
    const html = page('# Hi');
    assert.match(html, /console\.log\("\\x3C\/script>\\x3C!-- player"\)/);
    assert.match(html, /content: "\\3C \/style>"/);
  });

  it('inlines the theme the front matter or the caller picks, never the name as written', () => {
    assert.match(page('---\ntheme: dark\n---\n# Hi'), /\.dark \{\}/);
    assert.match(page('---\ntheme: dark\n---\n# Hi', { theme: 'corporate' }), /\.corporate \{\}/);
    const hostile = page('---\ntheme: "\\"><script>alert(1)</script>"\n---\n# Hi');
    assert.match(hostile, /\.light \{\}/);
    assert.doesNotMatch(hostile.replace(/<script type="application\/json"[^]*?<\/script>/, ''), /alert/);
    assert.doesNotMatch(page('# Hi'), /\.dark|\.corporate/, 'only the chosen theme');
  });

  it('uses the front matter language tag and passes the image resolver through', () => {
    const html = page('---\nlang: de\n---\n![x](a.png)', { resolveImage: () => 'data:image/png;base64,AAAA' });
    assert.match(html, /<html lang="de">/);
    assert.match(html, /src=\\"data:image\/png;base64,AAAA\\"/);
  });

  it('fails clearly without a player bundle', () => {
    assert.throws(() => exportHtml(parseDeck('# Hi')), /needs the player bundle/);
    assert.throws(() => exportHtml(parseDeck('# Hi'), { assets: { ...assets, themes: {} } }), /no style sheet for the light theme/);
    const withAcme = { ...assets, themes: { ...assets.themes, acme: '.acme {}' } };
    assert.ok(exportHtml(parseDeck('---\ntheme: acme\n---\n# Hi'), { assets: withAcme }).includes('.acme {}'), 'a custom theme the caller passes, named by the front matter');
    assert.ok(exportHtml(parseDeck('---\ntheme: acme\n---\n# Hi'), { assets }).includes('.light {}'), 'light when the caller has no such theme');
  });

  it('reads the example', () => {
    const html = page(readFileSync('examples/town-hall.md', 'utf8'));
    assert.match(html, /<title>Handoffs that don&#39;t drop patients<\/title>/);
  });
});
