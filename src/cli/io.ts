import { readTextBounded } from '../node/boundedRead';
import { escapeControls } from '../core/deck/controls';
import { UserError } from '../node/errors';

/** Where a command writes; tests pass their own to capture output. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export { escapeControls, oneLine } from '../core/deck/controls';

/** `io` with everything written through it escaped: text from a narrative, a file name or a config never drives the terminal. */
export function terminalSafe(io: Io): Io {
  return { ...io, out: (text) => io.out(escapeControls(text)), err: (text) => io.err(escapeControls(text)) };
}

/** Bad usage or unreadable input: reported as one line on stderr with exit code 2, like every UserError. */
export class UsageError extends UserError {}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Narratives larger than this are refused before they are read. */
const NARRATIVE_MAX_BYTES = 64 * 1024 * 1024;

/** A byte-order mark, which some editors write at the start of a UTF-8 file. */
const BOM = '\uFEFF';

/**
 * A narrative's text without the byte-order mark its file may start with, and the mark (or '') to put back when
 * the file is written. Like an editor, StoryDeck sets the mark aside: its front matter and first heading are read
 * as such, and no column counts it.
 */
export interface NarrativeFile {
  text: string;
  bom: string;
}

/** Reads a narrative (a regular file, at most 64 MB), turning every failure into one clear UsageError line. */
export function readNarrative(file: string): NarrativeFile {
  const read = readTextBounded(file, NARRATIVE_MAX_BYTES);
  if (!('text' in read)) throw new UsageError(`Cannot read ${file}: ${'problem' in read ? read.problem : 'no such file.'}`);
  const bom = read.text.startsWith(BOM) ? BOM : '';
  return { text: read.text.slice(bom.length), bom };
}

export { writeAtomically } from '../node/write';
