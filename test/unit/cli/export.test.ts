import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { main } from '../../../src/cli/main';
import { HTML_NOT_MEASURED } from '../../../src/cli/commands/export';
import { BUILTIN_RULES } from '../../../src/core/lint';

// Exporting inlines the player that esbuild embeds in dist/cli.js, so exports run the built bin;
// usage errors, found before anything is exported, run in process.
const cli = resolve('dist/cli.js');

function run(cwd: string, ...argv: string[]) {
  const result = spawnSync(process.execPath, [cli, 'export', ...argv], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function runInProcess(cwd: string, ...argv: string[]) {
  let stderr = '';
  const code = await main(['export', ...argv], { out: () => undefined, err: (t) => (stderr += t + '\n'), cwd });
  return { code, stderr };
}

/** Stderr's lines about the export itself: the "Not ready yet" line before it (tested on its own below) left out. */
const exportWarnings = (stderr: string) =>
  stderr
    .trim()
    .split('\n')
    .filter((line) => !/: Not ready yet: /.test(line));

/** A 1×1 PNG. */
const DOT = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('storydeck export', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'storydeck-export-'));
    writeFileSync(join(dir, 'talk.md'), readFileSync('examples/town-hall.md'));
  });

  it('writes one HTML file next to the source by default', () => {
    const { code, stdout, stderr } = run(dir, 'talk.md', '--to', 'html');
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    assert.match(stdout, /^Exported 10 slides to talk\.html \(\d+ KiB\)\.\n/);
    assert.equal(stdout.split('\n')[1], HTML_NOT_MEASURED, 'an HTML export says that it measured no overflow');
    assert.match(HTML_NOT_MEASURED, /--to pdf.*slide-overflow/);
    const html = readFileSync(join(dir, 'talk.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.equal(JSON.parse(/<script type="application\/json" id="storydeck-deck">([^]*?)<\/script>/.exec(html)![1]).slides.length, 10);
    assert.deepEqual(readdirSync(dir).sort(), ['talk.html', 'talk.md'], 'no temporary file left behind');
  });

  it('says where the export went in one line, when it is named after a narrative whose file name holds a line break', () => {
    const name = 'talk\n0 findings.md';
    writeFileSync(join(dir, name), '# Why we exist\n\nNurses lose an hour a shift.\n');
    const { code, stdout, stderr } = run(dir, name, '--to', 'html');
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Exported 1 slide to talk\\u000a0 findings\.html \(\d+ KiB\)\.$/m, stdout);
    assert.doesNotMatch(stdout, /^0 findings/m, 'no line of the file name’s own');
  });

  it('says what is not ready before exporting (open findings by severity, TODOs on slides), and exports anyway', () => {
    writeFileSync(
      join(dir, 'draft.md'),
      // A pitch by its front matter: the beats it misses are warnings, not the questions of a kind nobody named.
      '---\nkind: pitch\n---\n\n# Handoffs that do not drop patients\n\nTODO: the belief behind this work.\n\n---\n\n## What we need\n\nTODO: the ask, its owner and the date. And one more TODO here.\n\n<!-- TODO in a note is not on a slide -->\n',
    );
    const { code, stdout, stderr } = run(dir, 'draft.md', '--to', 'html');
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Exported 2 slides to draft\.html/);
    const line = stderr.split('\n')[0];
    const open = /^draft\.md: Not ready yet: (\d+) open findings \(([^)]*)\) and 3 TODO placeholders \(slides 1 and 2\)\. Exporting anyway\.$/.exec(line);
    assert.ok(open, line);
    // The count is what `storydeck lint` reports for the same file.
    const lint = spawnSync(process.execPath, [cli, 'lint', 'draft.md', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    const findings = JSON.parse(lint.stdout) as Array<{ severity: string }>;
    assert.equal(Number(open[1]), findings.length);
    assert.equal(open[2], `${findings.length} warnings`);
    assert.ok(existsSync(join(dir, 'draft.html')));
  });

  it('counts the findings with the narrative’s own config, and says nothing when all is ready', () => {
    writeFileSync(join(dir, 'ready.md'), '# Handoffs that do not drop patients\n\nNurses lose ten minutes a shift.\n');
    writeFileSync(join(dir, '.storydeck.json'), JSON.stringify({ rules: Object.fromEntries(BUILTIN_RULES.map((rule) => [rule.id, false])) }));
    const { code, stderr } = run(dir, 'ready.md', '--to', 'html');
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
  });

  it('says which slides PowerPoint sets in smaller text to fit, and only those', () => {
    const bullets = Array.from({ length: 14 }, (_, i) => `- Point ${i + 1}: handoff notes open on the ward tablet next to the patient list`).join('\n');
    writeFileSync(join(dir, 'long.md'), `# Short\n\nOne line.\n\n---\n\n## Long\n\n${bullets}\n`);
    const { code, stderr } = run(dir, 'long.md', '--to', 'pptx');
    assert.equal(code, 0, stderr);
    assert.deepEqual(
      exportWarnings(stderr).map((line) => line.replace(/\(\d+%\)/, '(N%)')),
      ["long.md: the text of slide 2 (N%) is set smaller than the theme's to fit the PowerPoint page; split it or move detail to the speaker notes to keep the text at full size."],
    );
  });

  it('writes an editable PowerPoint with --to pptx, local images included', async () => {
    mkdirSync(join(dir, 'img'));
    writeFileSync(join(dir, 'img', 'dot.png'), DOT);
    writeFileSync(join(dir, 'talk.md'), `${readFileSync(join(dir, 'talk.md'), 'utf8')}\n---\n\n## A picture\n\n![dot](img/dot.png)\n`);
    const { code, stdout, stderr } = run(dir, 'talk.md', '--to', 'pptx');
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Exported 11 slides to talk\.pptx \(\d+ KiB\)\.\n$/);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'talk.pptx')));
    assert.equal(Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).length, 11);
    const media = Object.keys(zip.files).filter((f) => f.startsWith('ppt/media/') && !zip.files[f].dir);
    assert.equal(media.length, 1);
    assert.deepEqual(Buffer.from(await zip.file(media[0])!.async('uint8array')), DOT);
    assert.deepEqual(readdirSync(dir).sort(), ['img', 'talk.md', 'talk.pptx']);
    // Sections in PowerPoint's slide pane read as the talk does: each named after its first slide.
    const sections = [...(await zip.file('ppt/presentation.xml')!.async('string')).matchAll(/<p14:section name="([^"]*)"/g)].map(([, name]) => name);
    assert.deepEqual(sections.slice(0, 4), ['Handoffs that don&apos;t drop patients', 'Why we exist', 'Meet Maria', 'What changes for Maria']);
  });

  describe('a custom theme from the themes: list of .storydeck.yaml', () => {
    const ACME = ':root {\n  --sd-bg: #fff4e6;\n  --sd-fg: #3b2300;\n  --sd-heading: #e8590c;\n  --sd-accent: #ff6600;\n  --sd-font: Georgia, serif;\n}\n';
    beforeEach(() => {
      mkdirSync(join(dir, 'themes'));
      writeFileSync(join(dir, 'themes', 'acme.css'), ACME);
      writeFileSync(join(dir, '.storydeck.yaml'), 'themes:\n  - themes/acme.css\n');
      writeFileSync(join(dir, 'acme.md'), '---\ntheme: acme\n---\n\n# Acme all hands\n\nWhy we are here.\n');
    });

    it('styles the HTML export, as the preview does', () => {
      const { code, stderr } = run(dir, 'acme.md', '--to', 'html');
      assert.equal(code, 0, stderr);
      assert.deepEqual(exportWarnings(stderr), []);
      const html = readFileSync(join(dir, 'acme.html'), 'utf8');
      assert.ok(html.includes('--sd-accent: #ff6600;'), 'the acme style sheet is inlined');
      assert.ok(!html.includes('--sd-accent: #2563eb;'), 'not the light theme');
    });

    it('colours the PowerPoint file with the same style sheet', async () => {
      const { code, stderr } = run(dir, 'acme.md', '--to', 'pptx');
      assert.equal(code, 0, stderr);
      const zip = await JSZip.loadAsync(readFileSync(join(dir, 'acme.pptx')));
      const master = await zip.file('ppt/slideLayouts/slideLayout2.xml')!.async('string');
      assert.match(master, /<a:srgbClr val="FFF4E6"/, 'the acme background');
    });

    it('exports a narrative whose theme it does not have in light, and says so', () => {
      writeFileSync(join(dir, 'neon.md'), '---\ntheme: neon\n---\n\n# Neon\n\nText.\n');
      const { code, stderr } = run(dir, 'neon.md', '--to', 'html');
      assert.equal(code, 0, stderr);
      assert.equal(
        exportWarnings(stderr).join('\n') + '\n',
        'neon.md: theme "neon" is not a StoryDeck theme (light, dark, corporate, acme), so the export uses light. To use your own, list its CSS file under themes: in .storydeck.yaml.\n',
      );
      assert.ok(readFileSync(join(dir, 'neon.html'), 'utf8').includes('--sd-accent: #2563eb;'));
    });

    it('takes the custom name on --theme, and names every theme when --theme is unknown', () => {
      writeFileSync(join(dir, 'plain.md'), '# Plain\n\nNo theme named.\n');
      const { code, stderr } = run(dir, 'plain.md', '--to', 'html', '--theme', 'acme');
      assert.equal(code, 0, stderr);
      assert.ok(readFileSync(join(dir, 'plain.html'), 'utf8').includes('--sd-accent: #ff6600;'));
      const unknown = run(dir, 'plain.md', '--to', 'html', '--theme', 'neon', '--force');
      assert.equal(unknown.code, 2);
      assert.equal(unknown.stderr, 'storydeck export: --theme must be one of light, dark, corporate, acme (got "neon").\n');
    });
  });

  it('refuses to replace an existing file without --force, and leaves it untouched', () => {
    const out = join(dir, 'out.html');
    writeFileSync(out, 'precious');
    const refused = run(dir, 'talk.md', '--to', 'html', '-o', 'out.html');
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, 'storydeck export: out.html already exists; use --force to replace it.\n');
    assert.equal(readFileSync(out, 'utf8'), 'precious');

    const forced = run(dir, 'talk.md', '--to', 'html', '-o', 'out.html', '--force', '--theme', 'dark');
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(readFileSync(out, 'utf8'), /--sd-bg: #11161d/, 'the dark theme');

    const unwritable = run(dir, 'talk.md', '--to', 'html', '-o', 'no/such/dir/out.html');
    assert.equal(unwritable.code, 2);
    assert.match(unwritable.stderr, /^storydeck export: cannot write .*out\.html: the folder .*no\/such\/dir does not exist\.\n$/);
    assert.deepEqual(readdirSync(dir).sort(), ['out.html', 'talk.md']);
  });

  it('inlines local images as data URIs and warns about the ones it cannot include', () => {
    mkdirSync(join(dir, 'img'));
    writeFileSync(join(dir, 'img', 'a dot.png'), DOT);
    writeFileSync(
      join(dir, 'pics.md'),
      '# Pictures\n\n![dot](<img/a dot.png>) ![again](img/a%20dot.png) ![gone](missing.png) ![remote](https://example.com/x.png) ![text](notes.txt)\n\n<!-- guide: SECRET-GUIDANCE -->\n<!-- storydeck-disable why-before-what -->\n',
    );
    const { code, stderr } = run(dir, 'pics.md', '--to', 'html');
    assert.equal(code, 0, stderr);
    const warnings = exportWarnings(stderr);
    assert.equal(warnings.length, 3, stderr);
    assert.match(warnings[0], /^pics\.md: image missing\.png \(missing\.png\) cannot be read: no such file\. Exported without it\.$/);
    assert.match(warnings[1], /^pics\.md: image https:\/\/example\.com\/x\.png is not on this computer/);
    assert.match(warnings[2], /^pics\.md: image notes\.txt is not a PNG, JPEG, GIF, WebP, AVIF or SVG file/);
    const html = readFileSync(join(dir, 'pics.html'), 'utf8');
    assert.equal(html.split(`data:image/png;base64,${DOT.toString('base64')}`).length - 1, 2);
    assert.doesNotMatch(html, /SECRET-GUIDANCE|storydeck-disable|https:\/\/example\.com/);
  });

  it('reads pictures only from the repository the narrative is in, links resolved; --allow-local-files reads any', async () => {
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'talks'));
    mkdirSync(join(repo, 'shared'));
    writeFileSync(join(repo, 'shared', 'dot.png'), DOT);
    const secret = Buffer.concat([DOT, Buffer.from('SECRET')]);
    writeFileSync(join(dir, 'secret.png'), secret);
    symlinkSync(join(dir, 'secret.png'), join(repo, 'talks', 'logo.png'));
    writeFileSync(join(repo, 'talks', 'pics.md'), '# Pictures\n\n![shared](../shared/dot.png) ![logo](logo.png) ![up](../../secret.png) ![encoded](..%2F..%2Fsecret.png)\n\n---\n\n# Two\n');
    const cwd = join(repo, 'talks');
    for (const format of ['html', 'pptx']) {
      const { code, stderr } = run(cwd, 'pics.md', '--to', format);
      assert.equal(code, 0, stderr);
      assert.deepEqual(
        exportWarnings(stderr),
        ['logo.png', '../../secret.png', '..%2F..%2Fsecret.png'].map(
          (src) => `pics.md: image ${src} (${realpathSync(join(dir, 'secret.png'))}) is outside ${repo}; exported without it. To include it, run again with --allow-local-files.`,
        ),
        format,
      );
    }
    const html = readFileSync(join(cwd, 'pics.html'), 'utf8');
    assert.ok(!html.includes(secret.toString('base64')));
    assert.ok(html.includes(DOT.toString('base64')), 'a picture elsewhere in the repository is in');
    const zip = await JSZip.loadAsync(readFileSync(join(cwd, 'pics.pptx')));
    assert.equal(Object.keys(zip.files).filter((f) => f.startsWith('ppt/media/') && !zip.files[f].dir).length, 1);

    const allowed = run(cwd, 'pics.md', '--to', 'html', '--allow-local-files', '--force');
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.deepEqual(exportWarnings(allowed.stderr), []);
    assert.equal(readFileSync(join(cwd, 'pics.html'), 'utf8').split(secret.toString('base64')).length - 1, 3);
  });

  it('leaves out a device or a FIFO named as a picture, at once and without reading it, even with --allow-local-files', function () {
    if (process.platform === 'win32') this.skip();
    symlinkSync('/dev/zero', join(dir, 'zero.png'));
    execFileSync('mkfifo', [join(dir, 'pipe.png')]);
    writeFileSync(join(dir, 'dev.md'), '# Devices\n\n![zero](zero.png) ![pipe](pipe.png)\n');
    for (const flags of [[], ['--allow-local-files']]) {
      // Before the fix, /dev/zero filled memory (3-4 GB) until the CLI crashed, and the FIFO waited for a
      // writer forever: a 2 GB memory ceiling and a timeout keep such a regression from taking the machine.
      const limited = ['-c', 'ulimit -v 2000000 && exec "$0" "$@"', process.execPath, cli, 'export', 'dev.md', '--to', 'html', '--force', ...flags];
      const result = spawnSync('/bin/sh', limited, { cwd: dir, encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
      assert.equal(result.status, 0, `${flags.join(' ')}: ${result.signal ?? ''} ${result.stderr}`);
      const warnings = exportWarnings(result.stderr);
      assert.match(
        warnings[0],
        flags.length ? /^dev\.md: image zero\.png \(\/dev\/zero\) is not a regular file \(a device, FIFO or socket\); exported without it\.$/ : /^dev\.md: image zero\.png \(\/dev\/zero\) is outside /,
      );
      assert.match(warnings[1], /^dev\.md: image pipe\.png \(.*pipe\.png\) is not a regular file \(a device, FIFO or socket\); exported without it\.$/);
      assert.equal(warnings.length, 2, result.stderr);
    }
  });

  it('stops the browser on Ctrl+C, writes nothing and leaves no temporary file', async () => {
    const temp = join(dir, 'tmp');
    mkdirSync(temp);
    const pidFile = join(dir, 'browser.pid');
    const browser = join(dir, 'browser');
    writeFileSync(browser, `#!/bin/sh\necho $$ > "${pidFile}"\nexec sleep 60\n`);
    chmodSync(browser, 0o755);
    const child = spawn(process.execPath, [cli, 'export', 'talk.md', '--to', 'pdf', '--browser', browser], { cwd: dir, env: { ...process.env, TMPDIR: temp } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((done) => child.on('exit', done));
    while (!existsSync(pidFile) || readFileSync(pidFile, 'utf8').trim() === '') await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    assert.equal(await exited, 2);
    assert.equal(stderr, 'storydeck export: stopped by SIGINT; nothing was written.\n');
    assert.throws(() => process.kill(Number(readFileSync(pidFile, 'utf8')), 0), { code: 'ESRCH' }, 'the browser was stopped');
    assert.deepEqual(readdirSync(temp), []);
    assert.deepEqual(readdirSync(dir).sort(), ['browser', 'browser.pid', 'talk.md', 'tmp']);
  });

  it('exits 2 with one clear line for bad usage, unreadable input and a browser that is not there', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['talk.md', '--to', 'pdf', '--browser', join(dir, 'no-browser')], /The browser at .*no-browser cannot be run: no such file\. .*storydeck\.export\.browserPath.*CHROME_PATH.*--browser PATH/],
      [['talk.md', '--to', 'html', '--browser', '/usr/bin/chromium'], /--browser only applies to --to pdf\./],
      [['talk.md'], /--to must be one of html, pptx, pdf \(got nothing\)/],
      [['talk.md', '--to', 'docx'], /--to must be one of html, pptx, pdf \(got "docx"\)/],
      [['talk.md', '--to', 'html', '--theme', 'neon'], /--theme must be one of light, dark, corporate \(got "neon"\)/],
      [['nope.md', '--to', 'html'], /Cannot read .*nope\.md: no such file\./],
      [['talk.md', '--to', 'html', '-o', 'talk.md', '--force'], /would replace the narrative itself/],
      [['a.md', 'b.md', '--to', 'html'], /exactly one file/],
    ];
    const before = statSync(join(dir, 'talk.md')).mtimeMs;
    for (const [argv, message] of cases) {
      const { code, stderr } = await runInProcess(dir, ...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.equal(stderr.trim().split('\n').length, 1, `one line for ${argv.join(' ')}: ${stderr}`);
      assert.match(stderr, message);
    }
    assert.equal(statSync(join(dir, 'talk.md')).mtimeMs, before);
    assert.deepEqual(readdirSync(dir), ['talk.md']);
  });
  it('--audience keeps only the slides for that audience, and --no-notes leaves the speaker notes out', async () => {
    const marked = `${readFileSync(join(dir, 'talk.md'), 'utf8')}\n---\n\n## Budget detail\n<!-- audience: executives -->\n\nTwo engineers for Q3.\n\n<!-- Pause for questions. -->\n`;
    writeFileSync(join(dir, 'talk.md'), marked);
    const deckOf = (file: string) => JSON.parse(/<script type="application\/json" id="storydeck-deck">([^]*?)<\/script>/.exec(readFileSync(join(dir, file), 'utf8'))![1]);
    let result = run(dir, 'talk.md', '--to', 'html', '-o', 'team.html', '--audience', 'team');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Exported 10 slides to team\.html/);
    result = run(dir, 'talk.md', '--to', 'html', '-o', 'exec.html', '--audience', 'executives');
    assert.equal(result.code, 0, result.stderr);
    const exec = deckOf('exec.html');
    assert.equal(exec.slides.length, 11);
    assert.match(exec.slides[10].notesHtml, /Pause for questions/);
    assert.ok(
      exec.slides.some((s: { notesHtml: string }) => s.notesHtml !== '' && !/Pause/.test(s.notesHtml)),
      'the example has notes of its own',
    );
    result = run(dir, 'talk.md', '--to', 'html', '-o', 'sent.html', '--audience', 'executives', '--no-notes');
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(new Set(deckOf('sent.html').slides.map((s: { notesHtml: string }) => s.notesHtml)), new Set(['']));
    assert.doesNotMatch(readFileSync(join(dir, 'sent.html'), 'utf8'), /Pause for questions/);
    const notesOf = async (file: string) => {
      const zip = await JSZip.loadAsync(readFileSync(join(dir, file)));
      const notes = Object.keys(zip.files).filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f));
      return (await Promise.all(notes.map((f) => zip.file(f)!.async('string')))).join('\n');
    };
    assert.equal(run(dir, 'talk.md', '--to', 'pptx', '-o', 'exec.pptx', '--audience', 'executives').code, 0);
    assert.match(await notesOf('exec.pptx'), /Pause for questions/);
    assert.equal(run(dir, 'talk.md', '--to', 'pptx', '-o', 'sent.pptx', '--audience', 'executives', '--no-notes').code, 0);
    assert.doesNotMatch(await notesOf('sent.pptx'), /Pause for questions|Open with a pause/);
    const bad = await runInProcess(dir, 'talk.md', '--to', 'html', '--audience', '<script>');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--audience must be an audience's name/);
  });
});
