import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
});
