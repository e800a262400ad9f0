import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import JSZip from 'jszip';
import { UserError as SourceUserError } from '../../../src/node/errors';
import type * as Exporter from '../../../src/node/exporter';
import { printPdf } from '../../../src/node/pdf';

// The HTML export inlines the player that esbuild embeds in the bundle, so these tests load the built
// dist/exporter.js (`npm run build`), the module VS Code loads on its first export.
const exporter: typeof Exporter = require(resolve('dist/exporter.js'));
const { exportNarrative, FileExistsError, UserError } = exporter;

/** A 1×1 PNG. */
const DOT = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const NARRATIVE = '# Why handoffs matter\n\nMaria loses ten minutes a shift.\n\n![dot](img/dot.png)\n\n<!-- Say it slowly. -->\n\n---\n\n## The ask\n\nOne engineer by Friday.\n';

describe('exportNarrative', () => {
  let dir: string;
  let temp: string;
  let savedTmp: string | undefined;

  /** A stand-in for a browser: a shell script that logs its arguments and does `body`. */
  function fakeBrowser(name: string, body: string): string {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\nfor a in "$@"; do echo "$a" >> "${join(dir, `${name}.args`)}"; case "$a" in --print-to-pdf=*) out="\${a#--print-to-pdf=}";; esac; done\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  }
  const request = (format: Exporter.ExportFormat, output: string, more: Partial<Exporter.ExportRequest> = {}): Exporter.ExportRequest => ({
    text: NARRATIVE,
    file: join(dir, 'talks', 'talk.md'),
    format,
    output,
    replace: false,
    ...more,
  });
  /** Everything in the output folder but the narrative's folder. */
  const outputs = () => readdirSync(dir).filter((f) => !f.endsWith('.args') && !f.startsWith('browser-') && f !== 'talks');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'storydeck-exporter-'));
    mkdirSync(join(dir, 'talks', 'img'), { recursive: true });
    writeFileSync(join(dir, 'talks', 'img', 'dot.png'), DOT);
    // Temporary files of the PDF export go here, so the tests can see that none are left.
    temp = join(dir, 'tmp');
    mkdirSync(temp);
    savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = temp;
  });
  afterEach(() => {
    process.env.TMPDIR = savedTmp;
    if (savedTmp === undefined) delete process.env.TMPDIR;
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports to HTML with images resolved relative to the narrative, and reports the slides and bytes', async () => {
    const output = join(dir, 'talk.html');
    const warnings: string[] = [];
    const result = await exportNarrative(request('html', output, { warn: (m) => warnings.push(m) }));
    const html = readFileSync(output, 'utf8');
    assert.deepEqual(result, { slides: 2, bytes: Buffer.byteLength(html) });
    assert.deepEqual(warnings, []);
    assert.ok(html.includes(`data:image/png;base64,${DOT.toString('base64')}`), 'the image, inlined');
    assert.ok(html.includes('Say it slowly.'), 'the notes');
  });

  it('warns about what it leaves out and about problems in the narrative, with their line', async () => {
    const warnings: Array<[string, number | undefined]> = [];
    const text = '# Pictures\n\n![gone](missing.png)\n\n```\nunclosed fence\n';
    await exportNarrative(request('html', join(dir, 'pics.html'), { text, warn: (m, line) => warnings.push([m, line]) }));
    assert.ok(
      warnings.some(([m, line]) => /^image missing\.png \(missing\.png\) cannot be read: no such file\./.test(m) && line === undefined),
      JSON.stringify(warnings),
    );
    assert.ok(
      warnings.some(([, line]) => line === 5),
      `a problem on line 5: ${JSON.stringify(warnings)}`,
    );
  });

  it('says which pictures a PowerPoint file cannot hold, and still embeds the PNG', async () => {
    writeFileSync(join(dir, 'talks', 'img', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const warnings: string[] = [];
    const text = NARRATIVE.replace('![dot](img/dot.png)', '![dot](img/dot.png) ![logo](img/logo.svg)');
    await exportNarrative(request('pptx', join(dir, 'talk.pptx'), { text, warn: (message) => warnings.push(message) }));
    assert.deepEqual(warnings, ['image img/logo.svg is image/svg+xml; the PowerPoint file can hold PNG, JPEG, GIF pictures only, so it shows the alt text.']);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'talk.pptx')));
    assert.deepEqual(Object.keys(zip.files).filter((name) => name.startsWith('ppt/media/') && !zip.files[name].dir).length, 1, 'the PNG is embedded');
    const html: string[] = [];
    await exportNarrative(request('html', join(dir, 'talk.html'), { text, warn: (message) => html.push(message) }));
    assert.deepEqual(html, [], 'a browser shows SVG: the HTML export keeps it');
  });

  describe('local pictures', () => {
    /** A PNG that is not in the narrative's folder: its bytes must never reach an export unless allowed. */
    const SECRET = Buffer.concat([DOT, Buffer.from('SECRET')]);
    const ALLOW = 'To include it, run again with --allow-local-files.';
    let secret: string;
    beforeEach(() => {
      secret = join(dir, 'secret.png');
      writeFileSync(secret, SECRET);
      symlinkSync(secret, join(dir, 'talks', 'img', 'logo.png'));
    });
    const escapes = () => ['img/logo.png', '../secret.png', secret, '..%2Fsecret.png', 'img/..%2F..%2Fsecret.png'];
    const text = () =>
      `${NARRATIVE}\n---\n\n## Pictures\n\n${escapes()
        .map((src) => `![x](<${src}>)`)
        .join(' ')}\n`;
    const mediaOf = async (file: string) => {
      const zip = await JSZip.loadAsync(readFileSync(file));
      return Promise.all(
        Object.keys(zip.files)
          .filter((name) => name.startsWith('ppt/media/') && !zip.files[name].dir)
          .map((name) => zip.file(name)!.async('nodebuffer')),
      );
    };

    it("leaves out pictures from outside the narrative's folder (links, .., absolute and encoded paths), naming each and the way to allow it", async () => {
      for (const format of ['html', 'pptx'] as const) {
        const warnings: string[] = [];
        const output = join(dir, `talk.${format}`);
        await exportNarrative(request(format, output, { text: text(), allowWith: ALLOW, warn: (m) => warnings.push(m) }));
        assert.deepEqual(
          warnings,
          escapes().map((src) => `image ${src} (${realpathSync(secret)}) is outside ${join(dir, 'talks')}; exported without it. ${ALLOW}`),
          format,
        );
        if (format === 'html') {
          const html = readFileSync(output, 'utf8');
          assert.ok(!html.includes(SECRET.toString('base64')), 'the secret is not in the page');
          assert.ok(html.includes(DOT.toString('base64')), 'the picture inside the folder is');
        } else {
          assert.deepEqual(await mediaOf(output), [DOT], 'only the picture inside the folder is embedded');
        }
      }
      // A PDF prints the same page: the browser gets it without the picture.
      const page = join(dir, 'printed.html');
      const browser = fakeBrowser('browser-copies', `for a in "$@"; do page="\${a#file://}"; done; cp "$page" "${page}"; printf "%%PDF-1.7 fake" > "$out"`);
      const warnings: string[] = [];
      await exportNarrative(request('pdf', join(dir, 'talk.pdf'), { text: text(), browser, warn: (m) => warnings.push(m) }));
      assert.equal(warnings.length, escapes().length);
      assert.ok(!readFileSync(page, 'utf8').includes(SECRET.toString('base64')) && readFileSync(page, 'utf8').includes(DOT.toString('base64')));
    });

    it('includes them when the user allows local files, or when the root holds them', async () => {
      const warnings: string[] = [];
      await exportNarrative(request('html', join(dir, 'allowed.html'), { text: text(), allowLocalFiles: true, warn: (m) => warnings.push(m) }));
      assert.equal(readFileSync(join(dir, 'allowed.html'), 'utf8').split(SECRET.toString('base64')).length - 1, escapes().length);
      await exportNarrative(request('pptx', join(dir, 'rooted.pptx'), { text: text(), root: dir, warn: (m) => warnings.push(m) }));
      assert.deepEqual(warnings, []);
      assert.equal((await mediaOf(join(dir, 'rooted.pptx'))).filter((media) => media.equals(SECRET)).length, escapes().length);
    });

    it("reads pictures anywhere in the narrative's repository, also through a linked folder", async () => {
      mkdirSync(join(dir, '.git'));
      symlinkSync(join(dir, 'talks'), join(dir, 'linked'));
      const warnings: string[] = [];
      await exportNarrative(request('html', join(dir, 'repo.html'), { text: text(), file: join(dir, 'linked', 'talk.md'), warn: (m) => warnings.push(m) }));
      assert.deepEqual(warnings, []);
      const html = readFileSync(join(dir, 'repo.html'), 'utf8');
      assert.ok(html.includes(DOT.toString('base64')) && html.includes(SECRET.toString('base64')));
    });

    it('leaves out a picture over 20 MiB without reading it', async () => {
      const big = join(dir, 'talks', 'img', 'big.png');
      writeFileSync(big, DOT);
      truncateSync(big, 20 * 1024 * 1024 + 1);
      const warnings: string[] = [];
      await exportNarrative(request('html', join(dir, 'big.html'), { text: `${NARRATIVE}\n![big](img/big.png)\n`, allowLocalFiles: true, warn: (m) => warnings.push(m) }));
      assert.deepEqual(warnings, [`image img/big.png (${realpathSync(big)}) is larger than 20 MiB, the most StoryDeck reads; exported without it.`]);
      assert.ok(statSync(join(dir, 'big.html')).size < 1024 * 1024);
    });
  });

  it("leaves out a file named as a picture whose bytes are none, such as a link to the repository's .git/config; pictures of every type pass", async () => {
    // actions/checkout keeps the job's token in .git/config, inside the root: a project's `logo.png -> ../.git/config` must not publish it.
    mkdirSync(join(dir, 'talks', '.git'));
    const config = '[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic c2VjcmV0dG9rZW4=\n';
    writeFileSync(join(dir, 'talks', '.git', 'config'), config);
    symlinkSync('../.git/config', join(dir, 'talks', 'img', 'logo.png'));
    writeFileSync(join(dir, 'talks', 'img', 'notes.svg'), '{"token": "c2VjcmV0dG9rZW4=", "svg": "<svg>"}');
    // Markup is no SVG picture unless <svg> is its first element: a page that holds one further on is a page.
    writeFileSync(join(dir, 'talks', 'img', 'page.svg'), '<html><body><p>token c2VjcmV0dG9rZW4=</p><svg></svg></body></html>');
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF')]);
    const pictures: Record<string, Buffer> = {
      'dot.png': DOT,
      'photo.jpg': jpeg,
      'saved-as.png': jpeg,
      'anim.gif': Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'),
      'shot.webp': Buffer.from('RIFF\x1a\x00\x00\x00WEBPVP8L', 'latin1'),
      'shot.avif': Buffer.concat([Buffer.from([0, 0, 0, 0x1c]), Buffer.from('ftypmif1\x00\x00\x00\x00mif1avifmiaf', 'latin1')]),
      'logo.svg': Buffer.from('\uFEFF<?xml version="1.0"?>\n<!-- Generator: an editor -->\n<!DOCTYPE svg>\n<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'drawn.svg': Buffer.from(
        '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "svg11.dtd" [\n\t<!ENTITY ns_svg "http://www.w3.org/2000/svg">\n]>\n<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>',
      ),
    };
    for (const [name, bytes] of Object.entries(pictures)) if (name !== 'dot.png') writeFileSync(join(dir, 'talks', 'img', name), bytes);
    const text = `${NARRATIVE}\n${['logo.png', 'notes.svg', 'page.svg', ...Object.keys(pictures)].map((name) => `![${name}](img/${name})`).join(' ')}\n`;
    for (const format of ['html', 'pptx'] as const) {
      const warnings: string[] = [];
      await exportNarrative(request(format, join(dir, `sniffed.${format}`), { text, warn: (m) => warnings.push(m) }));
      assert.deepEqual(
        warnings.filter((w) => !w.includes('the PowerPoint file can hold')),
        ['img/logo.png (logo.png)', 'img/notes.svg (notes.svg)', 'img/page.svg (page.svg)'].map(
          (src) => `image ${src} is not a picture: its bytes are no PNG, JPEG, GIF, WebP, AVIF or SVG image; exported without it.`,
        ),
        format,
      );
    }
    const html = readFileSync(join(dir, 'sniffed.html'), 'utf8');
    assert.ok(!html.includes(Buffer.from(config).toString('base64')) && !html.includes('c2VjcmV0dG9rZW4'), 'the token is not in the export');
    for (const bytes of Object.values(pictures)) assert.ok(html.includes(bytes.toString('base64')), 'every picture is in');
  });

  it('refuses a file with nothing to export in one line, and writes nothing', async () => {
    await assert.rejects(
      exportNarrative(request('html', join(dir, 'bin.html'), { text: 'PK\u0000\u0003 not a narrative' })),
      (e: Error) => e instanceof UserError && /^nothing to export: This file contains NUL bytes: it looks like a binary file/.test(e.message),
    );
    assert.deepEqual(outputs(), ['tmp']);
  });

  it('creates a missing output folder only after checking that no link the project holds takes it outside', async () => {
    // Beside the project, not in tmpdir(): the tests point TMPDIR inside it.
    const outside = mkdtempSync(join(dirname(dir), 'storydeck-outside-'));
    try {
      symlinkSync(outside, join(dir, 'exports'));
      await assert.rejects(
        exportNarrative(request('html', join(dir, 'exports', 'decks', 'talk.html'), { root: dir, makeFolder: true })),
        (e: Error) => e instanceof UserError && /leads out of .* through a symbolic link/.test(e.message),
      );
      assert.deepEqual(readdirSync(outside), [], 'no folder made outside the project');
      await exportNarrative(request('html', join(dir, 'out', 'decks', 'talk.html'), { root: dir, makeFolder: true }));
      assert.match(readFileSync(join(dir, 'out', 'decks', 'talk.html'), 'utf8'), /^<!DOCTYPE html>/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('never replaces a file unless asked to, and replaces it atomically when asked', async () => {
    const output = join(dir, 'talk.html');
    writeFileSync(output, 'precious');
    await assert.rejects(exportNarrative(request('html', output, { shown: 'talk.html' })), (e: Error) => e instanceof FileExistsError && e.message === 'talk.html already exists.');
    assert.equal(readFileSync(output, 'utf8'), 'precious');
    await exportNarrative(request('html', output, { replace: true }));
    assert.match(readFileSync(output, 'utf8'), /^<!DOCTYPE html>/);
    assert.deepEqual(outputs().sort(), ['talk.html', 'tmp']);
  });

  it('prints a PDF with a headless browser from a temporary page and profile, and removes them', async () => {
    const browser = fakeBrowser('browser-ok', 'printf "%%PDF-1.7 fake" > "$out"');
    const output = join(dir, 'talk.pdf');
    const result = await exportNarrative(request('pdf', output, { browser }));
    assert.equal(readFileSync(output, 'latin1'), '%PDF-1.7 fake');
    assert.deepEqual(result, { slides: 2, bytes: 13 });
    const args = readFileSync(`${browser}.args`, 'utf8').trim().split('\n');
    for (const flag of ['--headless', '--no-pdf-header-footer', '--disable-background-networking', '--no-first-run']) assert.ok(args.includes(flag), flag);
    assert.ok(
      args.some((a) => a.startsWith(`--user-data-dir=${temp}`)),
      'a fresh profile in the temp folder',
    );
    assert.equal(args.includes('--no-sandbox'), process.getuid?.() === 0, "the browser's sandbox stays on unless we run as root");
    assert.match(args.at(-1)!, /^file:\/\/.*\.html$/);
    assert.deepEqual(readdirSync(temp), [], 'page, profile and PDF removed');
  });

  it('leaves the old file intact and no temporary file behind when the browser fails', async () => {
    const output = join(dir, 'talk.pdf');
    writeFileSync(output, 'the good old PDF');
    const failures: Array<[string, string, RegExp]> = [
      ['browser-exits', 'exit 3', /^The browser at .*browser-exits exited \(exit code 3\) without printing the PDF; StoryDeck needs Chromium, Google Chrome or Microsoft Edge\.$/],
      ['browser-garbage', 'printf "<html>oops" > "$out"', /^The browser at .*browser-garbage printed something that is not a PDF \(exit code 0\)/],
      ['browser-empty', ': > "$out"', /printed something that is not a PDF/],
    ];
    for (const [name, body, message] of failures) {
      const browser = fakeBrowser(name, body);
      await assert.rejects(exportNarrative(request('pdf', output, { browser, replace: true })), (e: Error) => e instanceof UserError && message.test(e.message), name);
      assert.equal(readFileSync(output, 'utf8'), 'the good old PDF', name);
      assert.deepEqual(outputs().sort(), ['talk.pdf', 'tmp'], name);
      assert.deepEqual(readdirSync(temp), [], name);
    }
  });

  it('stops the browser when cancelled, writes nothing and removes its temporary files', async () => {
    const pidFile = join(dir, 'browser-pid');
    const browser = fakeBrowser('browser-slow', `echo $$ > "${pidFile}"; exec sleep 60`);
    const controller = new AbortController();
    const exporting = exportNarrative(request('pdf', join(dir, 'talk.pdf'), { browser, signal: controller.signal }));
    while (!existsSync(pidFile) || readFileSync(pidFile, 'utf8').trim() === '') await new Promise((r) => setTimeout(r, 20));
    const pid = Number(readFileSync(pidFile, 'utf8'));
    controller.abort(new Error('cancelled by the test'));
    await assert.rejects(exporting, /cancelled by the test/);
    assert.throws(() => process.kill(pid, 0), { code: 'ESRCH' }, 'the browser was stopped');
    assert.deepEqual(outputs(), ['tmp']);
    assert.deepEqual(readdirSync(temp), []);
  });

  it('names a browser that is not there in one line and writes nothing', async () => {
    await assert.rejects(
      exportNarrative(request('pdf', join(dir, 'talk.pdf'), { browser: join(dir, 'no-such-browser') })),
      (e: Error) => e instanceof UserError && /cannot be run: no such file\..*storydeck\.export\.browserPath/.test(e.message),
    );
    assert.deepEqual(outputs(), ['tmp']);
    assert.deepEqual(readdirSync(temp), []);
  });

  it('gives up on a browser that never finishes, and stops it', async () => {
    const pidFile = join(dir, 'browser-pid');
    const browser = fakeBrowser('browser-stuck', `echo $$ > "${pidFile}"; exec sleep 60`);
    await assert.rejects(
      printPdf('<!DOCTYPE html>', { browser, timeoutMs: 1500 }),
      (e: Error) => e instanceof SourceUserError && /^The browser at .*browser-stuck did not finish printing the PDF within 1\.5 s\.$/.test(e.message),
    );
    // On a very busy machine the script may not have got as far as writing its pid.
    if (existsSync(pidFile)) assert.throws(() => process.kill(Number(readFileSync(pidFile, 'utf8')), 0), { code: 'ESRCH' }, 'the browser was stopped');
    assert.deepEqual(readdirSync(temp), []);
  });
});
