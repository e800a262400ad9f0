import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Activation loads dist/extension.js and the lint core it requires, dist/core.js: export, browser, player and
// template code live in bundles loaded on first use. Each marker is a string that only that code contains; it
// must be in the bundle that carries the code (so the marker is real) and in neither bundle activation loads.
// `npm run test:unit` builds dist/ first.
const MARKERS: { what: string; marker: string; home: string }[] = [
  { what: 'pptxgenjs (PowerPoint export)', marker: 'ppt/presentation.xml', home: 'dist/pptxgenjs.js' },
  { what: 'JSZip', marker: 'Corrupted zip', home: 'dist/jszip.js' },
  { what: 'the HTML export', marker: 'exportHtml needs the player bundle', home: 'dist/exporter.js' },
  { what: 'the browser that prints PDFs', marker: '--print-to-pdf', home: 'dist/exporter.js' },
  { what: 'the slide player', marker: 'sd-presenter-bar', home: 'dist/player.js' },
  { what: 'the preview panel', marker: 'open a Markdown narrative to preview it', home: 'dist/preview.js' },
  { what: 'Handlebars (New Narrative templates)', marker: 'Handlebars', home: 'dist/newNarrative.js' },
  { what: 'the chat participant', marker: 'StoryDeck sends the narrative and its findings to the model you picked', home: 'dist/agents.js' },
  { what: 'the language-model tools', marker: 'The edit goes into the editor, unsaved, where you can undo it', home: 'dist/agents.js' },
  { what: 'the MCP server and its SDK', marker: 'Invalid tools/call request', home: 'dist/mcp.js' },
];

/**
 * The StoryDeck modules of a bundle whose top-level code runs when it loads, in the order they run: esbuild writes
 * modules in that order, except those it wraps to run on their first `require` (`var init_… = __esm(` in the
 * module's part of the bundle).
 */
function startUpModules(code: string): string[] {
  const parts = code.split(/^\/\/ (src\/\S+)$/m);
  return parts.flatMap((path, i) => (i % 2 === 1 && !/^var init_\w+ = __esm\(/m.test(parts[i + 1]) ? [path] : []));
}

function bundle(path: string): string {
  assert.ok(existsSync(path), `${path} is missing: run npm run build`);
  return readFileSync(path, 'utf8');
}

const ACTIVATION = ['dist/extension.js', 'dist/core.js'];

// The lint core (src/core/deck, lint and story, with yaml and markdown-it) is built once, into dist/core.js; the
// bundles loaded on first use require it from there instead of carrying a copy each (esbuild.js, `fromCore`).
const CORE_MARKERS = [
  { what: 'the lint engine', marker: 'failed and was skipped' },
  { what: 'yaml', marker: 'Implicit map keys need to be followed by map values' },
];
const FIRST_USE = ['dist/extension.js', 'dist/preview.js', 'dist/newNarrative.js', 'dist/agents.js', 'dist/exporter.js', 'dist/mcp.js'];

describe('extension bundle', () => {
  for (const { what, marker, home } of MARKERS) {
    it(`does not load ${what} on activation`, () => {
      assert.ok(bundle(home).includes(marker), `the marker "${marker}" is not in ${home}: pick one that ${what} contains`);
      for (const file of ACTIVATION) assert.ok(!bundle(file).includes(marker), `${file} contains "${marker}": ${what} must load on first use, not on activation`);
    });
  }

  it('requires each bundle it loads on first use from dist/ (src/extension/firstUse.ts, esbuild.js ON_FIRST_USE)', () => {
    const required = [...bundle('dist/extension.js').matchAll(/require\(["']\.\/([\w.-]+)\.js["']\)/g)].map((m) => m[1]);
    for (const name of ['preview', 'newNarrative', 'agents', 'exporter']) assert.ok(required.includes(name), `dist/extension.js does not require dist/${name}.js`);
  });

  it('ships the lint core once, in dist/core.js, which the other bundles of the extension require at run time', () => {
    for (const { what, marker } of CORE_MARKERS) {
      assert.ok(bundle('dist/core.js').includes(marker), `the marker "${marker}" is not in dist/core.js: pick one that ${what} contains`);
      for (const file of FIRST_USE) assert.ok(!bundle(file).includes(marker), `${file} carries its own copy of ${what}`);
    }
    for (const file of FIRST_USE) assert.match(bundle(file), /require\(["']\.\/core\.js["']\)/, `${file} does not take the lint core from dist/core.js`);
  });
});

describe('player bundle', () => {
  it('carries neither the lint core nor yaml: every exported page inlines it', () => {
    for (const { what, marker } of CORE_MARKERS) assert.ok(!bundle('dist/player.js').includes(marker), `dist/player.js carries ${what}`);
    assert.ok(bundle('dist/player.js').length < 40_000, `dist/player.js is ${bundle('dist/player.js').length} bytes`);
  });
});

describe('CLI bundle', () => {
  // Each command loads what it needs: dist/cli.js is the argument parsing, the help and the commands, and takes the
  // lint core from dist/core.js; `export` requires dist/exporter.js, which requires pptxgenjs and JSZip only for --to pptx.
  it('carries neither the lint core, the exporter, pptxgenjs nor JSZip, and requires them from their own bundles', () => {
    const cli = bundle('dist/cli.js');
    for (const { what, marker } of [...CORE_MARKERS, ...MARKERS.filter(({ home }) => ['dist/exporter.js', 'dist/pptxgenjs.js', 'dist/jszip.js'].includes(home))]) {
      assert.ok(!cli.includes(marker), `dist/cli.js carries ${what}`);
    }
    assert.match(cli, /require\(["']\.\/core\.js["']\)/, 'dist/cli.js does not take the lint core from dist/core.js');
    assert.match(cli, /require\(["']\.\/exporter\.js["']\)/, 'dist/cli.js does not load dist/exporter.js for `export`');
    assert.match(cli, /require\(["']\.\/mcp\.js["']\)/, 'dist/cli.js does not load dist/mcp.js for `mcp`');
    assert.match(bundle('dist/mcp.js'), /require\(["']\.\/exporter\.js["']\)/, 'dist/mcp.js does not load dist/exporter.js for its export tool');
    for (const file of ['dist/exporter.js', 'dist/mcp.js']) assert.ok(!bundle(file).includes('ppt/presentation.xml') && !bundle(file).includes('Corrupted zip'), `${file} carries pptxgenjs or JSZip`);
    assert.match(bundle('dist/exporter.js'), /require\(["']\.\/pptxgenjs\.js["']\)/);
    assert.match(bundle('dist/pptxgenjs.js'), /require\(["']\.\/jszip\.js["']\)/, 'dist/pptxgenjs.js carries its own copy of JSZip');
  });

  it('runs the templates and Handlebars only for `new` and `templates` (src/cli/firstUse.ts)', () => {
    const cli = bundle('dist/cli.js');
    assert.ok(cli.includes('// src/core/scaffold/template.ts') && cli.includes('Handlebars'), 'dist/cli.js no longer carries the templates: check this test');
    const atStart = startUpModules(cli);
    assert.ok(atStart.includes('src/cli/main.ts'), `found no module that runs at start-up: ${atStart.join(', ')}`);
    for (const path of ['src/core/scaffold/template.ts', 'src/node/templates.ts']) assert.ok(!atStart.includes(path), `${path} runs whenever the CLI starts`);
  });

  it('loads for each command the bundles it needs and no others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'storydeck-cli-loads-'));
    try {
      /** The files of dist/ that `node dist/cli.js ARGS` loaded, in the order it loaded them (Node's module debug log). */
      const loads = (...args: string[]) => {
        const run = spawnSync(process.execPath, [join('dist', 'cli.js'), ...args], { env: { ...process.env, NODE_DEBUG: 'module' }, encoding: 'utf8' });
        assert.ok(run.status === 0 || run.status === 1, run.stderr.slice(-2000));
        return [...new Set([...run.stderr.matchAll(/load "[^"]*[\\/]dist[\\/]([\w.-]+\.js)"/g)].map((m) => m[1]))];
      };
      assert.deepEqual(loads('--version'), ['cli.js', 'core.js']);
      assert.deepEqual(loads('lint', 'examples/town-hall.md'), ['cli.js', 'core.js']);
      assert.deepEqual(loads('export', 'examples/town-hall.md', '--to', 'html', '-o', join(dir, 'deck.html')), ['cli.js', 'core.js', 'exporter.js']);
      assert.deepEqual(loads('export', 'examples/town-hall.md', '--to', 'pptx', '-o', join(dir, 'deck.pptx')), ['cli.js', 'core.js', 'exporter.js', 'pptxgenjs.js', 'jszip.js']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not load the MCP server or its SDK for other commands: `storydeck mcp` loads dist/mcp.js', () => {
    assert.ok(bundle('dist/mcp.js').includes('Invalid tools/call request'));
    assert.ok(!bundle('dist/cli.js').includes('Invalid tools/call request'), 'dist/cli.js contains the MCP SDK');
  });

  it("sets V8's flags for its own short runs first, and no bundle the extension host loads sets any", () => {
    const cli = bundle('dist/cli.js');
    const at = (flag: string) => cli.indexOf(`setFlagsFromString)(\`${flag}`) + cli.indexOf(`setFlagsFromString)("${flag}`) + 1;
    for (const flag of ['--no-regexp-tier-up', '--interrupt-budget=']) assert.ok(at(flag) > 0, `dist/cli.js does not set ${flag}`);
    // Before the top-level code of every other StoryDeck module.
    const modules = startUpModules(cli).filter((path) => path !== 'src/cli/index.ts');
    assert.equal(modules[0], 'src/cli/v8Flags.ts');
    for (const path of [...ACTIVATION, ...FIRST_USE]) assert.ok(!bundle(path).includes('setFlagsFromString'), `${path} sets V8 flags in the extension host`);
  });
});
