import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lintText } from '../../src/core/lint';
import { exportDeck, launchBrowser, libreOfficePdf, openDeck, pdfInfo } from './harness';

// Marp CLI as the oracle for Marp's syntax in PDF: every deck of the corpus (test/fixtures/marp/feature-*.md,
// with the pictures in test/fixtures/marp/images) is exported by `storydeck export --to pdf` (the built CLI:
// `npm run build` first) and by @marp-team/marp-cli (a devDependency, never shipped), both printing with the
// same Chromium (CHROME_PATH, else Debian's /usr/bin/chromium), and the two PDFs are read with poppler and
// compared page by page: page count and size, the words on each page, the header, footer and page number,
// every picture drawn (its crop and scale, which tell a background from a picture in the text and give its
// size), and the background colour.

const FIXTURES = resolve('test/fixtures/marp');
const CLI = resolve('dist/cli.js');
const MARP = resolve('node_modules/@marp-team/marp-cli/marp-cli.js');
const BROWSER = process.env.CHROME_PATH || '/usr/bin/chromium';
const DECKS = ['feature-directives', 'feature-backgrounds', 'feature-size-class', 'feature-pagination', 'feature-classes-colours'];
/** Marp features StoryDeck does not draw: compared apart, as the differences they are. */
const UNSUPPORTED = 'feature-unsupported';

function run(argv: string[], cwd: string): void {
  const result = spawnSync(process.execPath, argv, { cwd, encoding: 'utf8', env: { ...process.env, CHROME_PATH: BROWSER } });
  if (result.status !== 0) throw new Error(`${argv.slice(0, 2).join(' ')} failed (${result.status}): ${result.stderr}`);
}

interface Word {
  text: string;
  x: number;
  /** The right edge. */
  r: number;
  y: number;
  h: number;
}

/** Each page's words with their boxes (points), as poppler's pdftotext reads them. */
function words(file: string): Word[][] {
  const xml = spawnSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).stdout;
  return xml
    .split(/<page\b/)
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(([, x, y, xMax, yMax, text]) => ({
        text: text.replace(/&amp;/g, '&').replace(/&#39;|&apos;/g, "'"),
        x: Number(x),
        r: Number(xMax),
        y: Number(y),
        h: Number(yMax) - Number(y),
      })),
    );
}

/** The pictures drawn on each page: the pixels kept (a background is cropped to its box) and the scale. */
function pictures(file: string): string[][] {
  const list = spawnSync('pdfimages', ['-list', file], { encoding: 'utf8' }).stdout.split('\n').slice(2);
  const pages: string[][] = Array.from({ length: pdfInfo(file).pages }, () => []);
  for (const line of list) {
    const cells = line.trim().split(/\s+/);
    if (cells.length < 14) continue;
    const [page, , , width, height] = cells;
    pages[Number(page) - 1].push(`${width}×${height} px at ${cells[12]} ppi`);
  }
  return pages;
}

/** The colour of the page near its top left corner, from poppler's pdftoppm at a low resolution. */
function cornerColours(file: string): string[] {
  const out: string[] = [];
  for (let page = 1; page <= pdfInfo(file).pages; page++) {
    const ppm = spawnSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '12', file], { maxBuffer: 1 << 24 }).stdout;
    // P6 header: magic, width, height, maxval, each followed by one white-space byte; then RGB rows.
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
    assert.ok(header, 'pdftoppm wrote a PPM');
    const width = Number(header[1]);
    const at = header[0].length + (2 * width + 2) * 3; // the pixel two down, two across
    out.push(`#${[...ppm.subarray(at, at + 3)].map((b) => b.toString(16).padStart(2, '0')).join('')}`);
  }
  return out;
}

/** A page's margins as Marp lays them out: header words in the top band, footer words in the bottom one, a lone number at the bottom right. */
function margins(page: Word[], height: number, width: number) {
  const band = 50;
  const top = page.filter((w) => w.y + w.h < band);
  const bottom = page.filter((w) => w.y > height - band);
  const number = bottom.filter((w) => /^\d+$/.test(w.text) && w.x > width * 0.9);
  return {
    header: top.map((w) => w.text).join(' '),
    headerAt: top[0] ? [Math.round(top[0].x), Math.round(top[0].y)] : [],
    footer: bottom
      .filter((w) => !number.includes(w))
      .map((w) => w.text)
      .join(' '),
    footerAt: bottom[0] ? [Math.round(bottom[0].x), Math.round(bottom[0].y)] : [],
    page: number.map((w) => w.text).join(' '),
  };
}

const near = (a: number[], b: number[], tolerance: number) => a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) <= tolerance);

describe('Marp syntax against Marp CLI (PDF, page by page)', function () {
  this.timeout(180_000);
  let dir: string;
  const pdf: Record<string, { marp: string; ours: string; pptx: string }> = {};

  before(function () {
    dir = mkdtempSync(join(tmpdir(), 'storydeck-marp-oracle-'));
    for (const deck of [...DECKS, UNSUPPORTED]) cpSync(join(FIXTURES, `${deck}.md`), join(dir, `${deck}.md`));
    cpSync(join(FIXTURES, 'images'), join(dir, 'images'), { recursive: true });
    for (const deck of [...DECKS, UNSUPPORTED]) {
      pdf[deck] = { marp: join(dir, `${deck}.marp.pdf`), ours: join(dir, `${deck}.storydeck.pdf`), pptx: join(dir, `${deck}.pdf`) };
      run([MARP, `${deck}.md`, '--pdf', '--allow-local-files', '--browser-path', BROWSER, '-o', pdf[deck].marp], dir);
      run([CLI, 'export', `${deck}.md`, '--to', 'pdf', '-o', pdf[deck].ours], dir);
    }
    // StoryDeck's PowerPoint file, opened and printed by LibreOffice (`<deck>.pdf`), is compared with Marp's PDF too.
    for (const deck of DECKS) {
      run([CLI, 'export', `${deck}.md`, '--to', 'pptx', '-o', `${deck}.pptx`], dir);
      assert.equal(libreOfficePdf(join(dir, `${deck}.pptx`)), pdf[deck].pptx);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const deck of DECKS) {
    describe(deck, () => {
      it('has as many pages, of the same size', () => {
        assert.deepEqual(pdfInfo(pdf[deck].ours), pdfInfo(pdf[deck].marp));
      });

      it('shows the same words on each page', () => {
        const sorted = (file: string) => words(file).map((page) => page.map((w) => w.text).sort());
        assert.deepEqual(sorted(pdf[deck].ours), sorted(pdf[deck].marp));
      });

      it('puts the same header, footer and page number on each page, in the same places', () => {
        const { size } = pdfInfo(pdf[deck].marp);
        const [width, height] = size.split(' x ').map(Number.parseFloat);
        const read = (file: string) => words(file).map((page) => margins(page, height, width));
        const [ours, marp] = [read(pdf[deck].ours), read(pdf[deck].marp)];
        assert.deepEqual(
          ours.map(({ header, footer, page }) => ({ header, footer, page })),
          marp.map(({ header, footer, page }) => ({ header, footer, page })),
        );
        ours.forEach((page, i) => {
          assert.ok(near(page.headerAt, marp[i].headerAt, 3), `page ${i + 1}: header at ${page.headerAt}, Marp ${marp[i].headerAt}`);
          assert.ok(near(page.footerAt, marp[i].footerAt, 3), `page ${i + 1}: footer at ${page.footerAt}, Marp ${marp[i].footerAt}`);
        });
      });

      it('draws the same pictures on each page, cropped and scaled alike (backgrounds, split sides, sizes)', () => {
        assert.deepEqual(pictures(pdf[deck].ours), pictures(pdf[deck].marp));
      });

      it('has, as PowerPoint opened in LibreOffice, the same pages, words, header, footer, page numbers and picture scales', () => {
        const { pptx, marp } = pdf[deck];
        const size = (file: string) =>
          pdfInfo(file)
            .size.split(' x ')
            .map((n) => Math.round(Number.parseFloat(n)));
        assert.deepEqual([pdfInfo(pptx).pages, size(pptx)], [pdfInfo(marp).pages, size(marp)]);
        const sorted = (file: string) => words(file).map((page) => page.map((w) => w.text).sort());
        assert.deepEqual(sorted(pptx), sorted(marp));
        const [width, height] = size(marp);
        const text = (file: string) => words(file).map((page) => (({ header, footer, page: number }) => ({ header, footer, number }))(margins(page, height, width)));
        assert.deepEqual(text(pptx), text(marp));
        // PowerPoint keeps a cropped picture whole and crops it when drawing it, so only the scale is compared.
        const scales = (file: string) => pictures(file).map((page) => page.map((picture) => picture.replace(/^.* at /, '')));
        assert.deepEqual(scales(pptx), scales(marp));
      });
    });
  }

  it('paints the backgroundColor directive on the pages it applies to', () => {
    const { ours, marp } = pdf['feature-directives'];
    assert.deepEqual(cornerColours(ours), cornerColours(marp));
    assert.deepEqual(cornerColours(ours), ['#fdf6e3', '#fdf6e3', '#1e3a5f', '#fdf6e3']);
  });

  it("sizes a fitting heading to the slide's width, as Marp does", () => {
    const heading = (file: string) => words(file)[6].filter((w) => w.text === 'Fitting' || w.text === 'heading');
    const [ours, marp] = [heading(pdf['feature-backgrounds'].ours), heading(pdf['feature-backgrounds'].marp)];
    assert.equal(ours.length, 2);
    // Fitting scales the heading to the slide's width, so its width is what both share whatever fonts the machine has: its
    // height follows the font's proportions, and the two font stacks can land on different fonts (Marp's Helvetica/Arial on
    // Liberation Sans where it is installed, ours on the system font, DejaVu Sans). Unfitted, it would be about half as wide.
    const width = (pair: { x: number; r: number }[]) => pair[1].r - pair[0].x;
    assert.ok(Math.abs(width(ours) - width(marp)) / width(marp) < 0.1, `heading ${width(ours)} pt wide, Marp ${width(marp)} pt`);
  });

  it('numbers the pages as Marp Core 4 does with `paginate: skip` and `hold`, in PDF and in PowerPoint', () => {
    // The page-by-page comparison above checks each number against Marp's; here is what they are.
    const { ours, pptx } = pdf['feature-pagination'];
    const numbers = (file: string) => words(file).map((page) => margins(page, 540, 960).page);
    assert.deepEqual(numbers(ours), ['', '1', '1', '2', '', '4']);
    assert.deepEqual(numbers(pptx), numbers(ours));
  });

  it('draws the invert class and a lead slide in PowerPoint as in the PDF', () => {
    const { ours, pptx, marp } = pdf['feature-classes-colours'];
    // invert: light ink on a dark slide. Marp's default theme has its own dark (#0d1117); StoryDeck's themes share one.
    assert.deepEqual([cornerColours(ours)[0], cornerColours(pptx)[0], cornerColours(marp)[0]], ['#1f2328', '#1f2328', '#0d1117']);
    // lead: the title and the words under it centred across the slide (960 pt wide), as the player centres them.
    const centre = (file: string, texts: string[]) => {
      const line = words(file)[2].filter((w) => texts.includes(w.text));
      return Math.round((Math.min(...line.map((w) => w.x)) + Math.max(...line.map((w) => w.r))) / 2);
    };
    for (const file of [ours, pptx]) {
      for (const line of [
        ['A', 'lead', 'slide'],
        ['Centred', 'words.'],
      ]) {
        assert.ok(Math.abs(centre(file, line) - 480) < 10, `${file}: "${line.join(' ')}" centred at ${centre(file, line)} pt`);
      }
    }
  });

  it("sizes a fitting heading in PowerPoint close to Marp's", () => {
    const heading = (file: string) => words(file)[6].filter((w) => w.text === 'Fitting' || w.text === 'heading');
    const [pptx, marp] = [heading(pdf['feature-backgrounds'].pptx), heading(pdf['feature-backgrounds'].marp)];
    assert.equal(pptx.length, 2);
    // The PowerPoint file cannot be measured, so it keeps the player's first guess from the heading's length.
    assert.ok(Math.abs(pptx[0].h - marp[0].h) / marp[0].h < 0.15, `heading ${pptx[0].h} pt high, Marp ${marp[0].h} pt`);
  });

  // Differences, each with its reason.

  it("paints Marp's old colour shorthand, which Marp 4 no longer reads, and lint says so", () => {
    const { ours, pptx, marp } = pdf['feature-classes-colours'];
    // `![bg](#1e3a5f)` and `![](white)`: Marpit 3 (Marp Core 4) dropped the shorthand and looks for pictures with those
    // names, so its slide stays white; StoryDeck paints the colours, in the PDF and in PowerPoint.
    assert.deepEqual([cornerColours(ours)[1], cornerColours(pptx)[1], cornerColours(marp)[1]], ['#1e3a5f', '#1e3a5f', '#ffffff']);
    const findings = lintText(readFileSync(join(FIXTURES, 'feature-classes-colours.md'), 'utf8'), {}).findings.filter((f) => f.ruleId === 'front-matter');
    assert.deepEqual(
      findings.map((f) => [f.line, f.message.split(':')[0]]),
      [[13, "`![bg](#1e3a5f)` is Marp's old colour shorthand"]],
    );
  });

  it('differs on purpose where StoryDeck does not draw a Marp feature, and lint names each one with its reason', () => {
    const { ours, marp } = pdf[UNSUPPORTED];
    // `<style>`: Marp applies the CSS (a red slide); StoryDeck's pages take no style sheet from a document (their
    // Content Security Policy), so the slide keeps the theme's white, and the CSS is not shown as text either.
    assert.deepEqual([cornerColours(marp), cornerColours(ours)], [['#ff0000'], ['#ffffff']]);
    // `math`: Marp draws the formula (as paths, no text); StoryDeck shows the text as written.
    const text = (file: string) => words(file)[0].map((w) => w.text);
    assert.deepEqual(text(marp), ['Not', 'drawn', 'The', 'area', 'is', 'here.']);
    assert.deepEqual(text(ours), ['Not', 'drawn', 'The', 'area', 'is', '$\\pi', 'r^2$', 'here.']);
    // `transition` changes nothing in a PDF. Each of the three is one front-matter finding, with its reason.
    const findings = lintText(readFileSync(join(FIXTURES, `${UNSUPPORTED}.md`), 'utf8'), {}).findings.filter((f) => f.ruleId === 'front-matter');
    assert.deepEqual(
      findings.map((f) => [f.line, f.message.split(':')[0]]),
      [
        [3, '`math` is a Marp feature StoryDeck does not show'],
        [4, '`transition` is a Marp feature StoryDeck does not show'],
        [7, '`<style>` is a Marp feature StoryDeck does not show'],
      ],
    );
  });

  it('draws all of it in the exported HTML under its strict CSP: no violation, no request, colours and split set', async () => {
    const browser = await launchBrowser();
    try {
      const directives = await openDeck(browser, exportDeck(join(FIXTURES, 'feature-directives.md')));
      // Expressions evaluated in the page (this project's types have no DOM).
      const look = (n: number) =>
        directives.page.evaluate(`(() => {
          const slide = document.querySelectorAll('.sd-slide')[${n}];
          const style = getComputedStyle(slide);
          return [style.backgroundColor, style.color, slide.querySelector('.sd-marp-page')?.textContent ?? ''];
        })()`);
      assert.deepEqual(await look(0), ['rgb(253, 246, 227)', 'rgb(31, 35, 40)', '']);
      assert.deepEqual(await look(2), ['rgb(30, 58, 95)', 'rgb(255, 255, 255)', '3']);
      assert.deepEqual([directives.errors, directives.requests], [[], []]);
      await directives.close();

      const backgrounds = await openDeck(browser, exportDeck(join(FIXTURES, 'feature-backgrounds.md')));
      const split = (await backgrounds.page.evaluate(`(() => {
        const slide = document.querySelectorAll('.sd-slide')[2];
        return { heading: slide.querySelector('h2').offsetLeft, picture: slide.querySelector('.sd-marp-bg').offsetWidth, width: slide.offsetWidth };
      })()`)) as { heading: number; picture: number; width: number };
      assert.equal(split.picture, split.width * 0.4, 'the picture takes 40% of the slide');
      assert.ok(split.heading >= split.picture, `the heading (at ${split.heading}px) is beside the picture (${split.picture}px wide)`);
      assert.deepEqual([backgrounds.errors, backgrounds.requests], [[], []]);
      await backgrounds.close();
    } finally {
      await browser.close();
    }
  });
});
