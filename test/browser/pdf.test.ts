import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDeck } from '../../src/core/deck';
import { pdfInfo } from './harness';

// PDF export through the built CLI (`npm run build` first), printed by the Chromium-family browser it
// finds on this machine: CHROME_PATH when set (as for the other browser tests), else Debian's chromium.
const cli = resolve('dist/cli.js');
const example = resolve('examples/town-hall.md');

function exportPdf(cwd: string, ...argv: string[]) {
  const result = spawnSync(process.execPath, [cli, 'export', example, '--to', 'pdf', ...argv], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('PDF export', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'storydeck-pdf-test-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one 16:9 page per slide, with the slides on them and no speaker notes', () => {
    const slides = parseDeck(readFileSync(example, 'utf8')).slides;
    const { code, stdout, stderr } = exportPdf(dir, '-o', 'talk.pdf');
    assert.equal(code, 0, stderr);
    assert.match(stdout, new RegExp(`^Exported ${slides.length} slides to talk\\.pdf \\(\\d+ KiB\\)\\.\\n$`));
    const file = join(dir, 'talk.pdf');
    assert.equal(readFileSync(file).subarray(0, 5).toString('latin1'), '%PDF-');
    const { pages, size } = pdfInfo(file);
    assert.equal(pages, slides.length);
    const [width, height] = size.split(' x ').map(Number.parseFloat);
    assert.ok(Math.abs(width / height - 16 / 9) < 0.01, `16:9 pages, got ${size}`);

    const text = (page: number) => spawnSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' }).stdout;
    assert.match(text(1), /Handoffs that don.t drop\s+patients/);
    assert.match(text(3), /Meet Maria/);
    const all = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
    assert.doesNotMatch(all, /Open with a pause/, 'speaker notes are not printed');
    assert.deepEqual(readdirSync(dir), ['talk.pdf'], 'no temporary file left behind');
  });

  it('says how to point StoryDeck at a browser when --browser names none, and writes nothing', () => {
    const { code, stdout, stderr } = exportPdf(dir, '-o', 'talk.pdf', '--browser', '/nonexistent');
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(
      stderr,
      'storydeck export: The browser at /nonexistent cannot be run: no such file. Install Chromium, Google Chrome or Microsoft Edge, or point StoryDeck at one: the storydeck.export.browserPath setting in VS Code, the CHROME_PATH environment variable, or --browser PATH on the command line.\n',
    );
    assert.deepEqual(readdirSync(dir), []);
  });
});
