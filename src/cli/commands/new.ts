import { randomBytes } from 'node:crypto';
import { linkSync, lstatSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AnswerError, renderTemplate, TEMPLATE_EXTENSION, TemplateError } from '../../core/scaffold';
import { describeFsError, EXIT, UsageError, type Io } from '../io';
import { loadTemplates } from './templates';

export const summary = 'Start a new narrative from a template.';
export const usage = 'storydeck new --template ID [--set key=value]... [-o FILE] [--force]';

export function run(args: string[], io: Io): number {
  const { values } = parseArgs({
    args,
    options: {
      template: { type: 'string', short: 't' },
      set: { type: 'string', multiple: true },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  const loaded = loadTemplates(io.cwd);
  const ids = loaded.templates.map((t) => t.id).join(', ') || '(none)';
  const id = values.template;
  if (!id) throw new UsageError(`--template is required. Available templates: ${ids}. Usage: ${usage}`);
  const template = loaded.templates.find((t) => t.id === id);
  if (!template) {
    const broken = loaded.errors.find((e) => basename(e.file, TEMPLATE_EXTENSION) === id);
    if (broken) throw new UsageError(`template "${id}" cannot be used: ${broken.message}`);
    throw new UsageError(`unknown template "${id}". Available templates: ${ids}.`);
  }

  let text: string;
  try {
    text = renderTemplate(template, parseSets(values.set ?? []));
  } catch (e) {
    if (e instanceof AnswerError) throw new UsageError(`${e.message} Set answers with --set key=value.`);
    if (e instanceof TemplateError) throw new UsageError(e.message);
    throw e;
  }

  if (values.output === undefined) {
    io.out(text);
    return EXIT.ok;
  }
  const target = resolve(io.cwd, values.output);
  writeNewFile(target, text, values.force === true, values.output);
  io.out(`Created ${relative(io.cwd, target) || values.output} from the ${template.id} template.`);
  return EXIT.ok;
}

/** `--set key=value` pairs; the value may contain `=`; a later pair for the same key wins. */
function parseSets(sets: readonly string[]): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const set of sets) {
    const eq = set.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set needs key=value (got "${set}").`);
    answers[set.slice(0, eq)] = set.slice(eq + 1);
  }
  return answers;
}

/**
 * Writes `text` to `target` atomically: to a temporary file in the same folder, then moved into place, so a
 * reader never sees half a file. Without `force` an existing file is never replaced, not even one created
 * between the check and the move: the move is a hard link, which fails if the name exists (a rename is
 * used only where the file system has no hard links).
 */
function writeNewFile(target: string, text: string, force: boolean, shown: string): void {
  const existing = statOrUndefined(target);
  if (existing?.isDirectory()) throw new UsageError(`${shown} is a folder; give a file name with -o.`);
  if (existing && !force) throw new UsageError(`${shown} already exists; use --force to overwrite it.`);

  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    throw new UsageError(code === 'ENOENT' ? `Cannot write ${shown}: the folder ${dir} does not exist.` : `Cannot write ${shown}: ${describeFsError(e)}`);
  }
  try {
    if (force) {
      renameSync(temp, target);
      return;
    }
    try {
      linkSync(temp, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException)?.code;
      if (code === 'EEXIST') throw new UsageError(`${shown} already exists; use --force to overwrite it.`);
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(code ?? '')) throw e;
      if (statOrUndefined(target)) throw new UsageError(`${shown} already exists; use --force to overwrite it.`);
      renameSync(temp, target);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`Cannot write ${shown}: ${describeFsError(e)}`);
  } finally {
    rmSync(temp, { force: true });
  }
}

function statOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
