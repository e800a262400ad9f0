import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDeck } from '../../src/core/deck';
import { exportPptx } from '../../src/core/export/pptx';
import { THEME_NAMES } from '../../src/core/render';
import { libreOfficePdf, pdfInfo } from './harness';

const themes = Object.fromEntries(THEME_NAMES.map((name) => [name, readFileSync(`media/themes/${name}.css`, 'utf8')]));

/** A 2×1 PNG, so that the deck has an embedded picture. */
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGNQTX4NRAAIoALnyHp2YQAAAABJRU5ErkJggg==';

function pdfText(pdf: string): string {
  const result = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.replace(/\s+/g, ' ');
}

async function write(markdown: string, name: string, resolveImage?: (src: string) => string | undefined): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'storydeck-pptx-')), `${name}.pptx`);
  writeFileSync(file, await exportPptx(parseDeck(markdown), { assets: { themes }, resolveImage }));
  return file;
}

describe('exported PPTX in LibreOffice', function () {
  this.timeout(180_000);

  it('opens the bundled example with one page per slide and every slide title on its page', async () => {
    const markdown = readFileSync('examples/town-hall.md', 'utf8');
    const deck = parseDeck(markdown);
    const pdf = libreOfficePdf(await write(markdown, 'town-hall'));
    assert.equal(pdfInfo(pdf).pages, deck.slides.length);
    const text = pdfText(pdf);
    for (const slide of deck.slides) assert.ok(text.includes(slide.title), `"${slide.title}" in the PDF`);
  });

  it('opens tables, code, pictures, quotes, lists and a long slide in the dark theme', async () => {
    const markdown = [
      '---\ntheme: dark\n---\n# Everything\n\nA *para* with **bold**, `code` and [a link](https://example.com/?a=1&b=2).',
      '## Table\n\n| Name | Value |\n|:--|--:|\n| **alpha** | 1 |\n| beta | [x](https://example.com) |\n\n```js\nconst answer = 42;\n```',
      '## Picture\n\n![a picture](pic.png)\n\n> A quote\n> - with a list\n\n1. one\n   - nested\n2. two',
      `## Long\n\n${Array.from({ length: 30 }, (_, i) => `- Point ${i} with words enough to wrap`).join('\n')}`,
    ].join('\n\n---\n\n');
    const pdf = libreOfficePdf(await write(markdown, 'everything', (src) => (src === 'pic.png' ? PNG : undefined)));
    assert.equal(pdfInfo(pdf).pages, 4);
    const text = pdfText(pdf);
    for (const expected of ['Everything', 'alpha', 'const answer = 42;', 'A quote', 'nested', 'Point 0', 'Point 29']) {
      assert.ok(text.includes(expected), `"${expected}" in the PDF`);
    }
  });
});
