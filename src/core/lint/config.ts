import { isBeatId, type BeatId } from '../deck/types';
import { customThemeName, isThemeName, THEME_NAMES } from '../render/themes';
import type { KindProfile } from '../story/kinds';
import { SEVERITIES, type Severity } from './types';

/** Per-rule setting: off, on, a severity, or an options object (which may carry `severity`). */
export type RuleSetting = boolean | Severity | ({ severity?: Severity } & Record<string, unknown>);

export interface DeclarativeRuleConfig {
  id: string;
  type: 'existence' | 'occurrence' | 'substitution';
  message?: string;
  severity?: Severity;
  /** existence and occurrence: literal words or phrases. */
  tokens?: string[];
  /** occurrence: how many matches the narrative needs at least. */
  min?: number;
  /** substitution: prefer the value over the key. */
  swap?: Record<string, string>;
  /** Match case-insensitively (default true). */
  ignorecase?: boolean;
}

export interface StoryDeckConfig {
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  strategy?: { objectives?: string[] };
  declarative?: DeclarativeRuleConfig[];
  /** Paths of JavaScript rule modules; loaded only in a trusted workspace. */
  plugins?: string[];
  /** The kind of narrative (docs/kinds.md) when its front matter names none. */
  kind?: string;
  /** Kinds changed or added: which beats each expects, and which must come before the solution. */
  kinds?: Record<string, KindProfile>;
  /**
   * Style sheets of custom slide themes, each named by its file name (`themes/acme.css` is `acme`), for the
   * preview and every export. Paths are relative to the config file; `loadConfigFile` makes them absolute.
   */
  themes?: string[];
}

export interface ConfigProblem {
  message: string;
  /** The config file, or `front matter`. */
  source: string;
}

export interface ResolvedRuleSetting {
  enabled: boolean;
  severity: Severity;
  /** True when configuration chose the severity, so it overrides what the rule reports. */
  severityConfigured: boolean;
  options: Record<string, unknown>;
}

/**
 * Caps on declarative rules, which any workspace may bring: tokens per rule (`tokens`, or the keys of `swap`), tokens
 * in all the declarative rules of one config file (or one front matter), and characters per token. A rule over a cap is
 * left out with a config problem. Matching takes time in proportion to the text times the longest token.
 */
export const MAX_TOKENS_PER_RULE = 1000;
export const MAX_TOKENS_PER_CONFIG = 2000;
export const MAX_TOKEN_CHARS = 100;

const TOP_LEVEL = new Set(['$schema', 'extends', 'rules', 'strategy', 'declarative', 'plugins', 'kind', 'kinds', 'themes']);
const KIND_ID = /^[a-z][a-z0-9-]*$/;
const DECLARATIVE_TYPES = new Set(['existence', 'occurrence', 'substitution']);
const RULE_ID = /^[a-z][a-z0-9-]*$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/**
 * Checks a parsed config object and returns the usable part with one problem per mistake, so a typo in
 * one rule never silences the others. `schemas/storydeck.schema.json` describes the same shape for editors.
 */
export function validateConfig(raw: unknown, source: string): { config: StoryDeckConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const problem = (message: string) => problems.push({ message, source });
  const config: StoryDeckConfig = {};
  if (raw === null || raw === undefined) return { config, problems };
  if (!isObject(raw)) {
    problem('the configuration must be an object of settings.');
    return { config, problems };
  }
  for (const key of Object.keys(raw)) if (!TOP_LEVEL.has(key)) problem(`unknown setting "${key}" (known: ${[...TOP_LEVEL].filter((k) => k !== '$schema').join(', ')}).`);

  if (raw.extends !== undefined) {
    if (typeof raw.extends === 'string' || isStringArray(raw.extends)) config.extends = raw.extends;
    else problem('"extends" must be a path or a list of paths.');
  }
  if (raw.rules !== undefined) {
    if (!isObject(raw.rules)) problem('"rules" must map rule ids to false, true, a severity or an options object.');
    else {
      config.rules = {};
      for (const [id, value] of Object.entries(raw.rules)) {
        if (typeof value === 'boolean' || (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value))) config.rules[id] = value as RuleSetting;
        else if (isObject(value) && (value.severity === undefined || (SEVERITIES as readonly unknown[]).includes(value.severity))) config.rules[id] = value as RuleSetting;
        else problem(`rule "${id}": use false, true, "error", "warning", "info" or an options object (got ${JSON.stringify(value)}).`);
      }
    }
  }
  if (raw.strategy !== undefined) {
    if (!isObject(raw.strategy) || (raw.strategy.objectives !== undefined && !isStringArray(raw.strategy.objectives))) problem('"strategy.objectives" must be a list of objective names.');
    else config.strategy = { objectives: raw.strategy.objectives as string[] | undefined };
  }
  if (raw.plugins !== undefined) {
    if (isStringArray(raw.plugins)) config.plugins = raw.plugins;
    else problem('"plugins" must be a list of paths to JavaScript rule modules.');
  }
  if (raw.declarative !== undefined) {
    if (!Array.isArray(raw.declarative)) problem('"declarative" must be a list of rules.');
    else {
      let total = 0;
      config.declarative = raw.declarative.filter((rule, i): rule is DeclarativeRuleConfig => {
        if (!validDeclarative(rule, i, problem) || !withinCaps(rule, total, problem)) return false;
        total += tokensOf(rule).length;
        return true;
      });
    }
  }
  if (raw.kind !== undefined) {
    if (typeof raw.kind === 'string' && KIND_ID.test(raw.kind)) config.kind = raw.kind;
    else problem('"kind" must be the name of a kind, such as pitch, exec-ask or proposal (see docs/kinds.md).');
  }
  if (raw.kinds !== undefined) {
    if (!isObject(raw.kinds)) problem('"kinds" must map kind names to { expects, beforeWhat } (see docs/kinds.md).');
    else {
      config.kinds = {};
      for (const [id, value] of Object.entries(raw.kinds)) {
        const profile = validKind(id, value, problem);
        if (profile) config.kinds[id] = profile;
      }
    }
  }
  if (raw.themes !== undefined) {
    if (source === 'front matter') problem('"themes" belongs in .storydeck.yaml (paths relative to it), not in a narrative; pick one of them with theme: in the front matter.');
    else if (!isStringArray(raw.themes)) problem('"themes" must be a list of paths to CSS files, such as themes/acme.css.');
    else config.themes = raw.themes.filter((path) => validThemePath(path, problem));
  }
  return { config, problems };
}

function validThemePath(path: string, problem: (m: string) => void): boolean {
  const name = customThemeName(path);
  if (name === undefined) return (problem(`theme "${path}": a theme is a .css file whose name is letters, digits, dashes and underscores, such as themes/acme.css.`), false);
  if (isThemeName(name)) return (problem(`theme "${path}": ${name} is a built-in theme (${THEME_NAMES.join(', ')}); give your theme a name of its own.`), false);
  return true;
}

function validKind(id: string, value: unknown, problem: (m: string) => void): KindProfile | undefined {
  const beats = (list: unknown): BeatId[] | undefined => (isStringArray(list) && list.every(isBeatId) ? list : undefined);
  const where = `kind "${id}"`;
  if (!KIND_ID.test(id)) return (problem(`${where}: a kind's name is lower-case letters, digits and dashes.`), undefined);
  if (!isObject(value)) return (problem(`${where} must be an object with "expects" and "beforeWhat".`), undefined);
  const expects = beats(value.expects);
  const beforeWhat = value.beforeWhat === undefined ? [] : beats(value.beforeWhat);
  if (!expects || !beforeWhat) return (problem(`${where}: "expects" and "beforeWhat" are lists of beats (why, pain, value, business, strategy, what, how, outcome, ask).`), undefined);
  return { expects, beforeWhat };
}

function validDeclarative(rule: unknown, i: number, problem: (m: string) => void): rule is DeclarativeRuleConfig {
  const where = `declarative rule ${i + 1}`;
  if (!isObject(rule)) return (problem(`${where} must be an object.`), false);
  if (typeof rule.id !== 'string' || !RULE_ID.test(rule.id)) return (problem(`${where} needs an "id" of lower-case letters, digits and dashes.`), false);
  const name = `declarative rule "${rule.id}"`;
  if (typeof rule.type !== 'string' || !DECLARATIVE_TYPES.has(rule.type)) return (problem(`${name}: "type" must be existence, occurrence or substitution.`), false);
  if (rule.severity !== undefined && !(SEVERITIES as readonly unknown[]).includes(rule.severity)) return (problem(`${name}: "severity" must be error, warning or info.`), false);
  if (rule.type === 'substitution') {
    if (!isObject(rule.swap) || !Object.values(rule.swap).every((v) => typeof v === 'string') || Object.keys(rule.swap).length === 0)
      return (problem(`${name}: "swap" must map words to avoid to the words to use.`), false);
  } else if (!isStringArray(rule.tokens) || rule.tokens.length === 0 || rule.tokens.some((t) => t.trim() === '')) {
    return (problem(`${name}: "tokens" must be a non-empty list of words or phrases.`), false);
  }
  if (rule.type === 'occurrence' && (typeof rule.min !== 'number' || !Number.isInteger(rule.min) || rule.min < 1)) return (problem(`${name}: "min" must be a whole number of at least 1.`), false);
  return true;
}

/** Whether a valid declarative rule keeps to the caps, with `total` tokens in the rules of its config before it. */
function withinCaps(rule: DeclarativeRuleConfig, total: number, problem: (m: string) => void): boolean {
  const name = `declarative rule "${rule.id}"`;
  const tokens = tokensOf(rule);
  if (tokens.length > MAX_TOKENS_PER_RULE) return (problem(`${name} has ${tokens.length} tokens; a rule takes at most ${MAX_TOKENS_PER_RULE}.`), false);
  const long = tokens.find((t) => [...t].length > MAX_TOKEN_CHARS);
  if (long !== undefined) return (problem(`${name}: "${[...long].slice(0, 40).join('')}…" is longer than ${MAX_TOKEN_CHARS} characters; a token is a word or a phrase.`), false);
  if (total + tokens.length > MAX_TOKENS_PER_CONFIG) {
    return (problem(`${name} is left out: with its ${tokens.length} tokens, the declarative rules of one config would have more than ${MAX_TOKENS_PER_CONFIG}.`), false);
  }
  return true;
}

/** The words and phrases a declarative rule looks for: its `tokens`, or the keys of its `swap`. */
export const tokensOf = (rule: DeclarativeRuleConfig): string[] => (rule.type === 'substitution' ? Object.keys(rule.swap ?? {}) : (rule.tokens ?? []));

/** `override` on top of `base`: rule settings merge per rule (objects key by key), lists of rules and plugins add up. */
export function mergeConfig(base: StoryDeckConfig, override: StoryDeckConfig): StoryDeckConfig {
  const rules: Record<string, RuleSetting> = { ...base.rules };
  for (const [id, value] of Object.entries(override.rules ?? {})) {
    const previous = rules[id];
    rules[id] = isObject(previous) && isObject(value) ? { ...previous, ...value } : value;
  }
  return {
    rules,
    strategy: { objectives: override.strategy?.objectives ?? base.strategy?.objectives },
    declarative: [...(base.declarative ?? []), ...(override.declarative ?? [])],
    plugins: [...(base.plugins ?? []), ...(override.plugins ?? [])],
    kind: override.kind ?? base.kind,
    kinds: { ...base.kinds, ...override.kinds },
    themes: [...(base.themes ?? []), ...(override.themes ?? [])],
  };
}

export function resolveRuleSetting(setting: RuleSetting | undefined, defaultSeverity: Severity, defaultOptions: Record<string, unknown> = {}): ResolvedRuleSetting {
  if (setting === undefined || typeof setting === 'boolean') return { enabled: setting !== false, severity: defaultSeverity, severityConfigured: false, options: { ...defaultOptions } };
  if (typeof setting === 'string') return { enabled: true, severity: setting, severityConfigured: true, options: { ...defaultOptions } };
  const { severity, ...options } = setting;
  return { enabled: true, severity: severity ?? defaultSeverity, severityConfigured: severity !== undefined, options: { ...defaultOptions, ...options } };
}
