// @ts-check
// ESLint for the whole repository, and the layer boundaries of docs/architecture.md: which folder may import which.
// test/unit/release/boundaries.test.ts shows each boundary failing the lint when broken.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const oneOf = (names) => names.map(escape).join('|');

/**
 * A boundary: imports whose specifier matches `regex` are errors. `typesAllowed` lets `import type` through, for
 * boundaries about what runs, not what is checked. Specifiers are relative, so folder boundaries match any number of
 * `../` in front of the folder's name.
 */
const boundary = (regex, message, typesAllowed = false) => ({ regex, message, typesAllowed });

const VSCODE = boundary('^vscode$', 'Only src/extension may import vscode.');
const NODE = boundary(`^(node:.+|${oneOf(builtinModules)})$`, 'Node built-ins are for src/node, src/cli and src/extension: this code also runs in a browser.');
const OUTER = (layers) => boundary(`^(\\.\\./)+(${layers.join('|')})(/|$)`, `Arrows point toward src/core: this folder may not import src/{${layers.join(',')}}.`);
const DECK_UPWARD = boundary('^(\\.\\./)+(core/)?(render|lint|export|scaffold)(/|$)', 'src/core/deck is the bottom layer: it imports nothing from render, lint, export or scaffold.');
const OTHER_RULE = boundary('^(\\./|(\\.\\./)+rules(/|$))', 'A rule imports no other rule: share code through a module outside src/core/lint/rules.');
const WEBVIEW_AT_RUN_TIME = boundary('^(\\.\\./)+webview(/|$)', 'The extension imports nothing from src/webview at run time (import type is fine): code both use lives in src/shared.', true);

const CORE = [VSCODE, NODE, OUTER(['node', 'cli', 'extension', 'webview', 'shared'])];

/** Each layer's files and what they must not import. A file in two layers gets the later, more specific entry. */
const LAYERS = {
  core: { files: ['src/core/**/*.ts'], boundaries: CORE },
  deck: { files: ['src/core/deck/**/*.ts'], boundaries: [...CORE, DECK_UPWARD] },
  rules: { files: ['src/core/lint/rules/*.ts'], ignores: ['src/core/lint/rules/index.ts'], boundaries: [...CORE, OTHER_RULE] },
  node: { files: ['src/node/**/*.ts'], boundaries: [VSCODE, OUTER(['cli', 'extension', 'webview'])] },
  cli: { files: ['src/cli/**/*.ts'], boundaries: [VSCODE, OUTER(['extension', 'webview'])] },
  extension: { files: ['src/extension/**/*.ts'], boundaries: [WEBVIEW_AT_RUN_TIME, OUTER(['cli'])] },
  webview: { files: ['src/webview/**/*.ts'], boundaries: [VSCODE, NODE, OUTER(['node', 'cli', 'extension'])] },
  // What the extension and the webview both import (the message types, slideAtLine): it runs in both, and imports neither.
  shared: { files: ['src/shared/**/*.ts'], boundaries: [VSCODE, NODE, OUTER(['node', 'cli', 'extension', 'webview'])] },
};

/**
 * The rule setting for a list of boundaries.
 * @returns {import('eslint').Linter.RuleEntry}
 */
function restrictImports(boundaries) {
  const patterns = boundaries.map((b) => ({ regex: b.regex, message: b.message, allowTypeImports: b.typesAllowed }));
  return ['error', { patterns }];
}

/**
 * `require()` and `import()` of a literal specifier are held to the same boundaries as `import` (selector regexes cannot hold a `/`).
 * @returns {import('eslint').Linter.RuleEntry}
 */
function restrictCalls(boundaries) {
  const selectors = (regex) => [`CallExpression[callee.name='require'][arguments.0.value=/${regex}/]`, `ImportExpression[source.value=/${regex}/]`];
  return ['error', ...boundaries.flatMap((b) => selectors(b.regex.replaceAll('/', '\\x2F')).map((selector) => ({ selector, message: b.message })))];
}

const layerConfigs = Object.entries(LAYERS).map(([name, { files, ignores, boundaries }]) => ({
  name: `storydeck/boundaries/${name}`,
  files,
  ...(ignores ? { ignores } : {}),
  rules: { '@typescript-eslint/no-restricted-imports': restrictImports(boundaries), 'no-restricted-syntax': restrictCalls(boundaries) },
}));

export default defineConfig(
  {
    name: 'storydeck/ignores',
    ignores: ['dist/', 'out/', '.vscode-test/', '.cache/', 'node_modules/', 'test/fixtures/', 'test/integration/fixtures/', 'examples/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'storydeck/node-scripts',
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { name: 'storydeck/node-modules', files: ['**/*.mjs'], languageOptions: { globals: globals.node } },
  {
    name: 'storydeck/choices',
    rules: {
      // The sanitizers (XML, YAML, URLs, terminal output) match control characters on purpose.
      'no-control-regex': 'off',
      // `\-` in a character class says "a hyphen, not a range" to the reader.
      'no-useless-escape': ['error', { allowRegexCharacters: ['-'] }],
      // As tsc's noUnusedLocals: a destructured key left out of `...rest` is not unused.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    name: 'storydeck/require-at-run-time',
    // These load a module on first use (its own bundle, or code esbuild wraps to run then), or a fresh copy of one, which `import` cannot.
    files: ['src/extension/firstUse.ts', 'src/cli/firstUse.ts', 'test/unit/deck/memo.test.ts', 'test/unit/node/exporter.test.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    name: 'storydeck/browser-tests',
    files: ['test/browser/**/*.ts'],
    rules: {
      // The exported pages' CSP forbids the eval a waitForFunction predicate needs: the wait fails when the first check does.
      'no-restricted-properties': ['error', { property: 'waitForFunction', message: "Use waitForScript from test/browser/harness.ts: the page's CSP forbids the eval waitForFunction needs." }],
    },
  },
  layerConfigs,
  prettier,
);
