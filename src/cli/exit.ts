import { describeFsError } from '../node/errors';

/** The streams the CLI prints to, as {@link exitPromptly} reads them. */
export interface Printed {
  writableLength: number;
  destroyed: boolean;
}

/**
 * Ends the process with `code` as soon as its command is done, rather than when Node's event loop runs dry. After the
 * last callback Node still runs the tasks V8 left for idle time (a last scavenge, the end of an incremental mark of the
 * old generation) and then tears the heap down page by page: after an export of 300 slides that is about a tenth of the
 * process's CPU time (docs/performance.md, "Session 13"). A command has finished all its work when its promise settles:
 * files are written synchronously, and a PDF export waits for the browser to close.
 *
 * Output still buffered would be lost by `process.exit`, so then the process ends the usual way. On Linux a file and a
 * terminal are written synchronously, and so is a pipe while its buffer (64 KiB) has room: a longer output to a reader that
 * has not kept up (`storydeck outline --format json big.md | slow-reader`) is left queued, and that run ends the usual way.
 */
export function exitPromptly(code: number, printed: readonly Printed[] = [process.stdout, process.stderr], exit: (code: number) => void = (c) => process.exit(c)): void {
  process.exitCode = code;
  if (printed.every((stream) => stream.destroyed || stream.writableLength === 0)) exit(code);
}

/** A stream the CLI prints to, as {@link guardOutput} watches it. */
export interface Watched {
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/**
 * Keeps a failed write to stdout or stderr from ending the CLI with Node's uncaught-error stack trace. A reader that went
 * away (`storydeck outline --format json big.md | head`, EPIPE) ends the output quietly, as other command-line tools do,
 * and the exit code stays the command's; any other failure to write stdout (`> /dev/full`, ENOSPC) is one line on stderr
 * and exit code 2 (`failed` tells the caller, which sets the code when the command is done). Only the first failure is
 * told: every later write to the closed stream fails too. stderr failing has nowhere to be told.
 */
export function guardOutput(stdout: Watched, stderr: Watched, say: (line: string) => void): { readonly failed: boolean } {
  const state = { failed: false, told: false };
  stdout.on('error', (error) => {
    if (state.told) return;
    state.told = true;
    if (error?.code === 'EPIPE') return;
    state.failed = true;
    process.exitCode = 2;
    say(`storydeck: cannot write the output: ${describeFsError(error)}`);
  });
  stderr.on('error', () => undefined);
  return state;
}
