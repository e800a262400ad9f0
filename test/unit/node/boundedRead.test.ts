import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readTextBounded } from '../../../src/node/boundedRead';

describe('readTextBounded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'storydeck-bounded-'));

  it('reads a regular file, through a symbolic link too', () => {
    writeFileSync(join(dir, 'a.yaml'), 'rules: {}\n');
    symlinkSync('a.yaml', join(dir, 'link.yaml'));
    assert.deepEqual(readTextBounded(join(dir, 'a.yaml'), 100), { text: 'rules: {}\n' });
    assert.deepEqual(readTextBounded(join(dir, 'link.yaml'), 100), { text: 'rules: {}\n' });
    assert.deepEqual(readTextBounded(join(dir, 'none.yaml'), 100), { missing: true });
  });

  it('refuses devices, pipes and folders without reading them', () => {
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const notRegular = { problem: 'it is not a regular file (a device, a pipe or a socket).' };
    assert.deepEqual(readTextBounded('/dev/zero', 100), notRegular);
    assert.deepEqual(readTextBounded(join(dir, 'pipe'), 100), notRegular, 'a pipe with no writer: no hang');
    assert.deepEqual(readTextBounded(dir, 100), { problem: 'it is a folder.' });
  });

  it('stops one byte past the limit, even where the reported size is 0 (/proc)', () => {
    writeFileSync(join(dir, 'big'), 'x'.repeat(101));
    assert.deepEqual(readTextBounded(join(dir, 'big'), 100), { problem: 'it is larger than 100 bytes.' });
    assert.deepEqual(readTextBounded(join(dir, 'big'), 101), { text: 'x'.repeat(101) });
    const status = readTextBounded('/proc/self/status', 1024 * 1024);
    assert.ok('text' in status && /^Name:/.test(status.text), 'a file whose size says 0 is read to its end');
    assert.deepEqual(readTextBounded('/proc/self/status', 10), { problem: 'it is larger than 10 bytes.' });
  });

  it('lets the CLI refuse a narrative that is a pipe in one line instead of waiting for a writer', () => {
    const pipe = join(dir, 'talk.md');
    execFileSync('mkfifo', [pipe]);
    const result = spawnSync(process.execPath, [resolve('dist/cli.js'), 'outline', pipe], { encoding: 'utf8', timeout: 15_000 });
    assert.equal(result.signal, null, 'the CLI hung on the pipe');
    assert.equal(result.status, 2);
    assert.equal(result.stderr, `storydeck outline: Cannot read ${pipe}: it is not a regular file (a device, a pipe or a socket).\n`);
  });
});
