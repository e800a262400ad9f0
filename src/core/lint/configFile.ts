import { parseYaml } from '../deck/yaml';
import { mergeConfig, validateConfig, type ConfigProblem, type StoryDeckConfig } from './config';

/** The file system as config loading needs it; the CLI and the extension each pass their own. */
export interface ConfigHost {
  /**
   * The file's text; undefined when nothing is there; a problem (the end of a sentence) when something
   * is there that cannot be read as a config file: a folder, a device, a pipe, a file that is too large.
   */
  readFile(path: string): string | undefined | { problem: string };
  dirname(path: string): string;
  resolve(dir: string, relative: string): string;
}

export interface LoadOptions {
  /** Whether the JavaScript rule modules a config file names may run; the others are withheld. Default: all may. */
  pluginsAllowed?(configFile: string): boolean;
}

export interface LoadedConfig {
  config: StoryDeckConfig;
  /** Config files read, nearest first then what they extend. */
  files: string[];
  problems: ConfigProblem[];
  /** Rule modules left out of `config.plugins` because `pluginsAllowed` refused the file that names them. */
  withheldPlugins: { plugin: string; source: string }[];
}

export const CONFIG_FILE_NAMES = ['.storydeck.json', '.storydeck.yaml', '.storydeck.yml'];

/**
 * The nearest config file in `dir` or a folder above it, up to and including `root` (the workspace
 * folder, the repository), never above it. When `root` is not `dir` or above it, only `dir` is searched.
 */
export function findConfigFile(dir: string, host: ConfigHost, root: string): string | undefined {
  for (const folder of foldersUpTo(dir, root, host)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = host.resolve(folder, name);
      if (host.readFile(candidate) !== undefined) return candidate;
    }
  }
  return undefined;
}

function foldersUpTo(dir: string, root: string, host: ConfigHost): string[] {
  const folders = [dir];
  for (let current = dir, parent = host.dirname(current); current !== root && parent !== current; current = parent, parent = host.dirname(current)) folders.push(parent);
  return folders.at(-1) === root ? folders : [dir];
}

/** Loads the nearest config in `dir` or above it up to `root` (none found: an empty config). */
export function loadNearestConfig(dir: string, host: ConfigHost, root: string, options: LoadOptions = {}): LoadedConfig {
  const file = findConfigFile(dir, host, root);
  return file ? loadConfigFile(file, host, options) : { config: {}, files: [], problems: [], withheldPlugins: [] };
}

/**
 * Loads one config file and everything it `extends` (paths relative to the file that names them; the
 * extending file wins), wherever they are: `extends` names a file on purpose. Plugin paths are made
 * absolute. Problems are collected, never thrown.
 */
export function loadConfigFile(file: string, host: ConfigHost, options: LoadOptions = {}, seen: readonly string[] = []): LoadedConfig {
  const failed = (message: string, files: string[] = []): LoadedConfig => ({ config: {}, files, problems: [{ source: file, message }], withheldPlugins: [] });
  if (seen.includes(file)) return failed(`"extends" goes round in a circle: ${[...seen, file].join(' → ')}.`);
  const text = host.readFile(file);
  if (text === undefined) return failed('the config file does not exist.');
  if (typeof text !== 'string') return failed(`the config file cannot be read: ${text.problem}`, [file]);
  const parsed = parseConfigText(text, file);
  if ('problem' in parsed) return { config: {}, files: [file], problems: [parsed.problem], withheldPlugins: [] };
  const { config, problems } = validateConfig(parsed.value, file);
  const dir = host.dirname(file);
  const plugins = config.plugins?.map((p) => host.resolve(dir, p)) ?? [];
  const allowed = options.pluginsAllowed?.(file) ?? true;
  const withheldPlugins = allowed ? [] : plugins.map((plugin) => ({ plugin, source: file }));
  const own: StoryDeckConfig = { ...config, plugins: allowed && config.plugins ? plugins : undefined, themes: config.themes?.map((t) => host.resolve(dir, t)) };
  let merged: StoryDeckConfig = {};
  const files = [file];
  for (const base of typeof config.extends === 'string' ? [config.extends] : (config.extends ?? [])) {
    const loaded = loadConfigFile(host.resolve(dir, base), host, options, [...seen, file]);
    merged = mergeConfig(merged, loaded.config);
    files.push(...loaded.files);
    problems.push(...loaded.problems);
    withheldPlugins.push(...loaded.withheldPlugins);
  }
  const { extends: _ignored, ...rest } = own;
  return { config: mergeConfig(merged, rest), files, problems, withheldPlugins };
}

function parseConfigText(text: string, file: string): { value: unknown } | { problem: ConfigProblem } {
  if (file.endsWith('.json')) {
    try {
      return { value: JSON.parse(text) };
    } catch (e) {
      const message = (e as Error).message;
      const position = /position (\d+)/.exec(message);
      const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
      return { problem: { source: file, message: `not valid JSON${line ? ` (line ${line})` : ''}: ${message.replace(/ in JSON at position \d+.*$/, '')}.` } };
    }
  }
  const doc = parseYaml(text, { prettyErrors: true });
  const [error] = doc.errors;
  const line = error?.linePos?.[0].line;
  const invalid = (message: string) => ({ problem: { source: file, message: `not valid YAML${line ? ` (line ${line})` : ''}: ${message.split('\n')[0]}` } });
  if (error) return invalid(error.message);
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (e) {
    return invalid(String((e as Error).message));
  }
}
