// Benchmark: `storydeck lint` against markdownlint-cli2 / markdownlint (default rules) on the same
// generated narratives of 10, 100 and 1,000 slides, side by side in one run.
//
//   npm run bench:lint                       # builds dist/cli.js first, then runs this file
//   npx tsx bench/lint.bench.ts [--sizes 10,100,1000] [--reps 15] [--budget 4] [--keep] [--cli FILE]
//
//   --sizes   deck sizes in slides (default 10,100,1000)
//   --reps    spawned-CLI runs per tool and size (default 15, after one warm-up run each)
//   --budget  whole seconds of measured in-process lint per size (default 4; at least 15 iterations each)
//   --keep    keep the temp folder with the generated decks and print its path
//   --cli     the StoryDeck CLI bundle to spawn (default dist/cli.js)
//
// Two measurements, each interleaved so that background load hits both tools alike: the order of the
// two tools alternates pair by pair (A B, B A, A B, …), and medians and 95th percentiles are reported.
//   1. Whole-CLI wall time: `node dist/cli.js lint FILE --format json` vs
//      `node node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs FILE`, spawned one at a time
//      from the temp folder (which holds empty `.storydeck.json` and `.markdownlint-cli2.jsonc`, so
//      both run their defaults and nothing leaks in from above). Includes Node start-up and module load.
//   2. In-process lint time: StoryDeck's `lintText(text)` vs markdownlint's `lint({ strings })` from
//      `markdownlint/sync`, default config, on the same string, after a warm-up.
// Ratio = StoryDeck median / markdownlint median; below 1.0 means StoryDeck is faster.
//
// This is a benchmark, not a test: it always exits 0 and asserts nothing about timings.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { lintText, rulesFor } from '../src/core/lint';
import { benchArgs } from './args';
import { BENCH_SIZES, writeDecks } from './generate';
import { runBenchmark, stats, type Stats } from './stats';

const ROOT = resolve(__dirname, '..');
const DEFAULT_CLI = join(ROOT, 'dist', 'cli.js');

interface Options {
  sizes: number[];
  reps: number;
  budgetSeconds: number;
  keep: boolean;
  cli: string;
}

interface Row {
  slides: number;
  bytes: number;
  storydeck: Stats;
  markdownlint: Stats;
  /** Findings each tool reported, as a sanity check that both really linted the file. */
  findings: [number, number];
}

function parseOptions(argv: string[]): Options {
  const args = benchArgs(argv, ['sizes', 'reps', 'budget', 'cli'], ['keep']);
  return {
    sizes: args.counts('sizes', BENCH_SIZES),
    reps: args.count('reps', 15),
    budgetSeconds: args.count('budget', 4, 0),
    keep: args.flag('keep'),
    cli: resolve(args.text('cli') ?? DEFAULT_CLI),
  };
}

/** Runs `a` and `b` in alternating order (A B, B A, A B, …) until `more()` says stop. */
function interleave(a: () => number, b: () => number, more: (pairs: number) => boolean): [number[], number[]] {
  const as: number[] = [];
  const bs: number[] = [];
  for (let pair = 0; more(pair); pair++) {
    if (pair % 2 === 0) {
      as.push(a());
      bs.push(b());
    } else {
      bs.push(b());
      as.push(a());
    }
  }
  return [as, bs];
}

function markdownlintCli2Bin(): string {
  const dir = join(ROOT, 'node_modules', 'markdownlint-cli2');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string; bin: string | Record<string, string>; engines?: { node?: string } };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['markdownlint-cli2'];
  return join(dir, bin);
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

interface Spawned {
  ms: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

function spawnTimed(args: string[], cwd: string): Spawned {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - start;
  return { ms, status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** Exit codes 0 (clean) and 1 (findings) are normal for both tools; anything else means the run failed. */
function checkRun(tool: string, file: string, run: Spawned): void {
  if (run.status === 0 || run.status === 1) return;
  throw new Error(`${tool} failed on ${file} (exit ${run.status}): ${(run.stderr || run.stdout).trim().split('\n').slice(0, 5).join(' / ')}`);
}

/** The number of findings in `--format json` output (`[]` when there are none), or undefined if it is not a JSON array. */
function findingsInJson(stdout: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(stdout);
    return Array.isArray(parsed) ? parsed.length : undefined;
  } catch {
    return undefined;
  }
}

function benchCli(files: Map<number, string>, dir: string, options: Options): Row[] {
  const mdlBin = markdownlintCli2Bin();
  const rows: Row[] = [];
  for (const [slides, file] of files) {
    const name = basename(file);
    const storydeckArgs = [options.cli, 'lint', name, '--format', 'json'];
    const mdlArgs = [mdlBin, name];
    // Warm-up (file cache, first-load effects), also used to check that both tools really ran.
    const sdWarm = spawnTimed(storydeckArgs, dir);
    checkRun('storydeck', name, sdWarm);
    const mdlWarm = spawnTimed(mdlArgs, dir);
    checkRun('markdownlint-cli2', name, mdlWarm);
    const sdFindings = findingsInJson(sdWarm.stdout);
    const mdlSummary = /Summary: (\d+) issue/.exec(mdlWarm.stdout);
    if (sdFindings === undefined) throw new Error(`storydeck printed no JSON array for ${name}: ${(sdWarm.stderr || sdWarm.stdout).trim().slice(0, 300)}`);
    if (!mdlSummary) throw new Error(`markdownlint-cli2 printed no summary for ${name}: ${(mdlWarm.stderr || mdlWarm.stdout).trim().slice(0, 300)}`);
    const mdlFindings = Number(mdlSummary[1]);

    const [sd, mdl] = interleave(
      () => {
        const run = spawnTimed(storydeckArgs, dir);
        checkRun('storydeck', name, run);
        return run.ms;
      },
      () => {
        const run = spawnTimed(mdlArgs, dir);
        checkRun('markdownlint-cli2', name, run);
        return run.ms;
      },
      (pairs) => pairs < options.reps,
    );
    rows.push({ slides, bytes: statSync(file).size, storydeck: stats(sd), markdownlint: stats(mdl), findings: [sdFindings, mdlFindings] });
    process.stderr.write(`  cli ${slides} slides done\n`);
  }
  return rows;
}

type MarkdownlintLint = (options: { strings: Record<string, string> }) => Record<string, unknown[]>;

async function benchInProcess(files: Map<number, string>, options: Options): Promise<Row[]> {
  const { lint: markdownlint } = (await import('markdownlint/sync')) as unknown as { lint: MarkdownlintLint };
  const rows: Row[] = [];
  for (const [slides, file] of files) {
    const text = readFileSync(file, 'utf8');
    const storydeck = () => {
      const start = performance.now();
      lintText(text);
      return performance.now() - start;
    };
    const mdl = () => {
      const start = performance.now();
      markdownlint({ strings: { deck: text } });
      return performance.now() - start;
    };
    const sdFindings = lintText(text).findings.length;
    const mdlFindings = markdownlint({ strings: { deck: text } }).deck.length;

    // Warm-up: let both JITs settle (at least 5 runs each, about a quarter of the budget).
    const warmUntil = performance.now() + (options.budgetSeconds * 1000) / 4;
    interleave(storydeck, mdl, (pairs) => pairs < 5 || (performance.now() < warmUntil && pairs < 2000));

    const minPairs = 15;
    const until = performance.now() + options.budgetSeconds * 1000;
    const [sd, ml] = interleave(storydeck, mdl, (pairs) => pairs < minPairs || (performance.now() < until && pairs < 5000));
    rows.push({ slides, bytes: Buffer.byteLength(text), storydeck: stats(sd), markdownlint: stats(ml), findings: [sdFindings, mdlFindings] });
    process.stderr.write(`  in-process ${slides} slides done\n`);
  }
  return rows;
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

function table(title: string, otherName: string, rows: Row[]): string {
  const lines = [
    `### ${title}`,
    '',
    `| Slides | File | Runs per tool | StoryDeck median (p95) ms | ${otherName} median (p95) ms | Ratio (median) | Findings (StoryDeck / ${otherName}) |`,
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.slides.toLocaleString('en-US')} | ${(r.bytes / 1024).toFixed(1)} KB | ${r.storydeck.n} | ${ms(r.storydeck.median)} (${ms(r.storydeck.p95)}) | ${ms(r.markdownlint.median)} (${ms(r.markdownlint.p95)}) | **${(r.storydeck.median / r.markdownlint.median).toFixed(2)}** | ${r.findings[0]} / ${r.findings[1]} |`,
    ),
  ];
  return lines.join('\n');
}

/** Source files changed after dist/cli.js was built: the whole-CLI numbers would then be for older code. */
function newerThanBundle(cli: string): string[] {
  const built = statSync(cli).mtimeMs;
  const out: string[] = [];
  for (const dir of ['src/core', 'src/cli']) {
    for (const entry of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
      const file = join(ROOT, dir, entry);
      if (/\.tsx?$/.test(entry) && statSync(file).mtimeMs > built) out.push(join(dir, entry));
    }
  }
  return out;
}

function machine(): string {
  const cpu = cpus();
  const model = cpu[0]?.model?.trim() ?? 'unknown CPU';
  return [
    `- Node ${process.version} on ${osType()} ${release()} (${process.arch})`,
    `- CPU: ${model}, ${cpu.length} logical core${cpu.length === 1 ? '' : 's'}; ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM`,
    `- markdownlint-cli2 ${packageVersion('markdownlint-cli2')}, markdownlint ${packageVersion('markdownlint')}`,
    `- StoryDeck rules that ran (default config): ${rulesFor({})
      .map((r) => r.id)
      .join(', ')}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const { dir, files } = writeDecks(options.sizes);
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  const loadBefore = load();
  const out: string[] = ['## StoryDeck lint vs markdownlint (default rules)', '', machine()];
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor < 22) out.push(`- Note: markdownlint-cli2 and markdownlint declare node >=22; they run here on Node ${process.versions.node}, which they do not officially support.`);
  out.push(`- Interleaved (A B, B A, …); medians and nearest-rank p95. Ratio = StoryDeck / markdownlint: below 1.0 means StoryDeck is faster.`);

  try {
    process.stderr.write(`bench: decks in ${dir}\n`);
    if (existsSync(options.cli)) {
      if (options.cli !== DEFAULT_CLI) out.push(`- StoryDeck CLI bundle: ${options.cli}`);
      const stale = newerThanBundle(options.cli);
      if (stale.length)
        out.push(
          `- Note: ${basename(options.cli)} is older than ${stale.length} source file(s) (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', …' : ''}); \`npm run bench:lint\` rebuilds it first.`,
        );
      try {
        const cliRows = benchCli(files, dir, options);
        out.push('', table('Whole CLI, wall time of a spawned process', 'markdownlint-cli2', cliRows));
      } catch (e) {
        // Report it and still run the in-process comparison.
        out.push('', `(Whole-CLI comparison failed: ${(e as Error)?.message ?? e})`);
      }
    } else {
      out.push('', `(Whole-CLI comparison skipped: ${options.cli} does not exist. Run \`npm run build\` first, or use \`npm run bench:lint\`.)`);
    }
    const inRows = await benchInProcess(files, options);
    out.push('', table('In-process lint of the same string (lintText vs markdownlint lint)', 'markdownlint', inRows));
    out.push('', `Load average (1/5/15 min) before: ${loadBefore}; after: ${load()}.`);
    console.log(out.join('\n'));
  } catch (e) {
    console.log(out.join('\n'));
    console.error(`bench: failed: ${(e as Error)?.stack ?? e}`);
  } finally {
    if (options.keep) console.error(`bench: decks kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

runBenchmark(main);
