import { readTextBounded } from '../node/boundedRead';
import { UserError } from '../node/errors';

/** Where a command writes; tests pass their own to capture output. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

/** Bad usage or unreadable input: reported as one line on stderr with exit code 2, like every UserError. */
export class UsageError extends UserError {}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Narratives larger than this are refused before they are read. */
const NARRATIVE_MAX_BYTES = 64 * 1024 * 1024;

/** Reads a narrative (a regular file, at most 64 MB), turning every failure into one clear UsageError line. */
export function readTextFile(file: string): string {
  const read = readTextBounded(file, NARRATIVE_MAX_BYTES);
  if ('text' in read) return read.text;
  throw new UsageError(`Cannot read ${file}: ${'problem' in read ? read.problem : 'no such file.'}`);
}

export { writeAtomically } from '../node/write';
