// Bundles the integration suites for the extension host and the launchers for Node:
//   out/integration/suite/index.js      the extensionTestsPath entry (runs mocha in the extension host)
//   out/integration/suite/*.test.js     one bundle per test file (vscode and mocha external)
//   out/integration/run.js              code-server + headless chromium launcher (scripts/code-server-test.sh)
//   out/integration/run-electron.js     @vscode/test-electron launcher (VSCODE_EXECUTABLE or a download)
//   out/integration/lm-double.vsix      a test-only extension: a language model the suites control (lm-double/),
//                                       installed by run.ts (the workbench takes one extensionDevelopmentPath)
//   out/smoke/index.js, smoke.test.js   the suite run against the installed .vsix (scripts/vsix-test.sh)
const { copyFileSync, mkdirSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const { createVSIX } = require('@vscode/vsce');
const esbuild = require('esbuild');

const here = __dirname;
const root = join(here, '../..');
const suite = join(here, 'suite');
const tests = readdirSync(suite).filter((f) => f.endsWith('.test.ts'));

/** @type {import('esbuild').BuildOptions} */
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline', sourcesContent: false, logLevel: 'warning', absWorkingDir: root };

mkdirSync(join(root, 'out/integration/lm-double'), { recursive: true });
copyFileSync(join(here, 'lm-double/package.json'), join(root, 'out/integration/lm-double/package.json'));

Promise.all([
  esbuild.build({
    ...common,
    entryPoints: [join(here, 'lm-double/extension.ts')],
    outdir: join(root, 'out/integration/lm-double'),
    external: ['vscode'],
  }),
  esbuild.build({
    ...common,
    entryPoints: [join(suite, 'index.ts'), ...tests.map((f) => join(suite, f))],
    outdir: join(root, 'out/integration/suite'),
    external: ['vscode', 'mocha'],
  }),
  esbuild.build({
    ...common,
    entryPoints: { index: join(suite, 'index.ts'), 'smoke.test': join(here, '../smoke/smoke.test.ts') },
    outdir: join(root, 'out/smoke'),
    external: ['vscode', 'mocha'],
  }),
  esbuild.build({
    ...common,
    entryPoints: [join(here, 'run.ts'), join(here, 'run-electron.ts')],
    outdir: join(root, 'out/integration'),
    external: ['playwright-core', '@vscode/test-electron'],
  }),
])
  .then(() =>
    createVSIX({
      cwd: join(root, 'out/integration/lm-double'),
      packagePath: join(root, 'out/integration/lm-double.vsix'),
      dependencies: false,
      allowMissingRepository: true,
      skipLicense: true,
    }),
  )
  .then(
    () => console.log(`out/integration: ${tests.length} test file${tests.length === 1 ? '' : 's'} bundled`),
    (e) => {
      console.error(e.message ?? e);
      process.exit(1);
    },
  );
