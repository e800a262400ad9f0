import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli as run } from './run';

describe("the CLI writes through to the user's files", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'storydeck-cli-write-'));
  });

  it('lint --fix fixes the file a symlinked narrative points at, and keeps it private', async () => {
    mkdirSync(join(dir, 'drafts'));
    writeFileSync(join(dir, 'drafts', 'talk.md'), '# Introducing X\n\nWe are building a new app for synergy.\n');
    chmodSync(join(dir, 'drafts', 'talk.md'), 0o600);
    symlinkSync('drafts/talk.md', join(dir, 'talk.md'));
    writeFileSync(join(dir, '.storydeck.yaml'), 'declarative:\n  - id: plain-words\n    type: substitution\n    swap:\n      synergy: working together\n');
    await run(dir, 'lint', 'talk.md', '--fix');
    assert.ok(lstatSync(join(dir, 'talk.md')).isSymbolicLink(), 'the narrative is still a link');
    assert.match(readFileSync(join(dir, 'drafts', 'talk.md'), 'utf8'), /for working together\./, 'the file it points at was fixed');
    assert.equal(statSync(join(dir, 'drafts', 'talk.md')).mode & 0o777, 0o600);
  });

  it('lint --fix does not write out of the repository through a narrative that is a link it holds; the file named itself is fixed', async () => {
    const repo = join(dir, 'repo');
    const outside = join(dir, 'home');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(outside);
    const original = '# Introducing X\n\nWe are building a new app for synergy.\n';
    writeFileSync(join(outside, 'notes.md'), original);
    writeFileSync(join(repo, '.storydeck.yaml'), 'declarative:\n  - id: plain-words\n    type: substitution\n    swap:\n      synergy: working together\n');
    // The repository plants a narrative that links to a file of the user's: `storydeck lint --fix docs/*.md` names it.
    mkdirSync(join(repo, 'docs'));
    symlinkSync(join(outside, 'notes.md'), join(repo, 'docs', 'talk.md'));
    const { code, stderr } = await run(repo, 'lint', 'docs/talk.md', '--fix');
    assert.equal(code, 2);
    assert.equal(
      stderr,
      `storydeck lint: docs/talk.md leads out of ${repo} through a symbolic link, to ${join(outside, 'notes.md')}; StoryDeck does not write outside the project through a link it holds. To write there, name that file itself.\n`,
    );
    assert.equal(readFileSync(join(outside, 'notes.md'), 'utf8'), original, 'the file the link points at is untouched');
    // Linted without --fix, it is read as before; named itself, it is fixed.
    assert.equal((await run(repo, 'lint', 'docs/talk.md')).code, 0);
    await run(repo, 'lint', join(outside, 'notes.md'), '--fix', '--config', join(repo, '.storydeck.yaml'));
    assert.match(readFileSync(join(outside, 'notes.md'), 'utf8'), /for working together\./);
  });

  it('export refuses an output that is the narrative through a linked folder', async () => {
    writeFileSync(join(dir, 'talk.md'), '# Why\n\nBecause.\n');
    symlinkSync('.', join(dir, 'same'));
    const { code, stderr } = await run(dir, 'export', 'talk.md', '--to', 'html', '-o', 'same/talk.md', '--force');
    assert.equal(code, 2);
    assert.equal(stderr, 'storydeck export: the output same/talk.md would replace the narrative itself; choose another with -o.\n');
    assert.equal(readFileSync(join(dir, 'talk.md'), 'utf8'), '# Why\n\nBecause.\n');
  });

  it('export and new do not write out of the repository through a link it holds, with --force or not; a path named outside is the user’s choice', async () => {
    const repo = join(dir, 'repo');
    const outside = join(dir, 'home');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(repo, 'talk.md'), '# Why\n\nBecause.\n');
    writeFileSync(join(outside, '.bashrc'), 'export PATH=/usr/bin\n');
    // The repository plants the default output as a link to a file of the user's, and a folder that leads out.
    symlinkSync(join(outside, '.bashrc'), join(repo, 'talk.html'));
    symlinkSync(outside, join(repo, 'exports'));
    for (const argv of [['--force'], ['-o', 'exports/new.html'], ['-o', 'exports/new.html', '--force'], ['-o', 'exports/.bashrc', '--force']]) {
      const { code, stderr } = await run(repo, 'export', 'talk.md', '--to', 'html', ...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, new RegExp(`leads out of ${repo} through a symbolic link, to ${outside}/(?:\\.bashrc|new\\.html); StoryDeck does not write outside the project`), stderr);
    }
    // storydeck new -o, the same.
    symlinkSync(join(outside, '.bashrc'), join(repo, 'new.md'));
    for (const output of ['new.md', 'exports/fresh.md']) {
      const { code, stderr } = await run(repo, 'new', '--template', 'town-hall', '--set', 'title=Q3', '-o', output, '--force');
      assert.equal(code, 2, output);
      assert.match(stderr, /leads out of .* through a symbolic link, to .*; StoryDeck does not write outside the project/, stderr);
    }
    assert.equal(readFileSync(join(outside, '.bashrc'), 'utf8'), 'export PATH=/usr/bin\n', 'the file the link points at is untouched');
    assert.deepEqual(readdirSync(outside), ['.bashrc'], 'nothing was created through the linked folder');
    // Named outside the repository by the user: written there.
    const named = spawnSync(process.execPath, [resolve('dist/cli.js'), 'export', 'talk.md', '--to', 'html', '-o', join(outside, 'talk.html')], { cwd: repo, encoding: 'utf8' });
    assert.equal(named.status, 0, named.stderr);
    assert.ok(statSync(join(outside, 'talk.html')).isFile());
  });

  it('export says in one line that a folder on the output path is a file', () => {
    writeFileSync(join(dir, 'talk.md'), '# Why\n\nBecause.\n');
    const result = spawnSync(process.execPath, [resolve('dist/cli.js'), 'export', 'talk.md', '--to', 'html', '-o', 'talk.md/x.html'], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, 2);
    // The "Not ready yet" warning about this draft comes first, before the export starts; the failure is one line.
    assert.equal(result.stderr.replace(/^talk\.md: Not ready yet: .*\n/, ''), 'storydeck export: cannot write talk.md/x.html: a part of the path is a file, not a folder.\n');
    assert.deepEqual(readdirSync(dir), ['talk.md']);
  });
});
