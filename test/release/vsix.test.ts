import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import JSZip from 'jszip';

/**
 * The packaged extension (`npm run package`, run first by scripts/vsix-test.sh): what is in it and how big it
 * is. The budget: 1 MiB for the whole .vsix, so that installing StoryDeck costs about as much as a photo.
 */
const BUDGET_BYTES = 1024 * 1024;
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const file = `storydeck-${version}.vsix`;

describe(`${file}`, () => {
  let files: string[];
  let zip: JSZip;

  before(async () => {
    zip = await JSZip.loadAsync(readFileSync(file));
    files = Object.keys(zip.files)
      .filter((name) => !zip.files[name].dir && name.startsWith('extension/'))
      .map((name) => name.slice('extension/'.length));
  });

  it(`is within the size budget of ${BUDGET_BYTES / 1024} KiB`, () => {
    const size = statSync(file).size;
    assert.ok(size <= BUDGET_BYTES, `${file} is ${(size / 1024).toFixed(0)} KiB, over the ${BUDGET_BYTES / 1024} KiB budget`);
  });

  it('holds what the extension runs and shows', () => {
    for (const needed of [
      'package.json',
      'dist/extension.js',
      'dist/webview.js',
      'dist/mcp.js',
      'dist/THIRD-PARTY-NOTICES.txt',
      'media/icon.png',
      'schemas/storydeck.schema.json',
      'snippets/storydeck.code-snippets.json',
      'templates/town-hall.hbs',
      'docs/rules/why-before-what.md',
      'media/walkthrough/new.md',
    ]) {
      assert.ok(files.includes(needed), `${needed} is missing from the package`);
    }
  });

  it('holds every bundle the extension loads on first use, which dist/extension.js requires rather than carries', async () => {
    // src/extension/firstUse.ts, whose `require`s esbuild.js turns into these (ON_FIRST_USE).
    const code = await zip.file('extension/dist/extension.js')!.async('string');
    const lazy = new Set([...code.matchAll(/require\(["']\.\/([\w.-]+\.js)["']\)/g)].map((m) => `dist/${m[1]}`));
    for (const bundle of ['dist/preview.js', 'dist/newNarrative.js', 'dist/agents.js', 'dist/exporter.js']) {
      assert.ok(lazy.has(bundle), `dist/extension.js does not require ${bundle}: it carries that code, or no longer loads it`);
      assert.ok(files.includes(bundle), `${bundle} is loaded by the extension but not in the package`);
    }
  });

  it('holds every bundle another bundle requires at run time (the lint core, dist/core.js)', async () => {
    const bundles = files.filter((name) => /^dist\/[^/]+\.js$/.test(name));
    const required = new Set<string>();
    for (const name of bundles) {
      const code = await zip.file(`extension/${name}`)!.async('string');
      for (const m of code.matchAll(/require\(["']\.\/([\w.-]+\.js)["']\)/g)) required.add(`dist/${m[1]}`);
    }
    assert.ok(required.has('dist/core.js'), `no bundle requires dist/core.js: ${[...required].join(', ')}`);
    for (const bundle of required) assert.ok(files.includes(bundle), `${bundle} is required by a bundle but not in the package`);
  });

  it('holds no sources, tests, fixtures, benchmarks, source maps or dependencies', () => {
    const unwanted = files.filter((name) => /^(src|test|bench|scripts|examples|out|node_modules)\/|\.map$|\.ts$|^\.|\/\./.test(name));
    assert.deepEqual(unwanted, []);
  });

  it('ships every file the manifest points at', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    const referenced = [
      manifest.main.replace(/^\.\//, ''),
      manifest.icon,
      ...(manifest.contributes.snippets ?? []).map((s: { path: string }) => s.path),
      ...manifest.contributes.jsonValidation.map((v: { url: string }) => v.url),
      ...manifest.contributes.walkthroughs.flatMap((w: { steps: { media: { markdown?: string; image?: string } }[] }) => w.steps.map((s) => s.media.markdown ?? s.media.image)),
    ].map((path: string) => path.replace(/^\.\//, ''));
    for (const path of referenced) assert.ok(files.includes(path), `package.json names ${path}, which is not in the package`);
  });
});
