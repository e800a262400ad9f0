/** A failure the user can fix, told in one line: the CLI prints it on stderr (exit 2), VS Code shows it as an error message. */
export class UserError extends Error {
  override name = 'UserError';
}

/** The output exists and replacing it was not allowed; the file was left untouched. `shown` is its name as the user gave it. */
export class FileExistsError extends UserError {
  override name = 'FileExistsError';
  constructor(readonly shown: string) {
    super(`${shown} already exists.`);
  }
}

/** The reason behind a file-system error, as the end of a sentence. */
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
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder.';
    default:
      return String((e as Error)?.message ?? e);
  }
}
