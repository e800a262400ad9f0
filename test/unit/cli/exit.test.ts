import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exitPromptly, type Printed } from '../../../src/cli/exit';
import { runCli } from './run';

const CLI = resolve('dist/cli.js');

describe('the CLI’s exit', () => {
  let saved: typeof process.exitCode;
  beforeEach(() => (saved = process.exitCode));
  afterEach(() => (process.exitCode = saved));

  const exits = (printed: Printed[]): number[] => {
    const calls: number[] = [];
    exitPromptly(1, printed, (code) => calls.push(code));
    return calls;
  };

  it('ends the process with the command’s code once stdout and stderr hold nothing unwritten', () => {
    assert.deepEqual(
      exits([
        { writableLength: 0, destroyed: false },
        { writableLength: 0, destroyed: false },
      ]),
      [1],
    );
    assert.equal(process.exitCode, 1);
    // A stream already closed (the reader went away) holds nothing that could still be written.
    assert.deepEqual(
      exits([
        { writableLength: 12, destroyed: true },
        { writableLength: 0, destroyed: false },
      ]),
      [1],
    );
  });

  it('leaves the process to end the usual way while output is still buffered, with the code set', () => {
    process.exitCode = 0;
    assert.deepEqual(
      exits([
        { writableLength: 0, destroyed: false },
        { writableLength: 80, destroyed: false },
      ]),
      [],
    );
    assert.equal(process.exitCode, 1);
  });

  it('writes all of a long output through a pipe before it ends, with the code the command returned', async function () {
    this.timeout(60_000);
    assert.ok(existsSync(CLI), 'dist/cli.js is missing: run npm run build');
    const dir = mkdtempSync(join(tmpdir(), 'storydeck-exit-'));
    try {
      // Far more than a pipe's buffer (64 KiB): the process writes while the parent reads.
      const slide = (i: number) => `## Slide ${i}: we shipped 12 features\n\nRevenue grew 40%, churn fell 3%, NPS rose 12 points and 80% of users logged in.\n\nTODO: the ask\n`;
      writeFileSync(join(dir, 'long.md'), `# Long\n\n${Array.from({ length: 1000 }, (_, i) => slide(i + 1)).join('\n---\n\n')}`);
      const spawned = spawnSync(process.execPath, [CLI, 'outline', join(dir, 'long.md'), '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const inProcess = await runCli(dir, 'outline', join(dir, 'long.md'), '--format', 'json');
      assert.ok(spawned.stdout.length > 128 * 1024, `only ${spawned.stdout.length} characters printed`);
      assert.deepEqual(JSON.parse(spawned.stdout), JSON.parse(inProcess.stdout));
      assert.equal(spawned.status, inProcess.code);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('when its output cannot be written', function () {
    this.timeout(60_000);
    let dir: string;
    before(() => {
      assert.ok(existsSync(CLI), 'dist/cli.js is missing: run npm run build');
      dir = mkdtempSync(join(tmpdir(), 'storydeck-exit-'));
      // An outline far longer than a pipe's buffer (64 KiB), so the CLI is still writing when the reader goes away.
      const slide = (i: number) => `## Slide ${i}: we shipped 12 features\n\nRevenue grew 40%, churn fell 3% and NPS rose 12 points.\n`;
      writeFileSync(join(dir, 'long.md'), `# Long\n\n${Array.from({ length: 1000 }, (_, i) => slide(i + 1)).join('\n---\n\n')}`);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('stops quietly, with the command’s exit code, when the reader goes away (`| head`)', async () => {
      const child = spawn(process.execPath, [CLI, 'outline', 'long.md', '--format', 'json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // The first bytes read, the pipe is closed: the CLI's next write fails with EPIPE.
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((done) => child.once('close', (status) => done(status)));
      assert.equal(stderr, '', 'no stack trace, no message: the reader went away');
      assert.equal(code, 0);
    });

    it('says so in one line, exit code 2, when the disk is full (ENOSPC)', function () {
      if (!existsSync('/dev/full')) this.skip();
      const full = openSync('/dev/full', 'w');
      try {
        const result = spawnSync(process.execPath, [CLI, 'outline', 'long.md'], { cwd: dir, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
        assert.equal(result.stderr, 'storydeck: cannot write the output: ENOSPC: no space left on device, write\n');
        assert.equal(result.status, 2);
      } finally {
        closeSync(full);
      }
    });
  });
});
