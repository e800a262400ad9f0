import { basename, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Template } from '../../core/scaffold';
import { scaffold } from '../firstUse';
import { refuseLinkOut } from '../../node/write';
import { repositoryRoot } from '../files';
import { EXIT, oneLine, UsageError, writeAtomically, type Io } from '../io';
import { outputOption } from '../options';
import type { OptionHelp } from './index';
import { loadTemplates, type LoadedTemplates } from './templates';

export const summary = 'Start a new narrative from a template.';
export const usage = 'storydeck new --template ID [--set key=value]... [-o FILE] [--force]';

export const options = {
  template: { type: 'string', short: 't' },
  set: { type: 'string', multiple: true },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean', default: false },
} as const;

export const optionHelp: Record<keyof typeof options, OptionHelp> = {
  template: { value: 'ID', text: 'The template to start from (storydeck templates lists them).' },
  set: { value: 'key=value', text: 'An answer to one of the template’s questions, e.g. --set title="Faster month-end close"; repeat for each.' },
  output: { value: 'FILE', text: 'The file to create (default: print the narrative).' },
  force: { text: 'Replace FILE if it exists.' },
};

export function run(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options, allowPositionals: false });
  const output = outputOption(values.output);
  const { template, text } = renderFromTemplate(loadTemplates(io.cwd), values.template, parseSets(values.set ?? []), 'Set answers with --set key=value.');
  if (output === undefined) {
    io.out(text);
    return EXIT.ok;
  }
  const target = resolve(io.cwd, output);
  // The folder it runs in, or the repository around it: a link there does not take the new narrative out of it.
  refuseLinkOut(repositoryRoot(io.cwd) ?? io.cwd, target, output);
  writeAtomically(target, text, { replace: values.force === true, shown: output });
  io.out(oneLine(`Created ${relative(io.cwd, target) || output} from the ${template.id} template.`));
  return EXIT.ok;
}

/**
 * The narrative that template `id` writes with `answers`, shared with the MCP server's storydeck_new. A
 * missing, unknown or broken template, or a missing answer, is a UsageError; `how` ends that message by
 * telling how to give answers.
 */
export function renderFromTemplate(loaded: LoadedTemplates, id: string | undefined, answers: Record<string, string>, how: string): { template: Template; text: string } {
  const { AnswerError, renderTemplate, TEMPLATE_EXTENSION, TemplateError } = scaffold();
  const ids = loaded.templates.map((t) => t.id).join(', ') || '(none)';
  if (!id) throw new UsageError(`--template is required. Available templates: ${ids}. Usage: ${usage}`);
  const template = loaded.templates.find((t) => t.id === id);
  if (!template) {
    const broken = loaded.errors.find((e) => basename(e.file, TEMPLATE_EXTENSION) === id);
    if (broken) throw new UsageError(`template "${id}" cannot be used: ${broken.message}`);
    throw new UsageError(`unknown template "${id}". Available templates: ${ids}.`);
  }
  try {
    return { template, text: renderTemplate(template, answers) };
  } catch (e) {
    if (e instanceof AnswerError) throw new UsageError(`${e.message} ${how}`);
    if (e instanceof TemplateError) throw new UsageError(e.message);
    throw e;
  }
}

/**
 * `--set key=value` pairs; the value may contain `=`; a later pair for the same key wins. In an object without a
 * prototype, so that `__proto__` is a key like any other (an unknown one), not a setter that drops it in silence.
 */
function parseSets(sets: readonly string[]): Record<string, string> {
  const answers = Object.create(null) as Record<string, string>;
  for (const set of sets) {
    const eq = set.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set needs key=value (got "${set}").`);
    answers[set.slice(0, eq)] = set.slice(eq + 1);
  }
  return answers;
}
