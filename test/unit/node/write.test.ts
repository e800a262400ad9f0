import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileExistsError, UserError } from '../../../src/node/errors';
import { isSameFile, writeAtomically } from '../../../src/node/write';

describe('writeAtomically', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'storydeck-write-'));
  });

  it('replaces through a symbolic link: the file it points at gets the text, the link stays a link', () => {
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'talk.md'), 'old');
    symlinkSync('real/talk.md', join(dir, 'talk.md'));
    writeAtomically(join(dir, 'talk.md'), 'new', { replace: true });
    assert.ok(lstatSync(join(dir, 'talk.md')).isSymbolicLink());
    assert.equal(readFileSync(join(dir, 'real', 'talk.md'), 'utf8'), 'new');
    assert.deepEqual(readdirSync(join(dir, 'real')), ['talk.md'], 'no temporary file left next to the target');
    assert.deepEqual(readdirSync(dir).sort(), ['real', 'talk.md']);
    symlinkSync('nowhere.md', join(dir, 'dangling.md'));
    for (const link of ['talk.md', 'dangling.md']) assert.throws(() => writeAtomically(join(dir, link), 'newer', { replace: false }), FileExistsError, `without replace, ${link} is an existing file`);
    assert.equal(readFileSync(join(dir, 'real', 'talk.md'), 'utf8'), 'new');
    assert.deepEqual(readdirSync(dir).sort(), ['dangling.md', 'real', 'talk.md']);
  });

  it('keeps the permissions of the file it replaces, exactly (0600 stays private, 0666 is not narrowed by the umask)', () => {
    for (const mode of [0o600, 0o666, 0o640]) {
      const file = join(dir, `talk-${mode.toString(8)}.md`);
      writeFileSync(file, 'old');
      chmodSync(file, mode);
      writeAtomically(file, 'new', { replace: true });
      assert.equal(statSync(file).mode & 0o777, mode, mode.toString(8));
      assert.equal(readFileSync(file, 'utf8'), 'new');
    }
  });

  it('rewrites a file with other hard links in place, so every name shows the new text', () => {
    writeFileSync(join(dir, 'talk.md'), 'the old text, longer than the new');
    linkSync(join(dir, 'talk.md'), join(dir, 'backup.md'));
    const inode = statSync(join(dir, 'talk.md')).ino;
    writeAtomically(join(dir, 'talk.md'), 'new', { replace: true });
    assert.equal(readFileSync(join(dir, 'backup.md'), 'utf8'), 'new');
    assert.equal(statSync(join(dir, 'talk.md')).ino, inode);
    assert.equal(statSync(join(dir, 'talk.md')).nlink, 2);
  });

  it('never replaces what is not a regular file, and says what is wrong in one line', () => {
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    symlinkSync('nowhere.md', join(dir, 'dangling.md'));
    writeFileSync(join(dir, 'talk.md'), 'a file');
    const refused: [string, string][] = [
      [join(dir, 'pipe'), 'pipe is not a regular file (a device, a pipe or a socket); give a file name.'],
      [join(dir, 'dangling.md'), 'cannot write dangling.md: it is a symbolic link to nowhere.md, which does not exist.'],
      [join(dir, 'talk.md', 'x.html'), 'cannot write talk.md/x.html: a part of the path is a file, not a folder.'],
    ];
    for (const [target, message] of refused) {
      const shown = target.slice(dir.length + 1);
      assert.throws(
        () => writeAtomically(target, 'new', { replace: true, shown }),
        (e: unknown) => e instanceof UserError && e.message === message,
        shown,
      );
    }
    assert.ok(lstatSync(join(dir, 'pipe')).isFIFO(), 'the pipe is still a pipe');
    assert.ok(lstatSync(join(dir, 'dangling.md')).isSymbolicLink());
    assert.deepEqual(readdirSync(dir).sort(), ['dangling.md', 'pipe', 'talk.md']);
  });

  it('tells the same file apart through links', () => {
    writeFileSync(join(dir, 'talk.md'), 'x');
    symlinkSync('.', join(dir, 'same'));
    linkSync(join(dir, 'talk.md'), join(dir, 'hard.md'));
    writeFileSync(join(dir, 'other.md'), 'x');
    assert.equal(isSameFile(join(dir, 'talk.md'), join(dir, 'same', 'talk.md')), true);
    assert.equal(isSameFile(join(dir, 'talk.md'), join(dir, 'hard.md')), true);
    assert.equal(isSameFile(join(dir, 'talk.md'), join(dir, 'other.md')), false);
    assert.equal(isSameFile(join(dir, 'talk.md'), join(dir, 'missing.md')), false);
  });
});
