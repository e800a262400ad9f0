// Builds the bundles: the extension host (node, cjs, `vscode` external), the preview webview (browser),
// the slide player (browser, dist/player.js + dist/player.css), the CLI (node) and the exporter (node,
// dist/exporter.js, which the extension and the CLI load on their first export; it loads pptxgenjs and JSZip,
// dist/pptxgenjs.js and dist/jszip.js, for a PowerPoint export: see `ON_FIRST_USE`). The lint core is built once, into
// dist/core.js, which the extension's Node bundles require at run time (see `CORE_DIRS` below). The HTML export inlines the player
// and the themes, so the player is built first and embedded into the CLI and the exporter as the
// STORYDECK_EXPORT_ASSETS constant. `--watch` rebuilds on change (those two after every player build);
// `--production` minifies and drops source maps.
// Types are checked separately by `npm run typecheck` because esbuild does not check them.
const { readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const esbuild = require('esbuild');
const { version } = require('./package.json');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  define: { STORYDECK_VERSION: JSON.stringify(version) },
};

// dist/core.js: the parser, the story model and the lint engine with its rules (and the yaml and markdown-it they
// use). dist/extension.js runs all of it at activation (it lints), and the bundles loaded on first use need it
// too, so each of those would otherwise carry its own copy. Built once, it is required at run time, by the same
// `require('./core.js')` from every bundle in dist/, so they also share one instance (and its caches). Each
// module's exports are a key of dist/core.js (its path, or the package's name). A file added under these folders
// during `--watch` is bundled where it is used until the next start.
const CORE_DIRS = ['src/core/deck', 'src/core/lint', 'src/core/story'];
const CORE_PACKAGES = ['yaml', 'markdown-it'];
// The error classes every bundle throws and tests with `instanceof`: one copy, so that a UserError thrown in
// dist/exporter.js is a UserError to dist/cli.js and dist/mcp.js too.
const CORE_FILES = ['src/node/errors.ts'];
const coreModules = [
  ...CORE_PACKAGES,
  ...CORE_FILES,
  ...CORE_DIRS.flatMap((dir) =>
    readdirSync(dir, { recursive: true })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
      .map((file) => `${dir}/${file.split('\\').join('/')}`),
  ),
];

/** @type {import('esbuild').BuildOptions} */
const core = {
  ...common,
  stdin: {
    contents: coreModules.map((key) => `export * as ${JSON.stringify(key)} from ${JSON.stringify(key.startsWith('src/') ? `./${key}` : key)};`).join('\n'),
    resolveDir: __dirname,
    sourcefile: 'core.js',
  },
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: 'dist/core.js',
};

/** An esbuild plugin: the modules of dist/core.js come from there at run time instead of into the bundle. */
const fromCore = {
  name: 'storydeck-core',
  setup(build) {
    const keys = new Set(coreModules);
    const packages = new RegExp(`^(${CORE_PACKAGES.join('|')})$`);
    build.onResolve({ filter: /^\.\/core\.js$/, namespace: 'storydeck-core' }, () => ({ path: './core.js', external: true }));
    build.onResolve({ filter: packages }, (args) => ({ path: args.path, namespace: 'storydeck-core' }));
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === 'storydeck-core') return undefined;
      const { kind, importer, resolveDir } = args;
      const resolved = await build.resolve(args.path, { kind, importer, resolveDir, pluginData: 'storydeck-core' });
      const key = relative(__dirname, resolved.path).split('\\').join('/');
      return keys.has(key) ? { path: key, namespace: 'storydeck-core' } : resolved;
    });
    build.onLoad({ filter: /.*/, namespace: 'storydeck-core' }, (args) => ({ contents: `module.exports = require('./core.js')[${JSON.stringify(args.path)}];`, loader: 'js' }));
  },
};

// Code that only some runs need, each in its own bundle that the code needing it requires on first use: an
// `import()` or `require()` of one of these modules (a package, or a source file) becomes `require('./NAME.js')`,
// so the caller's bundle neither carries nor compiles it, and the same code run from source (tsx, in the unit
// tests) requires the module itself. (A static `import` of one of the packages becomes a `require` too, but one
// that runs when the bundle loads.) This is the one way a bundle loads another on first use: the extension's and
// the CLI's `require`s are in src/extension/firstUse.ts and src/cli/firstUse.ts. An export loads dist/exporter.js;
// a PowerPoint export loads pptxgenjs, and pptxgenjs and the PowerPoint section writer load JSZip; `storydeck mcp`
// loads dist/mcp.js; the extension's preview, New Narrative and agents load theirs.
const ON_FIRST_USE = {
  pptxgenjs: 'pptxgenjs',
  jszip: 'jszip',
  'src/node/exporter.ts': 'exporter',
  'src/cli/mcp/server.ts': 'mcp',
  'src/extension/preview/manager.ts': 'preview',
  'src/extension/newNarrative.ts': 'newNarrative',
  'src/extension/agents/index.ts': 'agents',
};

/** An esbuild plugin: the modules of ON_FIRST_USE come from their own bundles at run time. */
const onFirstUse = {
  name: 'storydeck-first-use',
  setup(build) {
    // `import()` as `require()`: Node's ES module loader, which a real `import()` of a CommonJS bundle starts, costs more than the require.
    build.initialOptions.supported = { ...build.initialOptions.supported, 'dynamic-import': false };
    const packageNames = Object.keys(ON_FIRST_USE).filter((key) => !key.startsWith('src/'));
    const packages = new RegExp(`^(${packageNames.join('|')})$`);
    build.onResolve({ filter: packages }, (args) => (args.kind === 'entry-point' ? undefined : { path: `./${ON_FIRST_USE[args.path]}.js`, external: true }));
    build.onResolve({ filter: /^\./ }, async (args) => {
      if ((args.kind !== 'dynamic-import' && args.kind !== 'require-call') || args.pluginData === 'storydeck-first-use' || args.pluginData === 'storydeck-core') return undefined;
      const { kind, importer, resolveDir } = args;
      const resolved = await build.resolve(args.path, { kind, importer, resolveDir, pluginData: 'storydeck-first-use' });
      const name = ON_FIRST_USE[relative(__dirname, resolved.path).split('\\').join('/')];
      return name ? { path: `./${name}.js`, external: true } : undefined;
    });
  },
};

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
  core,
  // dist/pptxgenjs.js and dist/jszip.js: the packages as they are, loaded on first use (ON_FIRST_USE).
  { ...common, plugins: [onFirstUse], entryPoints: { pptxgenjs: 'pptxgenjs', jszip: 'jszip' }, platform: 'node', format: 'cjs', target: 'node20', outdir: 'dist' },
  {
    ...common,
    plugins: [onFirstUse, fromCore],
    // dist/preview.js (the preview panel), dist/newNarrative.js and dist/agents.js (the language-model tools and chat
    // participant): each loaded on first use (ON_FIRST_USE, src/extension/firstUse.ts).
    entryPoints: { extension: 'src/extension/extension.ts', preview: 'src/extension/preview/manager.ts', newNarrative: 'src/extension/newNarrative.ts', agents: 'src/extension/agents/index.ts' },
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    outdir: 'dist',
  },
  {
    ...common,
    entryPoints: { webview: 'src/webview/main.ts' },
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    outdir: 'dist',
  },
];

/** @type {import('esbuild').BuildOptions} */
const player = {
  ...common,
  entryPoints: { player: 'src/webview/player/index.ts' },
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  // Inlined into exported pages, where a source map link would point at a file that is not there.
  sourcemap: false,
  outdir: 'dist',
};

/** The CLI and the exporter, with what the HTML export inlines read from the player build and media/themes. */
function exportBundles() {
  const themes = Object.fromEntries(
    readdirSync('media/themes')
      .filter((file) => file.endsWith('.css'))
      .map((file) => [file.slice(0, -'.css'.length), readFileSync(`media/themes/${file}`, 'utf8')]),
  );
  const assets = { playerJs: readFileSync('dist/player.js', 'utf8'), playerCss: readFileSync('dist/player.css', 'utf8'), themes };
  /** @type {import('esbuild').BuildOptions} */
  const node = {
    ...common,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define: { ...common.define, STORYDECK_EXPORT_ASSETS: JSON.stringify(assets) },
    outdir: 'dist',
  };
  // Only the exporter embeds the assets: the CLI and the MCP server load it to export.
  const withoutAssets = { ...node, define: common.define };
  return [
    { ...withoutAssets, entryPoints: { cli: 'src/cli/index.ts' }, banner: { js: '#!/usr/bin/env node' }, plugins: [onFirstUse, fromCore] },
    { ...node, entryPoints: { exporter: 'src/node/exporter.ts' }, plugins: [onFirstUse, fromCore] },
    // dist/mcp.js: the MCP server and its SDK, loaded by `storydeck mcp` and run by VS Code's MCP server definition.
    { ...withoutAssets, entryPoints: { mcp: 'src/cli/mcp/server.ts' }, plugins: [onFirstUse, fromCore] },
  ];
}

async function watchAll() {
  const contexts = await Promise.all(bundles.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((ctx) => ctx.watch()));
  let exportContexts = [];
  const rebuildCli = {
    name: 'rebuild-cli',
    setup(build) {
      build.onEnd(async (result) => {
        if (result.errors.length > 0) return;
        await Promise.all(exportContexts.map((ctx) => ctx.dispose()));
        exportContexts = await Promise.all(exportBundles().map((options) => esbuild.context(options)));
        await Promise.all(exportContexts.map((ctx) => ctx.watch()));
      });
    },
  };
  const playerContext = await esbuild.context({ ...player, plugins: [rebuildCli] });
  await playerContext.watch();
  console.log('esbuild: watching for changes…');
}

/**
 * dist/THIRD-PARTY-NOTICES.txt: the name, version, licence and licence text of every package whose code a bundle
 * carries (the inputs of the builds' metafiles), since the bundles keep no licence comments and the npm package
 * installs no dependency whose folder would hold them.
 */
function writeNotices(results) {
  /** The package's licence file or, when it has none (isarray), its README's licence section. */
  const licenceText = (root, name) => {
    const entries = readdirSync(root);
    const file = entries.find((entry) => /^(licen[cs]e|copying)([-.][\w.-]*)?$/i.test(entry));
    if (file) return readFileSync(join(root, file), 'utf8').trim();
    const readme = entries.find((entry) => /^readme(\.md)?$/i.test(entry));
    const section = readme && /^#+ *licen[cs]e\b[^\n]*\n([\s\S]*)/im.exec(readFileSync(join(root, readme), 'utf8'));
    if (!section) throw new Error(`${name}: no licence file or README licence section in ${root}`);
    return section[1].trim();
  };
  const roots = new Set();
  for (const result of results) {
    for (const input of Object.keys(result.metafile.inputs)) {
      const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.split('\\').join('/'));
      if (m) roots.add(m[1]);
    }
  }
  const notices = new Map(); // by name and version: a package nested twice (safe-buffer) is listed once
  for (const root of roots) {
    const { name, version, license } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    notices.set(`${name}@${version}`, `${name} ${version} (${license})\n\n${licenceText(root, name)}\n`);
  }
  const texts = [...notices.keys()].sort().map((key) => notices.get(key));
  const header = 'StoryDeck bundles code from these packages, under these licences.\n';
  writeFileSync('dist/THIRD-PARTY-NOTICES.txt', [header, ...texts].join(`\n${'-'.repeat(80)}\n\n`));
}

async function main() {
  if (watch) return watchAll();
  const results = await Promise.all([...bundles, player].map((options) => esbuild.build(options)));
  results.push(...(await Promise.all(exportBundles().map((options) => esbuild.build(options)))));
  writeNotices(results);
  for (const result of results) {
    for (const [file, { bytes }] of Object.entries(result.metafile.outputs)) {
      if (!file.endsWith('.map')) console.log(`${file.padEnd(24)} ${(bytes / 1024).toFixed(1).padStart(8)} KiB`);
    }
  }
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
