import { statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FRONT_MATTER_SCAN_LINES, readFrontMatter, storydeckOptIn } from '../../core/deck/frontMatter';
import { fixText, lintText, loadConfigFile, loadNearestConfig, rulesFor, type ConfigHost, type Finding, type LoadedConfig } from '../../core/lint';
import { expandPaths, repositoryRoot } from '../files';
import { formatJson, formatSarif, formatText } from '../formatters';
import { EXIT, oneLine, readNarrative, UsageError, writeAtomically, type Io } from '../io';
import { formatOption } from '../options';
import type { OptionHelp } from './index';
import { CONFIG_MAX_BYTES, readTextBounded } from '../../node/boundedRead';
import { projectRoot } from '../../node/fileAccess';
import { loadPlugins } from '../../node/plugins';
import { refuseLinkOut } from '../../node/write';

export const summary = 'Check narratives for the parts that make people act.';
export const usage = 'storydeck lint [paths...] [--format text|json|sarif] [--config FILE] [--max-warnings N] [--fix] [--all]';

declare const STORYDECK_VERSION: string;

/** Config files through node:fs: regular files of at most 1 MB, or a problem naming why not. */
export const nodeConfigHost: ConfigHost = {
  readFile(path) {
    const read = readTextBounded(path, CONFIG_MAX_BYTES);
    return 'text' in read ? read.text : 'problem' in read ? read : undefined;
  },
  dirname,
  resolve,
};

export const options = {
  format: { type: 'string', default: 'text' },
  config: { type: 'string' },
  'max-warnings': { type: 'string' },
  fix: { type: 'boolean', default: false },
  all: { type: 'boolean', default: false },
} as const;

export const optionHelp: Record<keyof typeof options, OptionHelp> = {
  format: { value: 'text|json|sarif', text: 'How to print the findings (default: text).' },
  config: { value: 'FILE', text: 'The .storydeck.json or .storydeck.yaml to use, instead of the nearest one above each narrative.' },
  'max-warnings': { value: 'N', text: 'Exit with code 1 when there are more than N warnings (errors always do).' },
  fix: { text: 'Rewrite the files with every automatic fix applied, then print what is left.' },
  all: { text: 'Lint every Markdown file in the folders and globs given, not only the narratives (storydeck: in the front matter, or a .storydeck config in scope).' },
};

export function run(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
  const format = formatOption(values.format, ['text', 'json', 'sarif']);
  // Digits only: Number() would also take "0x10", "1e3", " 5 " or "" (as 16, 1000, 5 and 0).
  const given = values['max-warnings'];
  if (given !== undefined && !/^\d+$/.test(given)) throw new UsageError(`--max-warnings takes a whole number (got "${given}").`);
  const maxWarnings = given === undefined ? Infinity : Number(given);
  const files = expandPaths(positionals.length ? positionals : ['.'], io.cwd);
  if (files.length === 0) throw new UsageError(`no Markdown files found in ${positionals.join(' ') || '.'}.`);

  const explicit = values.config ? loadConfigFile(resolve(io.cwd, values.config), nodeConfigHost) : undefined;
  if (explicit?.problems.length) throw new UsageError(configProblemLine(explicit));
  const configs = new Map<string, LoadedConfig>();
  const configFor = (file: string): LoadedConfig => {
    if (explicit) return explicit;
    const dir = dirname(resolve(io.cwd, file));
    let loaded = configs.get(dir);
    if (!loaded) {
      loaded = nearestConfig(dir);
      configs.set(dir, loaded);
    }
    return loaded;
  };

  // A folder or a glob lints the narratives in it, as the editor does; a file named on its own is linted.
  const named = new Set(positionals.filter((p) => !/[*?]/.test(p) && isFile(resolve(io.cwd, p))).map((p) => relative(io.cwd, resolve(io.cwd, p)) || p));
  const findings: Finding[] = [];
  const skipped: string[] = [];
  const allRules = new Map<string, ReturnType<typeof rulesFor>[number]>();
  for (const file of files) {
    const loaded = configFor(file);
    const { config } = loaded;
    const { text, bom } = readNarrative(resolve(io.cwd, file));
    if (!values.all && !named.has(file) && !isNarrative(text, loaded)) {
      skipped.push(file);
      continue;
    }
    const plugins = loadPlugins(config.plugins ?? []);
    if (plugins.problems.length) throw new UsageError(plugins.problems[0]);
    if (values.fix) {
      const result = fixText(text, config, { file, plugins: plugins.rules });
      if (result.text !== text) {
        const target = resolve(io.cwd, file);
        // A narrative that is a link the project holds (`talk.md -> ~/.bashrc`) does not take the fix out of it, as an export's output does not.
        refuseLinkOut(projectRoot(target), target, file);
        writeAtomically(target, bom + result.text, { replace: true, shown: file });
      }
      findings.push(...result.findings);
    } else {
      findings.push(...lintText(text, config, { file, plugins: plugins.rules }).findings);
    }
    for (const rule of rulesFor(config, plugins.rules)) {
      allRules.set(rule.id, rule);
    }
  }

  const version = typeof STORYDECK_VERSION === 'string' ? STORYDECK_VERSION : 'dev';
  const output = format === 'json' ? formatJson(findings) : format === 'sarif' ? formatSarif(findings, [...allRules.values()], version) : formatText(findings);
  if (output) io.out(output);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (format === 'text' && warnings > maxWarnings) io.err(`${warnings} warnings is more than --max-warnings ${maxWarnings}.`);
  if (skipped.length) {
    const some = oneLine(skipped.slice(0, 3).join(', ') + (skipped.length > 3 ? ', …' : ''));
    io.err(
      `Skipped ${skipped.length} Markdown file${skipped.length === 1 ? '' : 's'} that ${skipped.length === 1 ? 'is' : 'are'} not a narrative (${some}): no \`storydeck:\` in the front matter and no .storydeck config in scope. Name a file, or use --all, to lint it anyway.`,
    );
  }
  return errors > 0 || warnings > maxWarnings ? EXIT.findings : EXIT.ok;
}

/**
 * The config in force for narratives in `dir` on the command line: the nearest one, never above the
 * repository (or, outside one, the folder itself), so a config file in a shared parent folder neither
 * chooses the rules nor runs its JavaScript. A broken config is a UsageError.
 */
export function nearestConfig(dir: string): LoadedConfig {
  const loaded = loadNearestConfig(dir, nodeConfigHost, repositoryRoot(dir) ?? dir);
  if (loaded.problems.length) throw new UsageError(configProblemLine(loaded));
  return loaded;
}

/** A narrative, as the editor decides: `storydeck:` in its front matter (`storydeck: false` opts out), or a config file in scope. */
function isNarrative(text: string, loaded: LoadedConfig): boolean {
  const optIn = storydeckOptIn(readFrontMatter(text.split(/\r\n|\r|\n/, FRONT_MATTER_SCAN_LINES)).data);
  return optIn ?? loaded.files.length > 0;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function configProblemLine(loaded: LoadedConfig): string {
  const [first] = loaded.problems;
  const more = loaded.problems.length > 1 ? ` (and ${loaded.problems.length - 1} more problem${loaded.problems.length > 2 ? 's' : ''})` : '';
  return `config ${first.source}: ${first.message}${more}`;
}
