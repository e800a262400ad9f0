import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli as run } from './run';

/** The built CLI, for inputs that would hang or exhaust memory in-process if reading were unbounded. */
function runBuilt(cwd: string, ...argv: string[]) {
  const result = spawnSync(process.execPath, [resolve('dist/cli.js'), ...argv], { cwd, encoding: 'utf8', timeout: 15_000 });
  return { code: result.status, stderr: result.stderr, signal: result.signal };
}

const talk = '# Why we exist\n\nNurses lose an hour a shift to handoffs.\n';
/** A rule module that leaves a mark when it is loaded: its code ran. */
const markingRule = "require('node:fs').writeFileSync(__dirname + '/ran', ''); module.exports = { id: 'planted', defaultSeverity: 'error', check() {} };\n";

describe('storydeck lint: config discovery and reads', () => {
  it('never uses a config file above the repository, nor runs its plugins', async () => {
    const shared = mkdtempSync(join(tmpdir(), 'storydeck-shared-'));
    writeFileSync(join(shared, 'planted.js'), markingRule);
    writeFileSync(join(shared, '.storydeck.yaml'), 'plugins: [./planted.js]\nrules:\n  why-before-what: error\n');
    mkdirSync(join(shared, 'repo', '.git'), { recursive: true });
    mkdirSync(join(shared, 'repo', 'talks'));
    writeFileSync(join(shared, 'repo', 'talks', 'talk.md'), talk);
    const { code, stderr } = await run(join(shared, 'repo'), 'lint', 'talks/talk.md', '--format', 'json');
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(existsSync(join(shared, 'ran')), false, 'the planted rule module ran');

    // The repository's own config applies to a narrative in a subfolder.
    writeFileSync(join(shared, 'repo', '.storydeck.yaml'), 'rules:\n  talk-time: error\n');
    writeFileSync(join(shared, 'repo', 'talks', 'long.md'), `---\nduration: 1 min\n---\n${talk}${'More words about the handoff and the ward. '.repeat(300)}\n`);
    const repo = await run(join(shared, 'repo'), 'lint', 'talks/long.md', '--format', 'json');
    assert.ok(
      JSON.parse(repo.stdout).some((f: { ruleId: string; severity: string }) => f.ruleId === 'talk-time' && f.severity === 'error'),
      repo.stdout,
    );
  });

  it("outside a repository, uses only a config in the narrative's own folder", async () => {
    const shared = mkdtempSync(join(tmpdir(), 'storydeck-shared-'));
    writeFileSync(join(shared, 'planted.js'), markingRule);
    writeFileSync(join(shared, '.storydeck.json'), JSON.stringify({ plugins: ['./planted.js'] }));
    mkdirSync(join(shared, 'mine'));
    writeFileSync(join(shared, 'mine', 'talk.md'), talk);
    assert.equal((await run(join(shared, 'mine'), 'lint', 'talk.md')).code, 0);
    assert.equal(existsSync(join(shared, 'ran')), false, 'the planted rule module ran');

    writeFileSync(
      join(shared, 'mine', '.storydeck.json'),
      JSON.stringify({ rules: { 'why-before-what': 'error' }, declarative: [{ id: 'no-hour', type: 'existence', tokens: ['an hour'], severity: 'error' }] }),
    );
    const own = await run(join(shared, 'mine'), 'lint', 'talk.md', '--format', 'json');
    assert.equal(own.code, 1);
    assert.ok(JSON.parse(own.stdout).some((f: { ruleId: string }) => f.ruleId === 'no-hour'));
  });

  it('reads config files bounded: a device, a pipe, a folder or a file over 1 MB is one line naming it, exit 2', function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'storydeck-config-read-'));
    const cases: [string, () => void, RegExp][] = [
      [
        'zero',
        () => writeFileSync(join(dir, 'zero', '.storydeck.yaml'), 'extends: /dev/zero\n'),
        /^storydeck lint: config \/dev\/zero: the config file cannot be read: it is not a regular file \(a device, a pipe or a socket\)\.\n$/,
      ],
      ['fifo', () => execFileSync('mkfifo', [join(dir, 'fifo', '.storydeck.yaml')]), /^storydeck lint: config .*fifo\/\.storydeck\.yaml: the config file cannot be read: it is not a regular file/],
      ['folder', () => mkdirSync(join(dir, 'folder', '.storydeck.json')), /^storydeck lint: config .*folder\/\.storydeck\.json: the config file cannot be read: it is a folder\.\n$/],
      [
        'large',
        () => writeFileSync(join(dir, 'large', '.storydeck.yaml'), `# ${'x'.repeat(1024 * 1024)}\nrules: {}\n`),
        /^storydeck lint: config .*large\/\.storydeck\.yaml: the config file cannot be read: it is larger than 1 MB\.\n$/,
      ],
    ];
    for (const [name, make, expected] of cases) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'talk.md'), talk);
      make();
      const { code, stderr, signal } = runBuilt(join(dir, name), 'lint', 'talk.md');
      assert.equal(signal, null, `${name}: the CLI hung or was killed`);
      assert.equal(code, 2, `${name}: ${stderr}`);
      assert.match(stderr, expected, name);
    }
  });
});
