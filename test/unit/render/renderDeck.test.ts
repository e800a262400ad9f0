import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseDeck } from '../../../src/core/deck';
import { parseForRender, renderDeck, type RenderOptions } from '../../../src/core/render';

const example = readFileSync('examples/town-hall.md', 'utf8');
const xss = readFileSync('test/fixtures/xss.md', 'utf8');

function render(text: string, options?: RenderOptions) {
  return renderDeck(parseDeck(text), options);
}

/** Real tags in rendered HTML (escaped text shows as `&lt;…`, so it never matches). */
function tags(html: string): Array<{ name: string; attributes: string[] }> {
  return [...html.matchAll(/<([a-z][a-z0-9]*)((?:\s[^>]*)?)>/gi)].map(([, name, rest]) => ({
    name: name.toLowerCase(),
    attributes: [...rest.matchAll(/\s([^\s=]+)=/g)].map((m) => m[1].toLowerCase()),
  }));
}

const SAFE_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
  'img',
  'em',
  'strong',
  's',
  'br',
  'hr',
  'div',
  'span',
  // Marp's backgrounds, header and footer (src/core/render/marp.ts).
  'figure',
  'header',
  'footer',
]);
const SAFE_ATTRIBUTES = new Set(['data-line', 'class', 'href', 'target', 'rel', 'src', 'alt', 'title', 'start', 'width', 'height', 'data-sd-fit', 'data-sd-bg-scale']);

/** Every line a `data-line` attribute names, in order. */
function dataLines(html: string): number[] {
  return [...html.matchAll(/data-line="(\d+)"/g)].map((m) => Number(m[1]));
}

describe('renderDeck', () => {
  it('renders the example into the same slides as parseDeck, with their lines and titles', () => {
    const deck = parseDeck(example);
    const rendered = renderDeck(deck);
    assert.equal(rendered.slides.length, deck.slides.length);
    assert.equal(rendered.title, deck.title);
    assert.equal(rendered.durationSeconds, 8 * 60);
    for (const [i, slide] of rendered.slides.entries()) {
      const source = deck.slides[i];
      assert.deepEqual(
        { index: slide.index, line: slide.line, endLine: slide.endLine, title: slide.title, seconds: slide.estimatedSeconds },
        { index: source.index, line: source.line, endLine: source.endLine, title: source.title, seconds: source.estimatedSeconds },
      );
    }
    assert.match(rendered.slides[2].html, /<h2 data-line="\d+">Meet Maria<\/h2>/);
  });

  it('agrees with parseDeck on slides for any mix of separators, headings, comments, code and front matter', () => {
    const block = fc.constantFrom(
      '---',
      '***',
      '___',
      '- - -',
      '# Title',
      '## Section',
      'Some words here.',
      '- item\n- item',
      '> quote',
      '```\n---\n```',
      '<!-- note -->',
      '<!-- _class: lead -->',
      '<!-- headingDivider: 2 -->',
      '<div>\n---\n</div>',
      '[ref]: https://example.com',
      '[ref]: javascript:alert(1)',
      'Setext\n---',
      '    indented ---',
      '| a |\n|---|\n| b |',
      '<!-- open',
      '',
    );
    const frontMatter = fc.constantFrom('', '---\ntitle: T\n---\n', '---\nheadingDivider: 2\n---\n', '---\nbad: [\n---\n');
    fc.assert(
      fc.property(frontMatter, fc.array(block, { maxLength: 14 }), (fm, blocks) => {
        const deck = parseDeck(fm + blocks.join('\n\n'));
        const rendered = renderDeck(deck);
        assert.deepEqual(
          rendered.slides.map((s) => [s.line, s.endLine]),
          deck.slides.map((s) => [s.line, s.endLine]),
        );
        for (const slide of rendered.slides) {
          for (const line of dataLines(slide.html)) assert.ok(line >= slide.line && line <= slide.endLine, `data-line ${line} outside ${slide.line}-${slide.endLine}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('marks every block element with its 1-based source line', () => {
    const text = '# Title\n\nPara\n\n- a\n- b\n\n> quote\n\n```js\ncode\n```\n\n    indented\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n***\n\n1. one\n';
    const html = render(text)
      .slides.map((s) => s.html)
      .join('');
    const blocks = [...html.matchAll(/<(p|h[1-6]|ul|ol|li|blockquote|pre|table|thead|tbody|tr)\b[^>]*>/g)];
    assert.ok(blocks.length >= 14);
    for (const [tag] of blocks) assert.match(tag, /data-line="\d+"/, tag);
    assert.match(html, /<h1 data-line="1">/);
    assert.match(html, /<pre data-line="10"><code class="language-js">/);
    assert.match(html, /<table data-line="16">/);
    assert.match(html, /<ol data-line="22">/);
    assert.doesNotMatch(html, /style=/, 'table alignment uses classes, which a strict CSP allows');
    assert.match(html, /<th class="sd-align-center">a<\/th>/);
  });

  it('escapes raw HTML instead of passing it through', () => {
    const html = render('<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> and <b onclick="x()">b</b>.\n\n<svg onload="alert(1)"></svg>\n').slides[0].html;
    assert.match(html, /<div class="sd-raw-html" data-line="1">&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/div>/);
    assert.match(html, /Text &lt;img src=x onerror=alert\(1\)&gt; and &lt;b onclick=&quot;x\(\)&quot;&gt;b&lt;\/b&gt;\./);
    assert.match(html, /&lt;svg onload=/);
    assert.doesNotMatch(html, /<(script|img|svg|b)\b/);
  });

  it('makes only http(s), mailto and relative links live', () => {
    const cases: Array<[string, boolean]> = [
      ['https://example.com/a?b=1', true],
      ['http://example.com', true],
      ['mailto:team@example.com', true],
      ['./other.md#part', true],
      ['../up/page.html', true],
      ['#slide-3', true],
      ['/absolute/path', true],
      ['javascript:alert(1)', false],
      ['JavaScript:alert(1)', false],
      ['jav&#x61;script:alert(1)', false],
      ['vbscript:msgbox(1)', false],
      ['data:text/html,<b>x</b>', false],
      ['data:image/png;base64,AAAA', false],
      ['file:///etc/passwd', false],
      ['//evil.example/x', false],
      ['ftp://example.com/file', false],
      ['java%09script:alert(1)', false],
      ['java&#9;script:alert(1)', false],
    ];
    for (const [href, live] of cases) {
      const html = render(`[label](<${href}>)\n`).slides[0].html;
      assert.equal(/<a\b/.test(html), live, `${href}: ${html}`);
      assert.match(html, /label/, 'the link text stays');
      if (!live) assert.doesNotMatch(html, /href=/, href);
    }
    assert.match(render('[x](https://example.com)').slides[0].html, /<a href="https:\/\/example.com" target="_blank" rel="noopener noreferrer">x<\/a>/);
    const reference = render('[bad][r] and [good][g]\n\n[g]: https://example.com\n[r]: javascript:alert(1)\n').slides[0].html;
    assert.doesNotMatch(reference, /href="javascript:/);
    assert.match(reference, /<a href="https:\/\/example.com"/);
    assert.doesNotMatch(render('<javascript:alert(1)>').slides[0].html, /<a\b/);
    // In one paragraph, each link's end goes with its own start: a blocked link loses both tags, its neighbours keep theirs.
    assert.match(
      render('[a](ftp://x) [b](https://example.com) [c](//evil.example) **[d](./d.md)** [e](<tel:1>)\n').slides[0].html,
      /<p[^>]*>a <a href="https:\/\/example.com"[^>]*>b<\/a> c <strong><a href="\.\/d.md">d<\/a><\/strong> e<\/p>/,
    );
  });

  it('lets the caller resolve images, and never loads unsafe image sources', () => {
    const seen: string[] = [];
    const resolveImage = (src: string) => {
      seen.push(src);
      return src === 'missing.png' ? undefined : `resolved:${src}`;
    };
    const html = render(
      '![Chart & data](img/chart%201.png "Q1") ![gone](missing.png) ![js](javascript:alert(1)) ![host](//evil.example/x.png) ![gif](data:image/gif;base64,R0lG) ![web](https://example.com/a.png)',
      { resolveImage },
    ).slides[0].html;
    assert.deepEqual(seen, ['img/chart%201.png', 'missing.png', 'data:image/gif;base64,R0lG', 'https://example.com/a.png']);
    assert.match(html, /<img src="resolved:img\/chart%201.png" alt="Chart &amp; data" title="Q1">/);
    assert.match(html, /<span class="sd-image-missing">gone<\/span>/);
    assert.match(html, /<span class="sd-image-missing">host<\/span>/);
    assert.match(html, /!\[js\]\(javascript:alert\(1\)\)/, 'markdown-it leaves a javascript: image as text');
    assert.equal(tags(html).filter((tag) => tag.name === 'img').length, 3);
    assert.match(render('![a](pic.png)').slides[0].html, /<img src="pic.png" alt="a">/, 'without a resolver, sources stay as written');
  });

  it('keeps every comment out of the slides, shows notes as escaped paragraphs, and drops guidance and lint comments', () => {
    const text = [
      '# Title <!-- inline note -->',
      '',
      '<!-- _class: lead -->',
      '<!-- beat: why -->',
      '<!-- guide: SECRET GUIDANCE -->',
      '<!-- storydeck-disable why-before-what -->',
      '<!-- A note with <b>markup</b> & more.',
      '',
      'Second paragraph. -->',
      'Body.',
    ].join('\n');
    const [slide] = render(text).slides;
    assert.doesNotMatch(slide.html, /<!--|note|SECRET|storydeck-disable|beat|_class/);
    assert.equal(slide.notesHtml, '<p>inline note</p>\n<p>A note with &lt;b&gt;markup&lt;/b&gt; &amp; more.</p>\n<p>Second paragraph.</p>');
    assert.equal(slide.className, 'lead');
    assert.equal(render('No notes here.').slides[0].notesHtml, '');
  });

  it('renders byte for byte the same with rawHtml: escape as without the option', () => {
    for (const text of [example, xss, '<kbd>Ctrl</kbd> H<sub>2</sub>O\n\n<div>\n<b>x</b>\n</div>\n']) {
      assert.deepEqual(render(text, { rawHtml: 'escape' }), render(text));
    }
  });

  it('with rawHtml: keep, carries raw HTML only as attribute text, for the page to sanitize', () => {
    const html = render('<div>\n<b onclick="x()">block</b>\n</div>\n\nPress <kbd>Ctrl</kbd> and **H<sub>2</sub>O** <!-- guide: hidden -->[docs](https://example.com)\n\nPlain *text*\n', {
      rawHtml: 'keep',
    }).slides[0].html;
    assert.equal(
      html,
      '<div class="sd-raw-html" data-line="1" data-sd-html="&lt;div&gt;\n&lt;b onclick=&quot;x()&quot;&gt;block&lt;/b&gt;\n&lt;/div&gt;"></div>\n' +
        '<p data-line="5"><span class="sd-raw-html" data-sd-html="Press &lt;kbd&gt;Ctrl&lt;/kbd&gt; and &lt;strong&gt;H&lt;sub&gt;2&lt;/sub&gt;O&lt;/strong&gt; &lt;a href=&quot;https://example.com&quot; target=&quot;_blank&quot; rel=&quot;noopener noreferrer&quot;&gt;docs&lt;/a&gt;"></span></p>\n' +
        '<p data-line="7">Plain <em>text</em></p>\n',
    );
    const kept = render(xss, { rawHtml: 'keep' })
      .slides.map((slide) => slide.html)
      .join('');
    const carried = [...kept.matchAll(/ data-sd-html="([^"]*)"/g)].map((m) => m[1]);
    assert.ok(carried.some((text) => text.includes('&lt;script&gt;')));
    assert.ok(carried.every((text) => !/[<>]/.test(text)));
    for (const tag of tags(kept.replace(/ data-sd-html="[^"]*"/g, ''))) {
      assert.ok(SAFE_TAGS.has(tag.name), tag.name);
      for (const attribute of tag.attributes) assert.ok(SAFE_ATTRIBUTES.has(attribute), attribute);
    }
    assert.doesNotMatch(kept, /SECRET-GUIDANCE|storydeck-disable/);
  });

  it('drops comments mixed into raw HTML and unclosed comments, keeping the rest escaped', () => {
    const html = render('<!-- guide: hidden --><b>shown</b>\n\nText\n\n<!-- guide: never closed\n\nmore').slides[0].html;
    assert.match(html, /&lt;b&gt;shown&lt;\/b&gt;/);
    assert.doesNotMatch(html, /hidden|never closed|more/);
  });

  it('applies Marp class directives: class from its slide on, _class to one slide, sanitised', () => {
    const text = '---\nclass: base\n---\n# A\n\n---\n\n<!-- _class: spot -->\n# B\n\n---\n\n<!-- class: "x\\"><script>y" -->\n# C\n\n---\n\n# D\n';
    assert.deepEqual(
      render(text).slides.map((s) => s.className),
      ['base', 'spot', 'xscripty', 'xscripty'],
    );
    assert.equal(render('# none').slides[0].className, undefined);
  });

  it('picks a known theme and language tag, and falls back for anything else', () => {
    assert.equal(render('---\ntheme: dark\nlang: fr-CA\n---\n# x').theme, 'dark');
    assert.equal(render('---\ntheme: dark\nlang: fr-CA\n---\n# x').lang, 'fr-CA');
    const hostile = render(xss);
    assert.equal(hostile.theme, 'light');
    assert.equal(hostile.lang, 'en');
    // Marp's own themes are drawn by their StoryDeck look-alikes; an unknown name falls back to light.
    assert.equal(render('---\ntheme: gaia\n---\n# x').theme, 'corporate');
    assert.equal(render('---\ntheme: default\n---\n# x').theme, 'light');
    assert.equal(render('---\ntheme: acme\n---\n# x').theme, 'light');
  });

  it('keeps every payload of the XSS fixture inert', () => {
    const deck = parseDeck(xss);
    const rendered = renderDeck(deck, { resolveImage: (src) => (src.startsWith('data:') ? src : undefined) });
    assert.equal(rendered.slides.length, deck.slides.length);
    for (const slide of rendered.slides) {
      for (const html of [slide.html, slide.notesHtml]) {
        for (const tag of tags(html)) {
          assert.ok(SAFE_TAGS.has(tag.name), `<${tag.name}> in slide ${slide.index}`);
          for (const attribute of tag.attributes) assert.ok(SAFE_ATTRIBUTES.has(attribute), `${attribute}= on <${tag.name}> in slide ${slide.index}`);
        }
        assert.doesNotMatch(html, /(href|src)="(?!https?:|mailto:|data:image\/gif;|[./#])/);
        assert.doesNotMatch(html, /SECRET-GUIDANCE|storydeck-disable/);
      }
    }
  });

  it("renders parseForRender's tokens once, and the same again from a second render, parseDeck's deck or a deck that crossed JSON", () => {
    const text = [
      '---',
      'title: Tokens',
      '---',
      '',
      '# One [link][ref] <!-- a note -->',
      '',
      '![chart](img/chart.png) ![gone](missing.png)',
      '',
      '| a | b |',
      '|:-:|--:|',
      '| 1 | 2 |',
      '',
      '---',
      '',
      '```js',
      'x()',
      '```',
      '',
      '[ref]: https://example.com',
      example,
    ].join('\n');
    const options: RenderOptions = { resolveImage: (src) => (src === 'missing.png' ? undefined : `resolved:${src}`) };
    const parsed = parseForRender(text);
    const { deck } = parsed;
    assert.deepEqual(deck, parseDeck(text));
    const first = renderDeck(parsed, options);
    assert.match(first.slides[0].html, /<img src="resolved:img\/chart.png"/);
    assert.match(first.slides[0].html, /<a href="https:\/\/example.com"/);
    assert.equal(parsed.tokens, undefined, 'the first render takes the tokens');
    // Rendering marks tokens up (resolved image URLs, data-line, classes): a second render must not see that.
    assert.deepEqual(renderDeck(parsed, options), first);
    assert.deepEqual(renderDeck(deck, options), first);
    assert.deepEqual(renderDeck(JSON.parse(JSON.stringify(deck)), options), first);
    assert.deepEqual(renderDeck(parseDeck(text), options), first);
  });

  it('renders an empty input as one empty slide and a refused one as none', () => {
    assert.deepEqual(
      render('').slides.map((s) => s.html),
      [''],
    );
    assert.deepEqual(render('a\u0000b').slides, []);
  });
});
