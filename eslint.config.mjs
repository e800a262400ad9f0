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
const WEBVIEW_AT_RUN_TIME = boundary('^(\\.\\./)+webview(/|$)', 'The extension imports nothing from src/webview at run time (import type is fine): shared code lives in a neutral folder.', true);

const CORE = [VSCODE, NODE, OUTER(['node', 'cli', 'extension', 'webview'])];

/** Each layer's files and what they must not import. A file in two layers gets the later, more specific entry. */
const LAYERS = {
  core: { files: ['src/core/**/*.ts'], boundaries: CORE },
  deck: { files: ['src/core/deck/**/*.ts'], boundaries: [...CORE, DECK_UPWARD] },
  rules: { files: ['src/core/lint/rules/*.ts'], ignores: ['src/core/lint/rules/index.ts'], boundaries: [...CORE, OTHER_RULE] },
  node: { files: ['src/node/**/*.ts'], boundaries: [VSCODE, OUTER(['cli', 'extension', 'webview'])] },
  cli: { files: ['src/cli/**/*.ts'], boundaries: [VSCODE, OUTER(['extension', 'webview'])] },
  extension: { files: ['src/extension/**/*.ts'], boundaries: [WEBVIEW_AT_RUN_TIME, OUTER(['cli'])] },
  webview: { files: ['src/webview/**/*.ts'], boundaries: [VSCODE, NODE, OUTER(['node', 'cli', 'extension'])] },
};

/**
 * Imports that break a boundary today, allowed for one file each until the refactor of issue #13 moves the code.
 * Each entry lets exactly the named specifiers through; every other import of its layer's boundaries stays an error.
 * Delete an entry when its move lands.
 */
export const TEMPORARY_EXCEPTIONS = [
  // slideAtLine moves to a neutral folder shared by the extension and the webview in #13's refactor.
  { layer: 'extension', file: 'src/extension/preview/manager.ts', allow: ['../../webview/lines'] },
];

/**
 * The rule setting for a list of boundaries, with `allow`ed specifiers let through.
 * @returns {import('eslint').Linter.RuleEntry}
 */
function restrictImports(boundaries, allow = []) {
  const except = allow.length ? `(?!(${oneOf(allow)})$)` : '';
  const patterns = boundaries.map((b) => ({ regex: `${except}${b.regex}`, message: b.message, allowTypeImports: b.typesAllowed }));
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

const exceptionConfigs = TEMPORARY_EXCEPTIONS.map(({ layer, file, allow }) => ({
  name: `storydeck/boundaries/temporary-exception/${file}`,
  files: [file],
  rules: { '@typescript-eslint/no-restricted-imports': restrictImports(LAYERS[layer].boundaries, allow) },
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
    // These load a built bundle by a computed path, or a fresh copy of a module, which `import` cannot.
    files: ['src/extension/lazy.ts', 'test/unit/deck/memo.test.ts', 'test/unit/node/exporter.test.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  layerConfigs,
  exceptionConfigs,
  prettier,
);
