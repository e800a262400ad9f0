import assert from 'node:assert/strict';
import { parseDeck, readMarp } from '../../../src/core/deck';
import { renderDeck, type RenderOptions } from '../../../src/core/render';

/** What Marp's directives and image syntax put in the rendered slides (src/core/render/marp.ts). */
const render = (text: string, options?: RenderOptions) => renderDeck(parseDeck(text), options);

describe('renderDeck: Marp directives and backgrounds', () => {
  it('writes header, footer and page number where the directives apply, with the header and footer as inline Markdown', () => {
    const deck = render('---\npaginate: true\nheader: "**Q3** review"\n---\n# One\n<!-- _paginate: false -->\n---\n# Two\n<!-- footer: Team -->\n---\n# Three\n');
    const [one, two, three] = deck.slides.map((slide) => slide.html);
    assert.ok(one.startsWith('<header class="sd-marp-header"><strong>Q3</strong> review</header>'), one);
    assert.doesNotMatch(one, /sd-marp-page|sd-marp-footer/);
    assert.match(two, /<footer class="sd-marp-footer">Team<\/footer><span class="sd-marp-page">2<\/span>$/);
    assert.match(three, /<footer class="sd-marp-footer">Team<\/footer><span class="sd-marp-page">3<\/span>$/);
  });

  it('numbers pages as Marp Core 4 does: `hold` repeats the number before, `skip` shows none', () => {
    const deck = render('---\npaginate: true\n---\n# One\n---\n<!-- _paginate: hold -->\n# Held\n---\n<!-- _paginate: skip -->\n# Skipped\n---\n# Two\n');
    assert.deepEqual(
      deck.slides.map((slide) => /<span class="sd-marp-page">(\d+)<\/span>/.exec(slide.html)?.[1]),
      ['1', '1', undefined, '2'],
    );
  });

  it("turns Marp's colour shorthand into the slide's colours, not pictures: `![bg](…)` the background, `![](…)` the text", () => {
    const deck = render('![bg](#102030)\n![](white)\n\n# One\n\nText ![](rgb(1,2,3)) stays.\n\n---\n\n![bg](teal.png)\n\n# Two\n', { resolveImage: (src) => `resolved:${src}` });
    const [one, two] = deck.slides;
    assert.deepEqual(one.look, { backgroundColor: '#102030', color: 'rgb(1,2,3)' });
    assert.doesNotMatch(one.html, /<img|sd-marp-bg|sd-image-missing|<p>\s*<\/p>/);
    assert.match(one.html, /<p data-line="6">Text {2}stays\.<\/p>/);
    assert.equal(two.look, undefined, 'a picture whose name is not a colour stays a picture');
    assert.match(two.html, /<img src="resolved:teal.png"/);
  });

  it("draws GitPitch's `---?image=…&color=…` as Marp's `![bg](…)` and `_backgroundColor`, the picture through the same resolver", () => {
    const deck = render('# One\n---?image=assets/bg.jpg&color=#e49436\n## Two\n+++\n## Three\n---?image=../outside.png\n## Four\n', {
      resolveImage: (src) => (src.startsWith('../') ? undefined : `resolved:${src}`),
    });
    assert.deepEqual(
      deck.slides.map((slide) => slide.html.replace(/\n/g, '')),
      [
        '<h1 data-line="1">One</h1>',
        '<div class="sd-marp-bg"><figure class="sd-marp-bg-picture sd-bg-cover"><img src="resolved:assets/bg.jpg" alt=""></figure></div><h2 data-line="3">Two</h2>',
        '<h2 data-line="5">Three</h2>',
        '<div class="sd-marp-bg"><figure class="sd-marp-bg-picture sd-bg-cover"><span class="sd-image-missing">../outside.png</span></figure></div><h2 data-line="7">Four</h2>',
      ],
    );
    assert.deepEqual(
      deck.slides.map((slide) => slide.look),
      [undefined, { backgroundColor: '#e49436' }, undefined, undefined],
    );
  });

  it('drops a GitPitch `---?image=…` that is no picture address (javascript:, file:, vbscript:), with a notice saying why, leaving no markup on the slide', () => {
    for (const address of ['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'file:///etc/passwd', 'vbscript:msgbox', 'data:text/html,<b>x</b>', 'a<b>.png']) {
      const text = `# One\n---?image=${address}&color=#e49436\n## Two\n`;
      const deck = parseDeck(text);
      const [, two] = renderDeck(deck).slides;
      assert.equal(two.html.replace(/\n/g, ''), '<h2 data-line="3">Two</h2>', `${address}: the slide shows its own content only`);
      assert.deepEqual(two.look, { backgroundColor: '#e49436' }, 'the rest of the line still applies');
      const notices = readMarp(deck).notices.filter((n) => n.key === 'gitpitch-image');
      assert.equal(notices.length, 1, address);
      assert.equal(notices[0].line, 2);
      assert.match(notices[0].message, /is not a picture StoryDeck draws, so this slide has no background picture/);
    }
    assert.deepEqual(readMarp(parseDeck('# One\n---?image=assets/bg.jpg\n## Two\n---?image=https://example.com/a.png\n## Three\n')).notices, [], 'a picture it draws is no notice');
  });

  it('escapes raw HTML in a header and keeps its pictures to the URL policy', () => {
    const [slide] = render('<!-- header: "<img src=x onerror=alert(1)> ![logo](//evil.example/x.png) ![ok](logo.png)" -->\n# x').slides;
    const header = /<header[^>]*>(.*)<\/header>/.exec(slide.html)?.[1] ?? '';
    assert.match(header, /^&lt;img src=x onerror=alert\(1\)&gt; <span class="sd-image-missing">logo<\/span> <img src="logo.png" alt="ok">$/);
  });

  it('gives the slide its classes, colours and split size, for the player to set', () => {
    const deck = render('---\nclass: invert\nbackgroundColor: "#102030"\ncolor: white\n---\n# One\n---\n<!-- _class: lead -->\n# Two\n\n![bg right:40%](a.png)\n');
    assert.equal(deck.slides[0].className, 'invert');
    assert.deepEqual(deck.slides[0].look, { backgroundColor: '#102030', color: 'white' });
    assert.equal(deck.slides[1].className, 'lead sd-marp-split-right');
    assert.deepEqual(deck.slides[1].look, { backgroundColor: '#102030', color: 'white', split: '40%' });
    assert.equal(render('# plain').slides[0].look, undefined);
  });

  it('takes bg pictures out of the flow into a background layer, dropping the paragraph they leave empty', () => {
    const [slide] = render('# Title\n\n![bg](a.png)\n![bg contain](b.png) ![bg fit A chart](c.png) ![bg 50%](d.png)\n\nText ![bg](e.png) stays.\n').slides;
    const layer = /<div class="sd-marp-bg">(.*?)<\/div>/.exec(slide.html)?.[1] ?? '';
    assert.deepEqual(
      [...layer.matchAll(/<figure class="sd-marp-bg-picture ([^"]+)"[^>]*><img src="([^"]+)" alt="([^"]*)"><\/figure>/g)].map((m) => m.slice(1)),
      [
        ['sd-bg-cover', 'a.png', ''],
        ['sd-bg-contain', 'b.png', ''],
        ['sd-bg-contain', 'c.png', 'A chart'],
        ['sd-bg-auto', 'd.png', ''],
        ['sd-bg-cover', 'e.png', ''],
      ],
    );
    assert.match(layer, /data-sd-bg-scale="50%"/);
    const content = slide.html.slice(slide.html.indexOf('</div>') + 6);
    assert.doesNotMatch(content, /<img/);
    assert.equal((content.match(/<p\b/g) ?? []).length, 1, content);
    assert.match(content, /<p data-line="\d+">Text {2}stays\.<\/p>/);
  });

  it('puts split and vertical backgrounds on their side, and shows the alt text of one the URL policy refuses', () => {
    const [left] = render('![bg left vertical](a.png)\n![bg](//evil.example/x.png)\n\n# Beside').slides;
    assert.match(left.html, /^<div class="sd-marp-bg sd-marp-bg-left sd-marp-bg-vertical">/);
    assert.match(left.html, /<figure class="sd-marp-bg-picture sd-bg-cover"><span class="sd-image-missing">\/\/evil.example\/x.png<\/span><\/figure>/);
    assert.equal(left.className, 'sd-marp-split-left');
    assert.deepEqual(left.look, { split: '50%' });
  });

  it('draws the backgroundImage directive behind the slide, through the resolver', () => {
    const [slide] = render("<!-- backgroundImage: url('paper.png') -->\n# x", { resolveImage: (src) => `resolved:${src}` }).slides;
    assert.match(slide.html, /^<div class="sd-marp-bg sd-marp-bg-directive"><figure class="sd-marp-bg-picture sd-bg-cover"><img src="resolved:paper.png" alt=""><\/figure><\/div>/);
  });

  it('sizes pictures with w: and h: in pixels and takes the keywords out of the alt text', () => {
    const [slide] = render('![w:300 A chart](a.png) ![h:200px](b.png) ![width:10em](c.png)').slides;
    assert.match(slide.html, /<img src="a.png" alt="A chart" width="300" class="sd-sized">/);
    assert.match(slide.html, /<img src="b.png" alt="" height="200" class="sd-sized">/);
    assert.match(slide.html, /<img src="c.png" alt="">/);
  });

  it("marks Marp's fitting heading with its length, and leaves other headings alone", () => {
    const html = render('# <!-- fit --> Make it big\n\n## Normal')
      .slides.map((slide) => slide.html)
      .join('');
    assert.match(html, /<h1 data-line="1" class="sd-fit" data-sd-fit="11"> Make it big<\/h1>/);
    assert.match(html, /<h2 data-line="3">Normal<\/h2>/);
  });

  it('drops <style> blocks instead of showing their CSS as text', () => {
    const [slide] = render('# x\n\n<style scoped>\nh1 { color: red }\n</style>\n\nText').slides;
    assert.doesNotMatch(slide.html, /style|color: red/);
  });

  it("takes the size and the theme from Marp's directives, in front matter or a comment", () => {
    assert.equal(render('---\nsize: 4:3\n---\n# x').size, '4:3');
    assert.equal(render('# x').size, '16:9');
    assert.equal(render('<!-- theme: dark -->\n# x').theme, 'dark');
    assert.equal(render('<!-- theme: uncover -->\n# x').theme, 'light');
  });
});
