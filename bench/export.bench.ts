// Benchmark: `storydeck export` against @marp-team/marp-cli on the same generated narratives of 10, 100
// and 300 slides, to HTML, PowerPoint and PDF, side by side in one run.
//
//   npm run bench:export                     # builds dist/cli.js first, then runs this file
//   npx tsx bench/export.bench.ts [--sizes 10,100,300] [--formats html,pptx,pdf] [--reps 5] [--heavy-reps N] [--keep] [--cli FILE]
//
//   --sizes       deck sizes in slides (default 10,100,300)
//   --formats     which exports to compare (default html,pptx,pdf)
//   --reps        HTML runs per tool and size (default 5, after one warm-up run each)
//   --heavy-reps  PPTX and PDF runs per tool and size (default 3 at up to 10 slides, 1 above: marp-cli's
//                 PPTX of 300 slides alone takes minutes; no warm-up)
//   --keep        keep the temp folder with the decks and the exported files and print its path
//   --cli         the StoryDeck CLI bundle to spawn (default dist/cli.js), e.g. a build of an older commit
//
// Each run is a spawned process, wall time from start to exit, with Node start-up and module loading:
//   StoryDeck: node dist/cli.js export deck-N.md --to html|pptx|pdf -o OUT --force
//   Marp:      node node_modules/@marp-team/marp-cli/marp-cli.js deck-N.md [--pptx|--pdf]
//              --browser-path BROWSER --allow-local-files -o OUT
// On Linux each run's CPU time (user + system, of the tool and every process it waited for, the browser
// included) is reported too, read from /proc/self/stat: on a busy shared machine it moves much less
// than wall time. Both print PDFs with the same browser (CHROME_PATH, default /usr/bin/chromium). HTML is marp-cli's
// default output (its `--html` flag only lets raw HTML tags through, which StoryDeck never does).
// Marp's PPTX is one picture per slide (rendered by the browser); StoryDeck's is editable text.
// The two tools alternate run by run (A B, B A, …) so that background load hits both alike; medians
// are reported. Ratio = StoryDeck median / Marp median: below 1.0 means StoryDeck is faster.
//
// This is a benchmark, not a test: it always exits 0 and asserts nothing about timings.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultCacheDir } from '../src/cli/codeCache';
import { benchArgs } from './args';
import { writeDecks } from './generate';
import { runBenchmark, stats, type Stats } from './stats';

const ROOT = resolve(__dirname, '..');
const DEFAULT_CLI = join(ROOT, 'dist', 'cli.js');
const MARP = join(ROOT, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js');
const BROWSER = process.env.CHROME_PATH || '/usr/bin/chromium';
const FORMATS = ['html', 'pptx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

interface Options {
  sizes: number[];
  formats: Format[];
  reps: number;
  heavyReps?: number;
  keep: boolean;
  cli: string;
}

interface Sample {
  wall: number;
  /** Undefined where /proc is missing. */
  cpu?: number;
}

interface Measured {
  wall: Stats;
  cpu?: Stats;
}

interface Row {
  format: Format;
  slides: number;
  storydeck: Measured;
  marp: Measured;
  /** Bytes of the last output of each tool. */
  bytes: [number, number];
}

function parseOptions(argv: string[]): Options {
  const args = benchArgs(argv, ['sizes', 'formats', 'reps', 'heavy-reps', 'cli'], ['keep']);
  return {
    sizes: args.counts('sizes', [10, 100, 300]),
    formats: args.choices('formats', FORMATS),
    reps: args.count('reps', 5),
    heavyReps: args.count('heavy-reps', undefined),
    keep: args.flag('keep'),
    cli: resolve(args.text('cli') ?? DEFAULT_CLI),
  };
}

function repsFor(format: Format, slides: number, options: Options): number {
  if (format === 'html') return options.reps;
  return options.heavyReps ?? (slides <= 10 ? 3 : 1);
}

/** Clock ticks per second of /proc/self/stat (`getconf CLK_TCK`; 100 on Linux). */
const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** CPU milliseconds used so far by the children this process waited for (cutime + cstime), or undefined without /proc. */
function childrenCpu(): number | undefined {
  try {
    // Fields after the command name, which is in parentheses and may contain spaces: cutime and cstime are fields 16 and 17.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS;
  } catch {
    return undefined;
  }
}

/** Runs one export and returns its wall and CPU time; throws with the tool's own words when it fails. */
function timed(tool: string, args: string[], cwd: string, output: string): Sample {
  rmSync(output, { force: true });
  const cpuBefore = childrenCpu();
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, CHROME_PATH: BROWSER }, maxBuffer: 64 * 1024 * 1024 });
  const wall = performance.now() - start;
  const cpuAfter = childrenCpu();
  if (result.status !== 0 || !existsSync(output) || statSync(output).size === 0) {
    throw new Error(`${tool} failed (exit ${result.status}): ${(result.stderr || result.stdout).trim().split('\n').slice(0, 5).join(' / ')}`);
  }
  return { wall, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

function measured(samples: Sample[]): Measured {
  const cpu = samples.map((s) => s.cpu).filter((c): c is number => c !== undefined);
  return { wall: stats(samples.map((s) => s.wall)), cpu: cpu.length === samples.length ? stats(cpu) : undefined };
}

function bench(format: Format, slides: number, file: string, dir: string, options: Options): Row {
  const ours = join(dir, `storydeck-${slides}.${format}`);
  const theirs = join(dir, `marp-${slides}.${format}`);
  const storydeck = () => timed('storydeck', [options.cli, 'export', file, '--to', format, '-o', ours, '--force'], dir, ours);
  const marpFlags = format === 'html' ? [] : [`--${format}`, '--browser-path', BROWSER, '--allow-local-files'];
  const marp = () => timed('marp-cli', [MARP, file, ...marpFlags, '-o', theirs], dir, theirs);
  if (format === 'html') {
    storydeck();
    marp();
  }
  const reps = repsFor(format, slides, options);
  const a: Sample[] = [];
  const b: Sample[] = [];
  for (let i = 0; i < reps; i++) {
    process.stderr.write(`bench: ${format} ${slides} slides, run ${i + 1}/${reps}\n`);
    if (i % 2 === 0) {
      a.push(storydeck());
      b.push(marp());
    } else {
      b.push(marp());
      a.push(storydeck());
    }
  }
  return { format, slides, storydeck: measured(a), marp: measured(b), bytes: [statSync(ours).size, statSync(theirs).size] };
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`);

const TITLES: Record<Format, string> = {
  html: 'HTML: self-contained page (target: at least 3x faster than marp-cli)',
  pptx: "PowerPoint: StoryDeck's editable text against marp-cli's one picture per slide (target: faster)",
  pdf: 'PDF: both printed by the same headless Chromium',
};

function table(format: Format, rows: Row[]): string {
  const cpu = (m: Measured) => (m.cpu ? ms(m.cpu.median) : 'n/a');
  const ratio = (a: Stats | undefined, b: Stats | undefined) => (a && b ? (a.median / b.median).toFixed(2) : 'n/a');
  return [
    `### ${TITLES[format]}`,
    '',
    '| Slides | Runs per tool | StoryDeck wall / CPU ms | marp-cli wall / CPU ms | Ratio (wall) | Ratio (CPU) | Speed-up (wall) | Output (StoryDeck / marp-cli) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      ({ slides, storydeck, marp, bytes }) =>
        `| ${slides} | ${storydeck.wall.n} | ${ms(storydeck.wall.median)} / ${cpu(storydeck)} | ${ms(marp.wall.median)} / ${cpu(marp)} | **${ratio(storydeck.wall, marp.wall)}** | **${ratio(storydeck.cpu, marp.cpu)}** | ${(marp.wall.median / storydeck.wall.median).toFixed(1)}x | ${size(bytes[0])} / ${size(bytes[1])} |`,
    ),
  ].join('\n');
}

function version(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

function browserVersion(): string {
  const result = spawnSync(BROWSER, ['--version'], { encoding: 'utf8' });
  return (result.stdout ?? '').trim().split('\n').at(-1) || `${BROWSER} (version unknown)`;
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const cpu = cpus();
  const codeCache = defaultCacheDir();
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ');
  const out = [
    '## StoryDeck export vs marp-cli',
    '',
    `- Node ${process.version} on ${osType()} ${release()} (${process.arch}); ${cpu[0]?.model?.trim() ?? 'unknown CPU'}, ${cpu.length} logical cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM`,
    `- @marp-team/marp-cli ${version('@marp-team/marp-cli')}; browser for PDF and Marp's PPTX: ${browserVersion()}`,
    "- Spawned processes: wall time, and CPU time (user + system, with the browser's) from /proc; the tools alternate run by run; medians. Ratio = StoryDeck / marp-cli (below 1.0: StoryDeck is faster); speed-up = marp-cli / StoryDeck.",
    "- marp-cli's PPTX holds one picture per slide, so its text cannot be edited; StoryDeck's holds real text boxes, tables and speaker notes.",
    codeCache === undefined
      ? '- StoryDeck runs without its code cache (NODE_DISABLE_COMPILE_CACHE is set).'
      : `- StoryDeck's runs start from its code cache (${codeCache}), which a first run of the command writes (the warm-up run, where there is one); set NODE_DISABLE_COMPILE_CACHE=1 to measure without it.`,
  ];
  if (!existsSync(options.cli)) {
    console.log([...out, '', `(skipped: ${options.cli} does not exist; run \`npm run bench:export\`, which builds it first.)`].join('\n'));
    return;
  }
  const loadBefore = load();
  const { dir, files } = writeDecks(options.sizes);
  process.stderr.write(`bench: decks in ${dir}\n`);
  try {
    for (const format of options.formats) {
      const rows: Row[] = [];
      for (const [slides, file] of files) {
        try {
          rows.push(bench(format, slides, file, dir, options));
        } catch (e) {
          out.push('', `(${format} at ${slides} slides failed: ${(e as Error)?.message ?? e})`);
        }
      }
      if (rows.length) out.push('', table(format, rows));
    }
    out.push('', `Load average (1/5/15 min) before: ${loadBefore}; after: ${load()}.`);
    console.log(out.join('\n'));
  } finally {
    if (options.keep) console.error(`bench: decks and exports kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

runBenchmark(main);
