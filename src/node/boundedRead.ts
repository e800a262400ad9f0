import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { describeFsError } from './errors';

/** Config files (`.storydeck.*` and what they `extend`) are refused above this size. */
export const CONFIG_MAX_BYTES = 1024 * 1024;

/** A bounded read: the text, nothing at that path, or why it cannot be read (the end of a sentence). */
export type BoundedText = { text: string } | { missing: true } | { problem: string };

/**
 * Why a file with this type and size cannot be read as text of at most `maxBytes` (the end of a
 * sentence), or undefined when it can. Only regular files: a folder, a device such as `/dev/zero`, a pipe
 * or a socket never is. Hosts that stat through another API (the extension's `vscode.workspace.fs`) ask it too.
 */
export function unreadableReason(file: { isFile: boolean; isDirectory: boolean; size: number }, maxBytes: number): string | undefined {
  if (file.isDirectory) return 'it is a folder.';
  if (!file.isFile) return 'it is not a regular file (a device, a pipe or a socket).';
  if (file.size > maxBytes) return tooLarge(maxBytes);
  return undefined;
}

/**
 * Reads a regular file of at most `maxBytes` as UTF-8, never blocking on a pipe and never reading more
 * than `maxBytes + 1` bytes, even from a file whose size the system does not report (as in /proc).
 * Symbolic links are followed. Failures come back as a problem, never thrown.
 */
export function readTextBounded(path: string, maxBytes: number): BoundedText {
  let fd: number | undefined;
  try {
    const reason = unreadableReason(kind(statSync(path)), maxBytes);
    if (reason) return { problem: reason };
    // Non-blocking, so a pipe put in its place since the stat cannot hang the open; fstat then checks what was opened.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = kind(fstatSync(fd));
    const opened = unreadableReason(stat, maxBytes);
    if (opened) return { problem: opened };
    // The reported size is a hint (it is 0 in /proc): read until the end, or until one byte past the limit.
    const chunks: Buffer[] = [];
    let length = 0;
    for (let size = Math.min(stat.size, maxBytes) + 1; length <= maxBytes; size = 64 * 1024) {
      const chunk = Buffer.allocUnsafe(size);
      const n = readSync(fd, chunk, 0, size, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      length += n;
    }
    if (length > maxBytes) return { problem: tooLarge(maxBytes) };
    return { text: Buffer.concat(chunks, length).toString('utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    return code === 'ENOENT' ? { missing: true } : { problem: describeFsError(e) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function kind(stat: Stats) {
  return { isFile: stat.isFile(), isDirectory: stat.isDirectory(), size: stat.size };
}

function tooLarge(maxBytes: number): string {
  return `it is larger than ${maxBytes >= 1048576 ? `${maxBytes / 1048576} MB` : `${maxBytes} bytes`}.`;
}
