import { chmodSync, closeSync, fsyncSync, ftruncateSync, linkSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeFsError, FileExistsError, UserError } from './errors';
import { linkedOutOf } from './fileAccess';

/**
 * Writes `data` to `target` atomically: to a temporary file in the same folder, then moved into place,
 * so an interrupted or failed write never leaves a truncated file where a good one was. Unless `replace`
 * is set, an existing file is never replaced, not even one created between the check and the move: the
 * move is then a hard link, which fails if the name exists (rename only where hard links are missing).
 *
 * Replacing writes through to the user's file: a symbolic link is followed to the file it points at (the
 * temporary file goes next to that file, and the link stays a link); the file keeps its permissions; a
 * file with other hard links is rewritten in place, so every name still shows the new text (that write is
 * not atomic). Only a regular file is ever replaced. `shown` is the name used in messages. Throws
 * FileExistsError or UserError, with the target untouched.
 */
export function writeAtomically(target: string, data: string | Uint8Array, { replace, shown = target }: { replace: boolean; shown?: string }): void {
  const existing = statOrUndefined(target);
  if (existing?.isDirectory()) throw new UserError(`${shown} is a folder; give a file name.`);
  if (existing && !replace) throw new FileExistsError(shown);
  const file = existing?.isSymbolicLink() ? linkedFile(target, shown) : target;
  const current = existing?.isSymbolicLink() ? statSync(file) : existing;
  if (current?.isDirectory()) throw new UserError(`${shown} is a link to a folder; give a file name.`);
  if (current && !current.isFile()) throw new UserError(`${shown} is not a regular file (a device, a pipe or a socket); give a file name.`);
  if (current && current.nlink > 1) return writeInPlace(file, data, shown);

  const dir = dirname(file);
  // Web Crypto's global, not `node:crypto`: Node loads it on first use, so a command that writes nothing never does.
  const temp = join(dir, `.${basename(file)}.${process.pid}.${Buffer.from(crypto.getRandomValues(new Uint8Array(6))).toString('hex')}.tmp`);
  try {
    // Created no more open than the file it replaces (the umask may narrow it), then given its exact mode.
    writeFileSync(temp, data, { flag: 'wx', mode: current ? current.mode & 0o777 : 0o666 });
    if (current) chmodSync(temp, current.mode & 0o777);
  } catch (e) {
    removeTemporary(temp);
    const code = (e as NodeJS.ErrnoException)?.code;
    throw new UserError(code === 'ENOENT' ? `cannot write ${shown}: the folder ${dir} does not exist.` : `cannot write ${shown}: ${describeFsError(e)}`);
  }
  try {
    if (replace) {
      renameSync(temp, file);
      return;
    }
    try {
      linkSync(temp, file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException)?.code;
      if (code === 'EEXIST') throw new FileExistsError(shown);
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(code ?? '')) throw e;
      if (statOrUndefined(file)) throw new FileExistsError(shown);
      renameSync(temp, file);
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`cannot write ${shown}: ${describeFsError(e)}`);
  } finally {
    removeTemporary(temp);
  }
}

/**
 * Throws a UserError when a write to `target` would leave `root` through a symbolic link the project holds (the file
 * itself, or a folder on its path; `linkedOutOf`): the project chose where the text goes, not the person who named
 * the path. A path named outside `root` is theirs to choose, and passes.
 */
export function refuseLinkOut(root: string, target: string, shown = target): void {
  const linked = linkedOutOf(root, target);
  if (linked === undefined) return;
  throw new UserError(
    `${shown} leads out of ${root} through a symbolic link, to ${linked}; StoryDeck does not write outside the project through a link it holds. To write there, name that file itself.`,
  );
}

/** Whether something (a file, a folder, a link) is at `path`. */
export function exists(path: string): boolean {
  return statOrUndefined(path) !== undefined;
}

/** Whether `a` and `b` are the same file: the same path, a symbolic link to it, a hard link or a path through a linked folder. */
export function isSameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** The file a symbolic link points at, through every link on the way; a link to nothing is refused. */
function linkedFile(link: string, shown: string): string {
  try {
    return realpathSync(link);
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code === 'ENOENT') throw new UserError(`cannot write ${shown}: it is a symbolic link to ${readlinkSync(link)}, which does not exist.`);
    throw new UserError(`cannot write ${shown}: ${describeFsError(e)}`);
  }
}

/** Rewrites a file in place (it has other hard links, which a rename would leave on the old text). */
function writeInPlace(file: string, data: string | Uint8Array, shown: string): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r+');
    writeFileSync(fd, bytes);
    ftruncateSync(fd, bytes.byteLength);
    fsyncSync(fd);
  } catch (e) {
    throw new UserError(`cannot write ${shown}: ${describeFsError(e)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The temporary file may not exist, or its folder may not (ENOTDIR): nothing to clean up then. */
function removeTemporary(temp: string): void {
  try {
    rmSync(temp, { force: true });
  } catch {
    // nothing was created
  }
}
