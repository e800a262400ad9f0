import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseTemplate, TemplateError, type Template } from './template';

/** Where a workspace keeps its own templates, relative to the workspace root. */
export const WORKSPACE_TEMPLATES_DIR = '.storydeck/templates';
/** Template files end with this. */
export const TEMPLATE_EXTENSION = '.hbs';
/** Larger template files are refused. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

export interface TemplateList {
  /** Usable templates; a later folder's template replaces an earlier one with the same id, in its place. */
  templates: Template[];
  /** One error per template that could not be read, naming its file and line. */
  errors: TemplateError[];
}

/** One template file's text, for callers that read files themselves (e.g. through `vscode.workspace.fs`). */
export interface TemplateSource {
  file: string;
  source: string;
}

/**
 * Reads and checks templates from groups of sources, in precedence order (built-in first, then the
 * workspace's). Never throws: broken templates are reported in `errors` and left out.
 */
export function collectTemplates(groups: readonly (readonly TemplateSource[])[]): TemplateList {
  const byId = new Map<string, Template>();
  const errors: TemplateError[] = [];
  for (const group of groups) {
    const seen = new Map<string, string>();
    for (const { file, source } of group) {
      const parsed = parseCached(source, file);
      if (parsed instanceof TemplateError) {
        errors.push(parsed);
        continue;
      }
      const template = parsed;
      const other = seen.get(template.id);
      if (other) {
        errors.push(new TemplateError(file, idLine(source), `id "${template.id}" is already used by ${other}`));
        continue;
      }
      seen.set(template.id, file);
      byId.set(template.id, template);
    }
  }
  return { templates: [...byId.values()], errors };
}

/** Parsed templates by file and text: reading and checking a template renders it a few times, and editors list templates often. */
const cache = new Map<string, Template | TemplateError>();
const CACHE_SIZE = 200;

function parseCached(source: string, file: string): Template | TemplateError {
  const key = `${file}\u0000${source}`;
  let parsed = cache.get(key);
  if (!parsed) {
    try {
      parsed = parseTemplate(source, file);
    } catch (e) {
      parsed = e instanceof TemplateError ? e : new TemplateError(file, undefined, String((e as Error)?.message ?? e));
    }
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, parsed);
  }
  return parsed;
}

/**
 * Lists the templates in `dirs` (`*.hbs`, sorted by file name), in precedence order: pass the built-in
 * folder first and the workspace's `.storydeck/templates` after it, so that a workspace template with a
 * built-in's id replaces it. Folders that do not exist are skipped. Never throws.
 */
export function listTemplates(dirs: readonly (string | undefined)[]): TemplateList {
  const groups: TemplateSource[][] = [];
  const errors: TemplateError[] = [];
  for (const dir of dirs) {
    if (!dir) continue;
    const group: TemplateSource[] = [];
    let names: string[];
    try {
      names = readdirSync(dir).filter((name) => name.endsWith(TEMPLATE_EXTENSION)).sort();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException)?.code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') errors.push(new TemplateError(dir, undefined, `cannot read this folder: ${(e as Error).message}`));
      continue;
    }
    for (const name of names) {
      const file = join(dir, name);
      try {
        const stat = statSync(file);
        if (!stat.isFile()) continue;
        if (stat.size > MAX_TEMPLATE_BYTES) {
          errors.push(new TemplateError(file, undefined, `is ${(stat.size / 1048576).toFixed(1)} MB; a template must be under 1 MB`));
          continue;
        }
        group.push({ file, source: readFileSync(file, 'utf8') });
      } catch (e) {
        errors.push(new TemplateError(file, undefined, `cannot read this file: ${(e as Error).message}`));
      }
    }
    groups.push(group);
  }
  const list = collectTemplates(groups);
  return { templates: list.templates, errors: [...errors, ...list.errors] };
}

/**
 * The built-in `templates/` folder: the nearest one beside a `package.json`, walking up from `from` (pass
 * the calling module's `__dirname`). This finds it from the sources (`src/cli/commands/`) and from the
 * bundles in `dist/` alike. Undefined when there is none.
 */
export function findBuiltinTemplatesDir(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(dir, 'package.json')) && isDirectory(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function idLine(source: string): number {
  const index = source.split(/\r\n?|\n/).findIndex((line) => /^id\s*:/.test(line));
  return index < 0 ? 1 : index + 1;
}
