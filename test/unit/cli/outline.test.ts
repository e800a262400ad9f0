import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => (stdout += t + '\n'), err: (t) => (stderr += t + '\n'), cwd: process.cwd() });
  return { code, stdout, stderr };
}

describe('storydeck outline', () => {
  it('prints the JSON outline contract', async () => {
    const { code, stdout } = await run('outline', 'examples/town-hall.md', '--format', 'json');
    assert.equal(code, 0);
    const outline = JSON.parse(stdout);
    assert.deepEqual(Object.keys(outline), ['title', 'kind', 'frontMatter', 'estimatedSeconds', 'slides']);
    assert.deepEqual(outline.kind, { id: 'pitch', source: 'default' });
    assert.deepEqual(Object.keys(outline.slides[0]), ['index', 'line', 'endLine', 'title', 'beats', 'notes', 'words', 'estimatedSeconds']);
    assert.equal(outline.slides[0].index, 1);
    assert.equal(outline.estimatedSeconds, outline.slides.reduce((s: number, x: { estimatedSeconds: number }) => s + x.estimatedSeconds, 0));
  });

  it('prints a readable text outline', async () => {
    const { code, stdout } = await run('outline', 'examples/town-hall.md');
    assert.equal(code, 0);
    assert.match(stdout, /10 slides/);
    assert.match(stdout, /Meet Maria\s+\(pain\)/);
    assert.match(stdout, /^Read as: pitch \(default\)$/m);
  });

  it('says which kind it read from the title or headings, and why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-outline-'));
    try {
      writeFileSync(join(dir, 'rfc.md'), '# Typecheck cache\n\n## Motivation\n\nBuilds are slow.\n\n## Alternatives considered\n\nNone.\n');
      const { code, stdout } = await run('outline', join(dir, 'rfc.md'));
      assert.equal(code, 0);
      assert.match(stdout, /^Read as: proposal \(read from the headings “Motivation”, “Alternatives considered”; set `kind:` to change\)$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with one clear line for a missing file, bad format or unknown option', async () => {
    for (const argv of [
      ['outline', 'nope.md'],
      ['outline', 'examples/town-hall.md', '--format', 'xml'],
      ['outline', 'examples/town-hall.md', '--bogus'],
      ['outline'],
      ['frobnicate'],
    ]) {
      const { code, stderr } = await run(...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.equal(stderr.trim().split('\n').length, 1, `one line for ${argv.join(' ')}: ${stderr}`);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('runs as the built bin with a shebang', function () {
    const result = spawnSync(process.execPath, ['dist/cli.js', 'outline', 'examples/town-hall.md', '--format', 'json'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).slides.length, 10);
  });
});
