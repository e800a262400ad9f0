import { parseTemplate, TemplateError, type Template } from './template';

/** Where a workspace keeps its own templates, relative to the workspace root. */
export const WORKSPACE_TEMPLATES_DIR = '.storydeck/templates';
/** Template files end with this. */
export const TEMPLATE_EXTENSION = '.hbs';

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

function idLine(source: string): number {
  const index = source.split(/\r\n?|\n/).findIndex((line) => /^id\s*:/.test(line));
  return index < 0 ? 1 : index + 1;
}
