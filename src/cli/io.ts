import { randomBytes } from 'node:crypto';
import { linkSync, lstatSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Where a command writes; tests pass their own to capture output. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

/** Bad usage or unreadable input: reported as one line on stderr with exit code 2. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Reads a text file, turning every failure into one clear UsageError line. */
export function readTextFile(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new UsageError(`${file} is a folder, not a Markdown file.`);
    size = stat.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`Cannot read ${file}: ${describeFsError(e)}`);
  }
  if (size > 64 * 1024 * 1024) throw new UsageError(`${file} is ${(size / 1048576).toFixed(0)} MB; that is not a narrative StoryDeck can read.`);
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`Cannot read ${file}: ${describeFsError(e)}`);
  }
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file.';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied.';
    case 'EISDIR':
      return 'it is a folder.';
    default:
      return String((e as Error)?.message ?? e);
  }
}

/**
 * Writes `data` to `target` atomically: to a temporary file in the same folder, then moved into place,
 * so an interrupted or failed write never leaves a truncated file where a good one was. Unless `replace`
 * is set, an existing file is never replaced, not even one created between the check and the move: the
 * move is then a hard link, which fails if the name exists (rename only where hard links are missing).
 * `shown` is the name used in messages.
 */
export function writeAtomically(target: string, data: string | Uint8Array, { replace, shown = target }: { replace: boolean; shown?: string }): void {
  const existing = statOrUndefined(target);
  if (existing?.isDirectory()) throw new UsageError(`${shown} is a folder; give a file name.`);
  if (existing && !replace) throw new UsageError(`${shown} already exists; use --force to replace it.`);

  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    throw new UsageError(code === 'ENOENT' ? `cannot write ${shown}: the folder ${dir} does not exist.` : `cannot write ${shown}: ${describeFsError(e)}`);
  }
  try {
    if (replace) {
      renameSync(temp, target);
      return;
    }
    try {
      linkSync(temp, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException)?.code;
      if (code === 'EEXIST') throw new UsageError(`${shown} already exists; use --force to replace it.`);
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(code ?? '')) throw e;
      if (statOrUndefined(target)) throw new UsageError(`${shown} already exists; use --force to replace it.`);
      renameSync(temp, target);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot write ${shown}: ${describeFsError(e)}`);
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
