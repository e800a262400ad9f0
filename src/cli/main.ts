import { COMMANDS, type Command } from './commands';
import { argumentErrorLine, asksForHelp, commandHelp, generalHelp } from './help';
import { FileExistsError, UserError } from '../node/errors';
import { EXIT, oneLine, terminalSafe, type Io } from './io';

/**
 * Runs the CLI and returns its exit code: 0 success, 1 findings over the bar, 2 bad usage or unreadable
 * input. Everything it prints goes through terminalSafe.
 */
export async function main(argv: string[], rawIo: Io): Promise<number> {
  const io = terminalSafe(rawIo);
  const [name, ...rest] = argv;
  if (!name || ((name === '--help' || name === '-h' || name === 'help') && rest.length === 0)) {
    io.out(generalHelp(COMMANDS));
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    io.out(VERSION);
    return EXIT.ok;
  }
  // `storydeck help export` is `storydeck export --help`.
  const helpFor = name === 'help' || name === '--help' || name === '-h' ? rest[0] : undefined;
  const commandName = helpFor ?? name;
  const command = Object.hasOwn(COMMANDS, commandName) ? COMMANDS[commandName] : undefined;
  if (!command) {
    io.err(oneLine(`storydeck: unknown command "${commandName}". Commands: ${Object.keys(COMMANDS).join(', ')}.`));
    return EXIT.usage;
  }
  if (helpFor !== undefined || asksForHelp(rest)) {
    io.out(commandHelp(command));
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    io.err(oneLine(`storydeck ${name}: ${errorLine(command, e)}`));
    return EXIT.usage;
  }
}

/** One line for the user: our own usage and user errors as written, argument errors from parseArgs with the usage, anything else briefly. */
function errorLine(command: Command, e: unknown): string {
  if (e instanceof FileExistsError) return `${e.shown} already exists; use --force to replace it.`;
  if (e instanceof UserError) return e.message;
  const code = (e as { code?: string })?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return argumentErrorLine(command, (e as Error).message);
  return `unexpected error: ${(e as Error)?.message ?? String(e)}`;
}

declare const STORYDECK_VERSION: string;
const VERSION = typeof STORYDECK_VERSION === 'string' ? STORYDECK_VERSION : 'dev';
