import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';

/**
 * The npm package (`npm pack`, which `npx storydeck` installs): the CLI runs from it as unpacked, with nothing but
 * Node, so every bundle that `dist/cli.js` requires at run time and the built-in templates must be in it; and it
 * holds nothing else but what the extension runs (`.npmignore`, an allow-list). `npm run test:unit` builds dist/ first,
 * and the pack here skips the `prepack` production build (`--ignore-scripts`): it checks the dist/ of this run, and
 * test/release/npmPack.test.ts checks that packing builds.
 */
describe('npm package', function () {
  this.timeout(60_000);
  let dir: string;
  let root: string;
  let files: string[];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'storydeck-npm-'));
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as {
      filename: string;
      files: { path: string }[];
    }[];
    files = packed.files.map((file) => file.path);
    execFileSync('tar', ['-xzf', join(dir, packed.filename), '-C', dir]);
    root = join(dir, 'package');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8' });

  it('holds the bin entry and every bundle a bundle in it requires', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    for (const bin of Object.values(manifest.bin)) assert.ok(files.includes(bin), `the bin entry ${bin} is not in the package`);
    const bundles = files.filter((file) => /^dist\/[^/]+\.js$/.test(file));
    for (const bundle of bundles) {
      for (const m of readFileSync(join(root, bundle), 'utf8').matchAll(/require\(["']\.\/([\w.-]+\.js)["']\)/g)) {
        assert.ok(files.includes(`dist/${m[1]}`), `dist/${m[1]} is required by ${bundle} but not in the package`);
      }
    }
    assert.ok(
      files.some((file) => /^templates\/[^/]+\.hbs$/.test(file)),
      'the built-in templates are not in the package',
    );
  });

  it('installs no dependency that its bundles do not require: esbuild bundled them into dist/', () => {
    // A call of require, not the text of one inside a string (the MCP SDK's JSON schema validator, ajv, carries
    // `require("ajv/dist/runtime/…")` as code it would generate) or a comment line (a development build keeps the
    // packages' comments), of a package: neither a bundle (`./`) nor Node's own.
    const required = new Set<string>();
    for (const bundle of files.filter((file) => /^dist\/[^/]+\.js$/.test(file))) {
      const code = readFileSync(join(root, bundle), 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\*|\/\/)/.test(line))
        .join('\n');
      for (const m of code.matchAll(/(?<![\w$.`'"])require\(["']((?:@[\w.-]+\/)?\w[\w.:-]*)[^"']*["']\)/g)) {
        if (!isBuiltin(m[1]) && m[1] !== 'vscode') required.add(m[1]);
      }
    }
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    assert.deepEqual(
      Object.keys(manifest.dependencies ?? {}).filter((name) => !required.has(name)),
      [],
      'in dependencies but bundled',
    );
    assert.deepEqual(
      [...required].filter((name) => !(name in (manifest.dependencies ?? {}))),
      [],
      'required at run time but not in dependencies',
    );
  });

  it('holds the licence notices of the packages its bundles carry', () => {
    assert.ok(files.includes('dist/THIRD-PARTY-NOTICES.txt'), 'dist/THIRD-PARTY-NOTICES.txt is not in the package');
    const notices = readFileSync(join(root, 'dist', 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const name of ['@modelcontextprotocol/sdk', 'dompurify', 'handlebars', 'jszip', 'markdown-it', 'pptxgenjs', 'yaml', 'isarray']) {
      assert.match(notices, new RegExp(`^${name} \\d+\\.\\d+\\.\\d+ \\(.+\\)\\n\\n\\S`, 'm'), `no notice for ${name}`);
    }
  });

  it('holds what the .vsix holds and the CLI, nothing else: no sources, tests, fixtures, benchmarks or source maps', () => {
    const unwanted = files.filter((file) => /^(src|test|bench|scripts|examples|out|node_modules)\/|^docs\/(?!rules\/)|\.map$|\.ts$|^\.|\/\./.test(file));
    assert.deepEqual(unwanted, []);
    // .npmignore repeats .vscodeignore's list (vsce refuses a `files` list beside .vscodeignore): the two must not drift.
    const vsix = execFileSync('npx', ['vsce', 'ls', '--no-dependencies'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .filter(Boolean);
    assert.ok(vsix.includes('dist/extension.js'), `vsce ls listed ${vsix.join(', ')}`);
    assert.deepEqual([...files].sort(), [...vsix, 'dist/cli.js'].sort());
  });

  it('runs every command from the unpacked package: lint, outline, templates, new, HTML and PowerPoint export', () => {
    const work = join(dir, 'work');
    mkdirSync(work);
    writeFileSync(join(work, 'talk.md'), readFileSync('examples/town-hall.md'));
    assert.equal(cli(work, '--version').stdout.trim(), JSON.parse(readFileSync('package.json', 'utf8')).version);
    assert.ok([0, 1].includes(cli(work, 'lint', 'talk.md', '--format', 'json').status ?? -1));
    assert.equal(cli(work, 'outline', 'talk.md').status, 0);
    assert.match(cli(work, 'templates').stdout, /^town-hall /m);
    assert.equal(cli(work, 'new', '--template', 'town-hall', '--set', 'title=Hello', '-o', 'new.md').status, 0);
    for (const format of ['html', 'pptx']) {
      const run = cli(work, 'export', 'talk.md', '--to', format);
      assert.equal(run.status, 0, run.stderr);
    }
    assert.deepEqual(readdirSync(work).sort(), ['new.md', 'talk.html', 'talk.md', 'talk.pptx']);
  });
});
