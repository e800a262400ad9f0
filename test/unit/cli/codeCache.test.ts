import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { transformSync } from 'esbuild';
import { join, resolve } from 'node:path';
import { CACHED_COMMANDS, defaultCacheDir } from '../../../src/cli/codeCache';
import { COMMANDS } from '../../../src/cli/commands';

const CODE_CACHE = resolve('src/cli/codeCache.ts');
const CLI = resolve('dist/cli.js');

/**
 * Runs a fresh Node that caches the code of the bundles in `bundles`, loads `bundles/main.js` and saves the cache: prints
 * what main.js returns and which bundles started from a cache.
 */
function run(bundles: string, cache: string, nodeArgs: string[] = []): { value: string; cached: string[] } {
  const script = `
    const { useCodeCache } = require(${JSON.stringify(CODE_CACHE)});
    const c = useCodeCache(${JSON.stringify(bundles)}, ${JSON.stringify(cache)}, 'lint');
    const value = require(${JSON.stringify(join(bundles, 'main.js'))}).value();
    c.save();
    console.log(JSON.stringify({ value, cached: c.cached() }));`;
  const r = spawnSync(process.execPath, [...nodeArgs, '--require', 'tsx/cjs', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { value: string; cached: string[] };
  return { value: out.value, cached: out.cached.map((f) => f.split('.').slice(0, 2).join('.')).sort() };
}

describe('the CLI’s code cache', () => {
  let dir: string;
  let bundles: string;
  let cache: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'storydeck-code-cache-'));
    bundles = join(dir, 'dist');
    cache = join(dir, 'cache', 'storydeck', 'v8');
    mkdirSync(bundles);
    // A bundle that loads another, as dist/cli.js loads dist/core.js: both are compiled from the cache.
    writeFileSync(join(bundles, 'main.js'), `const core = require('./core.js');\nexports.value = () => core.twice('ab') + ':' + __filename.endsWith('main.js');\n`);
    writeFileSync(join(bundles, 'core.js'), `exports.twice = (s) => s + s;\n`);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each bundle’s compiled code after the first run, private to the user, and starts the next run from it', () => {
    assert.deepEqual(run(bundles, cache), { value: 'abab:true', cached: [] });
    const files = readdirSync(cache).sort();
    assert.deepEqual(
      files.map((f) => f.replace(/\.[0-9a-f]{16}\./, '.HASH.')),
      ['core.js.lint.HASH.cache', 'main.js.lint.HASH.cache'],
    );
    if (process.platform !== 'win32') {
      assert.equal(statSync(cache).mode & 0o777, 0o700);
      for (const f of files) assert.equal(statSync(join(cache, f)).mode & 0o777, 0o600);
    }
    assert.deepEqual(run(bundles, cache), { value: 'abab:true', cached: ['core.js', 'main.js'] });
  });

  it('never runs a changed bundle from the old one’s cache, even one of the same length, and keeps one cache per bundle', () => {
    run(bundles, cache);
    writeFileSync(join(bundles, 'core.js'), `exports.twice = (s) => s + 1;\n`.padEnd(`exports.twice = (s) => s + s;\n`.length));
    assert.deepEqual(run(bundles, cache), { value: 'ab1:true', cached: ['main.js'] });
    assert.equal(readdirSync(cache).filter((f) => f.startsWith('core.js.')).length, 1);
    // A temporary file a killed run left behind goes with the old caches.
    writeFileSync(join(cache, 'core.js.lint.0123456789abcdef.cache.99999.tmp'), 'half');
    writeFileSync(join(bundles, 'core.js'), `exports.twice = (s) => s + 2;\n`.padEnd(`exports.twice = (s) => s + s;\n`.length));
    run(bundles, cache);
    assert.deepEqual(readdirSync(cache).filter((f) => f.startsWith('core.js.')).length, 1);
    writeFileSync(join(bundles, 'core.js'), `exports.twice = (s) => s + 1;\n`.padEnd(`exports.twice = (s) => s + s;\n`.length));
    run(bundles, cache);
    assert.deepEqual(run(bundles, cache), { value: 'ab1:true', cached: ['core.js', 'main.js'] });
  });

  it('neither reads nor writes a cache in a folder others can write to', function () {
    if (process.platform === 'win32' || process.getuid?.() === undefined) this.skip();
    mkdirSync(cache, { recursive: true });
    chmodSync(cache, 0o777);
    assert.deepEqual(run(bundles, cache), { value: 'abab:true', cached: [] });
    assert.deepEqual(readdirSync(cache), []);
  });

  it('starts from no cache file that others can write to', function () {
    if (process.platform === 'win32' || process.getuid?.() === undefined) this.skip();
    run(bundles, cache);
    for (const f of readdirSync(cache)) chmodSync(join(cache, f), 0o666);
    assert.deepEqual(run(bundles, cache), { value: 'abab:true', cached: [] });
  });

  it('neither reads nor writes a cache below a folder others can write to and rename it in', function () {
    if (process.platform === 'win32' || process.getuid?.() === undefined) this.skip();
    // Whoever can write to `shared` can swap the cache folder for their own after it was checked.
    const shared = join(dir, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const below = join(shared, 'storydeck', 'v8');
    assert.deepEqual(run(bundles, below), { value: 'abab:true', cached: [] });
    assert.deepEqual(readdirSync(below), []);
    // With the sticky bit, as /tmp, nobody else can move what is the user's.
    chmodSync(shared, 0o1777);
    run(bundles, below);
    assert.deepEqual(run(bundles, below), { value: 'abab:true', cached: ['core.js', 'main.js'] });
  });

  it('starts from no cache file that is a symlink, even to a file of the user’s', function () {
    if (process.platform === 'win32' || process.getuid?.() === undefined) this.skip();
    run(bundles, cache);
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    for (const f of readdirSync(cache)) {
      renameSync(join(cache, f), join(elsewhere, f));
      symlinkSync(join(elsewhere, f), join(cache, f));
    }
    assert.deepEqual(run(bundles, cache), { value: 'abab:true', cached: [] });
  });

  it('leaves a bundle with a source map to Node when source maps are on, so that its stack traces still name the source', () => {
    const { code, map } = transformSync('export const twice = (s: string) => {\n  if (!s) throw new Error("empty");\n  return s + s;\n};\n', {
      loader: 'ts',
      format: 'cjs',
      sourcemap: 'external',
      sourcefile: join(dir, 'core.ts'),
    });
    writeFileSync(join(bundles, 'core.js'), `${code}//# sourceMappingURL=core.js.map\n`);
    writeFileSync(join(bundles, 'core.js.map'), map);
    writeFileSync(join(bundles, 'main.js'), `const core = require('./core.js');\nexports.value = () => { try { core.twice(''); } catch (e) { return e.stack.split('\\n')[1].trim(); } };\n`);
    const where = `(${join(dir, 'core.ts')}:2:`;
    const first = run(bundles, cache, ['--enable-source-maps']);
    assert.ok(first.value.includes(where), first.value);
    const second = run(bundles, cache, ['--enable-source-maps']);
    assert.ok(second.value.includes(where), second.value);
    assert.deepEqual(second.cached, ['main.js']);
  });

  it('lives under XDG_CACHE_HOME or ~/.cache, and is off with NODE_DISABLE_COMPILE_CACHE', () => {
    assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache' }), join('/x/cache', 'storydeck', 'v8'));
    assert.match(defaultCacheDir({}) ?? '', /[/\\]\.cache[/\\]storydeck[/\\]v8$/);
    assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache', NODE_DISABLE_COMPILE_CACHE: '1' }), undefined);
  });

  it('ignores a relative XDG_CACHE_HOME, which would put the cache in the working directory, a workspace', () => {
    const home = resolve('/home/someone');
    assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '.cache' }, home), join(home, '.cache', 'storydeck', 'v8'));
    assert.equal(defaultCacheDir({ XDG_CACHE_HOME: 'cache/x' }, home), join(home, '.cache', 'storydeck', 'v8'));
    assert.equal(defaultCacheDir({}, ''), undefined);
    assert.equal(defaultCacheDir({}, 'relative-home'), undefined);
  });

  it('keeps a cache per CLI command', () => {
    assert.deepEqual([...CACHED_COMMANDS].sort(), Object.keys(COMMANDS).sort());
  });

  it('gives the CLI’s findings unchanged when it starts from its cache', function () {
    this.timeout(60_000);
    assert.ok(existsSync(CLI), 'dist/cli.js is missing: run npm run build');
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: join(dir, 'xdg'), NODE_DISABLE_COMPILE_CACHE: '' };
    const lint = () => spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', 'test/fixtures/rules/why-before-what/fires-a-pattern-aiming-to.md'], { encoding: 'utf8', env });
    const first = lint();
    assert.ok(
      readdirSync(join(dir, 'xdg', 'storydeck', 'v8')).some((f) => f.startsWith('core.js.lint.')),
      'core.js is cached for lint',
    );
    const v8 = join(dir, 'xdg', 'storydeck', 'v8');
    const written = () => readdirSync(v8).map((f) => `${f} ${statSync(join(v8, f)).mtimeMs}`);
    const before = written();
    const second = lint();
    // Nothing written again: V8 accepted every cache the first run wrote, so the second run started from them.
    assert.deepEqual(written(), before);
    assert.equal(second.status, first.status);
    assert.equal(second.stdout, first.stdout);
    assert.ok(JSON.parse(first.stdout).length > 0, 'the fixture has findings to compare');
  });
});
