import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { parseDeck } from '../../../src/core/deck';
import { exportPptx, themeStyle, type PptxExportOptions } from '../../../src/core/export/pptx';
import { pptxColor } from '../../../src/core/export/pptx/marp';
import { THEME_NAMES } from '../../../src/core/render';

const themes = Object.fromEntries(THEME_NAMES.map((name) => [name, readFileSync(`media/themes/${name}.css`, 'utf8')]));

interface Pptx {
  zip: JSZip;
  slideCount: number;
  /** ppt/slides/slideN.xml */
  slide(n: number): Promise<string>;
  /** The notes slide the slide's relationships point at. */
  notes(n: number): Promise<string>;
  /** Targets of the slide's hyperlink relationships. */
  links(n: number): Promise<string[]>;
  /** The slide layout the slide uses. */
  layout(n: number): Promise<string>;
  part(path: string): Promise<string>;
  /** Every text part (XML), by path. */
  parts(): Promise<Map<string, string>>;
}

async function exportDeck(markdown: string, options: PptxExportOptions = {}): Promise<Pptx> {
  const zip = await JSZip.loadAsync(await exportPptx(parseDeck(markdown), { assets: { themes }, ...options }));
  const part = async (path: string) => {
    const file = zip.file(path);
    assert.ok(file, `${path} is in the file`);
    return file.async('string');
  };
  const rels = (n: number) => part(`ppt/slides/_rels/slide${n}.xml.rels`);
  return {
    zip,
    slideCount: Object.keys(zip.files).filter((path) => /^ppt\/slides\/slide\d+\.xml$/.test(path)).length,
    slide: (n) => part(`ppt/slides/slide${n}.xml`),
    async notes(n) {
      const target = /Type="[^"]*\/notesSlide" Target="\.\.\/notesSlides\/([^"]+)"/.exec(await rels(n))?.[1];
      assert.ok(target, `slide ${n} has a notes slide`);
      return part(`ppt/notesSlides/${target}`);
    },
    async layout(n) {
      const target = /Type="[^"]*\/slideLayout" Target="\.\.\/slideLayouts\/([^"]+)"/.exec(await rels(n))?.[1];
      assert.ok(target, `slide ${n} has a layout`);
      return part(`ppt/slideLayouts/${target}`);
    },
    async links(n) {
      return [...(await rels(n)).matchAll(/Type="[^"]*\/hyperlink" Target="([^"]*)"/g)].map(([, target]) => decodeXml(target));
    },
    part,
    async parts() {
      const out = new Map<string, string>();
      for (const path of Object.keys(zip.files).filter((p) => /\.(xml|rels)$/.test(p))) out.set(path, await part(path));
      return out;
    },
  };
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);
}

/** The text of each paragraph of an XML part, runs joined. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map(([, p]) => decodeXml([...p.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map(([, t]) => t).join('')));
}

/** Runs as { text, props } where props are the attributes of `<a:rPr>`. */
function runs(xml: string): Array<{ text: string; props: string; body: string }> {
  return [...xml.matchAll(/<a:r><a:rPr([^>]*)>([\s\S]*?)<\/a:rPr><a:t>([^<]*)<\/a:t><\/a:r>/g)].map(([, props, body, text]) => ({ text: decodeXml(text), props, body }));
}

function run(xml: string, text: string) {
  const found = runs(xml).find((r) => r.text === text);
  assert.ok(found, `a run "${text}" in ${paragraphs(xml).join(' | ')}`);
  return found;
}

/** A PNG of the given size (one colour), as a data: URI. */
function pngDataUri(width: number, height: number): string {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

const EMU_PER_INCH = 914400;

/** Position and size (EMU) of each shape or picture in a slide, with its XML. */
function shapes(xml: string): Array<{ x: number; y: number; w: number; h: number; xml: string }> {
  return [...xml.matchAll(/<p:(sp|pic|graphicFrame)>[\s\S]*?<\/p:\1>/g)].map(([shape]) => {
    const [, x, y] = /<a:off x="(\d+)" y="(\d+)"\/>/.exec(shape) ?? [];
    const [, w, h] = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(shape) ?? [];
    return { x: Number(x), y: Number(y), w: Number(w), h: Number(h), xml: shape };
  });
}

describe('exportPptx', () => {
  const townHall = readFileSync('examples/town-hall.md', 'utf8');
  const townHallDeck = parseDeck(townHall);

  it('writes one slide per slide of the deck, each with its title in the title placeholder', async () => {
    const pptx = await exportDeck(townHall);
    assert.equal(pptx.slideCount, townHallDeck.slides.length);
    for (const slide of townHallDeck.slides) {
      const title = shapes(await pptx.slide(slide.index)).find((shape) => /<p:ph\s[^>]*type="title"/.test(shape.xml));
      assert.ok(title, `slide ${slide.index} has its title in the title placeholder`);
      assert.deepEqual(paragraphs(title.xml), [slide.title]);
    }
    assert.match(await pptx.part('ppt/presentation.xml'), /<p:sldSz cx="12192000" cy="6858000"\/>/, '16:9, 13.33 × 7.5 in');
  });

  it('keeps the text of every paragraph and list item', async () => {
    const pptx = await exportDeck(townHall);
    const why = paragraphs(await pptx.slide(2));
    assert.ok(why.includes('We believe no patient should be put at risk because information fell between two shifts.'), why.join('\n'));
    const ask = await pptx.slide(10);
    assert.ok(paragraphs(ask).includes('Engineering leads: lend us one engineer each for the Q1 pilot. Please tell Priya by Friday.'));
    assert.match(run(ask, 'Engineering leads:').props, /\bb="1"/);
    assert.doesNotMatch(run(ask, ' lend us one engineer each for the Q1 pilot. Please tell Priya by Friday.').props, /\bb="1"/);
  });

  it("puts each slide's speaker notes, and only those, in its notes slide", async () => {
    const pptx = await exportDeck(townHall);
    let withNotes = 0;
    for (const slide of townHallDeck.slides) {
      const notes = paragraphs(await pptx.notes(slide.index)).join('\n');
      for (const note of slide.notes) assert.ok(notes.includes(note), `slide ${slide.index}: ${note}`);
      if (slide.notes.length > 0) withNotes++;
      else assert.doesNotMatch(notes, /[a-z]{3}/i, `slide ${slide.index} has no notes`);
    }
    assert.ok(withNotes >= 3, 'the example has notes to check');
  });

  it('starts a section where the beat changes, named after its first slide, with every slide in exactly one', async () => {
    const pptx = await exportDeck(townHall);
    const presentation = await pptx.part('ppt/presentation.xml');
    const sections = [...presentation.matchAll(/<p14:section name="([^"]*)"[^>]*><p14:sldIdLst>([\s\S]*?)<\/p14:sldIdLst>/g)];
    const slideIds = [...presentation.matchAll(/<p:sldId id="(\d+)"/g)].map(([, id]) => id);
    assert.deepEqual(
      sections.flatMap(([, , list]) => [...list.matchAll(/id="(\d+)"/g)].map(([, id]) => id)),
      slideIds,
    );
    assert.deepEqual(
      sections.map(([, name]) => decodeXml(name)),
      townHallDeck.slides.map((slide) => slide.title),
      'each slide of the example plays its own beat',
    );
    assert.equal(decodeXml(sections[0][1]), "Handoffs that don't drop patients");
  });

  it('reads the beats from the story, as the outline does: a group’s vague complaint starts no pain section', async () => {
    const pptx = await exportDeck('# Why we exist\n\nWe believe every nurse deserves a calm handover.\n\n---\n\n## Background\n\nCustomers are frustrated.\n');
    const presentation = await pptx.part('ppt/presentation.xml');
    const names = [...presentation.matchAll(/<p14:section name="([^"]*)"/g)].map(([, name]) => decodeXml(name));
    assert.deepEqual(names, ['Why we exist']);
  });

  it('keeps beat-less slides in the section before, and makes section names unique, short and never empty', async () => {
    const long = 'How the night shift hands over twelve patients in five minutes instead of twenty';
    const pptx = await exportDeck(
      `# Why we exist\n\n<!-- beat: why -->\n\n---\n\n## Thanks\n\n---\n\n## Now\n\n<!-- beat: what -->\n\n---\n\n# Why we exist\n\n<!-- beat: outcome -->\n\n---\n\n<!-- beat: ask -->\n\n![](chart.png)\n\n---\n\n## ${long}\n\n<!-- beat: how -->\n`,
    );
    const presentation = await pptx.part('ppt/presentation.xml');
    const sections = [...presentation.matchAll(/<p14:section name="([^"]*)"[^>]*><p14:sldIdLst>([\s\S]*?)<\/p14:sldIdLst>/g)];
    assert.deepEqual(
      sections.map(([, name, list]) => [name, [...list.matchAll(/<p14:sldId /g)].length]),
      [
        ['Why we exist', 2],
        ['Now', 1],
        ['Why we exist (2)', 1],
        ['Slide 5', 1],
        [`${long.slice(0, 59).trimEnd()}…`, 1],
      ],
    );
  });

  it('writes bold, italic, code and strike-through as run properties, and live links only to the web and mail', async () => {
    const pptx = await exportDeck(
      '# Runs\n\nPlain *italic* **bold** ***both*** `code` ~~gone~~ [web](https://example.com/a?b=1&c=2) [mail](mailto:a@example.com) [page](other.md#top) ' +
        '[ftp](ftp://example.com/x) [host](//evil.example/x) [js](javascript:alert(1)) [tab](java&#9;script:alert(1)) [ref][evil]\n\n[evil]: javascript:alert(1)\n',
    );
    const xml = await pptx.slide(1);
    assert.match(run(xml, 'italic').props, /\bi="1"/);
    assert.doesNotMatch(run(xml, 'italic').props, /\bb="1"/);
    assert.match(run(xml, 'bold').props, /\bb="1"/);
    assert.match(run(xml, 'both').props, /\bb="1" i="1"/);
    assert.match(run(xml, 'gone').props, /\bstrike="sngStrike"/);
    assert.doesNotMatch(run(xml, 'Plain ').props, /\b[bi]="1"/);
    const mono = themeStyle(themes.light).monoFont;
    assert.ok(mono);
    assert.ok(run(xml, 'code').body.includes(`<a:latin typeface="${mono}"`), "code in the theme's monospace font");

    assert.deepEqual(await pptx.links(1), ['https://example.com/a?b=1&c=2', 'mailto:a@example.com']);
    for (const text of ['web', 'mail']) assert.match(run(xml, text).body, /<a:hlinkClick r:id="rId\d+"/, text);
    for (const text of ['page', 'ftp', 'host']) assert.doesNotMatch(run(xml, text).body, /hlinkClick/, `${text} stays text`);
    assert.equal(xml.match(/<a:hlinkClick /g)?.length, 2);
    assert.ok(paragraphs(xml)[1].includes('[js](javascript:alert(1))'), 'what markdown-it refuses as a link stays text');
  });

  it('writes nested bullet and numbered lists as PowerPoint bullets and numbering', async () => {
    const pptx = await exportDeck('# Lists\n\n3. Third\n   - nested *one*\n   - nested two\n4. Fourth\n\n   more of fourth\n\n- top\n');
    const xml = await pptx.slide(1);
    const paras = [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map(([p]) => p);
    const para = (text: string) => {
      const found = paras.find((p) => paragraphs(p)[0].startsWith(text));
      assert.ok(found, text);
      return found;
    };
    assert.match(para('Third'), /<a:buAutoNum type="arabicPeriod" startAt="3"\/>/);
    assert.match(para('Fourth'), /<a:buAutoNum type="arabicPeriod" startAt="3"\/>/, 'one numbering that starts at 3');
    assert.match(para('nested one'), /<a:pPr lvl="1" marL="\d+" indent="-\d+"><a:spcAft>[\s\S]*<a:buChar /);
    assert.match(para('top'), /<a:buChar /);
    assert.doesNotMatch(para('top'), /lvl=/);
    assert.match(para('Fourth'), /<a:br\/>[\s\S]*more of fourth/, 'a later paragraph of an item stays in the item');
  });

  it("tags the text with the deck's language, for PowerPoint's proofing tools", async () => {
    const runLanguages = async (markdown: string) => {
      const xml = await (await exportDeck(markdown)).slide(1);
      return [...new Set([...xml.matchAll(/<a:rPr lang="([^"]+)"/g)].map(([, lang]) => lang))];
    };
    const body = '# Warum\n\nPflege, **heute**.\n\n| a | b |\n|--|--|\n| x | y |\n';
    assert.deepEqual(await runLanguages(`---\nlang: de-DE\n---\n\n${body}`), ['de-DE']);
    assert.deepEqual(await runLanguages(body), ['en-US'], "without lang: PowerPoint's default");
    assert.deepEqual(await runLanguages(`---\nlang: "x\\" onload=1"\n---\n\n${body}`), ['en-US'], 'a malformed tag is ignored');
  });

  it("keeps an item's paragraph that follows its nested list out of the last nested item", async () => {
    const pptx = await exportDeck('# Lists\n\n- one\n  - one.a\n\n  After one.a, still in one.\n- two\n');
    const paras = [...(await pptx.slide(1)).matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map(([p]) => p);
    assert.deepEqual(
      paras.map((p) => paragraphs(p).join('|')),
      ['Lists', 'one', 'one.a', 'After one.a, still in one.', 'two'],
    );
    assert.match(paras[3], /<a:buNone\/>/, 'a paragraph of its own, without a bullet');
  });

  it('writes a table as a PowerPoint table with a bold header row and the column alignment', async () => {
    const pptx = await exportDeck('# Table\n\n| Name | Value |\n|:--|--:|\n| **a** | 1 |\n| b | [x](https://example.com) |\n');
    const xml = await pptx.slide(1);
    const table = /<a:tbl>[\s\S]*<\/a:tbl>/.exec(xml)?.[0];
    assert.ok(table, 'an a:tbl');
    const rows = [...table.matchAll(/<a:tr [^>]*>([\s\S]*?)<\/a:tr>/g)].map(([, row]) => [...row.matchAll(/<a:tc>([\s\S]*?)<\/a:tc>/g)].map(([, cell]) => cell));
    assert.deepEqual(
      rows.map((row) => row.map((cell) => paragraphs(cell).join(''))),
      [
        ['Name', 'Value'],
        ['a', '1'],
        ['b', 'x'],
      ],
    );
    assert.match(run(rows[0][0], 'Name').props, /\bb="1"/);
    assert.doesNotMatch(run(rows[2][0], 'b').props, /\bb="1"/);
    assert.match(rows[1][1], /algn="r"/);
    assert.deepEqual(await pptx.links(1), ['https://example.com']);
  });

  it('writes fenced code in a filled box in the monospace font, line by line', async () => {
    const pptx = await exportDeck('# Code\n\n```js\nconst x = 1;\n\n  return x; // <b>&\n```\n');
    const style = themeStyle(themes.light);
    const box = shapes(await pptx.slide(1)).find((shape) => shape.xml.includes('const x'));
    assert.ok(box);
    assert.deepEqual(paragraphs(box.xml), ['const x = 1;', ' ', '  return x; // <b>&']);
    assert.match(box.xml, new RegExp(`<p:spPr>[\\s\\S]*<a:solidFill><a:srgbClr val="${style.codeBg}"/>`));
    assert.ok(box.xml.includes(`<a:latin typeface="${style.monoFont}"`));
  });

  it('embeds PNG images the resolver returns, keeping their aspect ratio, and shows the alt text of the others', async () => {
    const image = pngDataUri(300, 150);
    const asked: string[] = [];
    const resolveImage = (src: string) => {
      asked.push(src);
      return src === 'chart.png' ? image : undefined;
    };
    const pptx = await exportDeck('# Pictures\n\n[![A chart](chart.png)](https://example.com/chart)\n\n![Gone](missing.png) and ![Remote](https://example.com/x.png)\n', { resolveImage });
    assert.deepEqual(asked.sort(), ['chart.png', 'https://example.com/x.png', 'missing.png']);
    assert.deepEqual(await pptx.links(1), ['https://example.com/chart'], 'the picture keeps its link');
    const media = Object.keys(pptx.zip.files).filter((path) => path.startsWith('ppt/media/') && !path.endsWith('/'));
    assert.equal(media.length, 1);
    assert.deepEqual(await pptx.zip.file(media[0])!.async('nodebuffer'), Buffer.from(image.split(',')[1], 'base64'));
    const xml = await pptx.slide(1);
    const picture = shapes(xml).find((shape) => shape.xml.startsWith('<p:pic>'));
    assert.ok(picture);
    assert.ok(Math.abs(picture.w / picture.h - 2) < 0.01, `aspect ${picture.w}/${picture.h}`);
    assert.match(picture.xml, /descr="A chart"/);
    assert.match(picture.xml, /<a:hlinkClick r:id="rId\d+"/);
    assert.ok(paragraphs(xml).includes('[Gone] and [Remote]'), paragraphs(xml).join(' | '));
  });

  it('links text and pictures to the web and mail only, as PowerPoint reads the targets, in well-formed XML', async () => {
    const image = pngDataUri(4, 4);
    const hostile = ['file\\&#x3A;///C:/Windows/System32/calc.exe', '\\&#x5C;\\&#x5C;host\\&#x5C;share', '/Windows/System32/calc.exe', '..\\\\..\\\\evil.exe', 'report.pptx', 'file:///etc/passwd'];
    const markdown = [
      '# Links',
      ...hostile.flatMap((target) => [`[![q](logo.png)](${target}) [text](${target})`, '']),
      '[![ok](logo.png)](https://example.com/?a=1&b=2) [both](https://example.com/?a=1&b=2) [mail](mailto:a@example.com?subject=x&body=y)',
    ].join('\n');
    const pptx = await exportDeck(markdown, { resolveImage: () => image });
    const targets: string[] = [];
    for (const [path, xml] of await pptx.parts()) {
      const document = new DOMParser({
        onError: (level, message) => {
          throw new Error(`${path} is not well-formed XML (${level}): ${message}`);
        },
      }).parseFromString(xml, 'application/xml');
      if (!path.endsWith('.rels')) continue;
      for (const relationship of Array.from(document.getElementsByTagName('Relationship'))) {
        if (relationship.getAttribute('Type')?.endsWith('/hyperlink')) targets.push(relationship.getAttribute('Target') ?? '');
      }
    }
    assert.deepEqual(targets.sort(), ['https://example.com/?a=1&b=2', 'https://example.com/?a=1&b=2', 'mailto:a@example.com?subject=x&body=y']);
    const pictures = shapes(await pptx.slide(1)).filter((shape) => shape.xml.startsWith('<p:pic>'));
    assert.equal(pictures.length, hostile.length + 1, 'every picture kept, linked or not');
    assert.equal(pictures.filter((picture) => picture.xml.includes('<a:hlinkClick')).length, 1, 'only the picture with a web link is linked');
  });

  it('reads the size of JPEG and GIF pictures, and shows the alt text of types it does not embed', async () => {
    // A JPEG header: SOI, an APP0 segment to skip, then SOF0 with height 30 and width 40.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 30, 0x00, 40, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xd9]);
    const gif = Buffer.from('GIF89a\x0a\x00\x05\x00\x00\x00\x00;', 'latin1');
    const sources: Record<string, string> = {
      'a.jpg': `data:image/jpeg;base64,${jpeg.toString('base64')}`,
      'b.gif': `data:image/gif;base64,${gif.toString('base64')}`,
      'c.webp': 'data:image/webp;base64,UklGRhIAAABXRUJQVlA4TAYAAAAvAAAAAAfQ//73',
      'd.svg': 'data:image/svg+xml;base64,PHN2Zy8+',
      'e.png': 'data:image/png;base64,bm90IGEgcG5n',
    };
    const pptx = await exportDeck('# P\n\n![jay](a.jpg)\n\n![gee](b.gif)\n\n![web p](c.webp) ![svg](d.svg) ![broken](e.png)\n', { resolveImage: (src) => sources[src] });
    const xml = await pptx.slide(1);
    const pictures = shapes(xml).filter((shape) => shape.xml.startsWith('<p:pic>'));
    assert.deepEqual(
      pictures.map((p) => /descr="([^"]*)"/.exec(p.xml)?.[1]),
      ['jay', 'gee'],
    );
    assert.ok(Math.abs(pictures[0].w / pictures[0].h - 4 / 3) < 0.01, 'JPEG 40×30');
    assert.ok(Math.abs(pictures[1].w / pictures[1].h - 2) < 0.01, 'GIF 10×5');
    assert.ok(paragraphs(xml).includes('[web p] [svg] [broken]'), paragraphs(xml).join(' | '));
  });

  it("colours the slides with the theme's CSS custom properties", async () => {
    const deck = '# Title\n\nText with a [link](https://example.com) and `code`.\n\n> A quote\n\n| H |\n|---|\n| c |\n';
    for (const name of THEME_NAMES) {
      const css = themes[name];
      const hex = (property: string) => new RegExp(`${property}:\\s*#([0-9a-f]{6})`, 'i').exec(css)?.[1]?.toUpperCase();
      const pptx = await exportDeck(deck, { theme: name });
      const xml = await pptx.slide(1);
      assert.match(await pptx.layout(1), new RegExp(`<p:bg><p:bgPr><a:solidFill><a:srgbClr val="${hex('--sd-bg')}"/>`), `${name} background`);
      const title = themeStyle(css).titleBandFg ?? hex('--sd-heading');
      assert.ok(run(xml, 'Title').body.includes(`val="${title}"`), `${name} heading (in the title band's colour, in a theme that has one)`);
      assert.ok(run(xml, 'Text with a ').body.includes(`val="${hex('--sd-fg')}"`), `${name} text`);
      assert.ok(run(xml, 'link').body.includes(`val="${hex('--sd-link')}"`), `${name} link`);
      assert.ok(run(xml, 'code').body.includes(`val="${hex('--sd-code-fg')}"`), `${name} code`);
      assert.ok(run(xml, 'A quote').body.includes(`val="${hex('--sd-quote')}"`), `${name} quote`);
      for (const property of ['--sd-accent', '--sd-table-head', '--sd-border']) assert.ok(xml.includes(`val="${hex(property)}"`), `${name} ${property}`);
    }
    const corporate = await exportDeck('---\ntheme: corporate\n---\n# Hi\n');
    assert.ok((await corporate.slide(1)).includes(`val="${themeStyle(themes.corporate).heading}"`), 'the front matter theme');
  });

  describe('layouts (docs/layouts.md) as in the browser', () => {
    const deck = () => exportDeck(readFileSync('examples/layouts.md', 'utf8'));
    const light = themeStyle(themes.light);
    /** The run's font size in points, from its `sz` (hundredths of a point). */
    const size = (xml: string, text: string) => Number(/sz="(\d+)"/.exec(run(xml, text).props)?.[1]) / 100;
    /** The x offset (EMU) of the shape that holds the run. */
    const shapeX = (xml: string, text: string) => Number([...xml.slice(0, xml.indexOf(`<a:t>${text}</a:t>`)).matchAll(/<a:off x="(\d+)"/g)].at(-1)?.[1]);

    it('puts the title slide and the divider on masters of their own, in the accent colour', async () => {
      const pptx = await deck();
      assert.match(await pptx.layout(1), /<p:cSld name="StoryDeck Title">/);
      assert.match(await pptx.layout(2), new RegExp(`<p:cSld name="StoryDeck Divider"><p:bg><p:bgPr><a:solidFill><a:srgbClr val="${light.accent}"/>`));
      assert.match(await pptx.layout(6), /<p:cSld name="StoryDeck">/, 'a slide without a class: the plain master');
      assert.equal(size(await pptx.slide(1), 'Handoffs that hold'), 63, '84 px');
      assert.ok(run(await pptx.slide(2), 'Part one: the problem').body.includes(`val="${light.onAccent}"`), 'the divider title in --sd-on-accent');
    });

    it('draws the quote large with its opening mark, the big number huge in the accent colour, and two columns side by side', async () => {
      const pptx = await deck();
      const quote = await pptx.slide(3);
      assert.equal(size(quote, 'I spend the first forty minutes of every shift rebuilding what the last nurse already knew.'), 34.5, '46 px');
      assert.ok(run(quote, '\u201C').body.includes(`val="${light.accent}"`));
      const number = await pptx.slide(5);
      assert.equal(size(number, '40%'), 126, '168 px');
      assert.ok(run(number, '40%').body.includes(`val="${light.accent}"`));
      const columns = await pptx.slide(4);
      assert.ok(shapeX(columns, 'With one page') > shapeX(columns, 'Today') + 4_000_000, 'the second ### heading starts the right column');
    });

    it('draws the corporate title band behind the title, in --sd-title-band with the title in --sd-title-band-fg', async () => {
      const corporate = themeStyle(themes.corporate);
      assert.deepEqual([corporate.titleBand, corporate.titleBandFg], ['12355B', 'FFFFFF']);
      assert.equal(light.titleBand, undefined, 'no band in the light theme');
      const xml = await (await exportDeck('---\ntheme: corporate\n---\n## The ask\n\nOne engineer.\n')).slide(1);
      const band = xml.indexOf(`<a:srgbClr val="${corporate.titleBand}"/>`);
      assert.ok(band >= 0 && band < xml.indexOf('<a:t>The ask</a:t>'), 'the band is drawn first, under the title');
      assert.ok(run(xml, 'The ask').body.includes('val="FFFFFF"'));
    });
  });

  it('reads colours and font faces from the style sheet, resolving var() and skipping browser-only fonts', () => {
    const style = themeStyle(
      ':root { --sd-bg: #fff; --sd-fg: #102030; --sd-font: system-ui, -apple-system, "My Sans", sans-serif; --sd-heading-font: var(--sd-font); --sd-mono-font: ui-monospace, SFMono-Regular, Fira Code, monospace; }',
    );
    assert.equal(style.bg, 'FFFFFF');
    assert.equal(style.fg, '102030');
    assert.equal(style.heading, '102030', 'a missing colour falls back to a related one');
    assert.equal(style.font, 'My Sans');
    assert.equal(style.headingFont, 'My Sans');
    assert.equal(style.monoFont, 'Fira Code');
    const rgb = themeStyle(':root { --sd-bg: rgb(1, 2, 3); --sd-fg: rgb(255 128 0); --sd-accent: rgba(16, 32, 48, 0.5); --sd-link: rgb(300, 0, 0); }');
    assert.deepEqual([rgb.bg, rgb.fg, rgb.accent, rgb.link], ['010203', 'FF8000', '102030', 'FF8000'], 'rgb() colours too; an impossible one falls back');
    assert.throws(() => themeStyle(':root { --sd-fg: #000; }', 'broken'), /the broken theme style sheet gives no hex or rgb\(\) colour for --sd-bg/);
  });

  it('shrinks the text of a long slide so that it stays on the slide', async () => {
    const long = `# Long\n\n${Array.from({ length: 40 }, (_, i) => `- Point ${i} with enough words in it to wrap onto a second line of the slide when set at full size`).join('\n')}\n`;
    const xml = await (await exportDeck(long)).slide(1);
    const sizes = runs(xml)
      .filter((r) => r.text.startsWith('Point'))
      .map((r) => Number(/\bsz="(\d+)"/.exec(r.props)?.[1]));
    assert.equal(sizes.length, 40);
    assert.ok(
      sizes.every((size) => size < 2400),
      `smaller than the 24 pt body text: ${sizes[0]}`,
    );
    for (const shape of shapes(xml)) assert.ok(shape.y + shape.h <= 7.5 * EMU_PER_INCH, `inside the slide: ${shape.y + shape.h}`);
    assert.match(xml, /<a:normAutofit\/>/, 'and PowerPoint may shrink it further');
  });

  it('never writes guidance, lint or beat comments, in slides or notes', async () => {
    const pptx = await exportDeck(
      '# Why\n\n<!-- guide: SECRET-GUIDE -->\n<!-- storydeck-disable SECRET-LINT -->\n<!-- beat: why -->\n\nText <!-- an inline note --> here.\n\n<!-- The real note -->\n\n' +
        '<!-- storydeck-disable-next-line SECRET-NEXT -->\n- item <!-- guidance: SECRET-ITEM -->\n',
    );
    const notes = paragraphs(await pptx.notes(1)).join('\n');
    assert.ok(notes.includes('The real note') && notes.includes('an inline note'), notes);
    for (const [path, xml] of await pptx.parts()) {
      assert.doesNotMatch(xml, /SECRET|storydeck-disable|beat:|guide:|<!--|&lt;!--/, path);
    }
    assert.ok(paragraphs(await pptx.slide(1)).includes('Text  here.'));
  });

  it("writes a paragraph's properties once, first, as the schema requires", async () => {
    const pptx = await exportDeck(`${townHall}\n\n---\n\n# More\n\nA *b* **c** \`d\`  \nafter a break [e](https://example.com)\n\n- x *y* z\n\n| *a* | b |\n|---|---|\n| c **d** | e |\n`);
    for (let n = 1; n <= pptx.slideCount; n++) {
      for (const [p] of (await pptx.slide(n)).matchAll(/<a:p>[\s\S]*?<\/a:p>/g)) {
        assert.ok((p.match(/<a:pPr\b/g)?.length ?? 0) <= 1, p);
        if (p.includes('<a:pPr')) assert.ok(p.startsWith('<a:p><a:pPr'), p);
      }
    }
  });

  it('exports the hostile fixture without running or keeping anything from it', async () => {
    const pptx = await exportDeck(readFileSync('test/fixtures/xss.md', 'utf8'));
    assert.equal(pptx.slideCount, parseDeck(readFileSync('test/fixtures/xss.md', 'utf8')).slides.length);
    for (const [path, xml] of await pptx.parts()) {
      assert.doesNotMatch(xml, /<(script|img|svg|iframe|style|link|meta|base|form|object|math)\b/i, `no raw markup element in ${path}`);
      assert.doesNotMatch(xml, /SECRET-GUIDANCE|storydeck-disable/, path);
      for (const [, target] of xml.matchAll(/Type="[^"]*\/hyperlink" Target="([^"]*)"/g)) assert.fail(`${path} links to ${target}`);
    }
    const links = paragraphs(await pptx.slide(2)).join(' ');
    assert.ok(links.includes('javascript') && links.includes('upper case'), 'blocked links keep their text');
    assert.ok(
      paragraphs(await pptx.slide(1)).some((p) => p.includes('<script>window.__pwned = 1')),
      'raw HTML is shown as text',
    );
    const media = Object.keys(pptx.zip.files).filter((path) => path.startsWith('ppt/media/') && !path.endsWith('/'));
    assert.equal(media.length, 1, 'only the GIF data: image is embedded (no remote, SVG or script image)');
  });

  it('drops characters XML cannot carry', async () => {
    const pptx = await exportDeck('# Bell\u0007 title\n\nTab\tand vertical\u000Btab, lone \uD800 surrogate, emoji \uD83D\uDE00\r\n\n<!-- note \u0001 -->\n');
    for (const [path, xml] of await pptx.parts()) assert.doesNotMatch(xml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/, path);
    assert.ok(paragraphs(await pptx.slide(1)).includes('Tab\tand verticaltab, lone  surrogate, emoji \uD83D\uDE00'));
  });

  it('says clearly why a refused input or a build without themes cannot be exported', async () => {
    await assert.rejects(exportPptx(parseDeck('abc\u0000def'), { assets: { themes } }), (error: Error) => {
      assert.equal(error.message, 'nothing to export: This file contains NUL bytes: it looks like a binary file, not a Markdown narrative.');
      return true;
    });
    await assert.rejects(exportPptx(parseDeck('# Hi')), /exportPptx needs the theme style sheets/);
    await assert.rejects(exportPptx(parseDeck('# Hi'), { assets: { themes: {} } }), /no style sheet for the light theme/);
  });

  it('exports an empty narrative as one empty slide', async () => {
    const pptx = await exportDeck('');
    assert.equal(pptx.slideCount, 1);
  });

  describe("Marp's directives and backgrounds", () => {
    const inches = (emu: number) => emu / EMU_PER_INCH;

    it('colours a slide with backgroundColor and color, and leaves the others to the theme', async () => {
      const pptx = await exportDeck('# Plain\n\n---\n\n<!-- backgroundColor: "#102030" -->\n<!-- _color: rgb(255, 255, 255) -->\n# Title\n\nText\n\n---\n\n# After\n\nMore');
      const [plain, coloured, after] = [await pptx.slide(1), await pptx.slide(2), await pptx.slide(3)];
      assert.doesNotMatch(plain, /<p:bg>/);
      assert.match(coloured, /<p:bg><p:bgPr><a:solidFill><a:srgbClr val="102030"\/>/);
      assert.match(after, /<p:bg><p:bgPr><a:solidFill><a:srgbClr val="102030"\/>/, 'backgroundColor applies from its slide on');
      assert.ok(run(coloured, 'Text').body.includes('val="FFFFFF"'));
      assert.ok(!run(after, 'More').body.includes('val="FFFFFF"'), '_color is for its own slide only');
    });

    it('writes the header, footer and page number where the directives apply', async () => {
      const pptx = await exportDeck('---\npaginate: true\nheader: "**Q3** review"\n---\n# One\n<!-- _paginate: false -->\n\n---\n\n<!-- footer: Team -->\n# Two\n');
      const [one, two] = [paragraphs(await pptx.slide(1)), paragraphs(await pptx.slide(2))];
      assert.ok(one.includes('Q3 review') && !one.includes('1') && !one.includes('Team'), one.join(' | '));
      assert.ok(two.includes('Q3 review') && two.includes('Team') && two.includes('2'), two.join(' | '));
      assert.ok(run(await pptx.slide(1), 'Q3').props.includes('b="1"'), 'the header keeps its Markdown emphasis');
    });

    it('numbers pages as Marp Core 4 does: `hold` repeats the number before, `skip` shows none', async () => {
      const pptx = await exportDeck('---\npaginate: true\n---\n# One\n\n---\n\n<!-- _paginate: hold -->\n# Held\n\n---\n\n<!-- _paginate: skip -->\n# Skipped\n\n---\n\n# Two\n');
      const numbers = [];
      for (let n = 1; n <= 4; n++) numbers.push(paragraphs(await pptx.slide(n)).filter((p) => /^\d+$/.test(p)));
      assert.deepEqual(numbers, [['1'], ['1'], [], ['2']]);
    });

    it("paints Marp's colour shorthand instead of drawing a picture: `![bg](…)` the background, `![](…)` the text", async () => {
      const pptx = await exportDeck('# Plain\n\n---\n\n![bg](#102030)\n![](white)\n\n# Coloured\n\nText\n\n---\n\n# After\n\nMore\n', { resolveImage: () => assert.fail('a colour is not a picture') });
      const [coloured, after] = [await pptx.slide(2), await pptx.slide(3)];
      assert.match(coloured, /<p:bg><p:bgPr><a:solidFill><a:srgbClr val="102030"\/>/);
      assert.ok(run(coloured, 'Text').body.includes('val="FFFFFF"'));
      assert.ok(!paragraphs(coloured).some((p) => p.includes('[')), paragraphs(coloured).join(' | '));
      assert.doesNotMatch(after, /<p:bg>/, 'the shorthand is for its own slide only');
    });

    it("draws Marp's `invert` class in the player's dark palette, under a backgroundColor directive", async () => {
      const playerCss = readFileSync('src/webview/player/marp.css', 'utf8');
      const pptx = await exportDeck('# Plain\n\nText\n\n---\n\n<!-- _class: invert -->\n# Dark\n\nLight text\n\n---\n\n<!-- _class: invert -->\n<!-- _backgroundColor: "#102030" -->\n# Mine\n', {
        assets: { themes, playerCss },
      });
      const [plain, dark, mine] = [await pptx.slide(1), await pptx.slide(2), await pptx.slide(3)];
      assert.doesNotMatch(plain, /<p:bg>/);
      assert.match(dark, /<p:bg><p:bgPr><a:solidFill><a:srgbClr val="1F2328"\/>/);
      assert.ok(run(dark, 'Light text').body.includes('val="F0F3F6"'), 'light ink');
      assert.ok(run(dark, 'Dark').body.includes('val="FFFFFF"'), 'a white title');
      assert.match(mine, /<p:bg><p:bgPr><a:solidFill><a:srgbClr val="102030"\/>/, 'the directive wins');
    });

    it("centres a `lead` slide's title and text, as the player does, and draws a lead slide with more than text plainly", async () => {
      const pptx = await exportDeck('<!-- _class: lead -->\n# Centred\n\nWords under it\n\n---\n\n<!-- _class: lead -->\n# With code\n\n```\nx\n```\n');
      const master = await pptx.layout(1);
      assert.match(master, /<p:cSld name="StoryDeck Lead">/);
      assert.match(master, /type="title"[\s\S]*?algn="ctr"/, 'the title placeholder is centred');
      const words = shapes(await pptx.slide(1)).find((shape) => shape.xml.includes('Words under it'));
      assert.ok(words && /algn="ctr"/.test(words.xml), 'the text is centred');
      assert.ok(words && Math.abs(inches(words.x + words.w / 2) - 13.333 / 2) < 0.01, 'across the slide');
      assert.match(await pptx.layout(2), /<p:cSld name="StoryDeck">/, 'the code is not left out');
      assert.ok(paragraphs(await pptx.slide(2)).includes('x'));
    });

    it('sets a fitting heading (`<!-- fit -->`) as large as the content width allows, on one line', async () => {
      const pptx = await exportDeck('# <!-- fit --> Fit\n\n---\n\n# Normal\n');
      const size = async (n: number, text: string) => Number(/sz="(\d+)"/.exec(run(await pptx.slide(n), text).props)?.[1]) / 100;
      assert.equal(await size(2, 'Normal'), 48);
      // "Fit" (3 characters) across the 11.33 in content width: the player's first guess, 240 px at most.
      assert.equal(await size(1, 'Fit'), 180);
      const long = await exportDeck('# <!-- fit --> A heading long enough to be set smaller than usual\n');
      const longSize = Number(/sz="(\d+)"/.exec(run(await long.slide(1), 'A heading long enough to be set smaller than usual').props)?.[1]) / 100;
      assert.ok(longSize < 48 && longSize > 24, `${longSize} pt`);
    });

    it('puts a split background on its side and the title and content beside it', async () => {
      const image = pngDataUri(400, 300);
      const pptx = await exportDeck('# Plain\n\n---\n\n![bg left:40%](photo.png)\n\n# Beside\n\nText beside the picture', { resolveImage: () => image });
      const xml = await pptx.slide(2);
      const picture = shapes(xml).find((shape) => shape.xml.startsWith('<p:pic>'));
      assert.ok(picture);
      assert.equal(picture.x, 0);
      assert.ok(Math.abs(inches(picture.w) - 13.333 * 0.4) < 0.01, `picture width ${inches(picture.w)}`);
      assert.ok(Math.abs(inches(picture.h) - 7.5) < 0.01, `picture height ${inches(picture.h)}`);
      const text = shapes(xml).find((shape) => shape.xml.includes('Text beside the picture'));
      assert.ok(text && inches(text.x) > 13.333 * 0.4, 'the text is beside the picture');
      const titleX = async (n: number) => inches(Number(/type="title"[\s\S]*?<a:off x="(\d+)"/.exec(await pptx.layout(n))?.[1]));
      assert.ok((await titleX(2)) > 13.333 * 0.4, 'the title placeholder is beside the picture');
      assert.ok((await titleX(1)) < 1, 'a slide without a split keeps the full-width layout');
    });

    it('lays a layout class out in its content area: beside a split picture, and on a 4:3 slide', async () => {
      const image = pngDataUri(400, 300);
      const split = await exportDeck(
        '<!-- _class: title -->\n# Full\n\n---\n\n<!-- _class: title -->\n![bg left:40%](photo.png)\n\n# Beside\n\n---\n\n<!-- _class: columns -->\n![bg left:40%](photo.png)\n\n# Two\n\nLeft side\n\nRight side\n',
        {
          resolveImage: () => image,
        },
      );
      assert.match(await split.layout(1), /<p:cSld name="StoryDeck Title">/);
      assert.match(await split.layout(2), /<p:cSld name="StoryDeck Title 2">/, 'a title slide beside a picture has a title master of its own');
      const titleX = async (n: number) => inches(Number(/type="title"[\s\S]*?<a:off x="(\d+)"/.exec(await split.layout(n))?.[1]));
      assert.ok((await titleX(2)) > 13.333 * 0.4, `the title slide's title is beside the picture (${await titleX(2)})`);
      assert.ok((await titleX(1)) < 13.333 * 0.4, 'the full-width title slide keeps its place');
      const columns = await split.slide(3);
      const left = shapes(columns).find((shape) => shape.xml.includes('Left side'));
      const right = shapes(columns).find((shape) => shape.xml.includes('Right side'));
      assert.ok(left && right && inches(left.x) > 13.333 * 0.4 && right.x > left.x, 'both columns beside the picture');
      assert.ok(inches(right.x + right.w) <= 13.333, 'the right column ends on the slide');

      const narrow = await exportDeck('---\nsize: 4:3\n---\n\n<!-- _class: columns -->\n# Two\n\nLeft side\n\nRight side\n\n---\n\n<!-- _class: quote -->\n> Words\n');
      const narrowRight = shapes(await narrow.slide(1)).find((shape) => shape.xml.includes('Right side'));
      assert.ok(narrowRight && inches(narrowRight.x + narrowRight.w) <= 10, 'the right column ends on the 10 in slide');
      const quote = shapes(await narrow.slide(2)).find((shape) => shape.xml.includes('Words'));
      assert.ok(quote && inches(quote.x + quote.w) <= 10, 'the quote keeps to the 10 in slide');
    });

    it("draws a Marp theme's look-alike, named in front matter or a comment", async () => {
      const corporate = themeStyle(themes.corporate);
      for (const markdown of ['---\ntheme: gaia\n---\n# One\n', '<!-- theme: gaia -->\n# One\n']) {
        const pptx = await exportDeck(markdown);
        assert.ok(corporate.titleBand && (await pptx.slide(1)).includes(`<a:srgbClr val="${corporate.titleBand}"/>`), `${markdown}: corporate's title band`);
      }
      assert.ok(!(await (await exportDeck('# One\n')).slide(1)).includes(`<a:srgbClr val="${corporate.titleBand}"/>`), 'light has no title band');
    });

    it('draws the bg pictures of a slide side by side, cover and contain, and none in the content', async () => {
      const pptx = await exportDeck('# Two pictures\n\n![bg](a.png) ![bg contain](b.png)\n', { resolveImage: () => pngDataUri(200, 400) });
      const pictures = shapes(await pptx.slide(1)).filter((shape) => shape.xml.startsWith('<p:pic>'));
      assert.equal(pictures.length, 2);
      const [cover, contain] = pictures;
      assert.deepEqual([cover.x, Math.round(inches(cover.w) * 100), Math.round(inches(cover.h) * 100)], [0, 667, 750], 'cover fills the left half');
      assert.ok(Math.abs(inches(contain.h) - 7.5) < 0.01 && Math.abs(contain.w / contain.h - 0.5) < 0.01, 'contain keeps the picture whole');
      assert.ok(inches(contain.x) > 6.66, 'the second picture is in the right half');
    });

    it("writes CSS colours as PowerPoint does: hex, rgb() and CSS's colour names; anything else is left to the theme", () => {
      assert.deepEqual(['#abc', '#A1B2C3', '#a1b2c3cc', '#abcd', 'Navy', 'RebeccaPurple', 'lightgoldenrodyellow', 'rgb(255, 0, 128)', 'rgba(100%, 50%, 0%, 0.5)', 'rgb(300 -4 0)'].map(pptxColor), [
        'AABBCC',
        'A1B2C3',
        'A1B2C3',
        'AABBCC',
        '000080',
        '663399',
        'FAFAD2',
        'FF0080',
        'FF8000',
        'FF0000',
      ]);
      assert.deepEqual(['hsl(0, 100%, 50%)', 'bluish', '', undefined].map(pptxColor), [undefined, undefined, undefined, undefined]);
    });

    it('sizes a picture as w: and h: ask, and makes a 4:3 deck 10 in wide', async () => {
      const pptx = await exportDeck('---\nsize: 4:3\n---\n# Sized\n\n![w:300](a.png)\n', { resolveImage: () => pngDataUri(600, 200) });
      const picture = shapes(await pptx.slide(1)).find((shape) => shape.xml.startsWith('<p:pic>'));
      assert.ok(picture && Math.abs(inches(picture.w) - 300 / 96) < 0.01 && Math.abs(inches(picture.h) - 100 / 96) < 0.01, `${picture?.w} × ${picture?.h}`);
      assert.match(await pptx.part('ppt/presentation.xml'), /<p:sldSz cx="9144000" cy="6858000"/);
    });
  });
});
