import { randomBytes } from 'node:crypto';
import { linkSync, lstatSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeFsError, FileExistsError, UserError } from './errors';

/**
 * Writes `data` to `target` atomically: to a temporary file in the same folder, then moved into place,
 * so an interrupted or failed write never leaves a truncated file where a good one was. Unless `replace`
 * is set, an existing file is never replaced, not even one created between the check and the move: the
 * move is then a hard link, which fails if the name exists (rename only where hard links are missing).
 * `shown` is the name used in messages. Throws FileExistsError or UserError, with the target untouched.
 */
export function writeAtomically(target: string, data: string | Uint8Array, { replace, shown = target }: { replace: boolean; shown?: string }): void {
  const existing = statOrUndefined(target);
  if (existing?.isDirectory()) throw new UserError(`${shown} is a folder; give a file name.`);
  if (existing && !replace) throw new FileExistsError(shown);

  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
  } catch (e) {
    rmSync(temp, { force: true });
    const code = (e as NodeJS.ErrnoException)?.code;
    throw new UserError(code === 'ENOENT' ? `cannot write ${shown}: the folder ${dir} does not exist.` : `cannot write ${shown}: ${describeFsError(e)}`);
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
      if (code === 'EEXIST') throw new FileExistsError(shown);
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(code ?? '')) throw e;
      if (statOrUndefined(target)) throw new FileExistsError(shown);
      renameSync(temp, target);
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`cannot write ${shown}: ${describeFsError(e)}`);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Whether something (a file, a folder, a link) is at `path`. */
export function exists(path: string): boolean {
  return statOrUndefined(path) !== undefined;
}

function statOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
