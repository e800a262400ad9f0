import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Template, TemplateList } from '../../core/scaffold';
import { scaffold, templateFiles } from '../firstUse';
import { EXIT, oneLine, UsageError, type Io } from '../io';
import { formatOption } from '../options';
import type { OptionHelp } from './index';

export const summary = 'List the narrative templates (built-in and .storydeck/templates).';
export const usage = 'storydeck templates [--format text|json]';

export interface LoadedTemplates extends TemplateList {
  builtinDir: string | undefined;
  workspaceDir: string;
}

/**
 * The templates `storydeck new` can use: the built-in ones (the `templates/` folder at the package root,
 * found from this module both in the sources and in the `dist/cli.js` bundle), then the workspace's
 * `.storydeck/templates/` under `cwd`, whose templates replace built-ins with the same id.
 */
export function loadTemplates(cwd: string): LoadedTemplates {
  const { TemplateError, WORKSPACE_TEMPLATES_DIR } = scaffold();
  const { findBuiltinTemplatesDir, listTemplates } = templateFiles();
  const builtinDir = findBuiltinTemplatesDir(__dirname);
  const workspaceDir = resolve(cwd, WORKSPACE_TEMPLATES_DIR);
  // The workspace's templates from inside the folder it runs in only: a link there does not lend a file from elsewhere.
  const list = listTemplates([builtinDir, { dir: workspaceDir, within: cwd }]);
  const errors = builtinDir ? list.errors : [new TemplateError(__dirname, undefined, 'the built-in templates folder was not found; is StoryDeck installed completely?'), ...list.errors];
  return { ...list, errors, builtinDir, workspaceDir };
}

export function isBuiltin(template: Template, loaded: LoadedTemplates): boolean {
  return loaded.builtinDir !== undefined && resolve(template.file).startsWith(resolve(loaded.builtinDir));
}

/** The templates as `storydeck templates --format json` and the MCP server's storydeck_templates list them. */
export function templateRows(loaded: LoadedTemplates) {
  return loaded.templates.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    source: isBuiltin(t, loaded) ? 'built-in' : 'workspace',
    file: t.file,
    prompts: t.prompts.map(({ key, question, default: dflt, required }) => ({ key, question, default: dflt, required })),
  }));
}

export const options = { format: { type: 'string', default: 'text' } } as const;

export const optionHelp: Record<keyof typeof options, OptionHelp> = {
  format: { value: 'text|json', text: 'How to print the list (default: text).' },
};

export function run(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true });
  const format = formatOption(values.format, ['text', 'json']);
  if (positionals.length > 0) throw new UsageError(`templates takes no files. Usage: ${usage}`);
  const loaded = loadTemplates(io.cwd);
  for (const error of loaded.errors) io.err(oneLine(error.message));
  if (format === 'json') {
    const rows = templateRows(loaded);
    io.out(JSON.stringify(rows, null, 2));
  } else {
    const width = Math.max(0, ...loaded.templates.map((t) => t.id.length));
    const rows = loaded.templates.flatMap((t) => [
      oneLine(`${t.id.padEnd(width)}  ${t.name}${isBuiltin(t, loaded) ? '' : ' (workspace)'}: ${t.description}`),
      `${''.padEnd(width)}  --set ${t.prompts.map((p) => `${p.key}${p.required ? ' (required)' : ''}`).join(', ') || '(no prompts)'}`,
    ]);
    io.out(rows.length ? rows.join('\n') : 'No templates found.');
  }
  // A broken template is unreadable input: still list the others, but say so in the exit code.
  return loaded.errors.length > 0 ? EXIT.usage : EXIT.ok;
}
