// Benchmark: the editor's work per keystroke, and what activating the extension costs.
//
//   npm run bench:editor                    # builds dist/ first, then runs this file
//   npx tsx bench/editor.bench.ts [--sizes 100,500] [--keystrokes 300] [--activations 15]
//
// 1. Keystroke to diagnostics, in process, on generated narratives (bench/generate.ts). Each keystroke types
//    one character into a paragraph in the middle of the deck, then does what the extension does once the
//    typing pause (300 ms, not counted) is over (src/extension/diagnostics.ts and story.ts), as far as it
//    can be done without VS Code: read the front matter opt-in (narratives.ts reads up to 200 lines),
//    lintText with the default config, map rule ids to their docs, turn each finding into a diagnostic-shaped
//    object with a 0-based range, then the story status text and tooltip. The Story view's tree, built only
//    while the view is open, is timed apart. Not counted: VS Code's document.getText() and the renderer
//    drawing the squiggles. Median and nearest-rank p95 after 20 warm-up keystrokes, of the wall time and of the
//    process's CPU time (process.cpuUsage, all threads, so garbage collection counts), which a busy machine
//    inflates far less than the wall time.
// 2. Activation: a fresh `node` process per run requires dist/extension.js with a stub `vscode` module
//    (a Module._resolveFilename hook; every vscode API is a no-op proxy) and calls activate() with a fake
//    context. Times the require and the activate() call; process start-up is not counted.
// 3. Bundle sizes of dist/*.js (run `node esbuild.js --production` first for the minified sizes).
//
// This is a benchmark, not a test: it always exits 0 and asserts nothing about timings.

import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { cpus, loadavg, release, type as osType } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readFrontMatter } from '../src/core/deck/frontMatter';
import { effectiveConfig, lintText, rulesFor } from '../src/core/lint';
import { readStory, storyStatusText, storyStatusTooltip, storySummary, storyTree } from '../src/core/story';
import { benchArgs } from './args';
import { generateDeck } from './generate';
import { runBenchmark, stats, type Stats } from './stats';

const ROOT = resolve(__dirname, '..');
const WARMUP = 20;
const TARGET_MS = 15;

interface Options {
  sizes: number[];
  keystrokes: number;
  activations: number;
}

function parseOptions(argv: string[]): Options {
  const args = benchArgs(argv, ['sizes', 'keystrokes', 'activations']);
  return { sizes: args.counts('sizes', [100, 500]), keystrokes: args.count('keystrokes', 300), activations: args.count('activations', 15) };
}

interface KeystrokeRow {
  slides: number;
  kb: number;
  findings: number;
  total: Stats;
  /** CPU time of the same work: on a shared machine, waiting for a core does not count. */
  cpu: Stats;
  lint: Stats;
  tree: Stats;
}

/** The first line of a plain paragraph in the middle of the deck: where the typing happens. */
function typingOffset(text: string): number {
  const lines = text.split('\n');
  let offset = 0;
  const middle = lines.length >> 1;
  for (let i = 0; i < lines.length; i++) {
    if (i >= middle && /^[A-Z][^|<>#-]{40,}$/.test(lines[i])) return offset + lines[i].length;
    offset += lines[i].length + 1;
  }
  throw new Error('no paragraph to type into');
}

/** One lint after a keystroke, as src/extension/diagnostics.ts does it, minus the vscode calls. */
function lintAsTheExtensionDoes(text: string): { lintMs: number; deck: ReturnType<typeof lintText>['deck']; findings: ReturnType<typeof lintText>['findings']; story: ReturnType<typeof readStory> } {
  readFrontMatter(text.split('\n', 200)); // narratives.ts: the `storydeck:` opt-in
  const config = {};
  const start = performance.now();
  const { deck, findings } = lintText(text, config, { file: '/bench/deck.md', plugins: [] });
  const lintMs = performance.now() - start;
  const docs = new Map(rulesFor(config, []).map((rule) => [rule.id, rule.docs]));
  const diagnostics = findings.map((f) => ({
    range: { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } },
    message: f.message,
    severity: f.severity,
    source: 'storydeck',
    code: { value: f.ruleId, target: docs.get(f.ruleId) },
  }));
  const story = readStory(deck, effectiveConfig(deck, config)); // diagnostics.ts: the reading kept with the result
  const summary = storySummary(deck, findings, story); // story.ts: the status item on every lint result
  storyStatusText(summary);
  storyStatusTooltip(summary);
  if (diagnostics.length !== findings.length) throw new Error('a finding was lost');
  return { lintMs, deck, findings, story };
}

function keystrokes(slides: number, count: number): KeystrokeRow {
  let text = generateDeck(slides);
  let at = typingOffset(text);
  const typed = ' and then the next shift starts';
  const total: number[] = [];
  const cpu: number[] = [];
  const lint: number[] = [];
  const tree: number[] = [];
  let findings = 0;
  for (let i = 0; i < WARMUP + count; i++) {
    const ch = typed[i % typed.length];
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    text = text.slice(0, at) + ch + text.slice(at);
    at++;
    const result = lintAsTheExtensionDoes(text);
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    storyTree(result.deck, result.findings, result.story);
    const t2 = performance.now();
    if (i < WARMUP) continue;
    total.push(t1 - t0);
    cpu.push((c1.user + c1.system) / 1000);
    lint.push(result.lintMs);
    tree.push(t2 - t1);
    findings = result.findings.length;
  }
  return { slides, kb: Buffer.byteLength(text) / 1024, findings, total: stats(total), cpu: stats(cpu), lint: stats(lint), tree: stats(tree) };
}

/** Requires dist/extension.js in a fresh process with a stub `vscode`, then activates it; prints the times as JSON. */
const ACTIVATION_SCRIPT = String.raw`
const Module = require('node:module');
const { performance } = require('node:perf_hooks');
const stub = new Proxy(function () {}, {
  get: (_, key) => (key === Symbol.iterator ? function* () {} : key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : stub),
  apply: () => stub,
  construct: () => stub,
  set: () => true,
});
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolveFilename.call(this, request, ...rest);
};
const file = process.argv[1];
// esbuild copies the module's own keys: give it every vscode.<name> the bundle uses.
const names = new Set([...require('node:fs').readFileSync(file, 'utf8').matchAll(/\bvscode\d*\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]));
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: Object.fromEntries([...names].map((n) => [n, stub])) };
const t0 = performance.now();
const extension = require(file);
const t1 = performance.now();
const context = { subscriptions: [], extensionUri: stub, extensionPath: require('node:path').dirname(file), globalState: stub, workspaceState: stub };
const api = extension.activate(context);
const t2 = performance.now();
const loaded = Object.keys(require.cache).filter((k) => k !== 'vscode');
process.stdout.write(JSON.stringify({ require: t1 - t0, activate: t2 - t1, api: Object.keys(api), subscriptions: context.subscriptions.length, loaded }));
`;

interface Activation {
  require: Stats;
  activate: Stats;
  subscriptions: number;
  loaded: string[];
}

function activations(runs: number): Activation {
  const file = join(ROOT, 'dist', 'extension.js');
  const req: number[] = [];
  const act: number[] = [];
  let last: { subscriptions: number; loaded: string[] } = { subscriptions: 0, loaded: [] };
  for (let i = 0; i < runs + 1; i++) {
    const child = spawnSync(process.execPath, ['-e', ACTIVATION_SCRIPT, file], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`activation run failed: ${(child.stderr || child.stdout).trim().split('\n').slice(0, 8).join(' / ')}`);
    const result = JSON.parse(child.stdout) as { require: number; activate: number; subscriptions: number; loaded: string[] };
    if (i === 0) continue; // warms the disk cache
    req.push(result.require);
    act.push(result.activate);
    last = result;
  }
  return { require: stats(req), activate: stats(act), subscriptions: last.subscriptions, loaded: last.loaded };
}

function bundles(): { file: string; kb: number }[] {
  const dist = join(ROOT, 'dist');
  return readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((file) => ({ file: `dist/${file}`, kb: statSync(join(dist, file)).size / 1024 }));
}

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const cell = (s: Stats) => `${ms(s.median)} (${ms(s.p95)})`;

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  console.log(`Node ${process.version}, ${osType()} ${release()}, ${cpus().length}× ${cpus()[0]?.model ?? '?'}, load average ${loadavg()[0].toFixed(1)}`);
  console.log(`\nKeystroke to diagnostics (in process; ${options.keystrokes} keystrokes after ${WARMUP} warm-up; target < ${TARGET_MS} ms on 100 slides)\n`);
  console.log('| Slides | File | Findings | **Per keystroke** median (p95) ms | CPU time median (p95) ms | of which `lintText` median (p95) ms | Story view tree median (p95) ms |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const slides of options.sizes) {
    const row = keystrokes(slides, options.keystrokes);
    console.log(`| ${slides} | ${row.kb.toFixed(1)} KB | ${row.findings} | **${cell(row.total)}** | ${cell(row.cpu)} | ${cell(row.lint)} | ${cell(row.tree)} |`);
  }

  const activation = activations(options.activations);
  console.log(
    `\nActivation (${options.activations} fresh processes, stub vscode): require dist/extension.js ${cell(activation.require)} ms, activate() ${cell(activation.activate)} ms; ${activation.subscriptions} disposables registered.`,
  );
  const outside = activation.loaded.filter((k) => !k.endsWith(join('dist', 'extension.js')));
  console.log(`Modules loaded by activation besides dist/extension.js: ${outside.length ? outside.join(', ') : 'none'}`);

  console.log('\nBundles\n');
  for (const { file, kb } of bundles()) console.log(`  ${file.padEnd(24)} ${kb.toFixed(1).padStart(8)} KiB`);
}

runBenchmark(main);
