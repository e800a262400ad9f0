import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { collectTemplates, MAX_TEMPLATE_BYTES, TEMPLATE_EXTENSION, TemplateError, type TemplateList, type TemplateSource } from '../core/scaffold';
import { readTextBounded } from './boundedRead';
import { isInside } from './fileAccess';

/** A folder of templates, and the folder they must be inside once symbolic links are resolved (a workspace's own). */
export interface TemplateFolder {
  dir: string;
  within: string;
}

/**
 * Lists the templates in `dirs` (`*.hbs`, sorted by file name), in precedence order: pass the built-in
 * folder first and the workspace's `.storydeck/templates` after it, so that a workspace template with a
 * built-in's id replaces it. Folders that do not exist are skipped; a `*.hbs` that is not a regular file of
 * at most 1 MB (a folder, a device, a pipe) is an error naming it, and so is one of a `TemplateFolder` that a
 * symbolic link (the file, or a folder on its path) takes outside its `within`; a `TemplateFolder` that a link
 * takes outside is one error naming the folder, its listing unread. Never throws.
 */
export function listTemplates(folders: readonly (string | TemplateFolder | undefined)[]): TemplateList {
  const groups: TemplateSource[][] = [];
  const errors: TemplateError[] = [];
  for (const folder of folders) {
    if (!folder) continue;
    const { dir, within } = typeof folder === 'string' ? { dir: folder, within: undefined } : folder;
    const group: TemplateSource[] = [];
    // A templates folder that is itself a link out: one error naming it, and its listing is not read either.
    if (within !== undefined && existsSync(dir) && !isInside(within, dir)) {
      errors.push(new TemplateError(dir, undefined, `cannot read this folder: a symbolic link takes it outside ${within}, and templates are read only from inside it.`));
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(dir)
        .filter((name) => name.endsWith(TEMPLATE_EXTENSION))
        .sort();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException)?.code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') errors.push(new TemplateError(dir, undefined, `cannot read this folder: ${(e as Error).message}`));
      continue;
    }
    for (const name of names) {
      const file = join(dir, name);
      if (within !== undefined && !isInside(within, file)) {
        errors.push(new TemplateError(file, undefined, `cannot read this file: a symbolic link takes it outside ${within}, and templates are read only from inside it.`));
        continue;
      }
      // Regular files only, links followed, at most MAX_TEMPLATE_BYTES + 1 bytes read: never a hang on a pipe or a device.
      const read = readTextBounded(file, MAX_TEMPLATE_BYTES);
      if ('text' in read) group.push({ file, source: read.text });
      else if ('problem' in read) errors.push(new TemplateError(file, undefined, `cannot read this file: ${read.problem}`));
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
