/**
 * Which local files StoryDeck may read because a narrative (or something next to it) names them. The
 * one place for that policy: the exporter asks it for pictures; plugins and config loading can ask it too.
 */
import { closeSync, constants, existsSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';

/**
 * The largest file read: 20 MiB holds a full-resolution phone photo or a 4K PNG screenshot with room to
 * spare, and keeps a deck of them in memory (an HTML export carries each one again as base64). A larger
 * file is not a slide picture, and a device such as /dev/zero never ends.
 */
export const MAX_READ_BYTES = 20 * 1024 * 1024;

export interface ReadScope {
  /** Only files whose real path (symbolic links resolved) is inside this folder's real path; undefined: anywhere. */
  root?: string;
  /** Larger files are refused; default MAX_READ_BYTES. */
  maxBytes?: number;
}

/** A read the scope does not allow. `real` is the file's real path; `outside` is set when it lies outside the scope's root. */
export class ReadRefused extends Error {
  override name = 'ReadRefused';
  constructor(
    message: string,
    readonly real: string,
    readonly outside = false,
  ) {
    super(message);
  }
}

/**
 * Reads a regular file the scope allows, after resolving symbolic links, and never more than the size
 * limit: type and size come from the opened descriptor, and at most limit + 1 bytes are read, so a
 * device, a FIFO or a file that grows cannot hang the read or fill memory. Throws ReadRefused (its
 * message ends a sentence that starts with the file's name) or the file system's error (see
 * describeFsError).
 */
export function readLocalFile(path: string, scope: ReadScope = {}): Buffer {
  const real = realpathSync(path);
  if (scope.root !== undefined && !contains(realPath(scope.root), real)) throw new ReadRefused(`is outside ${resolve(scope.root)}`, real, true);
  const limit = scope.maxBytes ?? MAX_READ_BYTES;
  const tooLarge = () => new ReadRefused(`is larger than ${size(limit)}, the most StoryDeck reads`, real);
  // Non-blocking, so that opening a FIFO does not wait for a writer; never through a link swapped in since realpath.
  const fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new ReadRefused('is not a regular file (a device, FIFO or socket)', real);
    if (stats.size > limit) throw tooLarge();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(limit + 1 - total, Math.max(stats.size + 1 - total, 64 * 1024)));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) return Buffer.concat(chunks, total);
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > limit) throw tooLarge();
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether `path` is inside `root` (or is `root`) once symbolic links are resolved; for a path that does
 * not exist yet, those of its nearest existing folder.
 */
export function isInside(root: string, path: string): boolean {
  return contains(realPath(root), realPath(path));
}

/**
 * `path` (relative to `root`, or absolute) resolved for a caller confined to `root`, such as the MCP
 * server: undefined when it lies outside once symbolic links are resolved — `../`, an absolute path
 * elsewhere, or a link inside the root that points out of it. A path that does not exist yet is judged
 * by its nearest existing folder.
 */
export function resolveInRoot(root: string, path: string): string | undefined {
  const absolute = resolve(root, path);
  return isInside(root, absolute) ? absolute : undefined;
}

/**
 * Where a write to `path` would go when it leaves `root` only through a symbolic link inside it: `path` as written is
 * inside `root`, but once links are resolved (for a file not there yet, those of its nearest existing folder) it is
 * not — a linked file or folder the project holds chose where the text goes, not the person who named the path.
 * Undefined otherwise; a path named outside `root` is the caller's own choice.
 */
export function linkedOutOf(root: string, path: string): string | undefined {
  if (!contains(resolve(root), resolve(path))) return undefined;
  const real = realPath(path);
  return contains(realPath(root), real) ? undefined : real;
}

/**
 * The folder a narrative's exports read pictures from by default: the repository it is in (the nearest
 * folder above it holding `.git`), else its own folder.
 */
export function projectRoot(file: string): string {
  const own = dirname(resolve(file));
  for (let dir = own; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return own;
  }
}

function contains(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

/**
 * `path` with symbolic links resolved as far as it exists: its longest existing folder resolved, then the rest. That
 * folder is found by halving (a prefix that resolves has every shorter one resolving too), so a path of n names costs
 * log n resolutions; trying one parent after another was quadratic and recursed once per name — an agent's path of
 * 64,000 names took two minutes and overflowed the stack.
 */
function realPath(path: string): string {
  const absolute = resolve(path);
  const { root } = parse(absolute);
  const names = absolute.slice(root.length).split(sep).filter(Boolean);
  const real = (count: number): string | undefined => {
    try {
      return realpathSync(join(root, ...names.slice(0, count)));
    } catch {
      return undefined;
    }
  };
  const whole = real(names.length);
  if (whole !== undefined) return whole;
  // `found` resolves the first `exists` names; the first `missing` names do not resolve.
  let [exists, missing, found] = [0, names.length, real(0) ?? root];
  while (missing - exists > 1) {
    const middle = (exists + missing) >> 1;
    const resolved = real(middle);
    if (resolved === undefined) missing = middle;
    else [exists, found] = [middle, resolved];
  }
  return join(found, ...names.slice(exists));
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${bytes} bytes`;
}
