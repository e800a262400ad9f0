import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isInside, MAX_READ_BYTES, projectRoot, readLocalFile, ReadRefused, resolveInRoot } from '../../../src/node/fileAccess';

describe('file access', () => {
  let dir: string;
  let root: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'storydeck-files-'));
    root = join(dir, 'repo');
    mkdirSync(join(root, 'talks'), { recursive: true });
    writeFileSync(join(root, 'talks', 'in.png'), 'inside');
    writeFileSync(join(dir, 'secret.png'), 'SECRET');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const refusal = (path: string, scope: Parameters<typeof readLocalFile>[1]) => {
    try {
      readLocalFile(path, scope);
    } catch (e) {
      if (e instanceof ReadRefused) return { message: e.message, real: e.real, outside: e.outside };
      throw e;
    }
    assert.fail(`${path} was read`);
  };

  it('reads a file inside the root, also when the root or the file is reached through a link', () => {
    symlinkSync(root, join(dir, 'link-to-repo'));
    symlinkSync('in.png', join(root, 'talks', 'alias.png'));
    assert.equal(readLocalFile(join(root, 'talks', 'in.png'), { root }).toString(), 'inside');
    assert.equal(readLocalFile(join(dir, 'link-to-repo', 'talks', 'alias.png'), { root: join(dir, 'link-to-repo') }).toString(), 'inside');
    assert.equal(readLocalFile(join(root, 'talks', 'in.png'), { root: join(dir, 'link-to-repo') }).toString(), 'inside');
  });

  it('refuses a file outside the root, by path or through a link, naming where it really is', () => {
    symlinkSync(join(dir, 'secret.png'), join(root, 'talks', 'logo.png'));
    const real = realpathSync(join(dir, 'secret.png'));
    for (const path of [join(root, 'talks', 'logo.png'), join(root, '..', 'secret.png'), join(dir, 'secret.png')]) {
      assert.deepEqual(refusal(path, { root }), { message: `is outside ${root}`, real, outside: true }, path);
    }
    // A sibling whose name starts with the root's is not inside it.
    writeFileSync(`${root}-other.png`, 'x');
    assert.equal(refusal(`${root}-other.png`, { root }).outside, true);
    assert.equal(readLocalFile(join(root, 'talks', 'logo.png')).toString(), 'SECRET', 'without a root, any regular file');
  });

  it('refuses devices and FIFOs from the opened file, without blocking or reading them', function () {
    if (process.platform === 'win32') this.skip();
    const fifo = join(root, 'talks', 'pipe.png');
    execFileSync('mkfifo', [fifo]);
    symlinkSync('/dev/zero', join(root, 'talks', 'zero.png'));
    for (const path of [fifo, join(root, 'talks', 'zero.png'), '/dev/null']) {
      assert.match(refusal(path, {}).message, /^is not a regular file \(a device, FIFO or socket\)$/, path);
    }
  });

  it('refuses a file over the size limit, by its size or by what it yields', function () {
    const big = join(root, 'talks', 'big.png');
    writeFileSync(big, '');
    truncateSync(big, MAX_READ_BYTES + 1);
    assert.deepEqual(refusal(big, { root }), { message: 'is larger than 20 MiB, the most StoryDeck reads', real: realpathSync(big), outside: false });
    truncateSync(big, MAX_READ_BYTES);
    assert.equal(readLocalFile(big, { root }).length, MAX_READ_BYTES, 'exactly the limit is read');
    // Files in /proc report a size of 0 and yield more: the read stops after limit + 1 bytes.
    if (process.platform !== 'linux') this.skip();
    assert.equal(refusal('/proc/self/maps', { maxBytes: 16 }).message, 'is larger than 16 bytes, the most StoryDeck reads');
  });

  it("passes the file system's own error for a file that is not there", () => {
    assert.throws(() => readLocalFile(join(root, 'missing.png'), { root }), { code: 'ENOENT' });
  });

  it('tells whether a path, existing or not, is inside a folder once links are resolved', () => {
    symlinkSync(dir, join(root, 'escape'));
    symlinkSync(root, join(dir, 'link-to-repo'));
    assert.equal(isInside(root, join(root, 'exports', 'new', 'deeper')), true);
    assert.equal(isInside(root, root), true);
    assert.equal(isInside(join(dir, 'link-to-repo'), join(root, 'exports')), true);
    assert.equal(isInside(root, join(root, '..', 'elsewhere')), false);
    assert.equal(isInside(root, join(root, 'escape', 'exports')), false, 'a link inside the folder that leads out of it');
    assert.equal(isInside(root, '/'), false);
  });

  it('finds the repository a narrative is in, else takes its folder', () => {
    assert.equal(projectRoot(join(root, 'talks', 'talk.md')), join(root, 'talks'));
    mkdirSync(join(root, '.git'));
    assert.equal(projectRoot(join(root, 'talks', 'talk.md')), root);
    rmSync(join(root, '.git'), { recursive: true });
    writeFileSync(join(root, '.git'), 'gitdir: /elsewhere/.git/worktrees/repo\n');
    assert.equal(projectRoot(join(root, 'talks', 'talk.md')), root, "a worktree's .git file counts");
  });

  it('resolves paths for a caller confined to a root, refusing what leaves it through .., absolute paths or links', () => {
    symlinkSync(dir, join(root, 'up'));
    symlinkSync(join(root, 'talks'), join(dir, 'linked-root'));
    assert.equal(resolveInRoot(root, 'talks/in.png'), join(root, 'talks', 'in.png'));
    assert.equal(resolveInRoot(root, 'talks/new/deck.md'), join(root, 'talks', 'new', 'deck.md'), 'a file still to be written is judged by its folder');
    assert.equal(resolveInRoot(join(dir, 'linked-root'), 'in.png'), join(dir, 'linked-root', 'in.png'), 'a root reached through a link keeps its files');
    for (const outside of ['../secret.png', join(dir, 'secret.png'), 'up/secret.png', 'up/repo/../secret.png', 'talks/../../secret.png']) {
      assert.equal(resolveInRoot(root, outside), undefined, outside);
    }
  });

  it('judges a path of many names that do not exist in time linear in its length, without overflowing the stack', () => {
    const time = (names: number) => {
      const start = performance.now();
      assert.equal(resolveInRoot(root, `${'a/'.repeat(names)}x.md`), join(root, ...Array<string>(names).fill('a'), 'x.md'));
      assert.equal(resolveInRoot(root, `${'a/'.repeat(names)}${'../'.repeat(names + 1)}../secret.png`), undefined);
      return performance.now() - start;
    };
    time(200);
    // The best of three of each: a garbage collection or a busy machine can stretch one run (a CI-like run with another job
    // on the second core took 94 ms for 20,000 names once). Linear is 10 times as long; quadratic, 100 times.
    const best = (names: number) => Math.min(time(names), time(names), time(names));
    const small = best(2000);
    const large = best(20000);
    assert.ok(large < 20 * small + 50, `2,000 names: ${small.toFixed(1)} ms; 20,000: ${large.toFixed(1)} ms`);
  });
});
