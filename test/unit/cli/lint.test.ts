import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';

async function run(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => (stdout += t + '\n'), err: (t) => (stderr += t + '\n'), cwd });
  return { code, stdout, stderr };
}

const solutionFirst = '# Introducing X\n\nWe are building a new app for synergy.\n';

describe('storydeck lint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'storydeck-lint-'));
  mkdirSync(join(dir, 'talks', 'nested'), { recursive: true });
  writeFileSync(join(dir, 'talks', 'a.md'), solutionFirst);
  writeFileSync(join(dir, 'talks', 'nested', 'b.md'), solutionFirst);
  writeFileSync(join(dir, 'talks', 'notes.txt'), 'not markdown');

  it('lints the example clean', async () => {
    const { code, stdout, stderr } = await run(process.cwd(), 'lint', 'examples/');
    assert.equal(stdout.trim(), '', stdout);
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });

  it('says once, on its line, that front matter opened with `--` is read as slide text, and --fix writes `---`', async () => {
    writeFileSync(join(dir, 'fence.md'), '--\ntitle: Payroll consolidation\nduration: 10m\n---\n\n## Why\n\nWe believe.\n');
    const { stdout } = await run(dir, 'lint', 'fence.md');
    const lines = stdout.split('\n').filter((l) => /front matter/i.test(l));
    assert.deepEqual(lines, [
      'fence.md:1:1  warning  The front matter starts with `--` instead of `---`, so its lines show as text on the first slide. Until it is fixed, StoryDeck ignores the title, duration and settings in it.  [front-matter]',
    ]);
    await run(dir, 'lint', 'fence.md', '--fix');
    assert.match(readFileSync(join(dir, 'fence.md'), 'utf8'), /^---\ntitle: Payroll consolidation\n/);
  });

  it('says on its line that a theme StoryDeck does not have falls back to light, and what Marp feature it does not draw', async () => {
    writeFileSync(join(dir, 'marp.md'), '---\nmarp: true\ntheme: acme\n---\n\n## Why\n\nWe believe. <!-- transition: fade -->\n');
    const { stdout } = await run(dir, 'lint', 'marp.md');
    const lines = stdout.split('\n').filter((l) => l.includes('[front-matter]'));
    assert.deepEqual(lines, [
      'marp.md:3:1  warning  `theme: acme` is not a theme StoryDeck has, so the slides use the light theme. Use one of light, dark, corporate, default, gaia, uncover.  [front-matter]',
      'marp.md:8:1  warning  `transition` is a Marp feature StoryDeck does not show: slides change without an animation.  [front-matter]',
    ]);
  });

  it('--fix leaves "synergies with the Payroll team" as written, and suggests plain words', async () => {
    const text = '## Why\n\nWe see synergies with the Payroll team.\n';
    writeFileSync(join(dir, 'synergies.md'), text);
    const { stdout } = await run(dir, 'lint', 'synergies.md', '--fix');
    assert.equal(readFileSync(join(dir, 'synergies.md'), 'utf8'), text);
    assert.match(
      stdout,
      /synergies\.md:3:8 +warning +"synergies" is a buzzword: say it in plain words — "gains from working together", for example — and check that the sentence still reads\. +\[jargon\]/,
    );
  });

  it('walks folders and globs, prints JSON findings with the contract fields only', async () => {
    writeFileSync(join(dir, 'talks', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    for (const target of ['talks', 'talks/**/*.md', 'talks/**', 'talks/**/*']) {
      const { code, stdout } = await run(dir, 'lint', target, '--format', 'json', '--all');
      const findings = JSON.parse(stdout);
      const files = [...new Set(findings.map((f: { file: string }) => f.file))];
      assert.deepEqual(files, [join('talks', 'a.md'), join('talks', 'nested', 'b.md')], target);
      assert.deepEqual(Object.keys(findings[0]), ['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'severity', 'message']);
      assert.equal(code, findings.some((f: { severity: string }) => f.severity === 'error') ? 1 : 0);
    }
  });

  it('lints only narratives in a folder or glob, as the editor does, and says what it skipped', async () => {
    const root = mkdtempSync(join(tmpdir(), 'storydeck-narratives-'));
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'docs'));
    mkdirSync(join(root, 'talks'));
    writeFileSync(join(root, 'README.md'), solutionFirst);
    writeFileSync(join(root, 'docs', 'install.md'), solutionFirst);
    writeFileSync(join(root, 'docs', 'pitch.md'), `---\nstorydeck: true\n---\n\n${solutionFirst}`);
    writeFileSync(join(root, 'docs', 'opted-out.md'), `---\nstorydeck: false\n---\n\n${solutionFirst}`);
    writeFileSync(join(root, 'talks', '.storydeck.yaml'), 'rules: {}\n');
    writeFileSync(join(root, 'talks', 'q3.md'), solutionFirst);
    const files = (stdout: string) => [...new Set(JSON.parse(stdout).map((f: { file: string }) => f.file))].sort();

    const all = await run(root, 'lint', '.', '--format', 'json');
    assert.deepEqual(files(all.stdout), [join('docs', 'pitch.md'), join('talks', 'q3.md')]);
    assert.equal(
      all.stderr,
      `Skipped 3 Markdown files that are not a narrative (README.md, ${join('docs', 'install.md')}, ${join('docs', 'opted-out.md')}): no \`storydeck:\` in the front matter and no .storydeck config in scope. Name a file, or use --all, to lint it anyway.\n`,
    );
    assert.deepEqual(files((await run(root, 'lint', 'docs/*.md', '--format', 'json')).stdout), [join('docs', 'pitch.md')]);
    assert.deepEqual(files((await run(root, 'lint', 'README.md', '--format', 'json')).stdout), ['README.md'], 'a file named on its own is linted');
    const forced = await run(root, 'lint', '.', '--format', 'json', '--all');
    assert.equal(files(forced.stdout).length, 5);
    assert.equal(forced.stderr, '');
  });

  it('exits 1 when warnings exceed --max-warnings, or on an error-severity finding', async () => {
    assert.equal((await run(dir, 'lint', 'talks/a.md', '--max-warnings', '0')).code, 1);
    writeFileSync(join(dir, 'strict.json'), JSON.stringify({ rules: { 'why-before-what': 'error' } }));
    assert.equal((await run(dir, 'lint', 'talks/a.md', '--config', 'strict.json')).code, 1);
    writeFileSync(join(dir, 'off.json'), JSON.stringify({ rules: Object.fromEntries(['why-before-what'].map((id) => [id, false])) }));
    const off = await run(dir, 'lint', 'talks/a.md', '--config', 'off.json', '--format', 'json');
    assert.ok(!JSON.parse(off.stdout).some((f: { ruleId: string }) => f.ruleId === 'why-before-what'));
  });

  it('writes SARIF 2.1.0 with rules and located results', async () => {
    const { stdout } = await run(dir, 'lint', 'talks/a.md', '--format', 'sarif');
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.ok(run0.tool.driver.rules.length > 0);
    const result = run0.results.find((r: { ruleId: string }) => r.ruleId === 'why-before-what');
    assert.equal(run0.tool.driver.rules[result.ruleIndex].id, 'why-before-what');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'talks/a.md');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 1);
  });

  it('--fix rewrites the file with declarative substitutions and reports what is left', async () => {
    const fixDir = mkdtempSync(join(tmpdir(), 'storydeck-fix-'));
    writeFileSync(join(fixDir, '.storydeck.yaml'), 'declarative:\n  - id: plain-words\n    type: substitution\n    swap:\n      synergy: working together\n');
    writeFileSync(join(fixDir, 'talk.md'), solutionFirst);
    const { stdout } = await run(fixDir, 'lint', 'talk.md', '--fix', '--format', 'json');
    assert.match(readFileSync(join(fixDir, 'talk.md'), 'utf8'), /for working together\./);
    assert.ok(!JSON.parse(stdout).some((f: { ruleId: string }) => f.ruleId === 'plain-words'));
  });

  it('--fix never sets a kind: a guessed kind’s questions stay questions, in the contract fields only', async () => {
    const fixDir = mkdtempSync(join(tmpdir(), 'storydeck-fix-kind-'));
    // An RFC in all but name, with a typo --fix does correct: the file is rewritten, and still names no kind.
    const text =
      '# Retire the nightly export job\n\n## Background\n\nEvery night the export job copies the orders table for four hours, and when it fails the on-call engineer restarts it by hand at 3 am. Last quarter Dana restarted it eleven times.\n\n## Why change it\n\nWe believe reports should be fresh without anyone waking up for them.\n\n## Decision wanted\n\nPlatform leads: approve the change by 15 January.\n';
    writeFileSync(join(fixDir, '.storydeck.yaml'), 'declarative:\n  - id: plain-words\n    type: substitution\n    swap:\n      orders table: order table\n');
    writeFileSync(join(fixDir, 'rfc.md'), text);
    const { stdout } = await run(fixDir, 'lint', 'rfc.md', '--fix', '--format', 'json');
    assert.equal(readFileSync(join(fixDir, 'rfc.md'), 'utf8'), text.replace('orders table', 'order table'));
    const questions = JSON.parse(stdout).filter((f: { message: string }) => f.message.includes('nothing names its kind'));
    assert.deepEqual(questions.map((f: { ruleId: string; severity: string }) => [f.ruleId, f.severity]).sort(), [
      ['business-value', 'info'],
      ['customer-value', 'info'],
      ['outcome-metric', 'info'],
      ['strategic-tie-in', 'info'],
    ]);
    for (const f of questions) assert.deepEqual(Object.keys(f), ['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'severity', 'message']);
  });

  it('reads a file that starts with a byte-order mark as an editor does: its front matter decides, and --fix keeps the mark', async () => {
    const bomDir = mkdtempSync(join(tmpdir(), 'storydeck-bom-'));
    writeFileSync(join(bomDir, 'talk.md'), `\uFEFF---\nstorydeck: true\nkind: talk\n---\n\n${solutionFirst}`);
    const linted = await run(bomDir, 'lint', '.', '--format', 'json');
    const findings = JSON.parse(linted.stdout) as { ruleId: string; line: number }[];
    assert.doesNotMatch(linted.stderr, /Skipped/);
    assert.ok(findings.length > 0 && !findings.some((f) => f.ruleId === 'business-value' || f.line < 5), linted.stdout);
    writeFileSync(join(bomDir, '.storydeck.yaml'), 'declarative:\n  - id: plain-words\n    type: substitution\n    swap:\n      introducing: meet\n');
    await run(bomDir, 'lint', 'talk.md', '--fix');
    assert.equal(readFileSync(join(bomDir, 'talk.md'), 'utf8'), `\uFEFF---\nstorydeck: true\nkind: talk\n---\n\n${solutionFirst.replace('Introducing', 'meet')}`);
  });

  it('loads JavaScript rule modules from the config', async () => {
    const pluginDir = mkdtempSync(join(tmpdir(), 'storydeck-plugin-'));
    writeFileSync(
      join(pluginDir, 'rule.js'),
      "module.exports = { id: 'house-style', defaultSeverity: 'error', check(ctx, report) { if (!/Acme/.test(ctx.deck.text)) report({ message: 'Name the company: Acme.', range: ctx.documentRange() }); } };\n",
    );
    writeFileSync(join(pluginDir, '.storydeck.json'), JSON.stringify({ plugins: ['./rule.js'] }));
    writeFileSync(join(pluginDir, 'talk.md'), solutionFirst);
    const { code, stdout } = await run(pluginDir, 'lint', 'talk.md', '--format', 'json');
    assert.ok(JSON.parse(stdout).some((f: { ruleId: string }) => f.ruleId === 'house-style'));
    assert.equal(code, 1);
  });

  it('exits 2 with one line for a broken config, a missing path or a bad option', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'storydeck-broken-'));
    writeFileSync(join(broken, '.storydeck.json'), '{ nope');
    writeFileSync(join(broken, 'talk.md'), solutionFirst);
    for (const [cwd, argv] of [
      [broken, ['lint', 'talk.md']],
      [dir, ['lint', 'missing.md']],
      [dir, ['lint', 'talks', '--max-warnings', 'many']],
      [dir, ['lint', 'talks', '--max-warnings', '0x10']],
      [dir, ['lint', 'talks', '--max-warnings', '1e3']],
      [dir, ['lint', 'talks', '--max-warnings=']],
      [dir, ['lint', 'talks', '--max-warnings', ' 5']],
      [dir, ['lint', 'talks', '--format', 'xml']],
      [dir, ['lint', 'nothing/*.md']],
    ] as const) {
      const { code, stderr } = await run(cwd, ...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
    }
  });
});
