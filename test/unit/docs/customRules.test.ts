import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * docs/custom-rules.md is a worked example: its files (```lang file=NAME blocks) are written to a folder
 * as they stand, `storydeck lint talk.md` runs there, and every line of its ```text output block must be
 * printed. A change to the engine, the declarative rules or the page that breaks the example fails here.
 */
describe('docs/custom-rules.md', () => {
  const page = readFileSync('docs/custom-rules.md', 'utf8');
  const files = [...page.matchAll(/```\w+ file=(\S+)\n([\s\S]*?)```/g)].map((m) => ({ name: m[1], text: m[2] }));
  const expected = /```text output\n([\s\S]*?)```/.exec(page)?.[1].trim().split('\n') ?? [];

  it('has the config, a rule module, a narrative and the expected output', () => {
    assert.deepEqual(files.map((f) => f.name).sort(), ['.storydeck.yaml', 'rules/pain-in-their-words.js', 'talk.md']);
    assert.ok(expected.length >= 4, 'the output block lists the findings');
  });

  it('prints exactly the findings the page shows for its example', () => {
    const dir = mkdtempSync(join(tmpdir(), 'storydeck-custom-rules-'));
    for (const { name, text } of files) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const result = spawnSync(process.execPath, [resolve('dist/cli.js'), 'lint', 'talk.md'], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.stderr, '');
    const printed = result.stdout.split('\n');
    for (const line of expected) assert.ok(printed.includes(line), `not printed: ${line}\n--- printed:\n${result.stdout}`);
    // Each custom rule fires exactly where the page says, and nowhere else.
    const custom = /\[(say-clinicians|no-buzzwords|name-the-customer|pain-in-their-words)\]$/;
    assert.deepEqual(printed.filter((l) => custom.test(l)).sort(), [...expected].sort());
  });
});
