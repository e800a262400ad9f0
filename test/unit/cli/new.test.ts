import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BEAT_IDS, parseDeck } from '../../../src/core/deck';
import { outline, readStory } from '../../../src/core/story';
import { main } from '../../../src/cli/main';

const BUILTIN_IDS = ['executive-ask', 'launch-announcement', 'product-pitch', 'quarterly-business-update', 'strategy-review', 'town-hall'];

async function run(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => (stdout += t.endsWith('\n') ? t : t + '\n'), err: (t) => (stderr += t + '\n'), cwd });
  return { code, stdout, stderr };
}

/** Exit 2 with exactly one line on stderr, no stack trace, nothing on stdout. */
function assertUsageError(result: { code: number; stdout: string; stderr: string }, pattern: RegExp) {
  assert.equal(result.code, 2, result.stderr);
  assert.equal(result.stderr.trim().split('\n').length, 1, `one line: ${result.stderr}`);
  assert.match(result.stderr, pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at |unexpected error/);
  assert.equal(result.stdout, '');
}

describe('storydeck new', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'storydeck-new-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the narrative to stdout without -o', async () => {
    const { code, stdout, stderr } = await run(dir, 'new', '--template', 'town-hall', '--set', 'title=Hello "world" <script>');
    assert.equal(code, 0, stderr);
    const deck = parseDeck(stdout);
    assert.deepEqual(deck.problems, []);
    assert.equal(deck.frontMatter.title, 'Hello "world" <script>');
    assert.doesNotMatch(stdout, /<script/);
    assert.deepEqual(
      outline(deck, readStory(deck))
        .slides.slice(1)
        .map((s) => s.beats[0]),
      [...BEAT_IDS],
    );
    assert.deepEqual(readdirSync(dir), [], 'writes no file');
  });

  it('writes -o FILE, then refuses to overwrite it without --force (exit 2, file unchanged)', async () => {
    const first = await run(dir, 'new', '--template', 'product-pitch', '--set', 'title=First', '-o', 'pitch.md');
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Created pitch\.md from the product-pitch template/);
    const file = join(dir, 'pitch.md');
    const written = readFileSync(file, 'utf8');
    assert.equal(parseDeck(written).frontMatter.title, 'First');

    writeFileSync(file, 'my edits\n');
    assertUsageError(await run(dir, 'new', '--template', 'product-pitch', '--set', 'title=Second', '-o', 'pitch.md'), /pitch\.md already exists; use --force/);
    assert.equal(readFileSync(file, 'utf8'), 'my edits\n');

    const forced = await run(dir, 'new', '--template', 'product-pitch', '--set', 'title=Second', '-o', 'pitch.md', '--force');
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(parseDeck(readFileSync(file, 'utf8')).frontMatter.title, 'Second');
    assert.deepEqual(readdirSync(dir), ['pitch.md'], 'no temporary file is left behind');
  });

  it('refuses an unknown template and lists the available ones', async () => {
    const result = await run(dir, 'new', '--template', 'nope', '--set', 'title=x');
    assertUsageError(result, /unknown template "nope"\. Available templates: /);
    for (const id of BUILTIN_IDS) assert.ok(result.stderr.includes(id), id);
    assertUsageError(await run(dir, 'new', '--set', 'title=x'), /--template is required\. Available templates: executive-ask/);
  });

  it('refuses unknown keys, missing required answers and malformed --set with one line', async () => {
    assertUsageError(await run(dir, 'new', '--template', 'town-hall', '--set', 'title=x', '--set', 'colour=red'), /unknown key "colour".*Its prompts are: title, /);
    // Names every object has are keys like any other: never taken in silence nor read from the prototype.
    for (const key of ['__proto__', 'constructor', 'toString'])
      assertUsageError(await run(dir, 'new', '--template', 'town-hall', '--set', 'title=x', '--set', `${key}=red`), new RegExp(`unknown key "${key}"`));
    assertUsageError(await run(dir, 'new', '--template', 'town-hall'), /missing required answer "title" \(What is the talk called\?\)/);
    assertUsageError(await run(dir, 'new', '--template', 'town-hall', '--set', 'title='), /missing required answer "title"/);
    assertUsageError(await run(dir, 'new', '--template', 'town-hall', '--set', 'title'), /--set needs key=value \(got "title"\)/);
    assertUsageError(await run(dir, 'new', '--template', 'town-hall', '--set', 'title=x', 'extra.md'), /Unexpected argument 'extra\.md'/);
    assertUsageError(
      await run(dir, 'new', '--template', 'town-hall', '--set', 'title=x', '--set', 'duration=ten minutes'),
      /^storydeck new: The answer for "duration" will not do: "ten minutes" is not a talk length: write minutes, e\.g\. 15m, 1h 30m, 90s or 12:30\. Set answers with --set key=value\.\n$/,
    );
    assertUsageError(await run(dir, 'new', '--template', 'town-hall', '--set', 'title=x', '--bogus'), /unknown option --bogus\. Usage: storydeck new /);
    assert.deepEqual(readdirSync(dir), []);
  });

  it('keeps = in values, and the last --set for a key wins', async () => {
    const { code, stdout } = await run(dir, 'new', '--template', 'town-hall', '--set', 'title=a', '--set', 'title=x=y', '--set', 'audience=');
    assert.equal(code, 0);
    const deck = parseDeck(stdout);
    assert.equal(deck.frontMatter.title, 'x=y');
    assert.equal(deck.frontMatter.audience, 'team', 'a blank answer takes the default');
  });

  it('reports a missing folder or a folder as -o with one line', async () => {
    assertUsageError(await run(dir, 'new', '--template', 'town-hall', '--set', 'title=x', '-o', 'no/such/dir/talk.md'), /cannot write no\/such\/dir\/talk\.md: the folder .* does not exist/);
    mkdirSync(join(dir, 'talk.md'));
    assertUsageError(await run(dir, 'new', '--template', 'town-hall', '--set', 'title=x', '-o', 'talk.md', '--force'), /talk\.md is a folder/);
    // An empty name (`--output=` with an unset variable) names no file, not the folder it runs in; export says the same.
    for (const argv of [
      ['new', '--template', 'town-hall', '--set', 'title=x', '--output='],
      ['export', 'talk.md', '--to', 'html', '-o', '', '--force'],
    ]) {
      const result = await run(dir, ...argv);
      assertUsageError(result, /-o needs a file name/);
      assert.equal(result.stderr, `storydeck ${argv[0]}: -o needs a file name (got "").\n`);
    }
  });

  it('reads no workspace template that a link takes out of the folder it runs in, and says so in one line', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'storydeck-lent-'));
    cpSync('templates/town-hall.hbs', join(outside, 'lent.hbs'));
    writeFileSync(join(outside, 'lent.hbs'), readFileSync(join(outside, 'lent.hbs'), 'utf8').replace('id: town-hall', 'id: lent'));
    mkdirSync(join(dir, '.storydeck', 'templates'), { recursive: true });
    symlinkSync(join(outside, 'lent.hbs'), join(dir, '.storydeck', 'templates', 'lent.hbs'));
    const { code, stdout, stderr } = await run(dir, 'templates');
    assert.equal(code, 2);
    assert.doesNotMatch(stdout, /^lent /m, 'not listed');
    assert.match(stderr, /lent\.hbs: cannot read this file: a symbolic link takes it outside .*, and templates are read only from inside it\.\n$/);
    assertUsageError(await run(dir, 'new', '--template', 'lent', '--set', 'title=x'), /template "lent" cannot be used: .*a symbolic link takes it outside/);
  });

  it('uses workspace templates from .storydeck/templates, which replace built-ins with the same id', async () => {
    const templates = join(dir, '.storydeck', 'templates');
    mkdirSync(templates, { recursive: true });
    writeFileSync(
      join(templates, 'town-hall.hbs'),
      [
        '{{!--',
        'id: town-hall',
        'name: Our town hall',
        'description: House style.',
        'prompts:',
        '  - key: title',
        '    question: Title?',
        '    required: true',
        '  - key: team',
        '    question: Team?',
        '    default: Platform',
        '--}}',
        '---',
        'title: {{yaml title}}',
        'storydeck: true',
        '---',
        '',
        '# {{md title}}',
        '',
        '{{md team}} team',
        '',
        '---',
        '',
        '{{beat "why"}}',
        '',
      ].join('\n'),
    );
    const { code, stdout, stderr } = await run(dir, 'new', '--template', 'town-hall', '--set', 'title=Ours');
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Platform team$/m);
    assert.equal(parseDeck(stdout).slides.length, 2);
    assertUsageError(await run(dir, 'new', '--template', 'town-hall', '--set', 'title=Ours', '--set', 'audience=x'), /unknown key "audience".*Its prompts are: title, team\./);
  });

  it('names the file and line of a broken template asked for by id', async () => {
    const templates = join(dir, '.storydeck', 'templates');
    mkdirSync(templates, { recursive: true });
    writeFileSync(join(templates, 'ours.hbs'), '{{!--\nid: ours\nname: Ours\ndescription: x\nprompts:\n  - key: title\n    question: Title?\n--}}\n---\ntitle: x\n---\n\n# {{title}}\n');
    assertUsageError(await run(dir, 'new', '--template', 'ours'), /template "ours" cannot be used: .*ours\.hbs:13: \{\{title\}\} would write the answer unescaped/);
  });
});

describe('storydeck templates', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'storydeck-templates-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the templates as JSON with their prompts', async () => {
    const { code, stdout, stderr } = await run(dir, 'templates', '--format', 'json');
    assert.equal(code, 0, stderr);
    const list = JSON.parse(stdout);
    assert.deepEqual(list.map((t: { id: string }) => t.id).sort(), BUILTIN_IDS);
    assert.deepEqual(Object.keys(list[0]), ['id', 'name', 'description', 'source', 'file', 'prompts']);
    assert.deepEqual(Object.keys(list[0].prompts[0]), ['key', 'question', 'default', 'required']);
    assert.ok(list.every((t: { source: string }) => t.source === 'built-in'));
  });

  it('lists them as text, one id per template', async () => {
    const { code, stdout } = await run(dir, 'templates');
    assert.equal(code, 0);
    for (const id of BUILTIN_IDS) assert.match(stdout, new RegExp(`^${id}\\s+\\S`, 'm'));
    assert.match(stdout, /--set title \(required\)/);
  });

  it('still lists the good templates when a workspace template is broken, names its file and line, and exits 2', async () => {
    const templates = join(dir, '.storydeck', 'templates');
    mkdirSync(templates, { recursive: true });
    writeFileSync(join(templates, 'bad.hbs'), '{{!--\nid: bad\nname: [Bad\n--}}\n');
    const { code, stdout, stderr } = await run(dir, 'templates', '--format', 'json');
    assert.equal(code, 2);
    assert.equal(JSON.parse(stdout).length, BUILTIN_IDS.length);
    assert.equal(stderr.trim().split('\n').length, 1);
    assert.match(stderr, /bad\.hbs:\d+: the header is not valid YAML/);
  });

  it('refuses a bad --format with one line', async () => {
    assertUsageError(await run(dir, 'templates', '--format', 'xml'), /--format must be one of text, json/);
  });
});

describe('storydeck new from the bundle', function () {
  this.timeout(60000);
  let pkg: string;
  before(async () => {
    // An installed package: dist/cli.js with templates/ beside dist/ at the package root.
    pkg = mkdtempSync(join(tmpdir(), 'storydeck-pkg-'));
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: [resolve('src/cli/index.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: join(pkg, 'dist', 'cli.js'),
      define: { STORYDECK_VERSION: '"test"' },
      logLevel: 'silent',
    });
    cpSync(resolve('templates'), join(pkg, 'templates'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{"name":"storydeck"}\n');
  });
  after(() => rmSync(pkg, { recursive: true, force: true }));

  it('finds the built-in templates next to dist/ and writes a narrative', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'storydeck-cwd-'));
    try {
      const cli = join(pkg, 'dist', 'cli.js');
      const result = spawnSync(process.execPath, [cli, 'new', '--template', 'town-hall', '--set', 'title=Hello', '-o', 'talk.md'], { cwd, encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      assert.equal(parseDeck(readFileSync(join(cwd, 'talk.md'), 'utf8')).frontMatter.title, 'Hello');
      const again = spawnSync(process.execPath, [cli, 'new', '--template', 'town-hall', '--set', 'title=Hello', '-o', 'talk.md'], { cwd, encoding: 'utf8' });
      assert.equal(again.status, 2);
      const list = spawnSync(process.execPath, [cli, 'templates', '--format', 'json'], { cwd, encoding: 'utf8' });
      assert.equal(list.status, 0, list.stderr);
      assert.equal(JSON.parse(list.stdout).length, BUILTIN_IDS.length);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
