import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli as run } from './run';

/** Erase the line, return to its start, print a fake summary; an 8-bit CSI; a right-to-left override. */
const ERASE = '\u001b[2K\r0 findings.';
const C1 = '\u009b31m';
const RLO = '\u202e';
/** Raw controls a terminal would act on (tab and newline are fine). */
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('terminal output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'storydeck-output-'));
  // YAML's double-quoted values carry any character, written as escapes: an unknown kind is quoted back in the finding.
  const frontMatter = '---\nkind: "pitch\\e[2K\\r0 findings.\\x9b31m\\u202e"\n---\n\n# Why we exist\n\nNurses lose an hour a shift.\n';
  const evilName = `talk${ERASE}.md`;
  writeFileSync(join(dir, evilName), frontMatter);

  it('escapes controls from front matter keys and file names in text findings', async () => {
    const { stdout } = await run(dir, 'lint', '.', '--all');
    assert.doesNotMatch(stdout, RAW_CONTROLS, JSON.stringify(stdout));
    assert.match(stdout, /^talk\\u001b\[2K\\u000d0 findings\.\.md:\d+:\d+ /m, 'the file name, escaped');
    assert.ok(stdout.includes('pitch\\u001b[2K\\u000d0 findings.'), 'the kind, escaped');
    assert.ok(stdout.includes('findings.\\u009b31m\\u202e'), 'C1 and bidi controls, escaped');
  });

  it("keeps JSON and SARIF valid: the escapes are JSON's own and parse back to the original text", async () => {
    for (const format of ['json', 'sarif']) {
      const { stdout } = await run(dir, 'lint', '.', '--all', '--format', format);
      assert.doesNotMatch(stdout, RAW_CONTROLS, format);
      const parsed = JSON.parse(stdout);
      const messages: string[] = format === 'json' ? parsed.map((f: { message: string }) => f.message) : parsed.runs[0].results.map((r: { message: { text: string } }) => r.message.text);
      assert.ok(
        messages.some((m) => m.includes(`findings.${C1}${RLO}`)),
        `${format}: ${messages.join(' | ')}`,
      );
    }
  });

  it('shows zero-width characters that would make two names look the same, and keeps the joiners emoji and scripts need', async () => {
    const invisible = mkdtempSync(join(tmpdir(), 'storydeck-invisible-'));
    writeFileSync(join(invisible, 'talk\u200b.md'), '# Pri\u200bcing\u2060 plan\ufeff \u{1f469}\u200d\u{1f4bb} \u0645\u06cc\u200c\u0631\u0648\u0645\n\nNurses lose an hour a shift.\n');
    const { stdout } = await run(invisible, 'outline', join(invisible, 'talk\u200b.md'));
    assert.doesNotMatch(stdout, /[\u200b\u2060-\u2064\ufeff]/);
    assert.ok(stdout.includes('Pri\\u200bcing\\u2060 plan\\ufeff \u{1f469}\u200d\u{1f4bb} \u0645\u06cc\u200c\u0631\u0648\u0645'), stdout);
  });

  it('escapes controls on stderr too', async () => {
    const { code, stderr } = await run(dir, 'lint', `missing${ERASE}.md`);
    assert.equal(code, 2);
    assert.doesNotMatch(stderr, RAW_CONTROLS);
    assert.equal(stderr, 'storydeck lint: cannot read missing\\u001b[2K\\u000d0 findings..md: no such file or folder.\n');
  });

  it('prints a line break inside a value as an escape, so a narrative or its name cannot add a line of its own (a forged finding, a "0 findings" summary)', async () => {
    const forging = mkdtempSync(join(tmpdir(), 'storydeck-lines-'));
    const FORGED = 'Real\nfake.md:1:1  error  forged  [x]\n\n0 findings.';
    // YAML's "\n" is a newline; the file's own name carries one too.
    const yaml = JSON.stringify(FORGED);
    const name = 'talk\nok.md:1:1  info  fine  [x].md';
    writeFileSync(join(forging, name), `---\ntitle: ${yaml}\ntheme: ${yaml}\nstakeholders:\n  - name: ${yaml}\n    concerns: [${yaml}]\n---\n\n# Why we exist\n\nNurses lose an hour a shift.\n`);
    const file = join(forging, name);
    const outputs = [await run(forging, 'lint', file), await run(forging, 'outline', file), await run(forging, 'export', file, '--to', 'html', '-o', join(forging, 'out.html'))];
    for (const { stdout, stderr } of outputs) {
      for (const line of `${stdout}${stderr}`.split('\n')) {
        assert.doesNotMatch(line, /^(?:fake\.md:|0 findings\.|ok\.md:)/, `a line of the narrative's own: ${JSON.stringify(line)}`);
      }
    }
    const [lint, outline, exported] = outputs;
    assert.ok(lint.stdout.includes('`theme: Real\\u000afake.md:1:1  error  forged  [x]\\u000a\\u000a0 findings.`'), lint.stdout);
    assert.ok(lint.stdout.includes('talk\\u000aok.md:1:1  info  fine  [x].md:'), 'the file name, escaped');
    assert.match(outline.stdout, /^Real\\u000afake\.md:1:1 {2}error {2}forged {2}\[x\]\\u000a\\u000a0 findings\. — 1 slide/, outline.stdout);
    assert.match(exported.stderr, /theme "Real\\u000afake\.md/, exported.stderr);
  });

  it('keeps "Created …" of new -o and an unknown command on one line, whatever the name holds', async () => {
    const named = mkdtempSync(join(tmpdir(), 'storydeck-lines-'));
    const name = 'talk\n0 findings.\u2028md';
    const created = await run(named, 'new', '--template', 'town-hall', '--set', 'title=Q3', '-o', name);
    assert.equal(created.code, 0, created.stderr);
    assert.equal(created.stdout, 'Created talk\\u000a0 findings.\\u2028md from the town-hall template.\n');
    const unknown = await run(named, 'lint\n0 findings.');
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'storydeck: unknown command "lint\\u000a0 findings.". Commands: lint, outline, new, templates, export, mcp.\n');
  });

  it('gives SARIF locations as percent-encoded URIs relative to the working folder', async () => {
    const sarifDir = mkdtempSync(join(tmpdir(), 'storydeck-sarif-'));
    mkdirSync(join(sarifDir, 'my talks'));
    writeFileSync(join(sarifDir, 'my talks', 'q3 plan #2.md'), '# Introducing X\n\nWe are building a new app.\n');
    const { stdout } = await run(sarifDir, 'lint', '.', '--all', '--format', 'sarif');
    const locations = JSON.parse(stdout).runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) => r.locations[0].physicalLocation.artifactLocation);
    assert.ok(locations.length > 0);
    for (const location of locations) assert.deepEqual(location, { uri: 'my%20talks/q3%20plan%20%232.md', uriBaseId: '%SRCROOT%' });
  });
});
