import { readFileSync, statSync } from 'node:fs';
import { describeFsError, UserError } from '../node/errors';

/** Where a command writes; tests pass their own to capture output. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

/** Bad usage or unreadable input: reported as one line on stderr with exit code 2, like every UserError. */
export class UsageError extends UserError {}

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

export { writeAtomically } from '../node/write';
