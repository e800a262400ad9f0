import { parse as parseYaml, YAMLParseError } from 'yaml';
import { mergeConfig, validateConfig, type ConfigProblem, type StoryDeckConfig } from './config';

/** The file system as config loading needs it; the CLI and the extension each pass their own. */
export interface ConfigHost {
  /** The file's text, or undefined when it does not exist. */
  readFile(path: string): string | undefined;
  dirname(path: string): string;
  resolve(dir: string, relative: string): string;
}

export interface LoadedConfig {
  config: StoryDeckConfig;
  /** Config files read, nearest first then what they extend. */
  files: string[];
  problems: ConfigProblem[];
}

export const CONFIG_FILE_NAMES = ['.storydeck.json', '.storydeck.yaml', '.storydeck.yml'];

/** The nearest config file at or above `dir`, or undefined. */
export function findConfigFile(dir: string, host: ConfigHost): string | undefined {
  for (let current = dir; ; ) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = host.resolve(current, name);
      if (host.readFile(candidate) !== undefined) return candidate;
    }
    const parent = host.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Loads the nearest config above `dir` (none found: an empty config). */
export function loadNearestConfig(dir: string, host: ConfigHost): LoadedConfig {
  const file = findConfigFile(dir, host);
  return file ? loadConfigFile(file, host) : { config: {}, files: [], problems: [] };
}

/**
 * Loads one config file and everything it `extends` (paths relative to the file that names them; the
 * extending file wins). Plugin paths are made absolute. Problems are collected, never thrown.
 */
export function loadConfigFile(file: string, host: ConfigHost, seen: readonly string[] = []): LoadedConfig {
  if (seen.includes(file)) return { config: {}, files: [], problems: [{ source: file, message: `"extends" goes round in a circle: ${[...seen, file].join(' → ')}.` }] };
  const text = host.readFile(file);
  if (text === undefined) return { config: {}, files: [], problems: [{ source: file, message: 'the config file does not exist.' }] };
  const parsed = parseConfigText(text, file);
  if ('problem' in parsed) return { config: {}, files: [file], problems: [parsed.problem] };
  const { config, problems } = validateConfig(parsed.value, file);
  const dir = host.dirname(file);
  const own: StoryDeckConfig = { ...config, plugins: config.plugins?.map((p) => host.resolve(dir, p)) };
  let merged: StoryDeckConfig = {};
  const files = [file];
  for (const base of typeof config.extends === 'string' ? [config.extends] : (config.extends ?? [])) {
    const loaded = loadConfigFile(host.resolve(dir, base), host, [...seen, file]);
    merged = mergeConfig(merged, loaded.config);
    files.push(...loaded.files);
    problems.push(...loaded.problems);
  }
  const { extends: _ignored, ...rest } = own;
  return { config: mergeConfig(merged, rest), files, problems };
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
  try {
    return { value: parseYaml(text, { prettyErrors: true }) };
  } catch (e) {
    const line = e instanceof YAMLParseError ? e.linePos?.[0].line : undefined;
    return { problem: { source: file, message: `not valid YAML${line ? ` (line ${line})` : ''}: ${String((e as Error).message).split('\n')[0]}` } };
  }
}
