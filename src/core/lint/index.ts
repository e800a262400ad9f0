export * from './types';
export * from './config';
export { lint, lintText, fixText, rulesFor, effectiveConfig, type LintOptions } from './engine';
export { applyEdits } from './fixes';
export { declarativeRules } from './declarative';
export { BUILTIN_RULES } from './rules';
export { loadConfigFile, loadNearestConfig, findConfigFile, CONFIG_FILE_NAMES, type ConfigHost, type LoadedConfig, type LoadOptions } from './configFile';
export { readiness, notReadyMessage, type Readiness } from './readiness';
export { formatOverflow, parseOverflow } from './layout';
