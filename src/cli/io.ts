import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';

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
 * Writes through a temporary file in the same folder, then renames it over the target, so an
 * interrupted or failed write never leaves a truncated file where a good one was.
 */
export function writeAtomically(file: string, data: string | Uint8Array): void {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new UsageError(`cannot write ${file}: ${describeFsError(e)}`);
  }
}
