import { COMMANDS } from './commands';
import { FileExistsError, UserError } from '../node/errors';
import { EXIT, terminalSafe, type Io } from './io';

function help(): string {
  const rows = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(48)} ${c.summary}`);
  return ['Usage: storydeck <command> [options]', '', 'Commands:', ...rows].join('\n');
}

/**
 * Runs the CLI and returns its exit code: 0 success, 1 findings over the bar, 2 bad usage or unreadable
 * input. Everything it prints goes through terminalSafe.
 */
export async function main(argv: string[], rawIo: Io): Promise<number> {
  const io = terminalSafe(rawIo);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    io.out(VERSION);
    return EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`storydeck: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}.`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    io.err(`storydeck ${name}: ${errorLine(e)}`);
    return EXIT.usage;
  }
}

/** One line for the user: our own usage and user errors as written, argument errors from parseArgs, anything else briefly. */
function errorLine(e: unknown): string {
  if (e instanceof FileExistsError) return `${e.shown} already exists; use --force to replace it.`;
  if (e instanceof UserError) return e.message;
  const code = (e as { code?: string })?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return (e as Error).message;
  return `unexpected error: ${(e as Error)?.message ?? String(e)}`;
}

declare const STORYDECK_VERSION: string;
const VERSION = typeof STORYDECK_VERSION === 'string' ? STORYDECK_VERSION : 'dev';
